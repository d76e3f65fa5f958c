"""Generated packages parse, write and check real messages."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from generator.schemaset import compile_model, load_schema_set
from generator.schemaset.model import ComplexType
from tests.bindings import in_package, round_trip
from tests.conftest import SCHEMAS
from tests.messages import MESSAGES, examples

LATEST = "40.12.0"
EXAMPLES = examples()


def all_groups() -> set[str]:
    model = compile_model(load_schema_set(SCHEMAS / LATEST))
    all_types = {
        key
        for key in model.types
        if any(t.compositor == "all" for t in model.ancestry(key))
    }
    return {
        e.name
        for t in model.types.values()
        if isinstance(t, ComplexType)
        for e in t.elements
        if e.type in all_types
    }


@pytest.mark.parametrize("release", sorted({e.release for e in EXAMPLES}))
def test_examples_round_trip_with_their_release_and_the_latest(
    packages: Path, release: str
):
    files = [e.path for e in EXAMPLES if e.release == release]
    for target in (release, LATEST):
        for result in round_trip(packages / target, files, all_groups()):
            name = Path(result["file"]).relative_to(MESSAGES)
            assert [c.lower() for c in result["classes"]] == result["expected"], name
            assert result["objects_equal"], name
            assert result["xml_equal"], (name, result["wire"])


def test_requests_are_written_in_wire_form(packages: Path):
    files = [MESSAGES / "40.9.0/createmeeting-request.xml"]
    wired = round_trip(packages / LATEST, files, set())[0]["wire"]
    assert "<header><securityContext><siteName>" in wired
    assert 'xsi:type="java:com.webex.service.binding.meeting.CreateMeeting"' in wired
    assert "<autoLock>true</autoLock>" in wired


def run_in(package: Path, code: str) -> str:
    done = in_package(package, textwrap.dedent(code))
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_create_meeting_built_in_python_goes_out_and_back(packages: Path):
    output = run_in(
        packages / LATEST,
        """
        from webex_xmlapi import parse_message, serialize_message
        from webex_xmlapi.models import meeting, service
        message = service.Message(
            header=service.MessageType.Header(
                security_context=service.SecurityContextType(
                    site_name="site", web_ex_id="host", password="secret"
                )
            ),
            body=service.MessageType.Body(body_content=[
                meeting.CreateMeeting(
                    meta_data=meeting.MetaDataType(conf_name="Review", meeting_type=3),
                    schedule=meeting.ScheduleType(start_date="10/25/2030 13:00:00"),
                )
            ]),
        )
        wired = serialize_message(message)
        print(wired.decode())
        print(parse_message(wired) == message)
        """,
    )
    assert 'xsi:type="java:com.webex.service.binding.meeting.CreateMeeting"' in output
    assert "<metaData><confName>Review</confName>" in output
    assert output.strip().endswith("True")


def test_a_failure_response_raises_its_typed_error(packages: Path):
    missing = MESSAGES / "40.8.0/createmeetingattendee-error-response.xml"
    anonymous = MESSAGES / "40.2.0/lstsummarysession-error-response.xml"
    output = run_in(
        packages / LATEST,
        f"""
        from webex_xmlapi import parse_message
        from webex_xmlapi.errors import RegistrationFieldsMissing, NoRecordFound
        try:
            parse_message(open({str(missing)!r}, "rb").read())
        except RegistrationFieldsMissing as error:
            print(error.exception_id, error.value, error.introduced_in)
        message = parse_message(
            open({str(anonymous)!r}, "rb").read(),
            raise_errors=False,
        )
        print(message.header.response[0].exception_id, NoRecordFound.introduced_in)
        """,
    )
    assert output.split() == ["040014", "title,company", "40.8.0", "000015", "40.2.0"]


def test_an_older_release_skips_new_elements_unless_strict(packages: Path):
    newer = MESSAGES / "40.12.0/getsessioninfo-response.xml"
    output = run_in(
        packages / "40.11.0",
        f"""
        from webex_xmlapi import MessageError, parse_message
        data = open({str(newer)!r}, "rb").read()
        content = parse_message(data).body.body_content[0]
        print(type(content).__name__, hasattr(content, "is_private_meeting"))
        try:
            parse_message(data, strict=True)
        except MessageError as error:
            print("strict:", "isPrivateMeeting" in str(error))
        """,
    )
    assert output.split() == ["GetSessionInfoResponse", "False", "strict:", "True"]


def test_compat_lists_what_an_older_release_lacks(packages: Path):
    output = run_in(
        packages / LATEST,
        """
        from webex_xmlapi import compat
        from webex_xmlapi.models import meeting, service
        create = meeting.CreateMeeting(
            attendee_options=meeting.AttendeeOptionsType(auto_lock=True),
            registration_form=meeting.RegistrationFormType(
                title=meeting.RegistrationFieldType(req=True)
            ),
        )
        message = service.Message(body=service.MessageType.Body(body_content=[create]))
        for target in ("40.4.8", "40.4.9", "40.9.0"):
            print(target, sorted(u.element for u in compat.check(message, target)))
        print(compat.check(message, "40.4.8")[-1])
        """,
    )
    lines = output.splitlines()
    assert lines[0] == "40.4.8 ['autoLock', 'registrationForm']"
    assert lines[1] == "40.4.9 ['autoLock']"
    assert lines[2] == "40.9.0 []"
    assert "registrationForm (added in 40.4.9, 40.6.1)" in lines[3]


def test_versions_are_exposed(packages: Path):
    output = run_in(
        packages / "40.4.8",
        """
        import webex_xmlapi
        from webex_xmlapi.releases import OPERATIONS
        print(webex_xmlapi.__api_version__, webex_xmlapi.__generator_version__)
        print(OPERATIONS["LstAccessAnywhereHistory"][4], OPERATIONS["CreateMeeting"][4])
        """,
    )
    assert output.split()[0] == "40.4.8"
    assert output.split()[2:] == ["40.0.1", "40.0.0"]


def test_the_generated_package_passes_a_strict_type_check(packages: Path):
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "webex_xmlapi"],
        cwd=packages / LATEST,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout


def test_the_package_builds_a_wheel_with_its_type_marker(
    packages: Path, tmp_path: Path
):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(tmp_path),
            str(packages / "40.4.9"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    wheel = tmp_path / "webex_xmlapi-40.4.9-py3-none-any.whl"
    names = zipfile.ZipFile(wheel).namelist()
    assert "webex_xmlapi/py.typed" in names
    assert "webex_xmlapi/models/meeting.py" in names
