"""Apply the changelog's structured edits to a schema set's XSD documents."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lxml import etree

from generator.changelog.model import (
    AddElement,
    AddEnumeration,
    AddOperation,
    AddType,
    Edit,
    ElementSpec,
    SetOccurs,
    TypePath,
)
from generator.errors import InputError
from generator.schemaset.load import XSD, SchemaSet

X = f"{{{XSD}}}"


@dataclass
class Editor:
    """Edits one schema set in place; errors point at the changelog line."""

    schema_set: SchemaSet
    namespaces: dict[str, str]
    changelog: Path

    def apply(self, edit: Edit) -> None:
        if isinstance(edit, AddElement):
            self._add_element(edit)
        elif isinstance(edit, SetOccurs):
            self._set_occurs(edit)
        elif isinstance(edit, AddEnumeration):
            self._add_enumeration(edit)
        elif isinstance(edit, AddType):
            self._add_type(edit)
        elif isinstance(edit, AddOperation):
            for added in edit.as_types():
                self._add_type(added)

    def _fail(self, line: int, problem: str, fix: str | None = None) -> InputError:
        return InputError(self.changelog, problem, line=line, fix=fix)

    def _namespace(self, prefix: str) -> str:
        return XSD if prefix == "xsd" else self.namespaces[prefix]

    def _find_type(self, path: TypePath, line: int) -> etree._Element:
        namespace = self._namespace(path.prefix)
        for key in self.schema_set.namespace_documents(namespace):
            root = self.schema_set.documents[key].getroot()
            for node in root:
                if node.get("name") == path.name and node.tag in (
                    X + "complexType",
                    X + "simpleType",
                ):
                    return self._walk(node, path, line)
        raise self._fail(
            line, f"type {path.prefix}:{path.name} does not exist in the base release"
        )

    def _walk(self, node: etree._Element, path: TypePath, line: int) -> etree._Element:
        for step in path.steps:
            element = _local_element(node, step)
            inline = (
                None
                if element is None
                else _first(element, "complexType", "simpleType")
            )
            if inline is None:
                raise self._fail(line, f"{path} has no inline type at '{step}'")
            node = inline
        return node

    def _add_element(self, edit: AddElement) -> None:
        owner = self._find_type(edit.target, edit.line)
        if _local_element(owner, edit.element.name) is not None:
            raise self._fail(
                edit.line, f"{edit.target} already has element '{edit.element.name}'"
            )
        new = self._element_node(owner, edit.element, edit.line)
        anchor_name = edit.after or edit.before
        if anchor_name is None:
            _content(owner).append(new)
            return
        anchor = _local_element(owner, anchor_name)
        if anchor is None:
            raise self._fail(
                edit.line,
                f"{edit.target} has no element '{anchor_name}' to place it by",
            )
        if edit.after:
            anchor.addnext(new)
        else:
            anchor.addprevious(new)

    def _set_occurs(self, edit: SetOccurs) -> None:
        owner = self._find_type(edit.target, edit.line)
        element = _local_element(owner, edit.element)
        if element is None:
            raise self._fail(
                edit.line, f"{edit.target} has no element '{edit.element}'"
            )
        _set_occurs(element, edit.min_occurs, edit.max_occurs)

    def _add_enumeration(self, edit: AddEnumeration) -> None:
        owner = self._find_type(edit.target, edit.line)
        restriction = owner.find(X + "restriction")
        if restriction is None:
            raise self._fail(
                edit.line, f"{edit.target} is not a restricted simple type"
            )
        values = [e.get("value") for e in restriction.findall(X + "enumeration")]
        if edit.value in values:
            raise self._fail(edit.line, f"{edit.target} already allows '{edit.value}'")
        etree.SubElement(restriction, X + "enumeration", value=edit.value)

    def _add_type(self, edit: AddType) -> None:
        namespace = self._namespace(edit.prefix)
        keys = self.schema_set.namespace_documents(namespace)
        if not keys:
            raise self._fail(edit.line, f"no schema file has namespace {namespace}")
        root = self.schema_set.documents[keys[0]].getroot()
        if any(n.get("name") == edit.name for n in root):
            raise self._fail(
                edit.line, f"type {edit.prefix}:{edit.name} already exists"
            )
        if edit.is_simple:
            self._add_simple_type(root, keys[0], edit)
            return
        node = etree.SubElement(root, X + "complexType", name=edit.name)
        holder = node
        if edit.base:
            content = etree.SubElement(node, X + "complexContent")
            base = self._qname(keys[0], edit.base, edit.line)
            holder = etree.SubElement(content, X + "extension", base=base)
        compositor = etree.SubElement(holder, X + edit.compositor)
        for spec in edit.elements:
            compositor.append(self._element_node(node, spec, edit.line))

    def _add_simple_type(self, root: etree._Element, key: str, edit: AddType) -> None:
        node = etree.SubElement(root, X + "simpleType", name=edit.name)
        base = self._qname(key, edit.base or "xsd:string", edit.line)
        restriction = etree.SubElement(node, X + "restriction", base=base)
        for value in edit.values:
            etree.SubElement(restriction, X + "enumeration", value=value)

    def _element_node(
        self, owner: etree._Element, spec: ElementSpec, line: int
    ) -> etree._Element:
        key = self._document_of(owner)
        node = etree.Element(X + "element", name=spec.name)
        node.set("type", self._qname(key, spec.type, line))
        _set_occurs(node, spec.min_occurs, spec.max_occurs)
        return node

    def _document_of(self, node: etree._Element) -> str:
        root = node.getroottree().getroot()
        return next(
            k for k, t in self.schema_set.documents.items() if t.getroot() is root
        )

    def _qname(self, key: str, text: str, line: int) -> str:
        """Write a prefix:name the document can resolve, importing it if needed."""
        prefix, local = text.split(":", 1)
        namespace = self._namespace(prefix)
        root = self.schema_set.documents[key].getroot()
        for known, uri in root.nsmap.items():
            if uri == namespace and known:
                return f"{known}:{local}"
        targets = self.schema_set.namespace_documents(namespace)
        if not targets:
            raise self._fail(
                line, f"no schema file has namespace {namespace} for '{text}'"
            )
        self._declare(key, prefix, namespace, targets[0])
        return text

    def _declare(self, key: str, prefix: str, namespace: str, target: str) -> None:
        old = self.schema_set.documents[key].getroot()
        root = etree.Element(
            old.tag, attrib=dict(old.attrib), nsmap={**old.nsmap, prefix: namespace}
        )
        root.extend(list(old))
        location = _relative(PurePosixPath(target), PurePosixPath(key).parent)
        imports = root.findall(X + "import")
        if all(i.get("namespace") != namespace for i in imports):
            new = etree.Element(
                X + "import", namespace=namespace, schemaLocation=location
            )
            imports[-1].addnext(new) if imports else root.insert(0, new)
        self.schema_set.documents[key] = etree.ElementTree(root)


def _first(node: etree._Element, *names: str) -> etree._Element | None:
    for child in node:
        if child.tag in {X + n for n in names}:
            return child
    return None


def _particle_elements(node: etree._Element) -> list[etree._Element]:
    """Element declarations of a type's own content, not of nested inline types."""
    found = []
    for child in node:
        if not isinstance(child.tag, str):
            continue
        if child.tag == X + "element":
            found.append(child)
        elif child.tag in {
            X + n
            for n in (
                "sequence",
                "choice",
                "all",
                "complexContent",
                "simpleContent",
                "extension",
                "restriction",
            )
        }:
            found.extend(_particle_elements(child))
    return found


