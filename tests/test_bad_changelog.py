"""A malformed changelog stops with one line naming the file, the line and the fix."""

from pathlib import Path

import pytest

from tests.conftest import run

BASELINE = '  - {version: "40.0.0", train: main, base: null, title: "Baseline"}\n'
MEETING = "http://www.webex.com/schemas/2002/06/service/meeting"
HEAD = f"namespaces:\n  meet: {MEETING}\nreleases:\n"


def change(edit: str) -> str:
    return (
        HEAD
        + BASELINE
        + '  - {version: "40.0.1", train: main, base: "40.0.0", title: "One"}\n'
        + "changes:\n  - id: c\n    title: t\n    kind: schema\n"
        + '    releases: ["40.0.1"]\n    description: d\n    edits:\n'
        + f"      - {edit}\n"
    )


CASES = {
    "yaml-syntax": (HEAD + "  - {version: [\n", "releases", "YAML error"),
    "unknown-key": (
        HEAD + BASELINE.replace("title", "titel"),
        "releases",
        "unknown key 'titel'",
    ),
    "duplicate-release": (
        HEAD + BASELINE + BASELINE,
        "releases",
        "release 40.0.0 is listed twice",
    ),
    "unknown-base": (
        HEAD
        + BASELINE
        + '  - {version: "40.0.1", train: main, base: "39.9.9", title: "x"}\n',
        "releases",
        "based on 39.9.9, which the changelog does not list",
    ),
    "cycle": (
        HEAD
        + BASELINE
        + '  - {version: "40.0.1", train: main, base: "40.0.2", title: "x"}\n'
        + '  - {version: "40.0.2", train: main, base: "40.0.1", title: "y"}\n',
        "releases",
        "the bases form a cycle",
    ),
    "not-a-version": (
        HEAD
        + BASELINE
        + '  - {version: "40.x", train: main, base: "40.0.0", title: "x"}\n',
        "releases",
        "'40.x' is not a release version",
    ),
    "float-version": (
        HEAD
        + BASELINE
        + '  - {version: 40.1, train: main, base: "40.0.0", title: x}\n',
        "releases",
        "'40.1' is not a release version",
    ),
    "missing-type": (
        change('add_element: {to: "meet:noSuchType", name: x, type: "xsd:string"}'),
        "derive",
        "type meet:noSuchType does not exist in the base release",
    ),
    "missing-element": (
        change('set_occurs: {in: "meet:getMeeting", element: noSuchElement, min: 0}'),
        "derive",
        "meet:getMeeting has no element 'noSuchElement'",
    ),
    "missing-anchor": (
        change(
            'add_element: {to: "meet:getMeeting", name: x, type: "xsd:int", '
            "after: nope}"
        ),
        "derive",
        "meet:getMeeting has no element 'nope' to place it by",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_changelog_gives_one_line_and_exit_2(name: str, schemas_copy: Path):
    text, command, problem = CASES[name]
    changelog = schemas_copy / "changelog.yaml"
    changelog.write_text(text)
    result = run("--schemas", str(schemas_copy), command)
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: {changelog}:")
    assert problem in lines[0]
    assert "Traceback" not in result.output
