"""Python names for XML names: modules, classes, fields and enum members."""

from __future__ import annotations

import keyword
import re

from xsdata.utils.text import pascal_case, snake_case

WEBEX_ROOT = "http://www.webex.com/schemas/2002/06/"
JAVA_PACKAGES = {"trainingsession": "training", "supportsession": "support"}


def module_name(namespace: str) -> str:
    """``.../2002/06/service/meeting/auo`` becomes ``meeting_auo``."""
    tail = namespace
    if tail.startswith(WEBEX_ROOT):
        tail = tail[len(WEBEX_ROOT) :]
        tail = tail[len("service/") :] if tail.startswith("service/") else tail
    tail = re.sub(r"^[a-z]+:(//)?", "", tail)
    name = re.sub(r"[^0-9a-zA-Z]+", "_", tail).strip("_").lower() or "default"
    return safe(name if name[0].isalpha() else f"ns_{name}")


def java_package(namespace: str) -> str:
    """The Java package the server's request classes live in for a namespace."""
    tail = namespace.split("/service/", 1)[-1]
    return ".".join(JAVA_PACKAGES.get(part, part) for part in tail.split("/"))


def class_name(xml_name: str) -> str:
    name = pascal_case(re.sub(r"[^0-9a-zA-Z_]", "_", xml_name))
    return safe(name if name[:1].isalpha() else f"Type{name}")


def field_name(xml_name: str) -> str:
    name = snake_case(re.sub(r"[^0-9a-zA-Z_]", "_", xml_name)).strip("_")
    if not name or not name[0].isalpha():
        name = f"value_{name}" if name else "value"
    return safe(name)


def member_name(value: str) -> str:
    name = re.sub(r"[^0-9a-zA-Z]+", "_", value).strip("_").upper()
    if not name:
        return "EMPTY"
    return name if name[0].isalpha() else f"VALUE_{name}"


def safe(name: str) -> str:
    return f"{name}_" if keyword.iskeyword(name) or name in {"Meta"} else name


def unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name_2``, ``name_3``... if it is taken; records the result."""
    candidate, index = name, 2
    while candidate in taken:
        candidate, index = f"{name}_{index}", index + 1
    taken.add(candidate)
    return candidate
