"""Build the compatibility matrix from the schema sets and the changelog."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from packaging.version import Version

from generator.changelog.lineage import MAIN_LINE
from generator.changelog.model import AddElement, Change, ChangeKind
from generator.matrix.model import (
    ABSENT,
    ADDED,
    CHANGED,
    PRESENT,
    Cell,
    Feature,
    Matrix,
    ReleaseColumn,
)
from generator.matrix.paths import element_paths
from generator.project import Project
from generator.schemaset.model import Element, SchemaModel

DIRECTIONS = ("request", "response")


@dataclass(frozen=True)
class Snapshot:
    """What one release has: operations and, per operation, its element paths."""

    operations: dict[str, tuple[str, str]]
    paths: dict[tuple[str, str, str], tuple[str, Element]] = field(hash=False)

    @classmethod
    def of(cls, model: SchemaModel) -> Snapshot:
        operations = {o.name: (o.request, o.response) for o in model.operations()}
        paths = {}
        for name, roots in operations.items():
            for direction, root in zip(DIRECTIONS, roots):
                for found in element_paths(model, root):
                    paths[(name, direction, found.path)] = (found.owner, found.element)
        return cls(operations, paths)


def build_matrix(project: Project, models: dict[str, SchemaModel]) -> Matrix:
    builder = _Builder(project, {name: Snapshot.of(m) for name, m in models.items()})
    return Matrix(builder.columns, tuple(builder.features()))


class _Builder:
    def __init__(self, project: Project, snapshots: dict[str, Snapshot]) -> None:
        self.project = project
        self.snapshots = snapshots
        self.columns = _columns(project)
        self.toggles = _toggles(project)

    def features(self) -> Iterator[Feature]:
        names = sorted({n for s in self.snapshots.values() for n in s.operations})
        for name in names:
            yield self._operation(name)
            yield from self._paths(name)
        for change in self.project.changelog.changes:
            if change.kind is not ChangeKind.SCHEMA:
                yield self._change(change)
        yield from self._error_codes()

    def _states(self, has: dict[str, bool], same: dict[str, bool]) -> tuple[Cell, ...]:
        """Cells from presence per release and sameness with the base."""
        cells = []
        for column in self.columns:
            if not has[column.version]:
                state = ABSENT
            elif column.base is None or not has[column.base]:
                state = ADDED
            else:
                state = PRESENT if same.get(column.version, True) else CHANGED
            cells.append(Cell(state))
        return self._noted(tuple(cells))

    def _noted(self, cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
        """Mark releases that added the same thing on another train: backports."""
        added = [
            c.version for c, cell in zip(self.columns, cells) if cell.state == ADDED
        ]
        lineage = self.project.lineage
        noted = []
        for column, cell in zip(self.columns, cells):
            others = [
                v
                for v in added
                if v != column.version
                and Version(v) not in lineage.ancestors(Version(column.version))
                and Version(column.version) not in lineage.ancestors(Version(v))
            ]
            if cell.state == ADDED and others:
                cell = Cell(ADDED, "also added in " + ", ".join(others))
            noted.append(cell)
        return tuple(noted)

    def _operation(self, name: str) -> Feature:
        has = {v: name in s.operations for v, s in self.snapshots.items()}
        return Feature(
            name, "operation", name, (name,), None, None, self._states(has, {})
        )

    def _paths(self, name: str) -> Iterator[Feature]:
        keys = dict.fromkeys(
            key for s in self.snapshots.values() for key in s.paths if key[0] == name
        )
        for key in sorted(keys, key=lambda k: DIRECTIONS.index(k[1])):
            _, direction, path = key
            has = {v: key in s.paths for v, s in self.snapshots.items()}
            same = {c.version: self._same(key, c) for c in self.columns if c.base}
            owner = next(
                s.paths[key][0] for s in self.snapshots.values() if key in s.paths
            )
            toggle = self.toggles.get((owner, path.rsplit(".", 1)[-1]))
            yield Feature(
                id=f"{name}.{direction}.{path}",
                kind="element",
                title=path,
                operations=(name,),
                direction=direction,
                path=path,
                cells=self._states(has, same),
                toggle=toggle,
            )

    def _same(self, key: tuple[str, str, str], column: ReleaseColumn) -> bool:
        now = self.snapshots[column.version].paths.get(key)
        before = self.snapshots[column.base or column.version].paths.get(key)
        if now is None or before is None:
            return True
        a, b = now[1], before[1]
        return (a.type, a.min_occurs, a.max_occurs) == (
            b.type,
            b.min_occurs,
            b.max_occurs,
        )

    def _change(self, change: Change) -> Feature:
        lineage = self.project.lineage
        has = {c.version: lineage.has(Version(c.version), change) for c in self.columns}
        return Feature(
            id=change.id,
            kind=change.kind.value,
            title=change.title,
            operations=change.operations,
            direction=None,
            path=None,
            cells=self._states(has, {}),
            toggle=change.toggle,
        )

    def _error_codes(self) -> Iterator[Feature]:
        lineage = self.project.lineage
        for error in self.project.changelog.errors:
            changes = [
                c for c in self.project.changelog.changes if error.code in c.error_codes
            ]
            has = {
                c.version: any(lineage.has(Version(c.version), ch) for ch in changes)
                for c in self.columns
            }
            operations = tuple(
                dict.fromkeys(o for ch in changes for o in ch.operations)
            )
            yield Feature(
                id=error.code,
                kind="error code",
                title=f"{error.code} {error.name}: {error.reason}",
                operations=operations,
                direction=None,
                path=None,
                cells=self._states(has, {}),
            )


def _columns(project: Project) -> tuple[ReleaseColumn, ...]:
    """Releases grouped by train, the main line first, each in version order."""
    order = project.lineage.order()
    trains = sorted(
        {r.train for r in order},
        key=lambda t: (t != MAIN_LINE, Version(t) if t != MAIN_LINE else Version("0")),
    )
    return tuple(
        ReleaseColumn(r.name, r.train, str(r.base) if r.base else None)
        for train in trains
        for r in order
        if r.train == train
    )


def _toggles(project: Project) -> dict[tuple[str, str], str]:
    """Feature toggles of the elements that toggled changes add."""
    namespaces = project.changelog.namespaces
    found = {}
    for change in project.changelog.changes:
        for edit in change.edits:
            if change.toggle and isinstance(edit, AddElement):
                owner = "/".join(
                    (
                        f"{{{namespaces[edit.target.prefix]}}}{edit.target.name}",
                        *edit.target.steps,
                    )
                )
                found[(owner, edit.element.name)] = change.toggle
    return found
