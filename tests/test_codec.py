"""The compiled readers and writers give exactly what xsdata's runtime gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.bindings import run_script
from tests.conftest import reference_schemas, run
from tests.messages import MESSAGES, examples

LATEST = "40.12.0"
SESSIONS = {"": 300, LATEST: 3000}  # sessions in the large list, by release
BASE = (MESSAGES / "40.9.0" / "getsessioninfo-uuid-response.xml").read_text("utf-8")
SIMPLE = "<ep:isAllowJBH>true</ep:isAllowJBH>"

# inputs the compiled readers leave to xsdata, each answered as xsdata answers
VARIANTS = {
    "comment": BASE.replace(SIMPLE, f"<!-- note -->{SIMPLE}"),
    "unknown element": BASE.replace(
        SIMPLE, f"<ep:notInTheSchema>1</ep:notInTheSchema>{SIMPLE}"
    ),
    "repeated element": BASE.replace(SIMPLE, SIMPLE + SIMPLE.replace("true", "false")),
    "element inside a simple one": BASE.replace(
        SIMPLE, "<ep:isAllowJBH>true<ep:x/></ep:isAllowJBH>"
    ),
    "padded boolean": BASE.replace(SIMPLE, "<ep:isAllowJBH> true </ep:isAllowJBH>"),
    "bad boolean": BASE.replace(SIMPLE, "<ep:isAllowJBH>yes</ep:isAllowJBH>"),
    "empty boolean": BASE.replace(SIMPLE, "<ep:isAllowJBH/>"),
    "xsi:nil": BASE.replace(SIMPLE, '<ep:isAllowJBH xsi:nil="true"/>'),
    "attribute on a simple element": BASE.replace(
        SIMPLE, '<ep:isAllowJBH a="1">true</ep:isAllowJBH>'
    ),
    "text between elements": BASE.replace(SIMPLE, f"stray{SIMPLE}"),
}


def parity(
    package: Path, files: list[Path], variants: dict[str, str], sessions: int
) -> dict[str, Any]:
    request = {
        "files": [str(f) for f in files],
        "sessions": sessions,
        "variants": variants,
    }
    return run_script("parity.py", package, request)


@pytest.mark.parametrize("release", sorted({e.release for e in examples()} | {LATEST}))
def test_compiled_paths_match_xsdata_on_every_message_both_ways(
    packages: Path, release: str
):
    files = [e.path for e in examples() if e.release == release] or [
        e.path for e in examples()
    ]
    variants = VARIANTS if release == LATEST else {}
    sessions = SESSIONS.get(release, SESSIONS[""])
    result = parity(packages / release, files, variants, sessions)
    assert result["differences"] == []
    assert result["inputs"] > 100  # examples, a filled message per class, a list
    # every example, filled message and session list took the compiled path
    assert result["taken"]["write"] == result["inputs"]
    assert result["taken"]["read"] == result["taken"]["reads"]


REFERENCE = reference_schemas()


@pytest.mark.skipif(
    REFERENCE is None, reason="reference schemas not beside this checkout"
)
def test_compiled_paths_match_xsdata_on_the_2011_schema_set(tmp_path: Path):
    result = run(
        "generate",
        "--schema-set",
        str(REFERENCE),
        "--version",
        "2011.0",
        "--output",
        str(tmp_path / "ref"),
        "--no-cache",
    )
    assert result.exit_code == 0, result.output
    outcome = parity(tmp_path / "ref", [], {}, SESSIONS[""])
    assert outcome["differences"] == []
    assert outcome["taken"]["write"] > 100
