"""Resolve a schema set into xsdata's class model, quietly and offline."""

from __future__ import annotations

import logging
from pathlib import Path

from xsdata.codegen.models import Class
from xsdata.codegen.transformer import ResourceTransformer
from xsdata.models.config import GeneratorConfig

from generator.schemaset import load_schema_set


def resolve_classes(schema_dir: Path) -> list[Class]:
    """xsdata's analysed classes for every XSD file under ``schema_dir``."""
    load_schema_set(schema_dir)  # rejects broken or remote schemas first
    transformer = ResourceTransformer(config=GeneratorConfig())
    uris = sorted(p.resolve().as_uri() for p in schema_dir.rglob("*.xsd"))
    xsdata_logger = logging.getLogger("xsdata")
    level = xsdata_logger.level
    xsdata_logger.setLevel(logging.WARNING)
    try:
        transformer.process_sources(uris)
        return transformer.analyze_classes(transformer.classes)
    finally:
        xsdata_logger.setLevel(level)
