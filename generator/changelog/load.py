"""Strict loading of the changelog YAML into the frozen model.

Every problem becomes an InputError naming the file and the line, so a user can
go straight to the entry at fault.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any, Callable

from packaging.version import InvalidVersion, Version
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from generator.changelog.lineage import Lineage
from generator.changelog.model import (
    AddElement,
    AddEnumeration,
    AddOperation,
    AddType,
    Change,
    ChangeKind,
    Changelog,
    Edit,
    ElementSpec,
    ErrorCode,
    Release,
    SetOccurs,
    TypePath,
)
from generator.errors import InputError

TOP_KEYS = {"namespaces", "errors", "releases", "changes"}
ERROR_KEYS = {"code", "name", "reason", "http_status"}
RELEASE_KEYS = {"version", "train", "base", "title", "also_known_as"}
CHANGE_KEYS = {
    "id",
    "title",
    "kind",
    "releases",
    "operations",
    "toggle",
    "error_codes",
    "description",
    "edits",
}
ELEMENT_KEYS = {"name", "type", "min", "max"}
EDIT_KEYS = {
    "add_element": {"to", "name", "type", "min", "max", "after", "before"},
    "set_occurs": {"in", "element", "min", "max"},
    "add_enumeration": {"to", "value"},
    "add_type": {"name", "base", "compositor", "elements", "values"},
    "add_operation": {"name", "service", "response_type", "request", "response"},
}
VERSION_FORM = re.compile(r"^\d+\.\d+\.\d+(\.\d+)?$")
TYPE_PATH_FORM = re.compile(
    r"^([A-Za-z][\w-]*):([A-Za-z_][\w.-]*)((/[A-Za-z_][\w.-]*)*)$"
)


class _Reader:
    """Reads one changelog file, keeping the file name for every error."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, line: int, problem: str, fix: str | None = None) -> InputError:
        return InputError(self.path, problem, line=line, fix=fix)

    def mapping(self, node: Any, line: int, what: str, keys: set[str]) -> CommentedMap:
        if not isinstance(node, CommentedMap):
            raise self.fail(line, f"{what} must be a mapping")
        for key in node:
            if key not in keys:
                allowed = ", ".join(sorted(keys))
                raise self.fail(
                    key_line(node, key),
                    f"unknown key '{key}' in {what}",
                    f"use {allowed}",
                )
        return node

    def sequence(self, node: Any, line: int, what: str) -> CommentedSeq:
        if node is None:
            return CommentedSeq()
        if not isinstance(node, CommentedSeq):
            raise self.fail(line, f"{what} must be a list")
        return node

    def required(self, node: CommentedMap, key: str, what: str) -> Any:
        if node.get(key) in (None, ""):
            raise self.fail(node_line(node), f"{what} has no '{key}'", f"add '{key}:'")
        return node[key]

    def text(self, node: CommentedMap, key: str, what: str) -> str:
        value = self.required(node, key, what)
        if not isinstance(value, str):
            raise self.fail(key_line(node, key), f"'{key}' of {what} must be text")
        return value.strip()

    def version(self, value: Any, line: int) -> Version:
        text = str(value)
        if isinstance(value, float) or not VERSION_FORM.match(text):
            raise self.fail(
                line,
                f"'{text}' is not a release version",
                "write it as MAJOR.MINOR.PATCH in quotes, for example '40.4.9'",
            )
        try:
            return Version(text)
        except InvalidVersion:  # pragma: no cover - the pattern admits only valid ones
            raise self.fail(line, f"'{text}' is not a release version") from None


def node_line(node: Any) -> int:
    return int(node.lc.line) + 1 if hasattr(node, "lc") else 0


def key_line(node: CommentedMap, key: Any) -> int:
    try:
        return int(node.lc.key(key)[0]) + 1
    except (KeyError, TypeError):
        return node_line(node)


def item_line(node: CommentedSeq, index: int) -> int:
    try:
        return int(node.lc.item(index)[0]) + 1
    except (KeyError, TypeError):
        return node_line(node)


def load_changelog(path: Path) -> Changelog:
    """Load and validate the changelog; raise InputError on the first problem."""
    reader = _Reader(path)
    document = _parse_yaml(path)
    top = reader.mapping(document, 1, "the changelog", TOP_KEYS)
    namespaces = _namespaces(reader, top)
    errors = _errors(reader, top)
    releases = _releases(reader, top)
    changes = _changes(reader, top, namespaces, {r.version for r in releases})
    _check_error_codes(reader, changes, {e.code for e in errors})
    changelog = Changelog(path, namespaces, releases, changes, errors)
    Lineage.build(changelog)  # raises on a cycle or a bad base
    return changelog


