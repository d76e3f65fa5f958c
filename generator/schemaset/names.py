"""Readable ``prefix:local`` names for the ``{namespace}local`` keys of the model."""

from __future__ import annotations

from dataclasses import dataclass

from generator.changelog.model import TypePath
from generator.schemaset.load import XSD


@dataclass(frozen=True)
class Names:
    """Turns ``{namespace}local`` keys into ``prefix:local`` for messages."""

    namespaces: dict[str, str]

    def uri(self, prefix: str) -> str:
        return XSD if prefix == "xsd" else self.namespaces[prefix]

    def key(self, path: TypePath) -> str:
        return "/".join((f"{{{self.uri(path.prefix)}}}{path.name}", *path.steps))

    def clark(self, qname: str) -> str:
        prefix, local = qname.split(":", 1)
        return f"{{{self.uri(prefix)}}}{local}"

    def short(self, text: str) -> str:
        for prefix, uri in {**self.namespaces, "xsd": XSD}.items():
            text = text.replace(f"{{{uri}}}", f"{prefix}:")
        return text
