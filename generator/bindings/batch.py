"""Generate many releases: skip the unchanged, share the work, use every core.

A release is regenerated only when its inputs changed: the schema sets and
changelog (every release's, since availability tables span them all), the
templates, the generator's own code and the package version. Its fingerprint
and the hashes of the files it wrote are kept in the cache folder, so a package
edited or deleted by hand is written again.

The stale releases are resolved and rendered in worker processes, one release
each. Their pieces are then pooled, so that a class rendered the same way in
many releases is formatted by black once, again across the workers; last, each
package is assembled and written.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, TypeVar

from generator.bindings.formatting import FormatCache, Pieces
from generator.bindings.generate import (
    Generated,
    compile_releases,
    package_version,
    release_spec,
    render,
)
from generator.bindings.render import TEMPLATES, assemble
from generator.bindings.resolve import set_key
from generator.output import replace_directory
from generator.changelog import Release
from generator.project import Project
from generator.schemaset import SchemaModel

T = TypeVar("T")

GENERATOR = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Batch:
    schemas: Path
    output: Path
    cache: Path | None
    revision: int = 0

    def fingerprint(self, release: str) -> str:
        version = package_version(release, self.revision)
        return hashlib.sha256(
            f"{_inputs(self.schemas)}\0{release}\0{version}".encode()
        ).hexdigest()

    def record(self, release: str) -> Path | None:
        return self.cache / "packages" / f"{release}.json" if self.cache else None

    def is_current(self, release: str) -> bool:
        record = self.record(release)
        if record is None or not record.is_file():
            return False
        stored = json.loads(record.read_text(encoding="utf-8"))
        target = self.output / release
        return stored["fingerprint"] == self.fingerprint(release) and stored[
            "files"
        ] == _hashes(target)

    def remember(self, release: str) -> None:
        record = self.record(release)
        if record is None:
            return
        record.parent.mkdir(parents=True, exist_ok=True)
        entry = {
            "fingerprint": self.fingerprint(release),
            "files": _hashes(self.output / release),
        }
        record.write_text(json.dumps(entry, sort_keys=True), encoding="utf-8")


def generate_releases(
    project: Project,
    releases: tuple[Release, ...],
    batch: Batch,
    jobs: int | None = None,
) -> Iterator[Generated]:
    """Generate the releases that changed, in parallel; yield each as it is done."""
    stale = [r.name for r in releases if not batch.is_current(r.name)]
    for release in releases:
        if release.name not in stale:
            yield Generated(release.name, batch.output / release.name, 0)
    if not stale:
        return
    _models(batch.schemas)  # before the workers start, so that they inherit it
    formatter = FormatCache(batch.cache)
    order = _schedule(batch, stale)
    with _workers(jobs or os.cpu_count() or 1) as pool:
        rendered = dict(zip(order, _map(pool, _render, [batch] * len(order), order)))
        python = (
            pieces
            for files in rendered.values()
            for name, pieces in files.items()
            if name.endswith(".py")
        )
        formatter.prepare(python, pool)
    for name in stale:
        files = assemble(rendered.pop(name), formatter)
        replace_directory(batch.output / name, files)
        batch.remember(name)
        yield Generated(name, batch.output / name, len(files))


def _schedule(batch: Batch, names: list[str]) -> list[str]:
    """Releases with a schema set not seen before first: a later release with
    the same set then finds xsdata's analysis of it done."""
    project = _project(batch.schemas)
    first: dict[str, str] = {}
    for name in names:
        first.setdefault(set_key(project.schema_dir(name)), name)
    leaders = list(first.values())
    return leaders + [n for n in names if n not in leaders]


@contextmanager
def _workers(count: int) -> Iterator[Executor | None]:
    """Worker processes forked from this one where the platform allows, so they
    start with the compiled models; none when there is one core."""
    if count <= 1:
        yield None
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        yield pool


def _map(
    pool: Executor | None, function: Callable[..., T], *arguments: Iterable[Any]
) -> Iterator[T]:
    return (pool.map if pool is not None else map)(function, *arguments)


def _render(batch: Batch, name: str) -> dict[str, Pieces]:
    project = _project(batch.schemas)
    release = project.select((name,))[0]
    spec = release_spec(project, release, _models(batch.schemas), batch.revision)
    return render(spec, batch.cache)


@cache
def _project(schemas: Path) -> Project:
    return Project(schemas)


@cache
def _models(schemas: Path) -> dict[str, SchemaModel]:
    """Every release's compiled model, once per process."""
    return compile_releases(_project(schemas))


@cache
def _inputs(schemas: Path) -> str:
    digest = hashlib.sha256()
    for root, pattern in ((schemas, "*"), (TEMPLATES, "*"), (GENERATOR, "*.py")):
        for path in sorted(p for p in root.rglob(pattern) if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _hashes(target: Path) -> dict[str, str]:
    if not target.is_dir():
        return {}
    return {
        p.relative_to(target).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(target.rglob("*"))
        if p.is_file()
    }
