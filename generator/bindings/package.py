"""Assemble the model of one binding package from a schema set and its history."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from generator import __version__
from generator.bindings.build import ModuleBuilder
from generator.bindings.history import ReleaseHistory
from generator.bindings.model import (
    ClassDef,
    ErrorDef,
    ModuleDef,
    OperationDef,
    PackageDef,
    ReleaseRef,
)
from generator.bindings.naming import java_package, module_name
from generator.bindings.resolve import resolve_classes
from generator.changelog import Changelog, Lineage
from generator.errors import InputError

DISTRIBUTION = "webex-xmlapi"
IMPORT_NAME = "webex_xmlapi"
SERVICE = "http://www.webex.com/schemas/2002/06/service"
JAVA = "java:com.webex.service.binding"


@dataclass(frozen=True)
class PackageSpec:
    """What to generate: a schema set, the release it is, and how to name it."""

    schema_dir: Path
    release: str
    source: str
    history: ReleaseHistory
    changelog: Changelog | None = None
    version: str | None = None
    distribution: str = DISTRIBUTION
    import_name: str = IMPORT_NAME


def build_package(spec: PackageSpec, cache: Path | None = None) -> PackageDef:
    """``cache`` keeps the classes xsdata reads from each XSD file."""
    roles = dict(_roles(spec))
    classes = resolve_classes(spec.schema_dir, cache)
    modules = ModuleBuilder(classes, spec.history, spec.import_name, roles).build()
    paths = dict(_class_paths(modules, spec.import_name))
    message_module = _message_module(modules, spec.schema_dir)
    return PackageDef(
        distribution=spec.distribution,
        import_name=spec.import_name,
        version=spec.version or spec.release,
        api_version=spec.release,
        generator_version=__version__,
        source=spec.source,
        modules=modules,
        operations=_operations(spec, paths),
        errors=_errors(spec),
        releases=_releases(spec),
        availability=tuple(_availability(modules, spec)),
        message_module=message_module,
    )


def prefixes(spec: PackageSpec, package: PackageDef) -> dict[str, str]:
    """Namespace prefixes for serialized messages, the vendor's where known."""
    if spec.changelog is not None:
        return dict(sorted(spec.changelog.namespaces.items()))
    found = {m.name: m.namespace for m in package.modules}
    found["serv"] = found.pop("service", SERVICE)
    return dict(sorted(found.items()))


def _roles(spec: PackageSpec) -> Iterator[tuple[str, str]]:
    """Docstring summaries for the request and response types of operations."""
    for operation in spec.history.models[spec.release].operations():
        yield operation.request, f"Request of the {operation.name} operation."
        yield operation.response, f"Response of the {operation.name} operation."


def _class_paths(
    modules: tuple[ModuleDef, ...], import_name: str
) -> Iterator[tuple[str, str]]:
    for module in modules:
        for item in module.classes:
            yield item.key, f"{import_name}.models.{module.name}.{item.name}"


def _message_module(modules: tuple[ModuleDef, ...], schema_dir: Path) -> str:
    for module in modules:
        if module.namespace == SERVICE and any(
            c.name == "Message" for c in module.classes
        ):
            return module.name
    raise InputError(
        schema_dir,
        "the schema set has no serv:message element",
        fix="include the XML API's service.xsd with its message envelope",
    )


def _operations(spec: PackageSpec, paths: dict[str, str]) -> tuple[OperationDef, ...]:
    model = spec.history.models[spec.release]
    found = []
    for operation in model.operations():
        if operation.request not in paths or operation.response not in paths:
            continue
        java = f"{JAVA}.{java_package(operation.namespace)}.{operation.name}"
        found.append(
            OperationDef(
                name=operation.name,
                module=module_name(operation.namespace),
                request=paths[operation.request],
                response=paths[operation.response],
                java_type=java,
                since=spec.history.since(operation.request),
            )
        )
    return tuple(found)


def _errors(spec: PackageSpec) -> tuple[ErrorDef, ...]:
    """Error codes the release's lineage has shipped, with their first release."""
    if spec.changelog is None:
        return ()
    version = spec.changelog.release(spec.release).version
    lineage = {version, *Lineage.build(spec.changelog).ancestors(version)}
    found = []
    for error in spec.changelog.errors:
        shipped = [
            shipped_in
            for change in spec.changelog.changes
            if error.code in change.error_codes
            for shipped_in in change.releases
            if shipped_in in lineage
        ]
        if shipped:
            first = str(min(shipped))
            found.append(
                ErrorDef(error.code, error.name, error.reason, first, error.http_status)
            )
    return tuple(found)


def _releases(spec: PackageSpec) -> tuple[ReleaseRef, ...]:
    if spec.changelog is None:
        return (ReleaseRef(spec.release, "main", None),)
    return tuple(
        ReleaseRef(r.name, r.train, str(r.base) if r.base else None)
        for r in Lineage.build(spec.changelog).order()
    )


def _availability(
    modules: tuple[ModuleDef, ...], spec: PackageSpec
) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    everywhere = spec.history.everywhere
    for module in modules:
        for item, path in _walk_classes(
            module.classes, f"{spec.import_name}.models.{module.name}"
        ):
            if item.is_enum:
                continue
            releases = spec.history.releases_with(item.key)
            if releases and releases != everywhere:
                yield path, "", releases
            for field in item.fields:
                if field.kind != "Element":
                    continue
                releases = spec.history.releases_with(item.key, field.xml_name)
                if releases and releases != everywhere:
                    yield path, field.name, releases


def _walk_classes(
    classes: tuple[ClassDef, ...], prefix: str
) -> Iterator[tuple[ClassDef, str]]:
    for item in classes:
        path = f"{prefix}.{item.name}"
        yield item, path
        yield from _walk_classes(item.inner, path)
