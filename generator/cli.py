"""The webexgen command line."""

from __future__ import annotations

import functools
import os
from collections import Counter
import json
import logging
import sys
from pathlib import Path
from typing import Any, Callable

import click

from generator import __version__, logger
from generator.changelog import Release
from generator.errors import InputError
from generator.project import Project

EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
CACHE_FOLDER = ".cache"
DEFAULT_INDEX = "http://127.0.0.1:8080/"


def reports_input_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print bad input as one line and exit 2; --debug shows the traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except InputError as error:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            click.echo(f"error: {error.render()}", err=True)
            sys.exit(EXIT_BAD_INPUT)

    return wrapper


@click.group()
@click.version_option(__version__, prog_name="webexgen")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.option(
    "--schemas",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder with one XSD set per release and changelog.yaml.",
)
@click.pass_context
def main(context: click.Context, debug: bool, schemas: Path) -> None:
    """Bindings, schema checks and release lineage for the Webex XML API."""
    logging.basicConfig(format="%(levelname)s: %(message)s")
    logger.setLevel(logging.DEBUG if debug else logging.WARNING)
    context.obj = Project(schemas)


@main.command()
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
@reports_input_errors
def releases(project: Project, output: str) -> None:
    """List the releases in lineage order with their train and base."""
    order = project.lineage.order()
    if output == "json":
        rows = [_release_row(project, r) for r in order]
        click.echo(json.dumps({"releases": rows}, indent=2))
        return
    click.echo(f"{'release':<10} {'train':<6} {'base':<10} {'changes':>7}  title")
    for release in order:
        aliases = ", ".join(release.also_known_as)
        alias = f" (also {aliases})" if aliases else ""
        changes = len(project.lineage.shipped_in(release.version))
        base = str(release.base) if release.base else "-"
        click.echo(
            f"{release.name:<10} {release.train:<6} {base:<10} "
            f"{changes:>7}  {release.title}{alias}"
        )


def _release_row(project: Project, release: Release) -> dict[str, object]:
    return {
        "version": release.name,
        "train": release.train,
        "base": str(release.base) if release.base else None,
        "also_known_as": list(release.also_known_as),
        "changes": len(project.lineage.shipped_in(release.version)),
        "title": release.title,
    }


@main.command()
@click.argument("release_names", nargs=-1, metavar="[RELEASE]...")
@click.option(
    "--check", "only_check", is_flag=True, help="Report stale sets; write nothing."
)
@click.pass_obj
@reports_input_errors
def derive(project: Project, release_names: tuple[str, ...], only_check: bool) -> None:
    """Write schemas/<release>/ from the baseline plus the changelog's edits."""
    from generator.derive import derive_sets
    from generator.schemaset.write import differs_on_disk, write_schema_set

    sets = derive_sets(project)
    chosen = [r for r in project.select(release_names) if r.base is not None]
    stale = 0
    for release in chosen:
        target = project.schema_dir(release.version)
        changed = differs_on_disk(sets[release.version], target)
        stale += bool(changed)
        if only_check:
            for key in changed:
                click.echo(
                    f"{release.name}: {key} differs from what the changelog derives"
                )
        elif changed:
            write_schema_set(sets[release.version], target)
    verb = "out of date" if only_check else "rewritten"
    click.echo(f"{len(chosen)} releases derived, {stale} {verb}")
    if only_check and stale:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.pass_obj
