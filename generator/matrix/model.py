"""Frozen model of the compatibility matrix, shared by every output format."""

from __future__ import annotations

from dataclasses import dataclass

ABSENT = "absent"
ADDED = "added"
PRESENT = "present"
CHANGED = "changed"


@dataclass(frozen=True)
class Cell:
    state: str
    note: str = ""


@dataclass(frozen=True)
class ReleaseColumn:
    version: str
    train: str
    base: str | None


@dataclass(frozen=True)
class Feature:
    """One row: an operation, an element path, a change or an error code."""

    id: str
    kind: str
    title: str
    operations: tuple[str, ...]
    direction: str | None
    path: str | None
    cells: tuple[Cell, ...]
    toggle: str | None = None

    @property
    def operation(self) -> str | None:
        return self.operations[0] if len(self.operations) == 1 else None


@dataclass(frozen=True)
class Matrix:
    releases: tuple[ReleaseColumn, ...]
    features: tuple[Feature, ...]

    @property
    def trains(self) -> tuple[tuple[str, tuple[ReleaseColumn, ...]], ...]:
        """Release columns grouped by train, main line first."""
        names = list(dict.fromkeys(r.train for r in self.releases))
        names.sort(key=lambda t: (t != "main", t))
        return tuple(
            (t, tuple(r for r in self.releases if r.train == t)) for t in names
        )

    def releases_of(self, feature: Feature) -> tuple[str, ...]:
        return tuple(
            r.version
            for r, cell in zip(self.releases, feature.cells)
            if cell.state != ABSENT
        )

    def added_in(self, feature: Feature) -> tuple[str, ...]:
        return tuple(
            r.version for r, c in zip(self.releases, feature.cells) if c.state == ADDED
        )
