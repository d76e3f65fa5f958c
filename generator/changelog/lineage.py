"""Release lineage: which release each one is built on, and what it ships.

A release holds everything its base holds plus the changes listed for it. A
change shipped on two trains (a backport) is listed for both releases, so it
reaches each train and, through the bases, every later release of the main line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from packaging.version import Version

from generator.errors import InputError

if TYPE_CHECKING:
    from generator.changelog.model import Change, Changelog, Release

MAIN_LINE = "main"


@dataclass(frozen=True)
class Lineage:
    changelog: Changelog

    @classmethod
    def build(cls, changelog: Changelog) -> Lineage:
        lineage = cls(changelog)
        lineage._validate()
        return lineage

    def _validate(self) -> None:
        roots = [r for r in self.changelog.releases if r.base is None]
        if len(roots) != 1:
            names = ", ".join(r.name for r in roots) or "none"
            raise self._fail(
                self.changelog.releases[0],
                f"exactly one release must have no base (the baseline); found {names}",
            )
        for release in self.changelog.releases:
            self._check_base(release)
        for release in self.changelog.releases:
            self._check_acyclic(release)
        for release in self.changelog.releases:
            self._check_order(release)
            self._check_train(release)
        for change in self.changelog.changes:
            self._check_shipped_once(change)

    def _fail(
        self, release: Release, problem: str, fix: str | None = None
    ) -> InputError:
        return InputError(self.changelog.path, problem, line=release.line, fix=fix)

    def _check_base(self, release: Release) -> None:
        if release.base is not None and release.base not in self.by_version:
            raise self._fail(
                release,
                f"release {release.name} is based on {release.base}, "
                "which the changelog does not list",
                "add that release or correct 'base'",
            )

    def _check_acyclic(self, release: Release) -> None:
        path = [release.version]
        current = release
        while current.base is not None:
            if current.base in path:
                cycle = " -> ".join(str(v) for v in path + [current.base])
                raise self._fail(release, f"the bases form a cycle: {cycle}")
            path.append(current.base)
            current = self.by_version[current.base]

    def _check_order(self, release: Release) -> None:
        if release.base is not None and release.base >= release.version:
            raise self._fail(
                release,
                f"release {release.name} is based on {release.base}, "
                "which is not an older version",
            )

    def _check_train(self, release: Release) -> None:
        train = release.train
        major_minor = ".".join(release.name.split(".")[:2])
        if train != MAIN_LINE and train != major_minor:
            raise self._fail(
                release,
                f"release {release.name} cannot be on train '{train}'",
                f"use '{MAIN_LINE}' or '{major_minor}'",
            )

    def _check_shipped_once(self, change: Change) -> None:
        for version in change.releases:
            earlier = set(change.releases) & set(self.ancestors(version))
            if earlier:
                raise InputError(
                    self.changelog.path,
                    f"change '{change.id}' is listed for {version} and for its "
                    f"ancestor {min(earlier)}",
                    line=change.line,
                    fix="list only the first release of each train that ships it",
                )

    @property
    def by_version(self) -> dict[Version, Release]:
        return {r.version: r for r in self.changelog.releases}

    def ancestors(self, version: Version) -> tuple[Version, ...]:
        """The releases a release is built on, nearest first."""
        chain = []
        base = self.by_version[version].base
        while base is not None:
            chain.append(base)
            base = self.by_version[base].base
        return tuple(chain)

    def shipped_in(self, version: Version) -> tuple[Change, ...]:
        """The changes a release adds to its base, in changelog order."""
        return tuple(c for c in self.changelog.changes if version in c.releases)

    def has(self, version: Version, change: Change) -> bool:
        """Whether a release holds a change, shipped in it or in an ancestor."""
        lineage = {version, *self.ancestors(version)}
        return any(v in lineage for v in change.releases)

    def order(self) -> tuple[Release, ...]:
        """Every release after its base; versions break ties."""
        return tuple(sorted(self.changelog.releases, key=lambda r: r.version))

    def trains(self) -> tuple[str, ...]:
        names = {r.train for r in self.changelog.releases}
        return tuple(
            sorted(
                names,
                key=lambda t: (t != MAIN_LINE, Version(t) if t != MAIN_LINE else 0),
            )
        )
