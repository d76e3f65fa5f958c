"""Build an sdist and a wheel, check them, and compare them by content."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from generator.errors import InputError

FIXED_TIME = "315532800"  # 1980-01-01, the earliest time a zip file can hold


def build(package: Path, out: Path) -> list[Path]:
    """sdist and wheel of ``package`` with the standard build front end."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_TIME}
    _run(
        [
            sys.executable,
            "-m",
            "build",
            "--sdist",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(package),
        ],
        package,
        environment,
    )
    return sorted(out.iterdir())


def check(files: list[Path]) -> None:
    """twine's metadata check: the index and pip must be able to read them."""
    _run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, files)], files[0]
    )


def contents(name: str, data: bytes) -> dict[str, str]:
    """Member name -> sha256 of its bytes; times and ordering are ignored."""
    found = {}
    if name.endswith(".whl") or name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.namelist():
                found[member] = hashlib.sha256(archive.read(member)).hexdigest()
        return found
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
        for entry in archive.getmembers():
            extracted = archive.extractfile(entry) if entry.isfile() else None
            if extracted is not None:
                found[entry.name] = hashlib.sha256(extracted.read()).hexdigest()
    return found


def _run(
    command: list[str], where: Path, environment: dict[str, str] | None = None
) -> None:
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip().splitlines()
        raise InputError(
            where, f"{command[2]} failed: {output[-1] if output else 'no output'}"
        )
