"""The compiled model of a schema set: what a reader of the XML can see.

Files, imports, comments and annotations do not appear here; two schema sets
that describe the same messages compile to equal models.  Every type has a key:
``{namespace}name`` for a named type, and the owner's key followed by
``/element`` for an anonymous type declared inline on an element.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from lxml import etree

from generator.errors import InputError
from generator.schemaset.load import XSD, SchemaSet

X = f"{{{XSD}}}"
BODY_CONTENT = "{http://www.webex.com/schemas/2002/06/service}bodyContentType"
COMPOSITORS = ("sequence", "choice", "all")


@dataclass(frozen=True)
class Element:
    name: str
    namespace: str | None
    type: str
    min_occurs: int = 1
    max_occurs: int | None = 1
    default: str | None = None
    fixed: str | None = None
    nillable: bool = False
    group: str = "sequence"


@dataclass(frozen=True)
class Attribute:
    name: str
    type: str
    required: bool = False
    default: str | None = None
    fixed: str | None = None


@dataclass(frozen=True)
class ComplexType:
    key: str
    namespace: str
    base: str | None
    elements: tuple[Element, ...]
    compositor: str = "sequence"
    simple_content: bool = False
    attributes: tuple[Attribute, ...] = ()


@dataclass(frozen=True)
class SimpleType:
    key: str
    namespace: str
    base: str | None
    enumerations: tuple[str, ...] = ()
    facets: tuple[tuple[str, str], ...] = ()


Type = ComplexType | SimpleType


@dataclass(frozen=True)
class Operation:
    """A request type and its response type in one service namespace."""

    name: str
    namespace: str
    request: str
    response: str


@dataclass(frozen=True)
class SchemaModel:
    types: dict[str, Type] = field(hash=False)
    elements: dict[str, Element] = field(hash=False)

    def complex(self, key: str) -> ComplexType | None:
        found = self.types.get(key)
        return found if isinstance(found, ComplexType) else None

    def ancestry(self, key: str) -> Iterator[ComplexType]:
        """The type itself, then the types it derives from."""
        current = self.complex(key)
        while current is not None:
            yield current
            current = self.complex(current.base) if current.base else None

    def all_elements(self, key: str) -> tuple[Element, ...]:
        """Inherited elements first, as they appear in an instance."""
        chain = list(self.ancestry(key))
        return tuple(e for t in reversed(chain) for e in t.elements)

    def operations(self) -> tuple[Operation, ...]:
        requests = {}
        responses = {}
        for key, kind in self.types.items():
            if "/" in key.split("}")[1] or not isinstance(kind, ComplexType):
                continue
            if BODY_CONTENT not in (t.base for t in self.ancestry(key)):
                continue
            namespace, local = key[1:].split("}")
            if local.lower().endswith("response"):
                responses[(namespace, local[: -len("response")].lower())] = key
            else:
                requests[(namespace, local.lower())] = (local, key)
        found = []
        for (namespace, lowered), (local, key) in requests.items():
            response = responses.get((namespace, lowered))
            if response is not None:
                name = local[0].upper() + local[1:]
                found.append(Operation(name, namespace, key, response))
        return tuple(sorted(found, key=lambda o: (o.name, o.namespace)))


def compile_model(schema_set: SchemaSet) -> SchemaModel:
    compiler = _Compiler(schema_set)
    compiler.run()
    compiler.check_references()
    return SchemaModel(
        dict(sorted(compiler.types.items())), dict(sorted(compiler.globals.items()))
    )


def attribute(node: etree._Element, name: str) -> str:
    """An attribute the XSD construct needs; its absence is bad input."""
    value = node.get(name)
    if value is None:
        raise InputError(
            node.getroottree().docinfo.URL or "schema",
            f"xsd:{etree.QName(node).localname} has no '{name}' attribute",
            line=node.sourceline,
            fix=f'add {name}="..."',
        )
    return value


def clark(node: etree._Element, value: str) -> str:
    """Resolve a QName attribute value against the node's namespace declarations."""
    prefix, _, local = value.rpartition(":")
    namespace = node.nsmap.get(prefix or None)
    if prefix and namespace is None:
        raise InputError(
            node.getroottree().docinfo.URL or "schema",
            f"prefix '{prefix}' in '{value}' is not declared",
            line=node.sourceline,
            fix="declare it with xmlns:" + prefix,
        )
    return f"{{{namespace}}}{local}" if namespace else local


def _occurs(node: etree._Element) -> tuple[int, int | None]:
    high = node.get("maxOccurs", "1")
    return int(node.get("minOccurs", "1")), None if high == "unbounded" else int(high)


