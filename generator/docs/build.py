"""Build the documentation model from the schema sets, changelog and matrix."""

from __future__ import annotations

from typing import Iterator

from packaging.version import Version

from generator.changelog.lineage import MAIN_LINE
from generator.changelog.model import AddElement, Change, Release
from generator.diff.compare import occurs
from generator.diff.findings import Finding, diff_models
from generator.docs.model import (
    ChangeView,
    ElementRow,
    HistoryEvent,
    Lineage,
    Link,
    Migration,
    Node,
    OperationPage,
    OperationReference,
    ReleasePage,
    Site,
)
from generator.matrix.build import DIRECTIONS, Snapshot
from generator.project import Project
from generator.schemaset.model import SchemaModel
from generator.schemaset.names import Names

STEP, LANE, MARGIN = 64, 56, 40


class SiteBuilder:
    def __init__(self, project: Project, models: dict[str, SchemaModel]) -> None:
        self.project = project
        self.lineage = project.lineage
        self.names = Names(project.changelog.namespaces)
        self.models = models
        self.snapshots = {name: Snapshot.of(model) for name, model in models.items()}
        self.findings: dict[str, list[Finding]] = {}
        self.order = [r.name for r in self.lineage.order()]
        self.added_by = _added_by(project)

    def build(self) -> Site:
        releases = tuple(self._release(r) for r in self.lineage.order())
        names = sorted({n for s in self.snapshots.values() for n in s.operations})
        operations = tuple(self._history(name) for name in names)
        return Site(releases, operations, self._picture())

    # -- release pages -------------------------------------------------------

    def _release(self, release: Release) -> ReleasePage:
        shipped = self.lineage.shipped_in(release.version)
        migrations = tuple(self._migrations(release)) if release.base else ()
        toggles = tuple(dict.fromkeys(c.toggle for c in shipped if c.toggle))
        return ReleasePage(
            version=release.name,
            train=release.train,
            base=str(release.base) if release.base else None,
            title=release.title,
            also_known_as=release.also_known_as,
            changes=tuple(self._change(c) for c in shipped),
            migrations=migrations,
            toggles=toggles,
            operations=tuple(self._reference(release)),
        )

    def _change(self, change: Change) -> ChangeView:
        return ChangeView(
            id=change.id,
            title=change.title,
            kind=change.kind.value,
            operations=change.operations,
            toggle=change.toggle,
            error_codes=change.error_codes,
            description=change.description,
            releases=tuple(str(v) for v in change.releases),
        )

    def _reference(self, release: Release) -> Iterator[OperationReference]:
        snapshot = self.snapshots[release.name]
        chain = self._chain(release.name)
        for name in sorted(snapshot.operations):
            rows = {
                d: tuple(self._rows(name, d, release.name, chain)) for d in DIRECTIONS
            }
            since = next(v for v in chain if name in self.snapshots[v].operations)
            yield OperationReference(name, since, rows["request"], rows["response"])

    def _rows(
        self, name: str, direction: str, release: str, chain: list[str]
    ) -> Iterator[ElementRow]:
        for (operation, way, path), (owner, element) in self.snapshots[
            release
        ].paths.items():
            if (operation, way) != (name, direction):
                continue
            key = (operation, way, path)
            since = next(v for v in chain if key in self.snapshots[v].paths)
            yield ElementRow(
                path=path,
                depth=path.count("."),
                type=self.names.short(element.type),
                cardinality=occurs(element.min_occurs, element.max_occurs),
                since=since,
                description=self.added_by.get((owner, element.name), ("", ""))[0],
            )

    def _chain(self, release: str) -> list[str]:
        """The release's lineage, oldest first, ending with the release."""
        ancestors = self.lineage.ancestors(Version(release))
        return [str(v) for v in reversed(ancestors)] + [release]

    def _migrations(self, release: Release) -> Iterator[Migration]:
        """The diff engine's findings against the base, for each operation."""
        if release.name not in self.findings:
            base = self.models[str(release.base)]
            self.findings[release.name] = diff_models(
                base, self.models[release.name], self.names
            )
        for finding in self.findings[release.name]:
            if not finding.direction:
                continue
            operation = finding.operations[0]
            key = (operation, finding.direction, finding.path)
            owner = self.snapshots[release.name].paths.get(key)
            toggle = (
                self.added_by.get((owner[0], owner[1].name), ("", None))[1]
                if owner
                else None
            )
            verdict = finding.level + (
                f" ({finding.rule})" if finding.level != "compatible" else ""
            )
            yield Migration(
                operation,
                finding.direction,
                finding.path,
                finding.change,
                verdict,
                toggle,
            )

    # -- operation pages -----------------------------------------------------

    def _history(self, name: str) -> OperationPage:
        releases = tuple(v for v in self.order if name in self.snapshots[v].operations)
        events = tuple(self._events(name))
        changes = tuple(
            self._change(c)
            for c in self.project.changelog.changes
            if name in c.operations
        )
        return OperationPage(name, releases, events, changes)

    def _events(self, name: str) -> Iterator[HistoryEvent]:
        for release in self.lineage.order():
            if release.base is None:
                if name in self.snapshots[release.name].operations:
                    yield HistoryEvent(release.name, "in the baseline")
                continue
            for item in self._migrations(release):
                if item.operation == name:
                    text = (
                        f"{item.direction} `{item.path}`: {item.what} ({item.verdict})"
                    )
                    yield HistoryEvent(release.name, text)
            if (
                name in self.snapshots[release.name].operations
                and name not in self.snapshots[str(release.base)].operations
            ):
                yield HistoryEvent(release.name, "operation added")

    # -- lineage picture -------------------------------------------------------

    def _picture(self) -> Lineage:
        trains = sorted(
            {r.train for r in self.lineage.order()},
            key=lambda t: (
                t != MAIN_LINE,
                Version(t) if t != MAIN_LINE else Version("0"),
            ),
        )
        lanes = tuple((t, MARGIN + i * LANE) for i, t in enumerate(trains))
        lane_y = dict(lanes)
        nodes = {
            r.name: Node(r.name, r.train, 120 + i * STEP, lane_y[r.train])
            for i, r in enumerate(self.lineage.order())
        }
        links = [
            Link(
                nodes[str(r.base)].x,
                nodes[str(r.base)].y,
                nodes[r.name].x,
                nodes[r.name].y,
            )
            for r in self.lineage.order()
            if r.base is not None
        ]
        for change in self.project.changelog.changes:
            ends = [nodes[str(v)] for v in change.releases]
            for a, b in zip(ends, ends[1:]):
                links.append(Link(a.x, a.y, b.x, b.y, backport=True))
        width = 120 + len(nodes) * STEP + MARGIN
        height = MARGIN + len(lanes) * LANE
        return Lineage(
            width, height, lanes, tuple(nodes.values()), tuple(dict.fromkeys(links))
        )


def _added_by(project: Project) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(owner type key, element) -> (title of the change that added it, toggle)."""
    namespaces = project.changelog.namespaces
    found = {}
    for change in project.changelog.changes:
        for edit in change.edits:
            if isinstance(edit, AddElement):
                target = edit.target
                owner = "/".join(
                    (f"{{{namespaces[target.prefix]}}}{target.name}", *target.steps)
                )
                found[(owner, edit.element.name)] = (change.title, change.toggle)
    return found
