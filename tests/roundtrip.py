"""Round-trips example messages through one generated package.

Run as ``python roundtrip.py PACKAGE_DIR`` with a JSON request on stdin:
``{"files": [...], "all_groups": [...]}``. Prints one JSON result per file. It
runs in its own process because every release's package is ``webex_xmlapi``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


def canonical(node: Any, all_groups: set[str]) -> tuple[Any, ...]:
    """Tag, attributes (xsi:type resolved), stripped text and children; the
    children of xsd:all groups are sorted, since their order carries nothing."""
    attributes = dict(node.attrib)
    declared = attributes.get(XSI_TYPE, "")
    if ":" in declared and not declared.startswith("java:"):
        prefix, local = declared.split(":", 1)
        attributes[XSI_TYPE] = f"{{{node.nsmap.get(prefix)}}}{local}"
    children = [canonical(c, all_groups) for c in node if isinstance(c.tag, str)]
    if node.tag.rsplit("}", 1)[-1] in all_groups:
        children.sort()
    text = (node.text or "").strip()
    return (node.tag, tuple(sorted(attributes.items())), text, tuple(children))


def expected_class(data: bytes) -> list[str]:
    from lxml import etree

    names = []
    for node in etree.fromstring(data).iter():
        if isinstance(node.tag, str) and node.tag.endswith("bodyContent"):
            declared = node.get(XSI_TYPE, "bodyContentType")
            names.append(declared.rsplit(".", 1)[-1].rsplit(":", 1)[-1].lower())
    return names


def check(path: str, all_groups: set[str]) -> dict[str, Any]:
    from webex_xmlapi import parse_message, serialize_message, wire

    data = open(path, "rb").read()
    message = parse_message(data, raise_errors=False)
    classes = [type(c).__name__ for c in message.body.body_content]
    wired = serialize_message(message)
    again = parse_message(wired, raise_errors=False)
    before = canonical(wire._schema_form(wire._read(data)), all_groups)
    after = canonical(wire._schema_form(wire._read(wired)), all_groups)
    return {
        "file": path,
        "classes": classes,
        "expected": expected_class(data),
        "objects_equal": again == message,
        "xml_equal": before == after,
        "wire": wired.decode("utf-8"),
    }


def main() -> None:
    sys.path.insert(0, sys.argv[1])
    request = json.load(sys.stdin)
    groups = set(request["all_groups"])
    results = [check(path, groups) for path in request["files"]]
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
