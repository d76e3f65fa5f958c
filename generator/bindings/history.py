"""When each type and element appeared, from the compiled models of all releases."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.schemaset.model import SchemaModel


@dataclass(frozen=True)
class ReleaseHistory:
    """Compiled models of every release, and the lineage of the one generated.

    ``lineage`` runs from the baseline to the generated release; ``everywhere``
    lists every known release, in lineage order, for availability tables.
    ``names`` caches the element names of each release's types; histories made
    from the same models may share it.
    """

    models: dict[str, SchemaModel] = field(hash=False)
    lineage: tuple[str, ...]
    everywhere: tuple[str, ...]
    names: dict[tuple[str, str], frozenset[str]] = field(
        default_factory=dict, hash=False, compare=False, repr=False
    )

    def has(self, release: str, key: str, element: str | None = None) -> bool:
        model = self.models[release]
        if element is None:
            return key in model.types
        if (release, key) not in self.names:  # a cache, filled on first use
            found = frozenset(e.name for e in model.all_elements(key))
            self.names[(release, key)] = found
        return element in self.names[(release, key)]

    def since(self, key: str, element: str | None = None) -> str | None:
        """The first release of the lineage that has the type or element."""
        return next((r for r in self.lineage if self.has(r, key, element)), None)

    def releases_with(self, key: str, element: str | None = None) -> tuple[str, ...]:
        return tuple(r for r in self.everywhere if self.has(r, key, element))

    def sharing(self, lineage: tuple[str, ...]) -> ReleaseHistory:
        """The history of another release of the same models, sharing caches."""
        return ReleaseHistory(self.models, lineage, self.everywhere, self.names)


def single_release(name: str, model: SchemaModel) -> ReleaseHistory:
    """History for a schema set that stands alone, such as a vendor's archive."""
    return ReleaseHistory({name: model}, (name,), (name,))
