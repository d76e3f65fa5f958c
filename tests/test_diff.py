"""Schema diff: one fixture pair per kind of change, judged per direction."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.diff.findings import diff_models
from generator.schemaset import compile_model, load_schema_set
from generator.schemaset.names import Names
from tests.conftest import SCHEMAS, reference_schemas, run

FIXTURES = Path(__file__).parent / "fixtures" / "diff"
EXPECTED = YAML(typ="safe").load((FIXTURES / "expected.yaml").read_text())
NAMES = Names(
    {"f": "urn:fixture", "serv": "http://www.webex.com/schemas/2002/06/service"}
)


def findings(name: str):
    old, new = (
        compile_model(load_schema_set(FIXTURES / name / side))
        for side in ("old", "new")
    )
    return diff_models(old, new, NAMES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_kind_of_change_gets_its_verdict_per_direction(name: str):
    expected = EXPECTED[name]
    found = {(f.rule, f.direction, f.level) for f in findings(name) if f.operations}
    if not expected:
        assert found == set()
    elif "level" in expected:
        assert found == {(expected["rule"], None, expected["level"])}
    else:
        rule = expected["rule"]
        assert found == {
            (rule, "request", expected["request"]),
            (rule, "response", expected["response"]),
        }


def test_every_fixture_pair_has_an_expectation():
    pairs = {p.name for p in FIXTURES.iterdir() if p.is_dir()}
    assert pairs == set(EXPECTED)


def test_a_shared_type_takes_the_stricter_verdict():
    found = findings("became-optional")
    assert {f.level for f in found} == {"compatible", "breaking"}
    assert {f.type_level for f in found} == {"breaking"}


def test_findings_name_the_operation_and_path():
    messages = [f.message for f in findings("element-added-required")]
    assert "GetThing request: thing.extra added (required) — breaking" in messages
    assert "GetThing response: thing.extra added (required) — compatible" in messages


def test_release_diff_reads_like_a_review():
    result = run("--schemas", str(SCHEMAS), "diff", "40.8.0", "40.9.0")
    assert result.exit_code == 0
    assert (
        "COMPATIBLE CreateMeeting request: attendeeOptions.autoLock added (optional)"
        " — compatible  [element-added]"
    ) in result.output
    assert (
        result.output.splitlines()[-1]
        == "40.8.0 -> 40.9.0: 0 breaking, 0 warning, 20 compatible"
    )


def test_fail_on_sets_the_exit_status_and_accepting_a_finding_clears_it(tmp_path: Path):
    breaking = run(
        "--schemas", str(SCHEMAS), "diff", "40.7.0", "40.8.0", "--fail-on", "breaking"
    )
    assert breaking.exit_code == 1
    report = json.loads(
        run(
            "--schemas", str(SCHEMAS), "diff", "40.7.0", "40.8.0", "--format", "json"
        ).output
    )
    known = [f for f in report["findings"] if f["level"] == "breaking"]
    assert {f["rule"] for f in known} == {"became-optional"}
    assert "GetSessionInfo.response.metaData.confName" in {f["id"] for f in known}
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(
        "".join(f"- {{rule: {f['rule']}, path: {f['id']}}}\n" for f in known)
    )
    cleared = run(
        "--schemas",
        str(SCHEMAS),
        "diff",
        "40.7.0",
        "40.8.0",
        "--fail-on",
        "breaking",
        "--accept",
        str(accepted),
    )
    assert cleared.exit_code == 0, cleared.output
    assert cleared.output.splitlines()[-1].endswith("9 accepted")


def test_json_findings_carry_what_tools_need():
    report = json.loads(
        run(
            "--schemas", str(SCHEMAS), "diff", "40.4.8", "40.4.9", "--format", "json"
        ).output
    )
    finding = next(
        f
        for f in report["findings"]
        if f["id"] == "CreateMeeting.request.registrationForm"
    )
    assert finding["rule"] == "element-added"
    assert finding["level"] == "compatible"
    assert finding["operations"] == ["CreateMeeting"]
    assert finding["direction"] == "request"
    assert finding["new"] == "0..1"


def test_consecutive_releases_differ_only_where_the_changelog_says():
    result = run("--schemas", str(SCHEMAS), "check")
    assert result.exit_code == 0


@pytest.mark.skipif(reference_schemas() is None, reason="reference schemas not present")
def test_the_2011_set_against_the_baseline_reports_sensibly():
    result = run(
        "--schemas",
        str(SCHEMAS),
        "diff",
        str(reference_schemas()),
        "40.0.0",
        "--format",
        "json",
    )
    assert result.exit_code == 0
    report = json.loads(result.output)
    rules = {f["rule"] for f in report["findings"]}
    assert "operation-removed" in rules  # 2011 operations the 40.x set leaves out
    added = {f["id"] for f in report["findings"] if f["rule"] == "element-added"}
    assert "GetSessionInfo.response.isAllowJBH" in added
    assert not any(
        f["operations"] == ["CreateMeeting"] and f["level"] == "breaking"
        for f in report["findings"]
    )
