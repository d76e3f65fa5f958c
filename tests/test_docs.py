"""Per-release docs: Markdown and an offline HTML site, identical on every run."""

import re
from pathlib import Path

import pytest

from tests.conftest import SCHEMAS, run


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("docs")
    result = run("--schemas", str(SCHEMAS), "docs", "--output", str(output))
    assert result.exit_code == 0, result.output
    return output


def test_every_release_and_operation_has_a_page(docs: Path):
    releases = sorted(p.stem for p in (docs / "docs/releases").glob("*.md"))
    assert len(releases) == 22
    assert (docs / "site/releases/40.4.9.html").is_file()
    assert (docs / "site/operations/LstAccessAnywhereHistory.html").is_file()


def test_release_page_has_changes_migration_and_reference(docs: Path):
    page = (docs / "docs/releases/40.9.0.md").read_text()
    assert "### Locked lobby and automatic meeting lock" in page
    assert "## Migrating from 40.8.0" in page
    assert (
        "Feature toggles to turn on for the new behaviour: `ConsistentLockedLobby`."
        in page
    )
    assert (
        "| request | `attendeeOptions.autoLock` | added (optional) "
        "(toggle `ConsistentLockedLobby`) | compatible |"
    ) in page
    assert re.search(
        r"\| +(&nbsp;)*`autoLock` \| xsd:boolean \| 0\.\.1 \| 40\.9\.0 \|", page
    )


def test_migration_notes_flag_what_may_break(docs: Path):
    page = (docs / "docs/releases/40.8.0.md").read_text()
    assert (
        "| response | `metaData.confName` | occurs changed: 1..1 -> 0..1 "
        "| breaking (became-optional) |"
    ) in page


def test_operation_history_shows_the_backport_on_both_trains(docs: Path):
    page = (docs / "docs/operations/GetMeeting.md").read_text()
    assert "| [40.4.9](../releases/40.4.9.md) | response `registrationForm`" in page
    assert "| [40.6.1](../releases/40.6.1.md) | response `registrationForm`" in page
    assert "40.6.0](../releases/40.6.0.md) | response `registrationForm`" not in page


def test_index_draws_the_lineage(docs: Path):
    index = (docs / "docs/index.md").read_text()
    assert index.count("<circle") == 22
    assert 'stroke-dasharray="4 3"' in index


def test_the_site_works_offline(docs: Path):
    for page in (docs / "site").rglob("*.html"):
        text = page.read_text()
        assert not re.search(r'<(script|link)[^>]+(src|href)="https?://', text), page


def test_docs_regenerate_byte_identically(docs: Path, tmp_path: Path):
    result = run("--schemas", str(SCHEMAS), "docs", "--output", str(tmp_path))
    assert result.exit_code == 0
    first = {
        p.relative_to(docs): p.read_bytes() for p in docs.rglob("*") if p.is_file()
    }
    again = {
        p.relative_to(tmp_path): p.read_bytes()
        for p in tmp_path.rglob("*")
        if p.is_file()
    }
    assert sorted(first) == sorted(again)
    assert [k for k in first if first[k] != again[k]] == []
