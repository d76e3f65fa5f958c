"""Every broken or hostile input gets its exact one-line report, never a traceback."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import run

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"
EXPECTED = YAML(typ="safe").load((CORPUS / "expected.yaml").read_text())
GOLDEN_PACKAGE = HERE / "golden" / "1.1.0"
TINY = HERE / "fixtures" / "tiny"


def test_the_corpus_has_forty_bad_inputs_or_more():
    bad = [v for section in EXPECTED.values() for v in section.values() if v]
    assert len(bad) >= 40
    for section in EXPECTED:
        on_disk = {p.name.removesuffix(".yaml") for p in (CORPUS / section).iterdir()}
        assert on_disk == set(EXPECTED[section]), section


@pytest.mark.parametrize("name", sorted(EXPECTED["schemas"]))
def test_broken_schema_sets(name: str, tmp_path: Path):
    case = CORPUS / "schemas" / name
    result = run(
        "generate", "--schema-set", str(case), "--output", str(tmp_path), "--no-cache"
    )
    expected = EXPECTED["schemas"][name].replace("{case}", str(case))
    if not expected:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 2
    assert result.output.strip() == expected
    assert not any(tmp_path.iterdir()), "no output may be written for bad input"


@pytest.mark.parametrize("name", sorted(EXPECTED["changelogs"]))
def test_broken_changelogs(name: str, tmp_path: Path):
    schemas = tmp_path / "schemas"
    shutil.copytree(TINY, schemas)
    shutil.copy(CORPUS / "changelogs" / f"{name}.yaml", schemas / "changelog.yaml")
    before = {p: p.read_bytes() for p in schemas.rglob("*.xsd")}
    result = run("--schemas", str(schemas), "derive")
    assert result.exit_code == 2
    assert result.output.strip() == EXPECTED["changelogs"][name].replace(
        "{schemas}", str(schemas)
    )
    assert {p: p.read_bytes() for p in schemas.rglob("*.xsd")} == before


def test_hostile_messages_raise_one_documented_error():
    files = sorted((CORPUS / "messages").iterdir())
    code = (
        f"import json, sys\nsys.path.insert(0, {str(GOLDEN_PACKAGE)!r})\n"
        "from webex_xmlapi import MessageError, parse_message\n"
        "found = {}\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        parse_message(open(path, 'rb').read())\n"
        "        found[path.rsplit('/', 1)[-1]] = 'parsed'\n"
        "    except MessageError as error:\n"
        "        found[path.rsplit('/', 1)[-1]] = str(error)\n"
        "print(json.dumps(found))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == EXPECTED["messages"]


def test_debug_shows_the_traceback(tmp_path: Path):
    case = CORPUS / "schemas" / "undefined-type"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "--debug",
            "generate",
            "--schema-set",
            str(case),
            "--output",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=HERE.parent,
    )
    assert done.returncode != 0
    assert "Traceback" in done.stderr and "InputError" in done.stderr