class _Compiler:
    def __init__(self, schema_set: SchemaSet) -> None:
        self.schema_set = schema_set
        self.types: dict[str, Type] = {}
        self.globals: dict[str, Element] = {}
        self.global_nodes: dict[str, etree._Element] = {}
        self.references: dict[str, etree._Element] = {}

    def _ref(self, node: etree._Element, name: str) -> str:
        """A type reference, remembered so that an undefined one can be named."""
        key = clark(node, attribute(node, name))
        self.references.setdefault(key, node)
        return key

    def check_references(self) -> None:
        for key, node in self.references.items():
            if key in self.types or key.startswith(f"{{{XSD}}}"):
                continue
            namespace, local = key[1:].split("}") if key.startswith("{") else ("", key)
            raise InputError(
                node.getroottree().docinfo.URL or "schema",
                f"type '{local}' of namespace '{namespace}' is not defined",
                line=node.sourceline,
                fix="define it, or import the schema that defines it",
            )

    def run(self) -> None:
        for tree in self.schema_set.documents.values():
            root = tree.getroot()
            namespace = root.get("targetNamespace", "")
            for node in root:
                if node.tag == X + "element":
                    self.global_nodes[f"{{{namespace}}}{node.get('name')}"] = node
        for tree in self.schema_set.documents.values():
            root = tree.getroot()
            namespace = root.get("targetNamespace", "")
            for node in root:
                name = node.get("name")
                key = f"{{{namespace}}}{name}"
                if node.tag == X + "complexType":
                    self._add(key, self._complex(node, key, namespace), node)
                elif node.tag == X + "simpleType":
                    self._add(key, self._simple(node, key, namespace), node)
                elif node.tag == X + "element":
                    self.globals[key] = self._element(
                        node, key.rsplit("}", 1)[0] + "}", namespace
                    )

    def _add(self, key: str, kind: Type, node: etree._Element) -> None:
        if key in self.types:
            raise InputError(
                node.getroottree().docinfo.URL or "schema",
                f"type {key} is defined twice",
                line=node.sourceline,
                fix="remove one definition",
            )
        self.types[key] = kind

    def _complex(self, node: etree._Element, key: str, namespace: str) -> ComplexType:
        base = None
        content = node
        simple = False
        for holder in ("complexContent", "simpleContent"):
            wrapper = node.find(X + holder)
            if wrapper is not None:
                derivation = wrapper[0]
                base = self._ref(derivation, "base")
                content = derivation
                simple = holder == "simpleContent"
        compositor = next(
            (c for c in content if c.tag in {X + n for n in COMPOSITORS}), None
        )
        attributes = tuple(self._attributes(content, key, namespace))
        if compositor is None:
            return ComplexType(key, namespace, base, (), "sequence", simple, attributes)
        elements = tuple(self._particles(compositor, key, namespace, ""))
        kind = etree.QName(compositor).localname
        return ComplexType(key, namespace, base, elements, kind, simple, attributes)

    def _attributes(
        self, content: etree._Element, owner: str, namespace: str
    ) -> Iterator[Attribute]:
        for node in content.findall(X + "attribute"):
            name = node.get("name") or attribute(node, "ref").rpartition(":")[2]
            if node.get("type"):
                type_key = self._ref(node, "type")
            elif (inline := node.find(X + "simpleType")) is not None:
                type_key = f"{owner}/@{name}"
                self.types[type_key] = self._simple(inline, type_key, namespace)
            else:
                type_key = f"{{{XSD}}}anySimpleType"
            yield Attribute(
                name,
                type_key,
                node.get("use") == "required",
                node.get("default"),
                node.get("fixed"),
            )

    def _particles(
        self, compositor: etree._Element, owner: str, namespace: str, group: str
    ) -> Iterator[Element]:
        kind = etree.QName(compositor).localname
        low, high = _occurs(compositor)
        label = f"{group}/{kind}" if group else kind
        if (low, high) != (1, 1):
            label += f"[{low}..{'n' if high is None else high}]"
        for child in compositor:
            if child.tag == X + "element":
                yield self._element(child, owner + "/", namespace, label)
            elif child.tag in {X + n for n in COMPOSITORS}:
                yield from self._particles(child, owner, namespace, label)

    def _element(
        self, node: etree._Element, owner: str, namespace: str, group: str = ""
    ) -> Element:
        low, high = _occurs(node)
        if node.get("ref"):
            ref = clark(node, attribute(node, "ref"))
            target = self.global_nodes.get(ref)
            type_key = (
                clark(target, attribute(target, "type"))
                if target is not None and target.get("type")
                else ref
            )
            name = ref.split("}")[1]
            element_namespace: str | None = ref[1:].split("}")[0]
        else:
            name = attribute(node, "name")
            element_namespace = namespace if node.get("form") != "unqualified" else None
            type_key = self._element_type(node, owner + name, namespace)
        return Element(
            name=name,
            namespace=element_namespace,
            type=type_key,
            min_occurs=low,
            max_occurs=high,
            default=node.get("default"),
            fixed=node.get("fixed"),
            nillable=node.get("nillable") == "true",
            group=group,
        )

    def _element_type(self, node: etree._Element, key: str, namespace: str) -> str:
        if node.get("type"):
            return self._ref(node, "type")
        inline = node.find(X + "complexType")
        if inline is not None:
            self.types[key] = self._complex(inline, key, namespace)
            return key
        inline = node.find(X + "simpleType")
        if inline is not None:
            self.types[key] = self._simple(inline, key, namespace)
            return key
        return f"{{{XSD}}}anyType"

    def _simple(self, node: etree._Element, key: str, namespace: str) -> SimpleType:
        restriction = node.find(X + "restriction")
        if restriction is None:
            return SimpleType(key, namespace, None)
        base = self._ref(restriction, "base") if restriction.get("base") else None
        enumerations = tuple(
            attribute(e, "value") for e in restriction.findall(X + "enumeration")
        )
        facets = tuple(
            (etree.QName(f).localname, attribute(f, "value"))
            for f in restriction
            if isinstance(f.tag, str)
            and f.tag != X + "enumeration"
            and f.get("value") is not None
        )
        return SimpleType(key, namespace, base, enumerations, facets)
