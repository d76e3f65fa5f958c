"""Frozen model of a binding package, the only input of the templates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldDef:
    """One dataclass field: an element, attribute, text or wildcard."""

    name: str
    xml_name: str
    kind: str
    annotation: str
    namespace: str | None
    min_occurs: int
    max_occurs: int | None
    since: str | None = None
    doc: str = ""

    @property
    def multiple(self) -> bool:
        return self.max_occurs is None or self.max_occurs > 1

    @property
    def required(self) -> bool:
        return self.min_occurs > 0


@dataclass(frozen=True)
class EnumMember:
    name: str
    value: str


@dataclass(frozen=True)
class ClassDef:
    """A generated class: a dataclass for a complex type, or an Enum."""

    name: str
    xml_name: str
    key: str
    base: str | None
    fields: tuple[FieldDef, ...] = ()
    inner: tuple[ClassDef, ...] = ()
    members: tuple[EnumMember, ...] = ()
    is_enum: bool = False
    is_element: bool = False
    element_namespace: str | None = None
    since: str | None = None
    doc: str = ""


@dataclass(frozen=True)
class ModuleDef:
    name: str
    namespace: str
    imports: tuple[str, ...]
    type_imports: tuple[str, ...]
    classes: tuple[ClassDef, ...]


@dataclass(frozen=True)
class OperationDef:
    """An operation: its request and response classes and its wire type."""

    name: str
    module: str
    request: str
    response: str
    java_type: str
    since: str | None


@dataclass(frozen=True)
class ErrorDef:
    code: str
    name: str
    reason: str
    introduced_in: str
    http_status: int | None = None


@dataclass(frozen=True)
class ReleaseRef:
    version: str
    train: str
    base: str | None


@dataclass(frozen=True)
class PackageDef:
    """Everything one generated package holds."""

    distribution: str
    import_name: str
    version: str
    api_version: str
    generator_version: str
    source: str
    modules: tuple[ModuleDef, ...]
    operations: tuple[OperationDef, ...]
    errors: tuple[ErrorDef, ...]
    releases: tuple[ReleaseRef, ...]
    availability: tuple[tuple[str, str, tuple[str, ...]], ...]
    message_module: str
