"""Write a schema set to a directory, byte-identical for identical content."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from lxml import etree

from generator.schemaset.load import SchemaSet


def render_document(tree: etree._ElementTree) -> bytes:
    root = tree.getroot()
    etree.indent(root, space="  ")
    return etree.tostring(
        root, xml_declaration=True, encoding="UTF-8", pretty_print=True
    )


def write_schema_set(schema_set: SchemaSet, target: Path) -> None:
    """Replace ``target`` with the set, leaving it untouched if writing fails."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for key, tree in sorted(schema_set.documents.items()):
            path = staging / key
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render_document(tree))
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


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
