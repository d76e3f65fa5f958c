"""Where a project keeps its inputs: the schemas folder and the changelog."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from packaging.version import Version

from generator.changelog import Changelog, Lineage, Release, load_changelog

CHANGELOG_NAME = "changelog.yaml"


@dataclass(frozen=True)
class Project:
    schemas: Path

    @property
    def changelog_path(self) -> Path:
        return self.schemas / CHANGELOG_NAME

    @cached_property
    def changelog(self) -> Changelog:
        return load_changelog(self.changelog_path)

    @cached_property
    def lineage(self) -> Lineage:
        return Lineage.build(self.changelog)

    @property
    def baseline(self) -> Release:
        return next(r for r in self.changelog.releases if r.base is None)

    def schema_dir(self, version: Version | str) -> Path:
        return self.schemas / str(version)

    def select(self, names: tuple[str, ...]) -> tuple[Release, ...]:
        """The named releases in lineage order, or every release when none is named."""
        if not names:
            return self.lineage.order()
        known = {r.name: r for r in self.changelog.releases}
        for alias_owner in self.changelog.releases:
            for alias in alias_owner.also_known_as:
                known.setdefault(alias, alias_owner)
        missing = [n for n in names if n not in known]
        if missing:
            from generator.errors import InputError

            raise InputError(
                self.changelog_path,
                f"unknown release {missing[0]}",
                fix="run 'webexgen releases' to list the known releases",
            )
        chosen = {known[n].version for n in names}
        return tuple(r for r in self.lineage.order() if r.version in chosen)
