"""black formatting with a content-addressed cache.

Most modules are identical from one release to the next, so the formatted
text is kept under the hash of its input and reused.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import black

MODE = black.Mode(line_length=88)
VERSION = black.__version__


class FormatCache:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.memory: dict[str, str] = {}

    def format(self, text: str) -> str:
        key = hashlib.sha256(f"{VERSION}\0{MODE}\0{text}".encode()).hexdigest()
        if key in self.memory:
            return self.memory[key]
        stored = self.folder / key[:2] / key if self.folder else None
        if stored is not None and stored.is_file():
            result = stored.read_text(encoding="utf-8")
        else:
            result = black.format_str(text, mode=MODE)
            if stored is not None:
                stored.parent.mkdir(parents=True, exist_ok=True)
                # workers may format the same module at once: each its own file
                temporary = stored.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_text(result, encoding="utf-8")
                temporary.replace(stored)
        self.memory[key] = result
        return result