def _parse_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(
            path, f"cannot read the changelog ({error.strerror})"
        ) from None
    except UnicodeDecodeError:
        raise InputError(
            path, "the changelog is not UTF-8 text", fix="save it as UTF-8"
        ) from None
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # problems are reported as errors below
            return yaml.load(text)
    except ReaderError as error:
        raise InputError(
            path,
            f"YAML error: character {_codepoint(error.character)} is not allowed",
            line=text[: max(error.position, 0)].count("\n") + 1,
            fix="remove it",
        ) from None
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = " ".join(
            str(error.problem or error.context or "invalid YAML").split()
        )
        raise InputError(
            path, f"YAML error: {problem}", line=mark.line + 1 if mark else None
        ) from None


def _codepoint(character: str | int) -> str:
    return f"U+{character if isinstance(character, int) else ord(character):04X}"


def _namespaces(reader: _Reader, top: CommentedMap) -> dict[str, str]:
    node = top.get("namespaces")
    if not isinstance(node, CommentedMap) or not node:
        raise reader.fail(
            key_line(top, "namespaces"),
            "the changelog has no 'namespaces' mapping",
            "map each prefix used in edits to its namespace URI",
        )
    return {str(prefix): str(uri) for prefix, uri in node.items()}


def _errors(reader: _Reader, top: CommentedMap) -> tuple[ErrorCode, ...]:
    items = reader.sequence(top.get("errors"), key_line(top, "errors"), "'errors'")
    found: dict[str, ErrorCode] = {}
    for index, node in enumerate(items):
        line = item_line(items, index)
        node = reader.mapping(node, line, "an error code", ERROR_KEYS)
        code = str(reader.required(node, "code", "an error code"))
        if code in found:
            raise reader.fail(line, f"error code {code} is listed twice")
        name = reader.text(node, "name", f"error code {code}")
        if not name.isidentifier() or not name[0].isupper():
            raise reader.fail(line, f"'{name}' is not a class name", "use CamelCase")
        status = node.get("http_status")
        if status is not None and not isinstance(status, int):
            raise reader.fail(line, f"http_status of {code} must be a number")
        reason = reader.text(node, "reason", f"error code {code}")
        found[code] = ErrorCode(code, name, reason, status, line)
    return tuple(found.values())


def _check_error_codes(
    reader: _Reader, changes: tuple[Change, ...], declared: set[str]
) -> None:
    for change in changes:
        for code in change.error_codes:
            if code not in declared:
                raise reader.fail(
                    change.line,
                    f"change '{change.id}' names error code {code}, "
                    "which 'errors' does not declare",
                    "add it under 'errors'",
                )


def _releases(reader: _Reader, top: CommentedMap) -> tuple[Release, ...]:
    items = reader.sequence(
        top.get("releases"), key_line(top, "releases"), "'releases'"
    )
    releases: dict[Version, Release] = {}
    for index, node in enumerate(items):
        release = _release(reader, node, item_line(items, index))
        if release.version in releases:
            raise reader.fail(
                release.line,
                f"release {release.version} is listed twice",
                f"keep one (the other is on line {releases[release.version].line})",
            )
        releases[release.version] = release
    if not releases:
        raise reader.fail(1, "the changelog lists no releases")
    return tuple(sorted(releases.values(), key=lambda r: r.version))


def _release(reader: _Reader, node: Any, line: int) -> Release:
    node = reader.mapping(node, line, "a release", RELEASE_KEYS)
    version = reader.version(reader.required(node, "version", "a release"), line)
    what = f"release {version}"
    base = node.get("base")
    aliases = reader.sequence(
        node.get("also_known_as"), line, f"'also_known_as' of {what}"
    )
    return Release(
        version=version,
        train=str(reader.required(node, "train", what)),
        base=None if base is None else reader.version(base, key_line(node, "base")),
        title=reader.text(node, "title", what),
        also_known_as=tuple(str(reader.version(a, line)) for a in aliases),
        line=line,
    )


