"""Write a directory of files whole: a reader never sees half of it."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Mapping

AT_FDCWD = -100
RENAME_EXCHANGE = 2


def replace_directory(target: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` to a staging folder, then swap it in for ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for leftover in target.parent.glob(f".{target.name}.*"):
        if leftover.is_dir():  # from a run that was killed before it finished
            shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    retired = target.with_name(f".{target.name}.old")
    try:
        for name, content in sorted(files.items()):
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        if retired.exists():
            shutil.rmtree(retired)
        if target.is_dir() and _exchange(staging, target):
            return  # the old content is now in staging, removed below
        if target.exists():
            os.replace(target, retired)
        os.replace(staging, target)
    finally:
        for leftover in (staging, retired):
            if leftover.exists():
                shutil.rmtree(leftover)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step where the system can (Linux renameat2),
    so that no moment exists without ``second``; False where it cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    done = renameat2(
        AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE
    )
    return bool(done == 0)


def replace_file(target: Path, content: bytes) -> None:
    """Write ``target`` through a temporary file, so it is never half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, target)
