import json

from tests.conftest import SCHEMAS, run


def test_releases_json_lists_all_releases_with_train_and_base():
    result = run("--schemas", str(SCHEMAS), "releases", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.output)["releases"]
    assert len(rows) == 22
    by_version = {r["version"]: r for r in rows}
    assert by_version["40.4.9"]["train"] == "40.4"
    assert by_version["40.6.0"]["base"] == "40.4.8"
    assert by_version["40.0.1"]["also_known_as"] == ["40.1.0"]


def test_releases_text_shows_lineage_order():
    result = run("--schemas", str(SCHEMAS), "releases")
    lines = result.output.splitlines()[1:]
    assert [line.split()[0] for line in lines][-3:] == ["40.10.0", "40.11.0", "40.12.0"]


def test_shipped_schemas_agree_with_the_changelog():
    result = run("--schemas", str(SCHEMAS), "check")
    assert result.exit_code == 0, result.output
    assert "21 releases checked against their bases, 0 disagreements" in result.output


def test_derived_sets_are_up_to_date():
    result = run("--schemas", str(SCHEMAS), "derive", "--check")
    assert result.exit_code == 0, result.output
    assert "0 out of date" in result.output
