"""Atomic differences between two schema models, independent of file layout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from generator.schemaset.model import (
    ComplexType,
    Element,
    SchemaModel,
    SimpleType,
    Type,
)


@dataclass(frozen=True, order=True)
class Difference:
    """One observable change: ``kind`` of ``item`` in type ``type``."""

    type: str
    kind: str
    item: str = ""
    detail: str = ""


def occurs(low: int, high: int | None) -> str:
    return f"{low}..{'unbounded' if high is None else high}"


def describe_element(element: Element) -> str:
    return f"{element.type} {occurs(element.min_occurs, element.max_occurs)}"


def describe_type(kind: Type) -> str:
    if isinstance(kind, SimpleType):
        return f"simple, base {kind.base}, values {', '.join(kind.enumerations)}"
    parts = ", ".join(f"{e.name}: {describe_element(e)}" for e in kind.elements)
    return f"base {kind.base}, {kind.compositor} ({parts})"


def compare_models(old: SchemaModel, new: SchemaModel) -> list[Difference]:
    found: list[Difference] = []
    for key in sorted(old.types.keys() - new.types.keys()):
        found.append(Difference(key, "type removed"))
    for key in sorted(new.types.keys() - old.types.keys()):
        if not _inline_of_new_type(key, old):
            found.append(
                Difference(key, "type added", detail=describe_type(new.types[key]))
            )
    for key in sorted(old.types.keys() & new.types.keys()):
        found.extend(_compare_type(key, old.types[key], new.types[key]))
    return found


def _inline_of_new_type(key: str, old: SchemaModel) -> bool:
    owner = key.rsplit("/", 1)[0]
    return "/" in key.split("}", 1)[1] and owner not in old.types


def _compare_type(key: str, old: Type, new: Type) -> Iterator[Difference]:
    if type(old) is not type(new):
        yield Difference(
            key, "kind changed", detail=f"{type(old).__name__} -> {type(new).__name__}"
        )
    elif isinstance(old, SimpleType) and isinstance(new, SimpleType):
        yield from _compare_simple(key, old, new)
    elif isinstance(old, ComplexType) and isinstance(new, ComplexType):
        yield from _compare_complex(key, old, new)


def _compare_simple(key: str, old: SimpleType, new: SimpleType) -> Iterator[Difference]:
    if old.base != new.base:
        yield Difference(key, "base changed", detail=f"{old.base} -> {new.base}")
    for value in new.enumerations:
        if value not in old.enumerations:
            yield Difference(key, "enumeration added", value)
    for value in old.enumerations:
        if value not in new.enumerations:
            yield Difference(key, "enumeration removed", value)
    if old.facets != new.facets:
        yield Difference(key, "facets changed", detail=f"{old.facets} -> {new.facets}")


def _compare_complex(
    key: str, old: ComplexType, new: ComplexType
) -> Iterator[Difference]:
    if old.base != new.base:
        yield Difference(key, "base changed", detail=f"{old.base} -> {new.base}")
    if old.compositor != new.compositor:
        yield Difference(
            key, "compositor changed", detail=f"{old.compositor} -> {new.compositor}"
        )
    before = {e.name: e for e in old.elements}
    after = {e.name: e for e in new.elements}
    names = [e.name for e in new.elements]
    for index, element in enumerate(new.elements):
        if element.name not in before:
            previous = names[index - 1] if index else "(first)"
            detail = f"{describe_element(element)} after {previous}"
            yield Difference(key, "element added", element.name, detail)
    for element in old.elements:
        if element.name not in after:
            yield Difference(key, "element removed", element.name)
    for name in before.keys() & after.keys():
        yield from _compare_element(key, before[name], after[name])
    kept_old = [e.name for e in old.elements if e.name in after]
    kept_new = [n for n in names if n in before]
    if kept_old != kept_new:
        yield Difference(key, "order changed", detail=f"{kept_old} -> {kept_new}")


def _compare_element(key: str, old: Element, new: Element) -> Iterator[Difference]:
    if (old.min_occurs, old.max_occurs) != (new.min_occurs, new.max_occurs):
        old_occurs = occurs(old.min_occurs, old.max_occurs)
        detail = f"{old_occurs} -> {occurs(new.min_occurs, new.max_occurs)}"
        yield Difference(key, "occurs changed", old.name, detail)
    checks = (
        ("type changed", old.type, new.type),
        ("default changed", old.default, new.default),
        ("fixed changed", old.fixed, new.fixed),
        ("nillable changed", old.nillable, new.nillable),
        ("namespace changed", old.namespace, new.namespace),
        ("group changed", old.group, new.group),
    )
    for kind, before, after in checks:
        if before != after:
            yield Difference(key, kind, old.name, f"{before} -> {after}")
