"""Load every XSD file of a schema set, safely and without the network."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from generator.errors import InputError

XSD = "http://www.w3.org/2001/XMLSchema"


def safe_parser() -> etree.XMLParser:
    """A parser that never resolves entities, loads a DTD or opens a URL."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=True,
    )


@dataclass
class SchemaSet:
    """The XSD documents of one release, keyed by their path under the set's root."""

    root: Path
    documents: dict[str, etree._ElementTree]

    def copy(self) -> SchemaSet:
        return SchemaSet(
            self.root, {k: copy.deepcopy(v) for k, v in self.documents.items()}
        )

    def namespace_documents(self, namespace: str) -> list[str]:
        return [
            key
            for key, tree in sorted(self.documents.items())
            if tree.getroot().get("targetNamespace") == namespace
        ]


def load_schema_set(root: Path) -> SchemaSet:
    if not root.is_dir():
        raise InputError(
            root, "no schema set here", fix="give a directory of XSD files"
        )
    paths = sorted(root.rglob("*.xsd"))
    if not paths:
        raise InputError(root, "the directory holds no .xsd file")
    documents = {
        str(PurePosixPath(*p.relative_to(root).parts)): _parse(p) for p in paths
    }
    schema_set = SchemaSet(root, documents)
    for key in documents:
        _check_supported(schema_set.root / key, documents[key])
        _check_references(schema_set, key)
    return schema_set


def _parse(path: Path) -> etree._ElementTree:
    try:
        data = path.read_bytes()
        tree = etree.parse(io.BytesIO(data), safe_parser(), base_url=str(path))
    except OSError as error:
        raise InputError(path, f"cannot read the file ({error.strerror})") from None
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else None
        raise InputError(
            path, f"not well-formed XML: {describe_syntax_error(error)}", line=line
        ) from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError(
            path, "XSD files may not carry a DOCTYPE", line=1, fix="remove it"
        )
    root = tree.getroot()
    if root.tag != f"{{{XSD}}}schema":
        raise InputError(
            path,
            f"the root element is {root.tag!s}, not xsd:schema",
            line=root.sourceline,
        )
    return tree


UNSUPPORTED = {
    "redefine": "copy the redefined types into the schema instead",
    "override": "copy the overridden types into the schema instead",
    "group": "write the group's elements into each type that uses it",
    "attributeGroup": "write the group's attributes into each type that uses it",
}


def describe_syntax_error(error: etree.XMLSyntaxError) -> str:
    """libxml2's message without its position and its advice about parser flags."""
    message = error.msg.split(", line ")[0].strip() or "unreadable XML"
    if message.startswith("Excessive depth"):
        return "elements nested deeper than 256 levels"
    return message


def _check_supported(path: Path, tree: etree._ElementTree) -> None:
    """Constructs the model cannot represent stop here rather than vanish."""
    for node in tree.iter(*(f"{{{XSD}}}{name}" for name in UNSUPPORTED)):
        name = etree.QName(node).localname
        raise InputError(
            path,
            f"xsd:{name} is not supported",
            line=node.sourceline,
            fix=UNSUPPORTED[name],
        )
    for node in tree.iter(f"{{{XSD}}}element"):
        if node.get("substitutionGroup"):
            raise InputError(
                path,
                "substitution groups are not supported",
                line=node.sourceline,
                fix="declare the substitutes as elements of the types that use them",
            )


def _check_references(schema_set: SchemaSet, key: str) -> None:
    root = schema_set.documents[key].getroot()
    here = PurePosixPath(key).parent
    for node in root:
        if node.tag not in (f"{{{XSD}}}import", f"{{{XSD}}}include"):
            continue
        location = node.get("schemaLocation")
        if location is None:
            continue
        path = schema_set.root / key
        if "://" in location:
            raise InputError(
                path,
                f"schemaLocation '{location}' points to the network",
                line=node.sourceline,
                fix="copy that schema into the set and refer to it by a relative path",
            )
        target = _normalise(here / location)
        if target not in schema_set.documents:
            raise InputError(
                path,
                f"schemaLocation '{location}' names a file the set does not have",
                line=node.sourceline,
                fix="add the file or correct the path",
            )


def _normalise(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)
