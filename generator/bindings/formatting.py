"""black formatting, piece by piece, with a content-addressed cache.

A Python file is cut where a top-level definition or comment follows a blank
line: its header (docstring and imports), then one piece per class, function
or commented statement. black formats a top-level piece the same whatever
surrounds it; it puts two blank lines around a top-level definition and keeps
the blank lines before any other statement. So formatting the pieces apart and
joining them gives what formatting the whole file gives. Most classes are
identical from one release to the next: each distinct piece is formatted
once, and kept under the hash of its text.

Pieces still to format are sent to worker processes in a few large batches,
separated by a marker comment, since one call of black on a large text costs
less than many on small ones.
"""

from __future__ import annotations

import hashlib
import re
from concurrent.futures import Executor
from pathlib import Path
from typing import Iterable

import black

from generator.bindings.store import Store

MODE = black.Mode(line_length=88)
VERSION = black.__version__
MARKER = "# webexgen: next piece"
SPLIT = re.compile(rf"^{re.escape(MARKER)}\n", re.MULTILINE)
BOUNDARY = re.compile(r"(?<=\n\n)(?=@|def |class |# )")
DEFINITION = re.compile(r"(?:#[^\n]*\n)*(?:@|def |class )")
BATCH_CHARS = 200_000

Pieces = tuple[str, ...]


class FormatCache:
    """Formatted pieces by the hash of their text, under ``root/formatted``."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self.store = Store(root / "formatted" if root else None, memory={})

    def assemble(self, pieces: Pieces) -> str:
        """The formatted file of these pieces; formats whatever is not known."""
        self.prepare([pieces])
        formatted = [self._recall(_key(p)) for p in pieces]
        if None in formatted:
            # a piece black cannot read on its own: the file goes whole
            whole = "".join(pieces)
            self.prepare([(whole,)])
            known = self._recall(_key(whole))
            return known if known is not None else black.format_str(whole, mode=MODE)
        parts = [(formatted[0] or "").rstrip("\n")]
        for before, piece, result in zip(pieces, pieces[1:], formatted[1:]):
            parts.append(_separator(before, piece) + (result or "").rstrip("\n"))
        return "".join(parts) + "\n"

    def prepare(self, files: Iterable[Pieces], pool: Executor | None = None) -> None:
        """Format every piece of ``files`` not yet known, in ``pool`` if given."""
        heads: dict[str, str] = {}
        bodies: dict[str, str] = {}
        for pieces in files:
            for position, piece in enumerate(pieces):
                key = _key(piece)
                if key not in self.store:
                    (bodies if position else heads)[key] = piece
        batches = [[text] for text in heads.values()] + _batches(list(bodies.values()))
        runner = pool.map if pool is not None and len(batches) > 1 else map
        for batch, formatted in zip(batches, runner(_format_batch, batches)):
            for piece, result in zip(batch, formatted):
                if result is not None:
                    self.store.keep(_key(piece), result.encode("utf-8"))

    def _recall(self, key: str) -> str | None:
        found = self.store.recall(key)
        return None if found is None else found.decode("utf-8")


def split_python(text: str) -> Pieces:
    """The pieces of a Python file; joined, they give the text back.

    A commented statement right after a definition stays with it: how many
    blank lines black leaves there depends on what ends the definition's piece.
    """
    pieces: list[str] = []
    for piece in BOUNDARY.split(text):
        if pieces and not DEFINITION.match(piece) and DEFINITION.match(pieces[-1]):
            pieces[-1] += piece
        elif piece:
            pieces.append(piece)
    return tuple(pieces)


def _separator(before: str, piece: str) -> str:
    """The line breaks black puts between two formatted pieces."""
    if DEFINITION.match(piece):
        return "\n\n\n"
    blank = len(before) - len(before.rstrip("\n")) - 1
    return "\n" * (min(blank, 2) + 1)


def _key(text: str) -> str:
    return hashlib.sha256(f"{VERSION}\0{MODE}\0{text}".encode()).hexdigest()


def _batches(bodies: list[str]) -> list[list[str]]:
    """Class pieces grouped into batches of about BATCH_CHARS characters."""
    batches: list[list[str]] = []
    size = BATCH_CHARS
    for body in sorted(bodies, key=len, reverse=True):
        if size >= BATCH_CHARS:
            batches.append([])
            size = 0
        batches[-1].append(body)
        size += len(body)
    return batches


def _format_batch(pieces: list[str]) -> list[str | None]:
    """black on one header alone, or on many definitions at once; None for a
    piece black cannot read on its own."""
    if len(pieces) > 1:
        joined = "".join(f"{MARKER}\n{p.strip()}\n\n\n" for p in pieces)
        try:
            parts = SPLIT.split(black.format_str(joined, mode=MODE))[1:]
        except black.InvalidInput:
            parts = []
        if len(parts) == len(pieces):
            return [part.strip("\n") + "\n" for part in parts]
    return [_format_alone(p) for p in pieces]


def _format_alone(piece: str) -> str | None:
    try:
        return black.format_str(piece, mode=MODE)
    except black.InvalidInput:
        return None
