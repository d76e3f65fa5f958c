"""Map xsdata's resolved classes onto the frozen binding model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from xsdata.codegen.models import Attr, AttrType, Class
from xsdata.models.enums import DataType

from generator.bindings.history import ReleaseHistory
from generator.bindings.model import ClassDef, EnumMember, FieldDef, ModuleDef
from generator.bindings.naming import (
    class_name,
    field_name,
    member_name,
    module_name,
    unique,
)

KINDS = {
    "Element": "Element",
    "Attribute": "Attribute",
    "Extension": "Text",
    "Any": "Wildcard",
    "AnyAttribute": "Attributes",
}
BUILTINS = {str, int, bool, float, bytes, object}


@dataclass
class ModuleBuilder:
    """Builds the modules of one package; one instance per package."""

    classes: list[Class]
    history: ReleaseHistory
    package: str
    roles: dict[str, str] = field(default_factory=dict)
    index: dict[str, tuple[str, str, bool]] = field(default_factory=dict)

    def build(self) -> tuple[ModuleDef, ...]:
        for item in self.classes:
            module = module_name(item.target_namespace or "")
            self.index[item.qname] = (
                module,
                class_name(item.name),
                item.is_enumeration,
            )
        grouped: dict[str, list[Class]] = {}
        for item in self.classes:
            grouped.setdefault(self.index[item.qname][0], []).append(item)
        return tuple(self._module(name, grouped[name]) for name in sorted(grouped))

    def _module(self, name: str, members: list[Class]) -> ModuleDef:
        context = _ModuleContext(name, self)
        built = [context.class_def(item, item.qname, {}) for item in members]
        ordered = _bases_first(sorted(built, key=lambda c: c.name))
        namespace = members[0].target_namespace or ""
        return ModuleDef(
            name=name,
            namespace=namespace,
            imports=tuple(sorted(context.modules)),
            type_imports=tuple(sorted(context.type_imports)),
            classes=tuple(ordered),
        )


@dataclass
class _ModuleContext:
    name: str
    owner: ModuleBuilder
    modules: set[str] = field(default_factory=set)
    type_imports: set[str] = field(default_factory=set)

    def class_def(self, item: Class, key: str, scope: dict[str, str]) -> ClassDef:
        """``scope`` maps inner class qnames to their dotted Python paths."""
        name = class_name(item.name)
        if item.is_enumeration:
            return self._enum(item, key, name)
        path = scope.get(item.qname, name)
        inner_scope = dict(scope)
        for child in item.inner:
            inner_scope[child.qname] = f"{path}.{class_name(child.name)}"
        inner = tuple(
            self.class_def(i, f"{key}/{i.name}", inner_scope)
            for i in sorted(item.inner, key=lambda i: i.name)
        )
        history = self.owner.history
        return ClassDef(
            name=name,
            xml_name=item.meta_name or item.name,
            key=key,
            base=self._base(item),
            fields=self._fields(item, key, inner_scope),
            inner=inner,
            is_element=item.tag == "Element",
            element_namespace=item.namespace,
            since=history.since(key),
            doc=item.help or self.owner.roles.get(key, ""),
        )

    def _enum(self, item: Class, key: str, name: str) -> ClassDef:
        taken: set[str] = set()
        members = tuple(
            EnumMember(unique(member_name(str(a.default)), taken), str(a.default))
            for a in item.attrs
        )
        return ClassDef(
            name=name,
            xml_name=item.name,
            key=key,
            base=None,
            members=members,
            is_enum=True,
            since=self.owner.history.since(key),
            doc=item.help or "",
        )

    def _base(self, item: Class) -> str | None:
        complex_bases = [e for e in item.extensions if not e.type.native]
        return self._reference(complex_bases[0].type.qname) if complex_bases else None

    def _fields(
        self, item: Class, key: str, scope: dict[str, str]
    ) -> tuple[FieldDef, ...]:
        taken = set(self._inherited_names(item))
        return tuple(self._field(attr, key, scope, taken) for attr in item.attrs)

    def _inherited_names(self, item: Class) -> Iterable[str]:
        for extension in item.extensions:
            base = next(
                (c for c in self.owner.classes if c.qname == extension.type.qname), None
            )
            if base is not None:
                yield from (field_name(a.local_name) for a in base.attrs)
                yield from self._inherited_names(base)

    def _field(
        self, attr: Attr, key: str, scope: dict[str, str], taken: set[str]
    ) -> FieldDef:
        kind = KINDS.get(attr.tag, "Element")
        xml_name = attr.local_name
        annotation = " | ".join(
            dict.fromkeys(self._annotation(t, scope) for t in attr.types)
        )
        if kind == "Wildcard":
            annotation = "object"
        if kind == "Attributes":
            annotation = "dict[str, str]"
        restrictions = attr.restrictions
        low = restrictions.min_occurs if restrictions.min_occurs is not None else 1
        high = restrictions.max_occurs if restrictions.max_occurs is not None else 1
        history = self.owner.history
        return FieldDef(
            name=unique(field_name("value" if kind == "Text" else xml_name), taken),
            xml_name=xml_name,
            kind=kind,
            annotation=annotation or "str",
            namespace=attr.namespace if kind in ("Element", "Wildcard") else None,
            min_occurs=low,
            max_occurs=None if high > 2**31 else high,
            since=history.since(key, xml_name) if kind == "Element" else None,
            doc=_default_note(attr),
        )

    def _annotation(self, kind: AttrType, scope: dict[str, str]) -> str:
        if kind.native:
            return self._native(kind.qname)
        if kind.qname in scope:
            return scope[kind.qname]
        return self._reference(kind.qname)

    def _native(self, qname: str) -> str:
        python_type = (DataType.from_qname(qname) or DataType.STRING).type
        if python_type not in BUILTINS:
            self.type_imports.add(
                f"from {python_type.__module__} import {python_type.__name__}"
            )
        return python_type.__name__

    def _reference(self, qname: str) -> str:
        module, name, _ = self.owner.index[qname]
        if module == self.name:
            return name
        self.modules.add(module)
        return f"_{module}.{name}"


def _default_note(attr: Attr) -> str:
    if attr.default is None or attr.is_enumeration:
        return ""
    return f"{'fixed to' if attr.fixed else 'schema default'} {attr.default}"


def _bases_first(classes: list[ClassDef]) -> list[ClassDef]:
    """Order classes so that each comes after the module's classes it extends,
    its inner classes' bases included."""
    by_name = {c.name: c for c in classes}
    placed: list[ClassDef] = []
    done: set[str] = set()

    def place(item: ClassDef) -> None:
        if item.name in done:
            return
        done.add(item.name)
        for base in _bases(item):
            if base in by_name:
                place(by_name[base])
        placed.append(item)

    for item in classes:
        place(item)
    return placed


def _bases(item: ClassDef) -> Iterable[str]:
    if item.base:
        yield item.base
    for inner in item.inner:
        yield from _bases(inner)