def _local_element(owner: etree._Element, name: str) -> etree._Element | None:
    return next((e for e in _particle_elements(owner) if e.get("name") == name), None)


def _content(owner: etree._Element) -> etree._Element:
    """The compositor new elements are appended to, created when missing."""
    holder = owner
    wrapper = _first(owner, "complexContent")
    if wrapper is not None:
        holder = wrapper[0]
    compositor = _first(holder, "sequence", "all", "choice")
    if compositor is None:
        compositor = etree.Element(X + "sequence")
        attributes = [
            c for c in holder if c.tag in (X + "attribute", X + "attributeGroup")
        ]
        (
            attributes[0].addprevious(compositor)
            if attributes
            else holder.append(compositor)
        )
    return compositor


def _set_occurs(node: etree._Element, low: int, high: int | None) -> None:
    for attribute, value in (("minOccurs", low), ("maxOccurs", high)):
        text = "unbounded" if value is None else str(value)
        if text == "1":
            node.attrib.pop(attribute, None)
        else:
            node.set(attribute, text)


def _relative(target: PurePosixPath, start: PurePosixPath) -> str:
    up = len(start.parts) - len(_common(target.parts, start.parts))
    rest = target.parts[len(_common(target.parts, start.parts)) :]
    return "/".join([".."] * up + list(rest))


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    shared = []
    for x, y in zip(a, b):
        if x != y:
            break
        shared.append(x)
    return tuple(shared)
