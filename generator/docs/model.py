"""Frozen model of the documentation site, the only input of its templates."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ElementRow:
    """One element of an operation's request or response in a release."""

    path: str
    depth: int
    type: str
    cardinality: str
    since: str
    description: str


@dataclass(frozen=True)
class OperationReference:
    name: str
    since: str
    request: tuple[ElementRow, ...]
    response: tuple[ElementRow, ...]


@dataclass(frozen=True)
class ChangeView:
    id: str
    title: str
    kind: str
    operations: tuple[str, ...]
    toggle: str | None
    error_codes: tuple[str, ...]
    description: str
    releases: tuple[str, ...]


@dataclass(frozen=True)
class Migration:
    """One difference from the base release, judged for client code."""

    operation: str
    direction: str
    path: str
    what: str
    verdict: str
    toggle: str | None = None


@dataclass(frozen=True)
class ReleasePage:
    version: str
    train: str
    base: str | None
    title: str
    also_known_as: tuple[str, ...]
    changes: tuple[ChangeView, ...]
    migrations: tuple[Migration, ...]
    toggles: tuple[str, ...]
    operations: tuple[OperationReference, ...]


@dataclass(frozen=True)
class HistoryEvent:
    release: str
    text: str


@dataclass(frozen=True)
class OperationPage:
    name: str
    releases: tuple[str, ...]
    events: tuple[HistoryEvent, ...]
    changes: tuple[ChangeView, ...]


@dataclass(frozen=True)
class Node:
    version: str
    train: str
    x: int
    y: int


@dataclass(frozen=True)
class Link:
    x1: int
    y1: int
    x2: int
    y2: int
    backport: bool = False


@dataclass(frozen=True)
class Lineage:
    """The release lineage laid out for a picture: lanes are trains."""

    width: int
    height: int
    lanes: tuple[tuple[str, int], ...]
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Site:
    releases: tuple[ReleasePage, ...]
    operations: tuple[OperationPage, ...]
    lineage: Lineage
