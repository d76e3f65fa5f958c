"""Findings: each schema difference followed to the operations it affects."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from generator.diff.compare import Difference, compare_models
from generator.diff.reach import DIRECTIONS, Place, Reach
from generator.diff.verdict import BREAKING, COMPATIBLE, Judge, stricter
from generator.schemaset.model import SchemaModel
from generator.schemaset.names import Names

ELEMENT_KINDS = {
    "element added",
    "occurs changed",
    "type changed",
    "default changed",
    "fixed changed",
    "nillable changed",
    "namespace changed",
    "group changed",
}


@dataclass(frozen=True)
class Finding:
    """One judged change, as a reader of one operation sees it."""

    rule: str
    level: str
    direction: str | None
    operations: tuple[str, ...]
    path: str
    type: str
    old: str | None
    new: str | None
    message: str
    type_level: str
    change: str = ""
    accepted: bool = False

    @property
    def id(self) -> str:
        """``Operation.direction.path``, or the type for unused types."""
        if self.operations and self.direction:
            return ".".join(
                p for p in (self.operations[0], self.direction, self.path) if p
            )
        return self.path


def diff_models(old: SchemaModel, new: SchemaModel, names: Names) -> list[Finding]:
    judge = Judge(old, new)
    reach = {"old": Reach.of(old), "new": Reach.of(new)}
    findings = list(_operations(old, new))
    for difference in compare_models(old, new):
        findings.extend(_follow(difference, judge, reach, names))
    return findings


def _operations(old: SchemaModel, new: SchemaModel) -> Iterator[Finding]:
    before = {o.name for o in old.operations()}
    after = {o.name for o in new.operations()}
    for name in sorted(after ^ before):
        added = name in after
        rule, level = (
            ("operation-added", COMPATIBLE)
            if added
            else ("operation-removed", BREAKING)
        )
        what = "operation added" if added else "operation removed"
        yield Finding(
            rule=rule,
            level=level,
            direction=None,
            operations=(name,),
            path=name,
            type=name,
            old=None if added else name,
            new=name if added else None,
            message=f"{name}: {what} — {level}",
            type_level=level,
            change=what,
        )


def _follow(
    difference: Difference, judge: Judge, reach: dict[str, Reach], names: Names
) -> Iterator[Finding]:
    places = _places(difference, reach)
    if places and difference.kind in ("type added", "type removed"):
        return  # reported by the element or operation that uses the type
    at_root = any(p.path == "" for p in places)
    rule, request, response = judge.rule(difference, at_root)
    levels = {"request": request, "response": response}
    type_name = names.short(difference.type)
    if not places:
        yield _unused(difference, rule, type_name, names)
        return
    used = {p.direction for p in places}
    type_level = stricter(*(levels[d] for d in DIRECTIONS if d in used))
    for place in _unique(places):
        path = _path(place, difference)
        level = levels[place.direction]
        what = _describe(difference, names)
        message = (
            f"{place.operation} {place.direction}: {path or '(body)'} "
            f"{what} — {level}"
        )
        yield Finding(
            rule,
            level,
            place.direction,
            (place.operation,),
            path,
            type_name,
            _short(difference.old, names),
            _short(difference.new, names),
            message,
            type_level,
            what,
        )


def _places(difference: Difference, reach: dict[str, Reach]) -> list[Place]:
    if difference.kind == "element removed":
        return reach["old"].of_element(difference.type, difference.item)
    if difference.kind in ELEMENT_KINDS:
        return reach["new"].of_element(difference.type, difference.item)
    if difference.kind in ("type removed", "type renamed"):
        return reach["old"].of_type(difference.type)
    return reach["new"].of_type(difference.type) or reach["old"].of_type(
        difference.type
    )


def _unique(places: list[Place]) -> list[Place]:
    return sorted(set(places), key=lambda p: (p.operation, p.direction, p.path))


def _path(place: Place, difference: Difference) -> str:
    if difference.kind.startswith("attribute"):
        return (
            f"{place.path}@{difference.item}" if place.path else f"@{difference.item}"
        )
    return place.path


def _unused(difference: Difference, rule: str, type_name: str, names: Names) -> Finding:
    item = f".{difference.item}" if difference.item else ""
    what = _describe(difference, names)
    message = f"{type_name}{item} {what} — not used by any operation"
    return Finding(
        rule,
        COMPATIBLE,
        None,
        (),
        type_name + item,
        type_name,
        _short(difference.old, names),
        _short(difference.new, names),
        message,
        COMPATIBLE,
        what,
    )


def _describe(difference: Difference, names: Names) -> str:
    """A short phrase: ``added (optional)``, ``0..1 -> 1..1``, ``value X added``."""
    kind, old, new = (
        difference.kind,
        _short(difference.old, names),
        _short(difference.new, names),
    )
    if kind == "element added":
        return (
            "added (required)"
            if not (new or "").startswith("0")
            else "added (optional)"
        )
    if kind == "element removed":
        return "removed"
    if kind.startswith("enumeration"):
        return f"value {difference.item} {kind.split()[1]}"
    if kind == "facet changed":
        return f"facet {difference.item} {old} -> {new}"
    if kind.startswith("attribute"):
        return f"{kind.split()[1]} ({old or new})"
    if old is not None or new is not None:
        return f"{kind}: {old} -> {new}"
    return kind


def _short(value: str | None, names: Names) -> str | None:
    return names.short(value) if value is not None else None
