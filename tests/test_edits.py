"""Every edit form derives a schema set that check then agrees with."""

import shutil
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from generator.derive import derive_sets
from generator.project import Project
from generator.schemaset import compile_model
from generator.schemaset.write import write_schema_set
from tests.conftest import run

FIXTURE = Path(__file__).parent / "fixtures" / "tiny"


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    target = tmp_path / "tiny"
    shutil.copytree(FIXTURE, target)
    result = run("--schemas", str(target), "derive")
    assert result.exit_code == 0, result.output
    return target


def model(root: Path):
    project = Project(root)
    return compile_model(derive_sets(project)[project.lineage.order()[-1].version])


def test_every_edit_lands_where_it_says(tiny: Path):
    derived = model(tiny)
    response = [e.name for e in derived.all_elements("{urn:tiny}getThingResponse")]
    assert response == ["key", "uuid", "detail", "note", "colour"]
    alias = derived.all_elements("{urn:tiny}getThingResponse/detail")[-1]
    assert (alias.name, alias.max_occurs) == ("alias", None)
    key = derived.all_elements("{urn:tiny}getThing")[0]
    assert key.min_occurs == 0
    assert derived.types["{urn:tiny}colourType"].enumerations == ("RED", "BLUE")
    assert "LstThings" in {o.name for o in derived.operations()}


def test_the_derived_set_is_a_valid_schema_with_a_new_import(tiny: Path):
    svc = tiny / "1.1.0/svc/svc.xsd"
    schema = xmlschema.XMLSchema(str(svc))
    assert "{urn:tiny}lstThingsResponse" in schema.maps.types
    root = etree.parse(str(svc)).getroot()
    assert [i.get("schemaLocation") for i in root.iter("{*}import")] == [
        "other.xsd",
        "../service.xsd",
    ]


def test_check_agrees_and_then_catches_a_tampered_release(tiny: Path):
    assert run("--schemas", str(tiny), "check").exit_code == 0
    svc = tiny / "1.1.0/svc/svc.xsd"
    svc.write_text(svc.read_text().replace('value="BLUE"', 'value="GREEN"'))
    result = run("--schemas", str(tiny), "check")
    assert result.exit_code == 1
    assert (
        "1.1.0: t:colourType: enumeration added 'GREEN', but no change" in result.output
    )
    assert "claims t:colourType: enumeration added 'BLUE'" in result.output


def test_derive_is_byte_identical_from_run_to_run(tiny: Path):
    first = {p: p.read_bytes() for p in sorted(tiny.rglob("*.xsd"))}
    result = run("--schemas", str(tiny), "derive")
    assert "0 rewritten" in result.output
    assert first == {p: p.read_bytes() for p in sorted(tiny.rglob("*.xsd"))}


def test_writing_replaces_a_set_whole(tiny: Path):
    project = Project(tiny)
    sets = derive_sets(project)
    stray = tiny / "1.1.0/svc/stray.xsd"
    stray.write_text("<x/>")
    write_schema_set(sets[project.lineage.order()[-1].version], tiny / "1.1.0")
    assert not stray.exists()
