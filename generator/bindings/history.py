"""When each type and element appeared, from the compiled models of all releases."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.schemaset.model import SchemaModel


@dataclass(frozen=True)
class ReleaseHistory:
    """Compiled models of every release, and the lineage of the one generated.

    ``lineage`` runs from the baseline to the generated release; ``everywhere``
    lists every known release, in lineage order, for availability tables.
    """

    models: dict[str, SchemaModel] = field(hash=False)
    lineage: tuple[str, ...]
    everywhere: tuple[str, ...]

    def has(self, release: str, key: str, element: str | None = None) -> bool:
        model = self.models[release]
        if element is None:
            return key in model.types
        return any(e.name == element for e in model.all_elements(key))

    def since(self, key: str, element: str | None = None) -> str | None:
        """The first release of the lineage that has the type or element."""
        return next((r for r in self.lineage if self.has(r, key, element)), None)

    def releases_with(self, key: str, element: str | None = None) -> tuple[str, ...]:
        return tuple(r for r in self.everywhere if self.has(r, key, element))


def single_release(name: str, model: SchemaModel) -> ReleaseHistory:
    """History for a schema set that stands alone, such as a vendor's archive."""
    return ReleaseHistory({name: model}, (name,), (name,))
