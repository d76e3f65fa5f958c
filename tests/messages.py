"""The example messages under tests/messages/ and how they are validated."""

from __future__ import annotations

import copy
import sys
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import xmlschema
from lxml import etree
from ruamel.yaml import YAML

from generator.schemaset import compile_model, load_schema_set
from generator.schemaset.load import safe_parser
from generator.wire import WireMapper

HERE = Path(__file__).parent
MESSAGES = HERE / "messages"
SCHEMAS = HERE.parent / "schemas"
XSD = "http://www.w3.org/2001/XMLSchema"


@dataclass(frozen=True)
class Example:
    """One example message: the release that introduced it, and whether the
    original left content out ("..."), in which case required elements may be
    missing and only what is present is judged."""

    path: Path
    release: str
    elided: bool


def examples() -> list[Example]:
    index = YAML(typ="safe").load((MESSAGES / "index.yaml").read_text(encoding="utf-8"))
    return [
        Example(MESSAGES / item["file"], str(item["release"]), bool(item["elided"]))
        for item in index["messages"]
    ]


@lru_cache(maxsize=None)
def mapper(release: str) -> WireMapper:
    return WireMapper(compile_model(load_schema_set(SCHEMAS / release)))


@lru_cache(maxsize=None)
def validator(release: str, elided: bool) -> xmlschema.XMLSchema:
    """The release's whole set; for elided examples local elements become optional."""
    source = SCHEMAS / release
    target = Path(tempfile.mkdtemp(prefix="schemas-")) / release
    imports = []
    for path in sorted(source.rglob("*.xsd")):
        tree = etree.parse(str(path), safe_parser())
        if elided:
            _make_optional(tree)
        out = target / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        tree.write(str(out), xml_declaration=True, encoding="UTF-8")
        namespace = tree.getroot().get("targetNamespace")
        imports.append(
            f'<xsd:import namespace="{namespace}" schemaLocation="{out.as_uri()}"/>'
        )
    entry = target / "all.xsd"
    entry.write_text(
        f'<xsd:schema xmlns:xsd="{XSD}">' + "".join(imports) + "</xsd:schema>",
        encoding="utf-8",
    )
    return xmlschema.XMLSchema(str(entry))


def _make_optional(tree: etree._ElementTree) -> None:
    for node in tree.iter(f"{{{XSD}}}element"):
        if node.getparent().tag != f"{{{XSD}}}schema":
            node.set("minOccurs", "0")


def schema_form(example: Example, release: str) -> etree._Element:
    tree = etree.parse(str(example.path), safe_parser())
    return mapper(release).to_schema_form(copy.deepcopy(tree.getroot()))


def validation_errors(example: Example, release: str) -> list[str]:
    root = schema_form(example, release)
    schema = validator(release, example.elided)
    return [str(e.reason) + " at " + str(e.path) for e in schema.iter_errors(root)]


if __name__ == "__main__":
    # python tests/messages.py: validate every example, print what fails
    failures = 0
    for example in examples():
        for release in dict.fromkeys([example.release, "40.12.0"]):
            for error in validation_errors(example, release):
                failures += 1
                print(f"{example.path.relative_to(MESSAGES)} [{release}]: {error}")
    print(f"{len(examples())} examples, {failures} errors")
    sys.exit(1 if failures else 0)
