"""The one Jinja setup every output uses: strict, whitespace-exact, no escaping."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def environment(
    folder: str, filters: dict[str, Callable[..., Any]] | None = None
) -> Environment:
    """An environment for ``templates/<folder>``; a missing value fails loudly."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES / folder)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(filters or {})
    return env
