"""Judge each schema difference for requests and for responses.

A request is written by clients and read by the server; a response is written
by the server and read by clients. So a change that makes the schema accept
less breaks requests, and a change that lets the server send more than before
breaks response readers. Three levels: breaking, warning, compatible.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.diff.compare import Difference
from generator.schemaset.load import XSD
from generator.schemaset.model import SchemaModel, SimpleType

BREAKING, WARNING, COMPATIBLE = "breaking", "warning", "compatible"
LEVELS = (COMPATIBLE, WARNING, BREAKING)

# (rule, request level, response level)
Judgement = tuple[str, str, str]

XS = f"{{{XSD}}}"
DERIVED_FROM = {
    "normalizedString": "string",
    "token": "normalizedString",
    "language": "token",
    "Name": "token",
    "NCName": "Name",
    "ID": "NCName",
    "NMTOKEN": "token",
    "integer": "decimal",
    "long": "integer",
    "int": "long",
    "short": "int",
    "byte": "short",
    "nonNegativeInteger": "integer",
    "positiveInteger": "nonNegativeInteger",
    "unsignedLong": "nonNegativeInteger",
    "unsignedInt": "unsignedLong",
    "unsignedShort": "unsignedInt",
    "unsignedByte": "unsignedShort",
    "nonPositiveInteger": "integer",
    "negativeInteger": "nonPositiveInteger",
    "float": "double",
}
UPPER_FACETS = {
    "maxLength",
    "length",
    "maxInclusive",
    "maxExclusive",
    "totalDigits",
    "fractionDigits",
}
LOWER_FACETS = {"minLength", "minInclusive", "minExclusive"}


def stricter(*levels: str) -> str:
    return max(levels, key=LEVELS.index)


@dataclass(frozen=True)
class Judge:
    old: SchemaModel
    new: SchemaModel

    def rule(self, difference: Difference, at_root: bool = False) -> Judgement:
        method = getattr(self, "_" + difference.kind.replace(" ", "_"))
        return method(difference, at_root)  # type: ignore[no-any-return]

    # -- elements ---------------------------------------------------------

    def _element_added(self, d: Difference, _: bool) -> Judgement:
        if "choice" in d.group:
            return "choice-branch-added", COMPATIBLE, WARNING
        if _low(d.new) > 0:
            return "element-added-required", BREAKING, COMPATIBLE
        return "element-added", COMPATIBLE, COMPATIBLE

    def _element_removed(self, d: Difference, _: bool) -> Judgement:
        if "choice" in d.group:
            return "choice-branch-removed", BREAKING, COMPATIBLE
        if _low(d.old) > 0:
            return "element-removed-required", BREAKING, BREAKING
        return "element-removed", WARNING, WARNING

    def _occurs_changed(self, d: Difference, _: bool) -> Judgement:
        (low_a, high_a), (low_b, high_b) = _range(d.old), _range(d.new)
        request = response = COMPATIBLE
        if low_b > low_a or _below(high_b, high_a):
            request = BREAKING
        if low_b < low_a or _below(high_a, high_b):
            response = BREAKING
        rule = "min-occurs-changed" if low_a != low_b else "max-occurs-changed"
        if low_b < low_a and high_a == high_b:
            rule = "became-optional"
        if low_b > low_a and high_a == high_b:
            rule = "became-required"
        return rule, request, response

    def _type_changed(self, d: Difference, _: bool) -> Judgement:
        relation = self._relation(d.old or "", d.new or "")
        if relation == "narrowed":
            return "type-narrowed", BREAKING, COMPATIBLE
        if relation == "widened":
            return "type-widened", COMPATIBLE, BREAKING
        return "type-changed", BREAKING, BREAKING

    def _default_changed(self, d: Difference, _: bool) -> Judgement:
        return "default-changed", WARNING, WARNING

    def _fixed_changed(self, d: Difference, _: bool) -> Judgement:
        return "fixed-changed", BREAKING, BREAKING

    def _nillable_changed(self, d: Difference, _: bool) -> Judgement:
        if d.new == "True":
            return "became-nillable", COMPATIBLE, BREAKING
        return "no-longer-nillable", BREAKING, COMPATIBLE

    def _namespace_changed(self, d: Difference, _: bool) -> Judgement:
        rule = "form-changed" if "None" in (d.old, d.new) else "namespace-changed"
        return rule, BREAKING, BREAKING

    def _group_changed(self, d: Difference, _: bool) -> Judgement:
        return "group-changed", WARNING, WARNING

    def _order_changed(self, d: Difference, _: bool) -> Judgement:
        return "order-changed", BREAKING, WARNING

    def _compositor_changed(self, d: Difference, _: bool) -> Judgement:
        if (d.old, d.new) == ("sequence", "all"):
            return "compositor-relaxed", COMPATIBLE, WARNING
        if (d.old, d.new) == ("all", "sequence"):
            return "compositor-tightened", BREAKING, WARNING
        return "compositor-changed", BREAKING, BREAKING

    def _base_changed(self, d: Difference, _: bool) -> Judgement:
        if isinstance(self.new.types.get(d.type), SimpleType):
            return self._type_changed(d, _)
        return "base-changed", WARNING, WARNING

    # -- simple types -----------------------------------------------------

    def _enumeration_added(self, d: Difference, _: bool) -> Judgement:
        return "enumeration-added", COMPATIBLE, WARNING

    def _enumeration_removed(self, d: Difference, _: bool) -> Judgement:
        return "enumeration-removed", BREAKING, COMPATIBLE

    def _facet_changed(self, d: Difference, _: bool) -> Judgement:
        direction = _facet_direction(d.item, d.old, d.new)
        if direction == "tightened":
            return "facet-tightened", BREAKING, COMPATIBLE
        if direction == "loosened":
            return "facet-loosened", COMPATIBLE, WARNING
        return "facet-changed", WARNING, WARNING

    # -- attributes -------------------------------------------------------

    def _attribute_added(self, d: Difference, _: bool) -> Judgement:
        if d.new == "required":
            return "attribute-added-required", BREAKING, COMPATIBLE
        return "attribute-added", COMPATIBLE, COMPATIBLE

    def _attribute_removed(self, d: Difference, _: bool) -> Judgement:
        return (
            "attribute-removed",
            WARNING if d.old == "optional" else BREAKING,
            BREAKING,
        )

    def _attribute_changed(self, d: Difference, _: bool) -> Judgement:
        if (d.old, d.new) == ("optional", "required"):
            return "attribute-became-required", BREAKING, COMPATIBLE
        if (d.old, d.new) == ("required", "optional"):
            return "attribute-became-optional", COMPATIBLE, BREAKING
        return "attribute-changed", WARNING, WARNING

    # -- types ------------------------------------------------------------

    def _type_added(self, d: Difference, _: bool) -> Judgement:
        return "type-added", COMPATIBLE, COMPATIBLE

    def _type_removed(self, d: Difference, _: bool) -> Judgement:
        return "type-removed", COMPATIBLE, COMPATIBLE

    def _type_renamed(self, d: Difference, at_root: bool) -> Judgement:
        if at_root:
            return "operation-type-renamed", BREAKING, BREAKING
        return "type-renamed", WARNING, WARNING

    def _kind_changed(self, d: Difference, _: bool) -> Judgement:
        return "type-kind-changed", BREAKING, BREAKING

    def _relation(self, old: str, new: str) -> str:
        """``narrowed``: every new value was valid before; ``widened``: the reverse."""
        if old in self._bases(new, self.new):
            return "narrowed"
        if new in self._bases(old, self.old):
            return "widened"
        return "changed"

    def _bases(self, key: str, model: SchemaModel) -> list[str]:
        """The types ``key`` restricts, nearest first (built-in types included)."""
        chain = []
        current: str | None = key
        while current:
            kind = model.types.get(current)
            if isinstance(kind, SimpleType):
                current = kind.base
            elif current.startswith(XS) and current[len(XS) :] in DERIVED_FROM:
                current = XS + DERIVED_FROM[current[len(XS) :]]
            else:
                current = None
            if current:
                chain.append(current)
        return chain


def _range(text: str | None) -> tuple[int, int | None]:
    low, _, high = (text or "0..1").partition("..")
    return int(low), None if high == "unbounded" else int(high)


def _low(text: str | None) -> int:
    return _range(text)[0]


def _below(a: int | None, b: int | None) -> bool:
    """Whether the upper bound ``a`` is below ``b`` (None is unbounded)."""
    return a is not None and (b is None or a < b)


def _facet_direction(name: str, old: str | None, new: str | None) -> str:
    if name in UPPER_FACETS | LOWER_FACETS:
        if old is None:
            return "tightened"
        if new is None:
            return "loosened"
        try:
            a, b = float(old), float(new)
        except ValueError:
            return "changed"
        smaller = b < a
        return "tightened" if smaller == (name in UPPER_FACETS) else "loosened"
    if name in ("pattern", "whiteSpace"):
        return "tightened" if old is None else "loosened" if new is None else "changed"
    return "changed"
