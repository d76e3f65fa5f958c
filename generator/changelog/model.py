"""Frozen model of the changelog, shared by every later stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from packaging.version import Version

UNBOUNDED = None
"""maxOccurs="unbounded" is kept as None."""


class ChangeKind(str, Enum):
    SCHEMA = "schema"
    BEHAVIOUR = "behaviour"
    ERROR_CODE = "error code"
    SECURITY = "security"
    DEPRECATION = "deprecation"


@dataclass(frozen=True)
class Release:
    version: Version
    train: str
    base: Version | None
    title: str
    also_known_as: tuple[str, ...] = ()
    line: int = 0

    @property
    def name(self) -> str:
        return str(self.version)


@dataclass(frozen=True)
class ElementSpec:
    """An element as an edit declares it: name, type and cardinality."""

    name: str
    type: str
    min_occurs: int = 0
    max_occurs: int | None = 1


@dataclass(frozen=True)
class TypePath:
    """A named type, optionally followed by element names into inline types.

    ``ep:getSessionInfoResponse/accessControl`` is the anonymous type of the
    ``accessControl`` element of ``getSessionInfoResponse``.
    """

    prefix: str
    name: str
    steps: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "/".join((f"{self.prefix}:{self.name}", *self.steps))


@dataclass(frozen=True)
class AddElement:
    target: TypePath
    element: ElementSpec
    after: str | None = None
    before: str | None = None
    line: int = 0


@dataclass(frozen=True)
class SetOccurs:
    target: TypePath
    element: str
    min_occurs: int
    max_occurs: int | None
    line: int = 0


@dataclass(frozen=True)
class AddEnumeration:
    target: TypePath
    value: str
    line: int = 0


@dataclass(frozen=True)
class AddType:
    """A new named type: complex with ``elements``, or simple with ``values``."""

    prefix: str
    name: str
    elements: tuple[ElementSpec, ...]
    base: str | None = None
    compositor: str = "sequence"
    values: tuple[str, ...] = ()
    line: int = 0

    @property
    def is_simple(self) -> bool:
        return bool(self.values)


@dataclass(frozen=True)
class AddOperation:
    """A new operation: a request type and a response type in one service."""

    prefix: str
    name: str
    request: tuple[ElementSpec, ...]
    response: tuple[ElementSpec, ...]
    response_type: str
    line: int = 0

    @property
    def request_type(self) -> str:
        return self.name[0].lower() + self.name[1:]

    def as_types(self) -> tuple[AddType, AddType]:
        body = "serv:bodyContentType"
        return (
            AddType(self.prefix, self.request_type, self.request, body, line=self.line),
            AddType(
                self.prefix, self.response_type, self.response, body, line=self.line
            ),
        )


Edit = AddElement | SetOccurs | AddEnumeration | AddType | AddOperation


@dataclass(frozen=True)
class Change:
    id: str
    title: str
    kind: ChangeKind
    releases: tuple[Version, ...]
    description: str
    operations: tuple[str, ...] = ()
    toggle: str | None = None
    error_codes: tuple[str, ...] = ()
    edits: tuple[Edit, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class ErrorCode:
    """An error the server reports: an exceptionID, or an HTTP status."""

    code: str
    name: str
    reason: str
    http_status: int | None = None
    line: int = 0


@dataclass(frozen=True)
class Changelog:
    path: Path
    namespaces: dict[str, str] = field(hash=False)
    releases: tuple[Release, ...]
    changes: tuple[Change, ...]
    errors: tuple[ErrorCode, ...] = ()

    def release(self, version: Version | str) -> Release:
        wanted = Version(str(version))
        for release in self.releases:
            if release.version == wanted:
                return release
        raise KeyError(str(version))
