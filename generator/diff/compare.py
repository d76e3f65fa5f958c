"""Atomic differences between two compiled schema models.

The models carry no file names, imports, comments or annotations, so moving a
type to another file or reformatting a schema yields no difference at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterator

from generator.schemaset.model import (
    Attribute,
    ComplexType,
    Element,
    SchemaModel,
    SimpleType,
    Type,
)


@dataclass(frozen=True, order=True)
class Difference:
    """One observable change: ``kind`` of ``item`` in type ``type``.

    Equality looks at type, kind, item and detail only; ``old``, ``new`` and
    ``group`` carry the values the verdicts are judged on.
    """

    type: str
    kind: str
    item: str = ""
    detail: str = ""
    old: str | None = field(default=None, compare=False)
    new: str | None = field(default=None, compare=False)
    group: str = field(default="", compare=False)


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
    renamed = _renames(old, new)
    found: list[Difference] = []
    for key in sorted(old.types.keys() - new.types.keys()):
        if key in renamed:
            found.append(
                Difference(
                    key, "type renamed", detail=renamed[key], old=key, new=renamed[key]
                )
            )
        elif not _inline_of(key, old.types.keys() - new.types.keys()):
            found.append(Difference(key, "type removed"))
    for key in sorted(new.types.keys() - old.types.keys()):
        if key not in renamed.values() and not _inline_of(
            key, new.types.keys() - old.types.keys()
        ):
            found.append(
                Difference(key, "type added", detail=describe_type(new.types[key]))
            )
    for key in sorted(old.types.keys() & new.types.keys()):
        found.extend(_compare_type(key, old.types[key], new.types[key], renamed))
    return found


def _inline_of(key: str, changed: set[str]) -> bool:
    """An inline type of a type that is itself added or removed."""
    owner = key.rsplit("/", 1)[0]
    return "/" in key.split("}", 1)[-1] and owner in changed


def _signature(kind: Type) -> str:
    if isinstance(kind, SimpleType):
        return f"simple {kind.base} {kind.enumerations} {kind.facets}"
    return describe_type(kind) + repr(kind.attributes)


def _renames(old: SchemaModel, new: SchemaModel) -> dict[str, str]:
    """Removed named types whose exact content reappears under a new name."""
    removed = [
        k
        for k in sorted(old.types.keys() - new.types.keys())
        if "/" not in k.split("}")[-1]
    ]
    added = [
        k
        for k in sorted(new.types.keys() - old.types.keys())
        if "/" not in k.split("}")[-1]
    ]
    free = {k: _signature(new.types[k]) for k in added}
    renames = {}
    for key in removed:
        signature = _signature(old.types[key])
        match = next((k for k, s in free.items() if s == signature), None)
        if match is not None:
            renames[key] = match
            del free[match]
    return renames


def _compare_type(
    key: str, old: Type, new: Type, renamed: dict[str, str]
) -> Iterator[Difference]:
    if type(old) is not type(new):
        yield Difference(
            key, "kind changed", detail=f"{type(old).__name__} -> {type(new).__name__}"
        )
    elif isinstance(old, SimpleType) and isinstance(new, SimpleType):
        yield from _compare_simple(key, old, new)
    elif isinstance(old, ComplexType) and isinstance(new, ComplexType):
        yield from _compare_complex(key, old, new, renamed)


def _compare_simple(key: str, old: SimpleType, new: SimpleType) -> Iterator[Difference]:
    if old.base != new.base:
        yield Difference(
            key,
            "base changed",
            detail=f"{old.base} -> {new.base}",
            old=old.base,
            new=new.base,
        )
    for value in new.enumerations:
        if value not in old.enumerations:
            yield Difference(key, "enumeration added", value)
    for value in old.enumerations:
        if value not in new.enumerations:
            yield Difference(key, "enumeration removed", value)
    before, after = dict(old.facets), dict(new.facets)
    for name in sorted(before.keys() | after.keys()):
        if before.get(name) != after.get(name):
            detail = f"{before.get(name)} -> {after.get(name)}"
            yield Difference(
                key, "facet changed", name, detail, before.get(name), after.get(name)
            )


def _compare_complex(
    key: str, old: ComplexType, new: ComplexType, renamed: dict[str, str]
) -> Iterator[Difference]:
    if old.base != new.base and renamed.get(old.base or "") != new.base:
        yield Difference(
            key,
            "base changed",
            detail=f"{old.base} -> {new.base}",
            old=old.base,
            new=new.base,
        )
    if old.compositor != new.compositor:
        detail = f"{old.compositor} -> {new.compositor}"
        yield Difference(
            key,
            "compositor changed",
            detail=detail,
            old=old.compositor,
            new=new.compositor,
        )
    yield from _compare_elements(key, old, new, renamed)
    yield from _compare_attributes(key, old.attributes, new.attributes)


def _compare_elements(
    key: str, old: ComplexType, new: ComplexType, renamed: dict[str, str]
) -> Iterator[Difference]:
    before = {e.name: e for e in old.elements}
    after = {e.name: e for e in new.elements}
    names = [e.name for e in new.elements]
    for index, element in enumerate(new.elements):
        if element.name not in before:
            previous = names[index - 1] if index else "(first)"
            detail = f"{describe_element(element)} after {previous}"
            cardinality = occurs(element.min_occurs, element.max_occurs)
            yield Difference(
                key,
                "element added",
                element.name,
                detail,
                None,
                cardinality,
                element.group,
            )
    for element in old.elements:
        if element.name not in after:
            cardinality = occurs(element.min_occurs, element.max_occurs)
            yield Difference(
                key,
                "element removed",
                element.name,
                "",
                cardinality,
                None,
                element.group,
            )
    for name in sorted(before.keys() & after.keys()):
        was, now = before[name], after[name]
        if old.compositor != new.compositor:  # reported once, for the type
            was = replace(was, group=_inner_group(was.group))
            now = replace(now, group=_inner_group(now.group))
        yield from _compare_element(key, was, now, renamed)
    kept_old = [e.name for e in old.elements if e.name in after]
    kept_new = [n for n in names if n in before]
    if kept_old != kept_new:
        detail = f"{kept_old} -> {kept_new}"
        yield Difference(
            key,
            "order changed",
            detail=detail,
            old=" ".join(kept_old),
            new=" ".join(kept_new),
        )


def _inner_group(group: str) -> str:
    """The group path below the type's own compositor."""
    return group.partition("/")[2]


