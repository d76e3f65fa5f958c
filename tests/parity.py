"""Compares the compiled readers and writers with xsdata's runtime.

Run as ``python parity.py PACKAGE_DIR`` with a JSON request on stdin:
``{"files": [...], "sessions": N}``. Prints one JSON object: the differences
found (none is the expected answer), how many messages were read and written,
and how many of those took the compiled path. It runs in its own process because every release's
package is ``webex_xmlapi``.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from enum import Enum
from itertools import count
from typing import Any

TEXTS = (
    "plain",
    "a & b < c > d \"quoted\" 'single'",
    "line\nbreak\ttab",
    "é ü ß €",
    "",
    " \n\t ",
)


class Filler:
    """Instances with every field set, values cycling through awkward cases."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.counter = count()

    def instance(self, cls: type, path: tuple[type, ...] = ()) -> Any:
        meta = self.context.build(cls)
        values: dict[str, Any] = {}
        for var in meta.get_all_vars():
            if var.is_wildcard or var.is_attributes:
                continue
            values[var.name] = self.field(var, path + (cls,))
        return cls(**values)

    def field(self, var: Any, path: tuple[type, ...]) -> Any:
        if var.clazz is not None:
            if var.clazz in path or len(path) > 6:
                return [] if var.list_element else None
            items = [self.instance(var.clazz, path) for _ in range(2)]
            return items if var.list_element else items[0]
        values = [self.simple(var.types[0]) for _ in range(2)]
        return values if var.list_element else values[0]

    def simple(self, kind: type) -> Any:
        step = next(self.counter)
        if isinstance(kind, type) and issubclass(kind, Enum):
            members = list(kind)
            return members[step % len(members)]
        if kind is bool:
            return step % 2 == 0
        if kind is int:
            return step * 7 - 3
        if kind is float:
            return step + 0.25
        if kind is Decimal:
            return Decimal(f"{step}.50")
        if kind is str:
            return TEXTS[step % len(TEXTS)]
        from xsdata.models.datatype import XmlDate, XmlDateTime, XmlTime

        if kind is XmlDateTime:
            return XmlDateTime(2026, 12, 3, 10, step % 60, 0)
        if kind is XmlDate:
            return XmlDate(2026, 12, 3)
        if kind is XmlTime:
            return XmlTime(10, step % 60, 0)
        return None


def outcome(action: Any) -> tuple[str, Any]:
    try:
        return "value", action()
    except Exception as error:  # compared, not hidden: both sides must agree
        return type(error).__name__, str(error)


def compare_bytes(data: bytes, label: str, found: list[str], taken: dict[str, int]):
    from webex_xmlapi import parse_message, wire
    from webex_xmlapi.codec import Unsupported
    from webex_xmlapi.models.service import Message

    for strict in (False, True):
        ours = outcome(lambda: parse_message(data, strict=strict, raise_errors=False))
        theirs = outcome(
            lambda: parse_message(
                data, strict=strict, raise_errors=False, engine="xsdata"
            )
        )
        if ours != theirs:
            found.append(f"{label} (strict={strict}): read {ours!r} != {theirs!r}")
    if b"<!" not in data and b"<?" not in data[2:]:
        # a trailing comment makes the reader keep every blank: same objects
        whole = outcome(lambda: parse_message(data + b"<!-- -->", raise_errors=False))
        if whole != outcome(lambda: parse_message(data, raise_errors=False)):
            found.append(f"{label}: blanks between elements changed the result")
    taken["reads"] += 1
    try:
        wire._codec(False).read(wire._schema_form(wire._read(data)), Message)
        taken["read"] += 1
    except Unsupported:
        pass


def compare_object(message: Any, label: str, found: list[str], taken: dict[str, int]):
    from webex_xmlapi import serialize_message, wire
    from webex_xmlapi.codec import Unsupported

    ours = outcome(lambda: serialize_message(message))
    theirs = outcome(lambda: serialize_message(message, engine="xsdata"))
    if ours != theirs:
        found.append(f"{label}: wrote {ours!r} != {theirs!r}")
    try:
        contents = message.body.body_content if message.body else []
        local = any(wire._java_type(type(c)) for c in contents)
        wire._codec(False).write(message, local)
        taken["write"] += 1
    except Unsupported:
        pass
    if ours[0] == "value":
        compare_bytes(ours[1], f"{label} written", found, taken)


def filled_messages() -> list[tuple[str, Any]]:
    from webex_xmlapi import wire
    from webex_xmlapi.models.service import Message
    from webex_xmlapi.releases import OPERATIONS

    filler = Filler(wire.CONTEXT)
    messages = []
    for name in sorted(OPERATIONS):
        for path in OPERATIONS[name][1:3]:
            content = filler.instance(wire._load_class(path))
            message = Message(
                header=filler.instance(Message.Header),
                body=Message.Body(body_content=[content]),
            )
            messages.append((path, message))
    return messages


def main() -> None:
    sys.path.insert(0, sys.argv[1])
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).parents[1]))
    from webex_xmlapi import parse_message
    from tests.bench.__main__ import session_list

    request = json.load(sys.stdin)
    found: list[str] = []
    taken = {"read": 0, "reads": 0, "write": 0}
    inputs = 0
    for path in request["files"]:
        data = open(path, "rb").read()
        compare_bytes(data, path, found, taken)
        compare_object(parse_message(data, raise_errors=False), path, found, taken)
        inputs += 1
    for label, message in filled_messages():
        compare_object(message, f"filled {label}", found, taken)
        inputs += 1
    data = session_list(request["sessions"])
    compare_bytes(data, "session list", found, taken)
    compare_object(parse_message(data), "session list", found, taken)
    inputs += 1
    fallbacks = {"read": 0, "reads": 0}
    for label, variant in request.get("variants", {}).items():
        compare_bytes(variant.encode("utf-8"), label, found, fallbacks)
    json.dump({"differences": found, "taken": taken, "inputs": inputs}, sys.stdout)


if __name__ == "__main__":
    main()
