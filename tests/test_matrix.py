"""The compatibility matrix: lineage-correct rows in four stable formats."""

import json
from pathlib import Path

import pytest

from tests.conftest import SCHEMAS, run


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("matrix")
    result = run("--schemas", str(SCHEMAS), "matrix", "--output", str(output))
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture(scope="module")
def features(written: Path) -> dict[str, dict]:
    document = json.loads((written / "matrix.json").read_text())
    return {f["id"]: f for f in document["features"]}


def test_json_lists_releases_with_train_and_base(written: Path):
    releases = json.loads((written / "matrix.json").read_text())["releases"]
    assert len(releases) == 22
    assert {"version": "40.6.0", "train": "40.6", "base": "40.4.8"} in releases


def test_a_backport_is_in_both_trains_and_nowhere_else_before_main(features):
    found = set(features["GetMeeting.response.registrationForm"]["releases"])
    assert {"40.4.9", "40.6.1", "40.7.0", "40.12.0"} <= found
    assert not found & {"40.4.8", "40.6.0", "40.2.9", "40.1.2"}
    assert features["GetMeeting.response.registrationForm"]["added_in"] == [
        "40.4.9",
        "40.6.1",
    ]


def test_a_new_train_starts_with_what_shipped_before_it(features):
    audio = features["GetMeeting.response.accessControl.audioPassword"]["releases"]
    assert "40.6.0" in audio and "40.4.8" in audio and "40.4.5" not in audio
    assert "40.4.0" not in features["CreateUser.request.isHTMLEmail"]["releases"]


def test_a_maintenance_train_change_stays_off_other_trains(features):
    found = features["CreateUser.request.isHTMLEmail"]["releases"]
    assert {"40.2.4", "40.2.9", "40.4.3", "40.6.0", "40.12.0"} <= set(found)
    assert "40.2.0" not in found


def test_rows_cover_operations_changes_and_error_codes(features):
    assert features["LstAccessAnywhereHistory"]["kind"] == "operation"
    assert "40.0.0" not in features["LstAccessAnywhereHistory"]["releases"]
    assert features["040014"]["kind"] == "error code"
    assert features["040014"]["added_in"] == ["40.8.0"]
    lobby = features["CreateMeeting.request.attendeeOptions.autoLock"]
    assert lobby["toggle"] == "ConsistentLockedLobby"
    assert features["no-anonymous-session-list"]["kind"] == "security"


def test_a_relaxed_cardinality_shows_as_changed(written: Path):
    rows = (written / "matrix.csv").read_text().splitlines()
    header = rows[0].split(",")
    row = next(
        r for r in rows if r.startswith("GetSessionInfo.response.metaData.confName,")
    )
    assert row.split(",")[header.index("40.8.0")] == "changed"


def test_every_format_regenerates_byte_identically(written: Path, tmp_path: Path):
    result = run("--schemas", str(SCHEMAS), "matrix", "--output", str(tmp_path))
    assert result.exit_code == 0
    for name in ("matrix.json", "matrix.csv", "matrix.md", "matrix.html"):
        assert (tmp_path / name).read_bytes() == (written / name).read_bytes(), name


def test_the_html_page_searches_and_filters_offline(written: Path, features):
    from tests.browser import chromium_page

    page_file = written / "matrix.html"
    assert "http://" not in page_file.read_text().split("<body>")[0]
    with chromium_page() as page:
        page.route(
            "**/*",
            lambda route: (
                route.abort()
                if not route.request.url.startswith("file:")
                else route.continue_()
            ),
        )
        page.goto(page_file.resolve().as_uri())
        total = page.text_content("#status")
        page.fill("#search", "autoLock attendeeOptions")
        ids = page.eval_on_selector_all(
            "#matrix tbody tr", "rows => rows.map(r => r.dataset.id)"
        )
        assert ids == [
            "CreateMeeting.request.attendeeOptions.autoLock",
            "CreateMeeting.request.attendeeOptions.autoLockWaitTime",
            "GetMeeting.response.attendeeOptions.autoLock",
            "GetMeeting.response.attendeeOptions.autoLockWaitTime",
            "SetMeeting.request.attendeeOptions.autoLock",
            "SetMeeting.request.attendeeOptions.autoLockWaitTime",
        ]
        assert page.text_content("#status") == f"6 of {total.split(' of ')[1]}"
        first = page.locator("#matrix tbody tr").first
        assert "since 40.9.0" in first.text_content()
        page.select_option("#direction", "response")
        assert page.locator("#matrix tbody tr").count() == 2
        page.fill("#search", "")
        page.select_option("#direction", "")
        page.select_option("#kind", "error code")
        ids = page.eval_on_selector_all(
            "#matrix tbody tr", "rows => rows.map(r => r.dataset.id)"
        )
        assert ids == [k for k, f in features.items() if f["kind"] == "error code"]
        assert "040014" in ids
        page.uncheck("#trains input[data-train='2']")
        assert not page.locator("th.t-2").first.is_visible()
