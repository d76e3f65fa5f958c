"""Resolve a schema set into xsdata's class model, quietly and offline.

Reading an XSD file into classes depends on the file's bytes, its place in the
schema set and the namespace it is included into, never on the folder the set
sits in. Releases share most of their files, so the classes of each file are
kept under a hash of those three and reused. xsdata's analysis of the whole set
is kept the same way, under a hash of every file, for releases whose schemas
did not change at all.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
from pathlib import Path
from typing import Iterator

import xsdata
from xsdata.codegen.models import Class
from xsdata.codegen.parsers.schema import SchemaParser
from xsdata.codegen.transformer import ResourceTransformer
from xsdata.models.config import GeneratorConfig
from xsdata.models.xsd import Schema

from generator.bindings.store import Store
from generator.errors import InputError
from generator.schemaset import load_schema_set


class CachingTransformer(ResourceTransformer):
    """xsdata's transformer, with the per-file stage kept by content."""

    def __init__(self, root: Path, store: Store) -> None:
        super().__init__(config=GeneratorConfig())
        self.root = root.resolve().as_uri() + "/"
        self.store = store

    def process_schema(self, uri: str, namespace: str | None = None) -> None:
        if not uri.startswith(self.root):
            super().process_schema(uri, namespace)
            return
        data = self.load_resource(uri)
        if data is None:
            return
        key = _digest("file", uri[len(self.root) :], namespace or "", data)
        stored = self.store.recall(key)
        if stored is None:
            stored = self._read(uri, data, namespace)
            self.store.keep(key, stored)
        included, classes = pickle.loads(stored)
        for location, parent_namespace in included:
            self.process_schema(self.root + location, parent_namespace)
        self.classes.extend(_relocated(classes, self.root))

    def _read(self, uri: str, data: bytes, namespace: str | None) -> bytes:
        """The file's includes and classes, locations relative to the set."""
        parser = SchemaParser(target_namespace=namespace, location=uri)
        schema = parser.from_bytes(data, Schema)
        locations = [sub.location for sub in schema.included() if sub.location]
        outside = [x for x in locations if not x.startswith(self.root)]
        if outside:
            raise InputError(
                Path(uri[len("file://") :]),
                f"refers to {outside[0]}, outside its schema set",
                fix="keep every included or imported file inside the set's folder",
            )
        included = [(x[len(self.root) :], schema.target_namespace) for x in locations]
        classes = _relocated(self.generate_classes(schema), self.root, inward=True)
        return pickle.dumps((included, classes), protocol=pickle.HIGHEST_PROTOCOL)


def resolve_classes(schema_dir: Path, cache: Path | None = None) -> list[Class]:
    """xsdata's analysed classes for every XSD file under ``schema_dir``."""
    load_schema_set(schema_dir)  # rejects broken or remote schemas first
    store = Store(cache)
    paths = sorted(schema_dir.rglob("*.xsd"))
    root = schema_dir.resolve().as_uri() + "/"
    key = set_key(schema_dir)
    stored = store.recall(key)
    if stored is None:
        classes = _analyse(schema_dir, paths, store)
        stored = pickle.dumps(
            _relocated(classes, root, inward=True), protocol=pickle.HIGHEST_PROTOCOL
        )
        store.keep(key, stored)
    return _relocated(pickle.loads(stored), root)


def _analyse(schema_dir: Path, paths: list[Path], store: Store) -> list[Class]:
    transformer = CachingTransformer(schema_dir, store)
    xsdata_logger = logging.getLogger("xsdata")
    level = xsdata_logger.level
    xsdata_logger.setLevel(logging.WARNING)
    try:
        transformer.process_sources(sorted(p.resolve().as_uri() for p in paths))
        return transformer.analyze_classes(transformer.classes)
    finally:
        xsdata_logger.setLevel(level)


def set_key(schema_dir: Path) -> str:
    """A hash of every XSD file of the set and its place in it."""
    parts: list[str | bytes] = ["set"]
    for path in sorted(schema_dir.rglob("*.xsd")):
        parts += [path.relative_to(schema_dir).as_posix(), path.read_bytes()]
    return _digest(*parts)


def _relocated(classes: list[Class], root: str, inward: bool = False) -> list[Class]:
    """The classes with their locations made relative to ``root``, or back."""
    for item in _walk(classes):
        if inward and item.location.startswith(root):
            item.location = item.location[len(root) :]
        elif not inward and "://" not in item.location:
            item.location = root + item.location
    return classes


def _walk(classes: list[Class]) -> Iterator[Class]:
    for item in classes:
        yield item
        yield from _walk(item.inner)


# kept results hold for this xsdata and this way of reading: either changed,
# the keys change too
READER = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _digest(*parts: str | bytes) -> str:
    digest = hashlib.sha256(f"{xsdata.__version__}\0{READER}".encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
