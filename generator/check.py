"""Check that each release's schemas differ from its base as the changelog says.

The schema difference is computed from the compiled models, so it holds for
any XSD set, including a vendor's real files dropped into ``schemas/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.changelog.model import (
    AddElement,
    AddEnumeration,
    AddOperation,
    AddType,
    Change,
    Edit,
    ElementSpec,
    SetOccurs,
    TypePath,
)
from generator.diff import Difference, compare_models, describe_type
from generator.diff.compare import occurs
from generator.project import Project
from generator.schemaset import SchemaModel, compile_model, load_schema_set
from generator.schemaset.names import Names
from generator.errors import InputError
from generator.schemaset.model import ComplexType, Element, SimpleType


@dataclass(frozen=True)
class Finding:
    """A disagreement between a release's schemas and its changelog entry."""

    release: str
    message: str


def check_project(project: Project) -> list[Finding]:
    names = Names(project.changelog.namespaces)
    models = {}
    findings = []
    for release in project.lineage.order():
        models[release.version] = compile_model(
            load_schema_set(project.schema_dir(release.version))
        )
        if release.base is None:
            continue
        base = models[release.base]
        actual = compare_models(base, models[release.version])
        shipped = project.lineage.shipped_in(release.version)
        claims = claimed(shipped, base, names, project.changelog_path)
        findings += _disagreements(release.name, actual, claims, names)
    return findings


def claimed(
    changes: tuple[Change, ...], base: SchemaModel, names: Names, changelog: Path
) -> dict[Difference, str]:
    """The differences the changes promise, each with the id of its change."""
    promises = _Promises(base, names, changelog)
    promised = {}
    for change in changes:
        for edit in change.edits:
            for difference in promises.of(edit):
                promised[difference] = change.id
    return promised


@dataclass
class _Promises:
    """Works out what each edit changes, following element order across edits."""

    base: SchemaModel
    names: Names
    changelog: Path
    order: dict[str, list[str]] = field(default_factory=dict)

    def of(self, edit: Edit) -> list[Difference]:
        if isinstance(edit, AddOperation):
            return [d for added in edit.as_types() for d in self.of(added)]
        if isinstance(edit, AddType):
            return [self._type_added(edit)]
        key = self.names.key(edit.target)
        if isinstance(edit, AddEnumeration):
            return [Difference(key, "enumeration added", edit.value)]
        if isinstance(edit, SetOccurs):
            return [self._occurs_changed(key, edit)]
        return [self._element_added(key, edit)]

    def _type_added(self, edit: AddType) -> Difference:
        namespace = self.names.uri(edit.prefix)
        key = f"{{{namespace}}}{edit.name}"
        base = self.names.clark(edit.base) if edit.base else None
        kind: SimpleType | ComplexType
        if edit.is_simple:
            kind = SimpleType(key, namespace, base, edit.values)
        else:
            elements = tuple(
                _element(spec, namespace, self.names, edit.compositor)
                for spec in edit.elements
            )
            kind = ComplexType(key, namespace, base, elements, edit.compositor)
        return Difference(key, "type added", detail=describe_type(kind))

    def _occurs_changed(self, key: str, edit: SetOccurs) -> Difference:
        old = self._element_of(key, edit.element, edit.target, edit.line)
        before = occurs(old.min_occurs, old.max_occurs)
        after = occurs(edit.min_occurs, edit.max_occurs)
        return Difference(key, "occurs changed", edit.element, f"{before} -> {after}")

    def _element_added(self, key: str, edit: AddElement) -> Difference:
        order = self._siblings(key, edit.target, edit.line)
        previous = _previous(order, edit)
        order.insert(
            order.index(previous) + 1 if previous in order else 0, edit.element.name
        )
        spec = edit.element
        cardinality = occurs(spec.min_occurs, spec.max_occurs)
        detail = f"{self.names.clark(spec.type)} {cardinality} after {previous}"
        return Difference(key, "element added", spec.name, detail)

    def _siblings(self, key: str, target: TypePath, line: int) -> list[str]:
        if key not in self.order:
            current = self.base.complex(key)
            if current is None:
                raise InputError(
                    self.changelog,
                    f"type {target} does not exist in the base release",
                    line=line,
                )
            self.order[key] = [e.name for e in current.elements]
        return self.order[key]

    def _element_of(self, key: str, name: str, target: TypePath, line: int) -> Element:
        self._siblings(key, target, line)
        current = self.base.complex(key)
        found = (
            next((e for e in current.elements if e.name == name), None)
            if current
            else None
        )
        if found is None:
            raise InputError(
                self.changelog, f"{target} has no element '{name}'", line=line
            )
        return found


def _previous(siblings: list[str], edit: AddElement) -> str:
    if edit.after:
        return edit.after
    if edit.before and edit.before in siblings:
        index = siblings.index(edit.before)
        return siblings[index - 1] if index else "(first)"
    return siblings[-1] if siblings else "(first)"


def _element(spec: ElementSpec, namespace: str, names: Names, group: str) -> Element:
    return Element(
        spec.name,
        namespace,
        names.clark(spec.type),
        spec.min_occurs,
        spec.max_occurs,
        group=group,
    )


def _disagreements(
    release: str, actual: list[Difference], claims: dict[Difference, str], names: Names
) -> list[Finding]:
    findings = []
    for difference in actual:
        if difference not in claims:
            findings.append(
                Finding(release, f"{_say(difference, names)}, but no change claims it")
            )
    for difference, change_id in claims.items():
        if difference not in actual:
            findings.append(
                Finding(
                    release,
                    f"change '{change_id}' claims {_say(difference, names)}, "
                    "but the schemas do not show it",
                )
            )
    return findings


def _say(difference: Difference, names: Names) -> str:
    item = f" '{difference.item}'" if difference.item else ""
    detail = f" ({names.short(difference.detail)})" if difference.detail else ""
    return f"{names.short(difference.type)}: {difference.kind}{item}{detail}"
