"""Bindings for the vendor's real 2011 schema set generate, import and round-trip."""

import textwrap
from pathlib import Path

import pytest

from tests.bindings import in_package
from tests.conftest import reference_schemas, run

REFERENCE = reference_schemas()
pytestmark = pytest.mark.skipif(
    REFERENCE is None, reason="reference schemas not beside this checkout"
)

REQUEST = (
    b'<serv:message xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    b'xmlns:serv="http://www.webex.com/schemas/2002/06/service">'
    b"<header><securityContext>"
    b"<webExID>host</webExID><password>pw</password><siteName>site</siteName>"
    b"</securityContext></header><body>"
    b'<bodyContent xsi:type="java:com.webex.service.binding.meeting.CreateMeeting">'
    b"<metaData><confName>Weekly</confName><meetingType>3</meetingType></metaData>"
    b"<schedule><startDate>01/02/2031 10:00:00</startDate></schedule></bodyContent>"
    b'<bodyContent xsi:type="java:com.webex.service.binding.user.GetUser">'
    b"<webExId>host</webExId></bodyContent></body></serv:message>"
)


def test_reference_bindings_import_and_round_trip(tmp_path: Path):
    result = run(
        "generate",
        "--schema-set",
        str(REFERENCE),
        "--version",
        "2011.0",
        "--name",
        "webex-xmlapi-2011",
        "--output",
        str(tmp_path / "ref"),
        "--no-cache",
    )
    assert result.exit_code == 0, result.output
    (tmp_path / "request.xml").write_bytes(REQUEST)
    code = textwrap.dedent(f"""
        import importlib
        from webex_xmlapi import parse_message, serialize_message
        from webex_xmlapi.releases import MODULES, OPERATIONS
        for name in MODULES:
            importlib.import_module(name)
        message = parse_message(open({str(tmp_path / "request.xml")!r}, "rb").read())
        print(len(OPERATIONS), [type(c).__name__ for c in message.body.body_content])
        again = parse_message(serialize_message(message))
        print(again == message, again.body.body_content[0].meta_data.conf_name)
        """)
    done = in_package(tmp_path / "ref", code)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert int(first.split()[0]) > 100
    assert first.endswith("['CreateMeeting', 'GetUser']")
    assert second == "True Weekly"