def _changes(
    reader: _Reader,
    top: CommentedMap,
    namespaces: dict[str, str],
    versions: set[Version],
) -> tuple[Change, ...]:
    items = reader.sequence(top.get("changes"), key_line(top, "changes"), "'changes'")
    seen: dict[str, int] = {}
    changes = []
    for index, node in enumerate(items):
        change = _change(reader, node, item_line(items, index), namespaces, versions)
        if change.id in seen:
            raise reader.fail(
                change.line,
                f"change id '{change.id}' is used twice",
                f"rename one (the other is on line {seen[change.id]})",
            )
        seen[change.id] = change.line
        changes.append(change)
    return tuple(changes)


def _change(
    reader: _Reader,
    node: Any,
    line: int,
    namespaces: dict[str, str],
    versions: set[Version],
) -> Change:
    node = reader.mapping(node, line, "a change", CHANGE_KEYS)
    change_id = reader.text(node, "id", "a change")
    what = f"change '{change_id}'"
    kind_text = reader.text(node, "kind", what)
    kinds = [k.value for k in ChangeKind]
    if kind_text not in kinds:
        raise reader.fail(
            key_line(node, "kind"),
            f"{what} has unknown kind '{kind_text}'",
            "use one of: " + ", ".join(kinds),
        )
    shipped = reader.sequence(node.get("releases"), key_line(node, "releases"), what)
    releases = tuple(
        reader.version(v, item_line(shipped, i)) for i, v in enumerate(shipped)
    )
    for index, version in enumerate(releases):
        if version not in versions:
            raise reader.fail(
                item_line(shipped, index),
                f"{what} names release {version}, which the changelog does not list",
                "add the release under 'releases' or correct the version",
            )
    if not releases:
        raise reader.fail(line, f"{what} names no release", "add 'releases: [...]'")
    edits_node = reader.sequence(node.get("edits"), key_line(node, "edits"), what)
    edits = tuple(
        _edit(reader, edit, item_line(edits_node, i), namespaces)
        for i, edit in enumerate(edits_node)
    )
    return Change(
        id=change_id,
        title=reader.text(node, "title", what),
        kind=ChangeKind(kind_text),
        releases=releases,
        description=" ".join(reader.text(node, "description", what).split()),
        operations=_texts(reader, node, "operations", what),
        toggle=node.get("toggle"),
        error_codes=_texts(reader, node, "error_codes", what),
        edits=edits,
        line=line,
    )


def _texts(reader: _Reader, node: CommentedMap, key: str, what: str) -> tuple[str, ...]:
    items = reader.sequence(node.get(key), key_line(node, key), f"'{key}' of {what}")
    return tuple(str(item) for item in items)


def _edit(reader: _Reader, node: Any, line: int, namespaces: dict[str, str]) -> Edit:
    if not isinstance(node, CommentedMap) or len(node) != 1:
        raise reader.fail(
            line,
            "an edit must be a mapping with exactly one key",
            "use one of: " + ", ".join(EDIT_KEYS),
        )
    verb = next(iter(node))
    if verb not in EDIT_KEYS:
        raise reader.fail(
            line, f"unknown edit '{verb}'", "use one of: " + ", ".join(EDIT_KEYS)
        )
    body = reader.mapping(node[verb], line, f"edit '{verb}'", EDIT_KEYS[verb])
    builders: dict[
        str, Callable[[_Reader, CommentedMap, int, dict[str, str]], Edit]
    ] = {
        "add_element": _add_element,
        "set_occurs": _set_occurs,
        "add_enumeration": _add_enumeration,
        "add_type": _add_type,
        "add_operation": _add_operation,
    }
    return builders[verb](reader, body, line, namespaces)


def _type_path(
    reader: _Reader, text: Any, line: int, namespaces: dict[str, str]
) -> TypePath:
    match = TYPE_PATH_FORM.match(str(text))
    if not match:
        raise reader.fail(
            line,
            f"'{text}' does not name a type",
            "write prefix:typeName, optionally followed by /element steps",
        )
    _known_prefix(reader, match.group(1), line, namespaces)
    steps = tuple(s for s in match.group(3).split("/") if s)
    return TypePath(match.group(1), match.group(2), steps)


def _known_prefix(
    reader: _Reader, prefix: str, line: int, namespaces: dict[str, str]
) -> None:
    if prefix not in namespaces and prefix != "xsd":
        raise reader.fail(
            line,
            f"unknown namespace prefix '{prefix}'",
            "declare it under 'namespaces'",
        )


