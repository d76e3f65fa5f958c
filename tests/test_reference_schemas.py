"""The vendor's 2011 schema set loads, and our baseline keeps what it defines."""

import pytest

from generator.schemaset import compile_model, load_schema_set
from generator.schemaset.model import ComplexType
from tests.conftest import SCHEMAS, reference_schemas

REFERENCE = reference_schemas()
pytestmark = pytest.mark.skipif(
    REFERENCE is None, reason="reference schemas not beside this checkout"
)


@pytest.fixture(scope="module")
def models():
    return compile_model(load_schema_set(REFERENCE)), compile_model(
        load_schema_set(SCHEMAS / "40.0.0")
    )


def test_the_reference_set_compiles_with_its_operations(models):
    reference, _ = models
    names = {o.name for o in reference.operations()}
    assert {"CreateMeeting", "GetSessionInfo", "LstsummarySession", "GetSite"} <= names
    assert len(reference.operations()) > 100


def test_shared_operations_keep_every_reference_element(models):
    reference, ours = models
    shared = {o.name for o in reference.operations()} & {
        o.name for o in ours.operations()
    }
    assert len(shared) >= 55
    missing = []
    for key, kind in reference.types.items():
        mine = ours.types.get(key)
        if not isinstance(kind, ComplexType) or mine is None:
            continue
        elements = {e.name: e for e in ours.all_elements(key)}
        for element in kind.elements:
            found = elements.get(element.name)
            if found is None or found.type != element.type:
                missing.append(f"{key} {element.name}")
            elif (
                found.max_occurs != element.max_occurs
                or found.min_occurs > element.min_occurs
            ):
                missing.append(f"{key} {element.name} occurs")
    assert missing == []
