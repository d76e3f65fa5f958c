"""webexgen check catches release notes and schemas that disagree."""

from pathlib import Path

from tests.conftest import run


def test_a_wrong_claim_is_named(schemas_copy: Path):
    changelog = schemas_copy / "changelog.yaml"
    text = changelog.read_text()
    claim = 'name: autoLockWaitTime, type: "xsd:int"'
    assert claim in text
    changelog.write_text(
        text.replace(claim, 'name: autoLockWaitTime, type: "xsd:long"')
    )
    result = run("--schemas", str(schemas_copy), "check")
    assert result.exit_code == 1
    assert (
        "40.9.0: change 'locked-lobby' claims meet:attendeeOptionsType: element added "
        "'autoLockWaitTime' (xsd:long 0..1 after autoLock), "
        "but the schemas do not show it"
    ) in result.output


def test_an_unexplained_schema_change_is_named(schemas_copy: Path):
    path = schemas_copy / "40.11.0/2002/06/service/meeting/meeting.xsd"
    text = path.read_text()
    anchor = '<xsd:element name="joinRequiresAccount"'
    assert anchor in text
    extra = '<xsd:element name="lobbyMusic" type="xsd:boolean" minOccurs="0"/>\n'
    path.write_text(text.replace(anchor, extra + anchor, 1))
    result = run("--schemas", str(schemas_copy), "check")
    assert result.exit_code == 1
    assert (
        "40.11.0: meet:attendeeOptionsType: element added 'lobbyMusic' "
        "(xsd:boolean 0..1 after excludePassword), but no change claims it"
    ) in result.output
    assert (
        "40.12.0: meet:attendeeOptionsType: element removed 'lobbyMusic'"
        in result.output
    )
