"""Generate many releases: skip the unchanged, share the work, use every core.

A release is regenerated only when its inputs changed: the schema sets and
changelog (every release's, since availability tables span them all), the
templates, the generator's own code and the package version. Its fingerprint
and the hashes of the files it wrote are kept in the cache folder, so a package
edited or deleted by hand is written again.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

from generator.bindings.formatting import FormatCache
from generator.bindings.generate import (
    Generated,
    compile_releases,
    generate,
    package_version,
    release_spec,
)
from generator.bindings.render import TEMPLATES
from generator.changelog import Release
from generator.project import Project
from generator.schemaset import SchemaModel

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
    stale = [r for r in releases if not batch.is_current(r.name)]
    for release in releases:
        if release not in stale:
            yield Generated(release.name, batch.output / release.name, 0)
    workers = min(jobs or os.cpu_count() or 1, len(stale))
    if workers <= 1:
        for release in stale:
            yield _one(batch, release.name)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(_one, [batch] * len(stale), [r.name for r in stale]):
            yield done


def _one(batch: Batch, name: str) -> Generated:
    project = Project(batch.schemas)
    release = project.select((name,))[0]
    spec = release_spec(project, release, _models(batch.schemas), batch.revision)
    done = generate(spec, batch.output / name, FormatCache(batch.cache))
    batch.remember(name)
    return done


@cache
def _models(schemas: Path) -> dict[str, SchemaModel]:
    """Each worker process compiles every release's model once."""
    return compile_releases(Project(schemas))


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
