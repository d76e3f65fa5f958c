"""Write a schema set to a directory, byte-identical for identical content."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from generator.output import replace_directory
from generator.schemaset.load import SchemaSet


def render_document(tree: etree._ElementTree) -> bytes:
    root = tree.getroot()
    etree.indent(root, space="  ")
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def write_schema_set(schema_set: SchemaSet, target: Path) -> None:
    """Replace ``target`` with the set, leaving it untouched if writing fails."""
    files = {key: render_document(tree) for key, tree in schema_set.documents.items()}
    replace_directory(target, files)


def differs_on_disk(schema_set: SchemaSet, target: Path) -> list[str]:
    """Files of the set whose bytes on disk differ, plus files only on disk."""
    stale = [
        key
        for key, tree in sorted(schema_set.documents.items())
        if not (target / key).is_file()
        or (target / key).read_bytes() != render_document(tree)
    ]
    on_disk = (
        {p.relative_to(target).as_posix() for p in target.rglob("*.xsd")}
        if target.is_dir()
        else set()
    )
    return stale + sorted(on_disk - set(schema_set.documents))
