"""Element paths of an operation's request and response, from a compiled model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from generator.schemaset.model import Element, SchemaModel


@dataclass(frozen=True)
class ElementPath:
    """``accessControl.audioPassword`` under a request or response root."""

    path: str
    owner: str
    element: Element


def element_paths(model: SchemaModel, root: str) -> Iterator[ElementPath]:
    """Every element reachable from ``root``, depth first, in document order.

    A type already on the current branch is not entered again, so recursive
    types end after one level.
    """
    yield from _walk(model, root, "", (root,))


def _walk(
    model: SchemaModel, key: str, prefix: str, branch: tuple[str, ...]
) -> Iterator[ElementPath]:
    for element in model.all_elements(key):
        path = f"{prefix}{element.name}"
        yield ElementPath(path, _owner(model, key, element), element)
        if model.complex(element.type) is not None and element.type not in branch:
            yield from _walk(model, element.type, f"{path}.", branch + (element.type,))


def _owner(model: SchemaModel, key: str, element: Element) -> str:
    """The type that declares ``element``: ``key`` or one of its bases."""
    for kind in model.ancestry(key):
        if element in kind.elements:
            return kind.key
    return key
