"""Results kept by content hash: in memory for the process, on disk if asked."""

from __future__ import annotations

import os
from pathlib import Path


class Store:
    """Bytes by key; ``memory`` is shared by default, so worker processes
    forked after a result was kept start with it."""

    shared: dict[str, bytes] = {}

    def __init__(self, folder: Path | None, memory: dict[str, bytes] | None = None):
        self.folder = folder
        self.memory = self.shared if memory is None else memory

    def __contains__(self, key: str) -> bool:
        return self.recall(key) is not None

    def recall(self, key: str) -> bytes | None:
        if key not in self.memory and self.folder is not None:
            path = self.folder / key[:2] / key
            if path.is_file():
                self.memory[key] = path.read_bytes()
        return self.memory.get(key)

    def keep(self, key: str, data: bytes) -> None:
        self.memory[key] = data
        if self.folder is None:
            return
        path = self.folder / key[:2] / key
        path.parent.mkdir(parents=True, exist_ok=True)
        # another process may keep the same key at once: each its own file first
        temporary = path.with_name(f"{key}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
