"""Generate binding packages: one per release, or one for any schema set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.bindings.formatting import FormatCache, Pieces
from generator.bindings.history import ReleaseHistory, single_release
from generator.bindings.package import PackageSpec, build_package, prefixes
from generator.bindings.render import assemble, render_pieces
from generator.changelog import Release
from generator.output import replace_directory
from generator.project import Project
from generator.schemaset import SchemaModel, compile_model, load_schema_set

SERVICE = "http://www.webex.com/schemas/2002/06/service"


@dataclass(frozen=True)
class Generated:
    release: str
    target: Path
    files: int


def compile_releases(project: Project) -> dict[str, SchemaModel]:
    return {
        r.name: compile_model(load_schema_set(project.schema_dir(r.version)))
        for r in project.lineage.order()
    }


def package_version(release: str, revision: int) -> str:
    """The release itself, or ``40.12.0.1`` for a later build of the same release."""
    return release if revision == 0 else f"{release}.{revision}"


_HISTORIES: dict[int, ReleaseHistory] = {}


def _base_history(
    models: dict[str, SchemaModel], everywhere: tuple[str, ...]
) -> ReleaseHistory:
    """One history per set of compiled models, whose caches later ones share."""
    found = _HISTORIES.get(id(models))
    if found is None or found.models is not models or found.everywhere != everywhere:
        found = _HISTORIES[id(models)] = ReleaseHistory(models, (), everywhere)
    return found


def release_spec(
    project: Project,
    release: Release,
    models: dict[str, SchemaModel],
    revision: int = 0,
) -> PackageSpec:
    lineage = project.lineage
    path = tuple(str(v) for v in reversed(lineage.ancestors(release.version)))
    history = _base_history(models, tuple(r.name for r in lineage.order()))
    history = history.sharing(path + (release.name,))
    schema_dir = project.schema_dir(release.version)
    return PackageSpec(
        schema_dir=schema_dir,
        release=release.name,
        source=f"the XSD set of release {release.name}",
        history=history,
        changelog=project.changelog,
        version=package_version(release.name, revision),
    )


def schema_set_spec(
    schema_dir: Path, version: str, distribution: str, import_name: str
) -> PackageSpec:
    model = compile_model(load_schema_set(schema_dir))
    return PackageSpec(
        schema_dir=schema_dir,
        release=version,
        source=f"the XSD set {schema_dir.name}",
        history=single_release(version, model),
        distribution=distribution,
        import_name=import_name,
    )


def render(spec: PackageSpec, cache: Path | None = None) -> dict[str, Pieces]:
    """The package's files, rendered but not yet formatted."""
    package = build_package(spec, cache / "classes" if cache else None)
    extras = {"service_namespace": SERVICE, "prefixes": prefixes(spec, package)}
    return render_pieces(package, extras)


def generate(spec: PackageSpec, target: Path, formatter: FormatCache) -> Generated:
    files = assemble(render(spec, formatter.root), formatter)
    replace_directory(target, files)
    return Generated(spec.release, target, len(files))