@reports_input_errors
def check(project: Project) -> None:
    """Verify that each release's schemas differ from its base as the changelog says."""
    from generator.check import check_project

    findings = check_project(project)
    for finding in findings:
        click.echo(f"{finding.release}: {finding.message}")
    count = len(project.changelog.releases) - 1
    click.echo(
        f"{count} releases checked against their bases, {len(findings)} disagreements"
    )
    if findings:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("release_names", nargs=-1, metavar="[RELEASE]...")
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("generated"),
    show_default=True,
    help="Folder that receives one package folder per release.",
)
@click.option(
    "--schema-set",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Generate from this XSD folder instead of a release of the changelog.",
)
@click.option(
    "--cache",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the formatted-module cache [default: OUTPUT/.cache].",
)
@click.option("--no-cache", is_flag=True, help="Keep no cache on disk.")
@click.option(
    "--jobs", type=click.IntRange(min=1), help="Worker processes [default: cores]."
)
@click.option(
    "--revision",
    type=click.IntRange(min=0),
    default=0,
    help="Package revision: 1 makes release 40.12.0 version 40.12.0.1.",
)
@click.option(
    "--version", "set_version", default="0.0.0", help="Version for --schema-set."
)
@click.option(
    "--name", default="webex-xmlapi", help="Distribution name for --schema-set."
)
@click.option(
    "--import-name", default="webex_xmlapi", help="Import name for --schema-set."
)
@click.pass_obj
@reports_input_errors
def generate(
    project: Project,
    release_names: tuple[str, ...],
    output: Path,
    schema_set: Path | None,
    cache: Path | None,
    no_cache: bool,
    jobs: int | None,
    revision: int,
    set_version: str,
    name: str,
    import_name: str,
) -> None:
    """Generate a binding package for each release, or for one XSD folder."""
    from generator.bindings.generate import generate as generate_package
    from generator.bindings.generate import schema_set_spec

    from generator.bindings.batch import Batch, generate_releases
    from generator.bindings.formatting import FormatCache

    cache_folder = None if no_cache else cache or output / CACHE_FOLDER
    if schema_set is not None:
        spec = schema_set_spec(schema_set, set_version, name, import_name)
        done = [generate_package(spec, output, FormatCache(cache_folder))]
    else:
        releases = project.select(release_names)
        batch = Batch(
            project.schemas.resolve(),
            output.resolve(),
            cache_folder and cache_folder.resolve(),
            revision,
        )
        with click.progressbar(
            length=len(releases), label="generating", file=sys.stderr
        ) as bar:
            done = []
            for generated in generate_releases(project, releases, batch, jobs):
                done.append(generated)
                bar.update(1)
    written = [d for d in done if d.files]
    files = sum(d.files for d in written)
    unchanged = len(done) - len(written)
    click.echo(
        f"{len(written)} packages generated in {output} ({files} files)"
        + (f", {unchanged} unchanged" if unchanged else "")
    )


def _release_name(release: Release | None) -> str | None:
    return release.name if release else None


@main.command()
@click.option(
    "--format",
    "formats",
    type=click.Choice(["md", "html", "csv", "json"]),
    multiple=True,
    help="Formats to write; all four when none is given.",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("generated/matrix"),
    show_default=True,
)
@click.pass_obj
@reports_input_errors
def matrix(project: Project, formats: tuple[str, ...], output: Path) -> None:
    """Write the compatibility matrix of every release."""
    from generator.bindings.generate import compile_releases
    from generator.matrix.build import build_matrix
    from generator.matrix.render import FORMATS, RENDERERS
    from generator.output import replace_file

    built = build_matrix(project, compile_releases(project))
    for name in formats or FORMATS:
        replace_file(output / f"matrix.{name}", RENDERERS[name](built).encode("utf-8"))
    click.echo(
        f"{len(built.features)} features x {len(built.releases)} releases "
        f"written to {output} ({', '.join(formats or FORMATS)})"
    )


@main.command()
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("generated/docs"),
    show_default=True,
)
@click.pass_obj
@reports_input_errors
def docs(project: Project, output: Path) -> None:
    """Write per-release documentation as Markdown and as a static HTML site."""
    from generator.bindings.generate import compile_releases
    from generator.docs.build import SiteBuilder
    from generator.docs.render import build_html, render_sources
    from generator.output import replace_directory

    site = SiteBuilder(project, compile_releases(project)).build()
    files = build_html(render_sources(site))
    replace_directory(output, files)
    pages = sum(name.endswith(".html") for name in files)
    click.echo(f"{len(site.releases)} releases documented in {output} ({pages} pages)")


