"""Where each type is used: the operations, directions and element paths."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.matrix.paths import element_paths
from generator.schemaset.model import SchemaModel

DIRECTIONS = ("request", "response")


@dataclass(frozen=True)
class Place:
    """An operation's request or response, and a path inside it ("" is the root)."""

    operation: str
    direction: str
    path: str


@dataclass
class Reach:
    """Indexes a model's element paths by declaring type and by element type."""

    model: SchemaModel
    by_owner: dict[tuple[str, str], list[Place]] = field(
        default_factory=lambda: defaultdict(list)
    )
    by_type: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))
    roots: dict[str, list[Place]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, model: SchemaModel) -> Reach:
        reach = cls(model)
        for operation in model.operations():
            for direction, root in zip(
                DIRECTIONS, (operation.request, operation.response)
            ):
                reach._index(operation.name, direction, root)
        return reach

    def _index(self, operation: str, direction: str, root: str) -> None:
        for kind in self.model.ancestry(root):
            self.roots[kind.key].append(Place(operation, direction, ""))
        for found in element_paths(self.model, root):
            place = Place(operation, direction, found.path)
            self.by_owner[(found.owner, found.element.name)].append(place)
            for kind in self.model.ancestry(found.element.type):
                self.by_type[kind.key].append(place)
            if self.model.complex(found.element.type) is None:
                self.by_type[found.element.type].append(place)

    def of_element(self, owner: str, name: str) -> list[Place]:
        return self.by_owner.get((owner, name), [])

    def of_type(self, key: str) -> list[Place]:
        """Places whose element has the type, and operations rooted in it."""
        return self.roots.get(key, []) + self.by_type.get(key, [])
