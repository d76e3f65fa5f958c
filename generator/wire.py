"""The XML API's wire form and its schema form.

On the wire a request puts ``header``, ``body`` and ``bodyContent`` in no
namespace, leaves the elements inside unqualified and names the operation with a
Java class, ``xsi:type="java:com.webex.service.binding.meeting.CreateMeeting"``.
Responses are namespace-qualified throughout.  ``to_schema_form`` rewrites a
message into the form its XSD set describes, so it can be validated or bound.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from generator.schemaset.model import SchemaModel

XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
SERVICE = "http://www.webex.com/schemas/2002/06/service"
JAVA_PREFIX = "java:com.webex.service.binding."


class WireError(ValueError):
    """A message that cannot be mapped onto the schema set."""


@dataclass(frozen=True)
class WireMapper:
    model: SchemaModel

    def to_schema_form(self, root: etree._Element) -> etree._Element:
        """A new root in schema form; ``root`` itself may be changed too."""
        operations = {
            c: self._operation_type(c.get(XSI_TYPE, "")) for c in _java_contents(root)
        }
        root = _with_namespaces(
            root, {key[1:].split("}")[0] for key in operations.values()}
        )
        self._children(root, f"{{{SERVICE}}}messageType")
        for content in root.iter(f"{{{SERVICE}}}bodyContent"):
            self._body_content(root, content)
        return root

    def _body_content(self, root: etree._Element, content: etree._Element) -> None:
        declared = content.get(XSI_TYPE)
        if declared is None:
            return
        if declared.startswith(JAVA_PREFIX):
            key = self._operation_type(declared)
            namespace, local = key[1:].split("}")
            prefix = next(p for p, uri in root.nsmap.items() if uri == namespace and p)
            content.set(XSI_TYPE, f"{prefix}:{local}")
        else:
            prefix, _, local = declared.rpartition(":")
            key = f"{{{content.nsmap.get(prefix or None)}}}{local}"
        self._children(content, key)

    def _operation_type(self, declared: str) -> str:
        operation = declared.rsplit(".", 1)[-1]
        for candidate in self.model.operations():
            if candidate.name.lower() == operation.lower():
                return candidate.request
        raise WireError(f"unknown operation '{operation}' in xsi:type '{declared}'")

    def _children(self, node: etree._Element, type_key: str) -> None:
        """Qualify unqualified children by the declarations of ``type_key``."""
        declared = {e.name: e for e in self.model.all_elements(type_key)}
        for child in node:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            element = declared.get(local)
            if element is None:
                continue
            if etree.QName(child).namespace is None and element.namespace:
                child.tag = f"{{{element.namespace}}}{local}"
            self._children(child, element.type)


def _qualify(node: etree._Element, namespace: str) -> etree._Element:
    node.tag = f"{{{namespace}}}{etree.QName(node).localname}"
    return node


def _java_contents(root: etree._Element) -> list[etree._Element]:
    return [
        c
        for c in root.iter(f"{{{SERVICE}}}bodyContent", "bodyContent")
        if (c.get(XSI_TYPE) or "").startswith(JAVA_PREFIX)
    ]


def _with_namespaces(root: etree._Element, namespaces: set[str]) -> etree._Element:
    """A copy of ``root`` in the service namespace that declares ``namespaces``."""
    nsmap = dict(root.nsmap)
    for index, namespace in enumerate(sorted(namespaces - set(nsmap.values()))):
        nsmap[f"ns{index}"] = namespace
    tag = f"{{{SERVICE}}}{etree.QName(root).localname}"
    copy = etree.Element(tag, attrib=dict(root.attrib), nsmap=nsmap)
    copy.text = root.text
    copy.extend(list(root))
    return copy