@main.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--format", "output", type=click.Choice(["text", "md", "json"]), default="text"
)
@click.option(
    "--fail-on",
    type=click.Choice(["breaking", "warning"]),
    help="Exit with status 1 when a finding reaches this level.",
)
@click.option(
    "--accept",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="YAML list of known findings ({rule, path}) that do not fail the run.",
)
@click.pass_obj
@reports_input_errors
def diff(
    project: Project,
    old: str,
    new: str,
    output: str,
    fail_on: str | None,
    accept: Path | None,
) -> None:
    """Compare two releases, or two XSD folders, with a verdict per direction.

    OLD and NEW are release versions from the changelog or schema directories.
    """
    from dataclasses import replace

    from generator.diff.findings import diff_models
    from generator.diff.report import RENDERERS, Report, load_accepted
    from generator.schemaset import compile_model, load_schema_set
    from generator.schemaset.names import Names

    models = [
        compile_model(load_schema_set(_schema_dir(project, name)))
        for name in (old, new)
    ]
    names = Names(_known_namespaces(project))
    accepted = load_accepted(accept) if accept else set()
    findings = tuple(
        replace(f, accepted=(f.rule, f.id) in accepted)
        for f in diff_models(models[0], models[1], names)
    )
    report = Report(old, new, findings)
    click.echo(RENDERERS[output](report), nl=False)
    if report.fails(fail_on):
        sys.exit(EXIT_FINDINGS)


def _schema_dir(project: Project, name: str) -> Path:
    """A directory as given, or the schema set of a release of the changelog."""
    path = Path(name)
    if path.is_dir():
        return path
    return project.schema_dir(project.select((name,))[0].version)


def _known_namespaces(project: Project) -> dict[str, str]:
    try:
        return project.changelog.namespaces
    except InputError:
        return {}


@main.command()
@click.argument("release_names", nargs=-1, metavar="[RELEASE]...")
@click.option(
    "--repository-url",
    envvar="INDEX",
    default=DEFAULT_INDEX,
    show_default=True,
    help="Index to upload to, as twine takes it (also $INDEX).",
)
@click.option(
    "--revision",
    type=click.IntRange(min=0),
    default=0,
    help="Package revision: 1 publishes release 40.12.0 as 40.12.0.1.",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("generated"),
    show_default=True,
)
@click.pass_obj
@reports_input_errors
def publish(
    project: Project,
    release_names: tuple[str, ...],
    repository_url: str,
    revision: int,
    output: Path,
) -> None:
    """Build, check and upload release packages; never overwrite a version."""
    from generator.bindings.formatting import FormatCache
    from generator.bindings.generate import compile_releases, generate, release_spec
    from generator.publish.publish import REFUSED, publish_package

    releases = project.select(release_names)
    models = compile_releases(project)
    formatter = FormatCache(output / CACHE_FOLDER)
    outcomes = []
    for release in releases:
        spec = release_spec(project, release, models, revision)
        generate(spec, output / release.name, formatter)
        outcome = publish_package(
            output / release.name,
            release.name,
            spec.version or release.name,
            repository_url,
            spec.distribution,
        )
        click.echo(f"{release.name}: {outcome.message}", err=outcome.state == REFUSED)
        outcomes.append(outcome)
    counts = Counter(o.state for o in outcomes)
    summary = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
    click.echo(f"{len(outcomes)} packages to {repository_url}: {summary}")
    if counts[REFUSED]:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.option("--port", type=int, default=8080, show_default=True)
@click.option(
    "--folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("generated/index"),
    show_default=True,
)
def index(port: int, folder: Path) -> None:
    """Serve a local package index (pypiserver) on 127.0.0.1 until stopped."""
    from generator.publish.local import server_command

    folder.mkdir(parents=True, exist_ok=True)
    click.echo(f"serving {folder} at http://127.0.0.1:{port}/ (Ctrl-C stops)")
    command = server_command(folder, port)
    os.execv(command[0], command)


if __name__ == "__main__":
    main()
