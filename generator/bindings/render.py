"""Render a package model through the Jinja templates, formatted by black."""

from __future__ import annotations

import pprint
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from jinja2 import Environment

from generator import templating

from generator.bindings.formatting import FormatCache, Pieces, split_python
from generator.bindings.model import ClassDef, FieldDef, ModuleDef, PackageDef

TEMPLATES = templating.TEMPLATES / "package"
TEMPLATE_PACKAGE = "webex_xmlapi"
MODULE_TEMPLATE = f"{TEMPLATE_PACKAGE}/models/module.py.j2"


class Filters:
    """Every bit of logic the templates need, so they stay plain text."""

    @staticmethod
    def pyrepr(value: Any) -> str:
        return pprint.pformat(value, width=1000, sort_dicts=False)

    @staticmethod
    def field_annotation(item: FieldDef) -> str:
        if item.kind == "Attributes":
            return item.annotation
        if item.multiple:
            return f"list[{item.annotation}]"
        return f"{item.annotation} | None"

    @staticmethod
    def field_default(item: FieldDef) -> str:
        if item.kind == "Attributes":
            return "default_factory=dict"
        return "default_factory=list" if item.multiple else "default=None"

    @staticmethod
    def field_metadata(item: FieldDef) -> dict[str, Any]:
        metadata: dict[str, Any] = {"name": item.xml_name, "type": item.kind}
        if item.kind == "Element":
            metadata["namespace"] = item.namespace or ""
        if item.kind in ("Wildcard", "Attributes"):
            metadata["namespace"] = "##any"
        if item.required:
            metadata["required"] = True
        if item.multiple:
            metadata["min_occurs"] = item.min_occurs
            if item.max_occurs is not None:
                metadata["max_occurs"] = item.max_occurs
        if item.since:
            metadata["since"] = item.since
        return metadata

    @staticmethod
    def class_doc(item: ClassDef) -> str:
        lines = [item.doc.strip() or f"The {item.xml_name} type."]
        if item.since:
            lines.extend(["", f"Since {item.since}."])
        described = [f for f in item.fields if f.kind in ("Element", "Attribute")]
        if described:
            lines.append("")
            lines.append("Attributes:")
            lines.extend(f"    {f.name}: {_field_note(f)}" for f in described)
        return "\n".join(lines).replace('"""', "'''").replace("\\", "\\\\")

    @staticmethod
    def release_sets(package: PackageDef) -> list[tuple[str, ...]]:
        """The distinct release sets of the availability table, first seen first."""
        return list(dict.fromkeys(releases for _, _, releases in package.availability))

    @staticmethod
    def has_dataclasses(module: ModuleDef) -> bool:
        return any(not c.is_enum for c in module.classes)

    @staticmethod
    def has_enums(module: ModuleDef) -> bool:
        return any(c.is_enum or any(i.is_enum for i in c.inner) for c in module.classes)


def _field_note(item: FieldDef) -> str:
    high = "unbounded" if item.max_occurs is None else item.max_occurs
    parts = [f"<{item.xml_name}>" if item.kind == "Element" else f"@{item.xml_name}"]
    parts.append(f"{item.min_occurs}..{high}")
    if item.since:
        parts.append(f"since {item.since}")
    if item.doc:
        parts.append(item.doc)
    return ", ".join(parts)


@cache
def environment() -> Environment:
    filters = {n: getattr(Filters, n) for n in dir(Filters) if not n.startswith("_")}
    return templating.environment("package", filters)


def assemble(rendered: dict[str, Pieces], formatter: FormatCache) -> dict[str, bytes]:
    """Rendered files as bytes, Python ones formatted by black."""
    return {
        name: (
            formatter.assemble(pieces) if name.endswith(".py") else "".join(pieces)
        ).encode("utf-8")
        for name, pieces in rendered.items()
    }


def render_pieces(package: PackageDef, extras: dict[str, Any]) -> dict[str, Pieces]:
    """Every file of the package, unformatted, Python ones cut into pieces."""
    env = environment()
    files: dict[str, Pieces] = {}
    for template in sorted(TEMPLATES.rglob("*.j2")):
        name = template.relative_to(TEMPLATES).as_posix()
        partial = template.name.startswith("_") and not template.name.startswith("__")
        if partial or name == MODULE_TEMPLATE:
            continue
        text = env.get_template(name).render(package=package, **extras)
        files[_output_name(name, package)] = _pieces(name, text)
    scope = ModuleScope(package.generator_version, package.import_name)
    for module in package.modules:
        path = f"{package.import_name}/models/{module.name}.py"
        files[path] = _module_pieces(module, scope)
    return files


@dataclass(frozen=True)
class ModuleScope:
    """All a model module's template sees of its package."""

    generator_version: str
    import_name: str


@lru_cache(maxsize=1024)
def _module_pieces(module: ModuleDef, scope: ModuleScope) -> Pieces:
    """A model module, rendered once however many releases share it."""
    template = environment().get_template(MODULE_TEMPLATE)
    return _pieces(MODULE_TEMPLATE, template.render(package=scope, module=module))


def _pieces(template: str, text: str) -> Pieces:
    """A Python file's header and top-level definitions; other files whole."""
    if not template.endswith(".py.j2"):
        return (text,)
    return split_python(text)


def _output_name(template: str, package: PackageDef) -> str:
    name = template.removesuffix(".j2")
    return (
        package.import_name + name[len(TEMPLATE_PACKAGE) :]
        if name.startswith(TEMPLATE_PACKAGE)
        else name
    )