def _compare_element(
    key: str, old: Element, new: Element, renamed: dict[str, str]
) -> Iterator[Difference]:
    if (old.min_occurs, old.max_occurs) != (new.min_occurs, new.max_occurs):
        before = occurs(old.min_occurs, old.max_occurs)
        after = occurs(new.min_occurs, new.max_occurs)
        yield Difference(
            key, "occurs changed", old.name, f"{before} -> {after}", before, after
        )
    same_type = old.type == new.type or renamed.get(old.type) == new.type
    checks: tuple[tuple[str, object, object, bool], ...] = (
        ("type changed", old.type, new.type, same_type),
        ("default changed", old.default, new.default, old.default == new.default),
        ("fixed changed", old.fixed, new.fixed, old.fixed == new.fixed),
        ("nillable changed", old.nillable, new.nillable, old.nillable == new.nillable),
        (
            "namespace changed",
            old.namespace,
            new.namespace,
            old.namespace == new.namespace,
        ),
        ("group changed", old.group, new.group, old.group == new.group),
    )
    for kind, was, now, same in checks:
        if not same:
            yield Difference(key, kind, old.name, f"{was} -> {now}", str(was), str(now))


def _compare_attributes(
    key: str, old: tuple[Attribute, ...], new: tuple[Attribute, ...]
) -> Iterator[Difference]:
    before = {a.name: a for a in old}
    after = {a.name: a for a in new}
    for name in sorted(after.keys() - before.keys()):
        use = "required" if after[name].required else "optional"
        yield Difference(
            key, "attribute added", name, f"{after[name].type} {use}", None, use
        )
    for name in sorted(before.keys() - after.keys()):
        use = "required" if before[name].required else "optional"
        yield Difference(key, "attribute removed", name, "", use, None)
    for name in sorted(before.keys() & after.keys()):
        a, b = before[name], after[name]
        if a != b:
            yield Difference(
                key, "attribute changed", name, f"{a} -> {b}", _use(a), _use(b)
            )


def _use(attribute: Attribute) -> str:
    return "required" if attribute.required else "optional"
