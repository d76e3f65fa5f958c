"""Publish one release's package: build, check, compare with the index, upload."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError
from generator.publish.distributions import build, check, contents
from generator.publish.index import IndexClient, RemoteFile

UPLOADED = "uploaded"
UNCHANGED = "already published"
REFUSED = "refused"


@dataclass(frozen=True)
class Outcome:
    release: str
    version: str
    state: str
    message: str


def publish_package(
    package: Path, release: str, version: str, index_url: str, distribution: str
) -> Outcome:
    """Upload ``package`` unless the index already has its version."""
    with tempfile.TemporaryDirectory() as folder:
        files = build(package, Path(folder))
        check(files)
        client = IndexClient(index_url)
        published = client.files(distribution, version)
        if published:
            return _compare(client, published, files, release, version, distribution)
        _upload(files, index_url)
    return Outcome(release, version, UPLOADED, f"{distribution} {version} uploaded")


def _compare(
    client: IndexClient,
    published: list[RemoteFile],
    files: list[Path],
    release: str,
    version: str,
    distribution: str,
) -> Outcome:
    local = {p.name: contents(p.name, p.read_bytes()) for p in files}
    differing = [
        remote.name
        for remote in published
        if local.get(remote.name) != contents(remote.name, client.download(remote))
    ]
    missing = sorted(set(local) - {r.name for r in published})
    if not differing and not missing:
        message = (
            f"{distribution} {version} is already on the index with the same content"
        )
        return Outcome(release, version, UNCHANGED, message)
    message = (
        f"the index already has {distribution} {version} with different content "
        f"({', '.join(differing + missing)}); refusing to overwrite it. Publish the "
        f"new build as a new version with --revision (for example {release}.1)"
    )
    return Outcome(release, version, REFUSED, message)


def _upload(files: list[Path], index_url: str) -> None:
    """twine upload; credentials come the way twine takes them."""
    environment = dict(os.environ)
    if _is_loopback(index_url):
        environment.setdefault("TWINE_USERNAME", "local")
        environment.setdefault("TWINE_PASSWORD", "local")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "twine",
            "upload",
            "--non-interactive",
            "--repository-url",
            index_url,
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        env=environment,
    )
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines()
        raise InputError(
            index_url, "upload failed: " + (lines[-1] if lines else "no output")
        )


def _is_loopback(url: str) -> bool:
    return "://127.0.0.1" in url or "://localhost" in url or "://[::1]" in url