def _occurs(reader: _Reader, node: CommentedMap, line: int) -> tuple[int, int | None]:
    low = node.get("min", 0)
    high = node.get("max", 1)
    if not isinstance(low, int) or low < 0:
        raise reader.fail(line, f"min must be a whole number, not '{low}'")
    if high == "unbounded":
        return low, None
    if not isinstance(high, int) or high < max(low, 1):
        raise reader.fail(
            line, f"max must be 'unbounded' or a number >= min, not '{high}'"
        )
    return low, high


def _element(
    reader: _Reader, node: Any, line: int, namespaces: dict[str, str]
) -> ElementSpec:
    node = reader.mapping(
        node, line, "an element", ELEMENT_KEYS | {"to", "after", "before"}
    )
    name = reader.text(node, "name", "an element")
    type_name = reader.text(node, "type", f"element '{name}'")
    _known_prefix(reader, type_name.split(":")[0], line, namespaces)
    low, high = _occurs(reader, node, line)
    return ElementSpec(name, type_name, low, high)


def _elements(
    reader: _Reader, node: CommentedMap, key: str, line: int, namespaces: dict[str, str]
) -> tuple[ElementSpec, ...]:
    items = reader.sequence(node.get(key), line, f"'{key}'")
    return tuple(
        _element(reader, item, item_line(items, i), namespaces)
        for i, item in enumerate(items)
    )


def _add_element(
    reader: _Reader, node: CommentedMap, line: int, namespaces: dict[str, str]
) -> Edit:
    target = _type_path(
        reader, reader.required(node, "to", "add_element"), line, namespaces
    )
    if "after" in node and "before" in node:
        raise reader.fail(line, "add_element takes 'after' or 'before', not both")
    return AddElement(
        target=target,
        element=_element(reader, node, line, namespaces),
        after=node.get("after"),
        before=node.get("before"),
        line=line,
    )


def _set_occurs(
    reader: _Reader, node: CommentedMap, line: int, namespaces: dict[str, str]
) -> Edit:
    target = _type_path(
        reader, reader.required(node, "in", "set_occurs"), line, namespaces
    )
    low, high = _occurs(reader, node, line)
    element = reader.text(node, "element", "set_occurs")
    return SetOccurs(target, element, low, high, line=line)


def _add_enumeration(
    reader: _Reader, node: CommentedMap, line: int, namespaces: dict[str, str]
) -> Edit:
    target = _type_path(
        reader, reader.required(node, "to", "add_enumeration"), line, namespaces
    )
    value = reader.required(node, "value", "add_enumeration")
    return AddEnumeration(target, str(value), line=line)


def _add_type(
    reader: _Reader, node: CommentedMap, line: int, namespaces: dict[str, str]
) -> Edit:
    path = _type_path(
        reader, reader.required(node, "name", "add_type"), line, namespaces
    )
    compositor = str(node.get("compositor", "sequence"))
    if compositor not in ("sequence", "all", "choice"):
        raise reader.fail(
            line, f"unknown compositor '{compositor}'", "use sequence, all or choice"
        )
    base = node.get("base")
    if base is not None:
        _type_path(reader, base, line, namespaces)
    elements = _elements(reader, node, "elements", line, namespaces)
    values = tuple(
        str(v) for v in reader.sequence(node.get("values"), line, "'values'")
    )
    if values and elements:
        raise reader.fail(
            line,
            f"type {path} has both elements and values",
            "give elements for a complex type or values for an enumeration",
        )
    if values and base is None:
        base = "xsd:string"
    return AddType(
        path.prefix, path.name, elements, base, compositor, values, line=line
    )


def _add_operation(
    reader: _Reader, node: CommentedMap, line: int, namespaces: dict[str, str]
) -> Edit:
    name = reader.text(node, "name", "add_operation")
    if "serv" not in namespaces:
        raise reader.fail(
            line,
            f"operation {name} needs the 'serv' prefix for the bodyContentType base",
            "declare serv under 'namespaces'",
        )
    prefix = reader.text(node, "service", f"operation {name}")
    _known_prefix(reader, prefix, line, namespaces)
    response_type = node.get("response_type") or name[0].lower() + name[1:] + "Response"
    return AddOperation(
        prefix=prefix,
        name=name,
        request=_elements(reader, node, "request", line, namespaces),
        response=_elements(reader, node, "response", line, namespaces),
        response_type=str(response_type),
        line=line,
    )
