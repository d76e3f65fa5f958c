"""Publishing to a real pypiserver on loopback, and installing from it alone."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator.publish.local import LocalIndex, free_port
from generator.publish.publish import REFUSED, publish_package
from tests.conftest import SCHEMAS, run
from tests.messages import MESSAGES

DEPENDENCIES = ["xsdata", "lxml"]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory):
    """pypiserver with the bindings' own dependencies, so pip needs no other index."""
    folder = tmp_path_factory.mktemp("index")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--only-binary=:all:",
            "--dest",
            str(folder),
            *DEPENDENCIES,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    with LocalIndex(folder, free_port()) as server:
        yield server


@pytest.fixture(scope="module")
def published(index: LocalIndex, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("generated")
    result = run(
        "--schemas",
        str(SCHEMAS),
        "publish",
        "40.4.9",
        "40.6.1",
        "--repository-url",
        index.url,
        "--output",
        str(output),
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == f"2 packages to {index.url}: 2 uploaded"
    return output


def pip_install(venv: Path, index: LocalIndex, requirement: str) -> None:
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--upgrade",
            "--index-url",
            index.url + "simple/",
            requirement,
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr


def test_a_fresh_environment_installs_from_the_index_alone(
    published: Path, index: LocalIndex, tmp_path: Path
):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip_install(venv, index, "webex-xmlapi==40.4.9")
    message = MESSAGES / "40.4.9/createmeeting-request.xml"
    code = textwrap.dedent(f"""
        import webex_xmlapi
        from webex_xmlapi import parse_message
        parsed = parse_message(open({str(message)!r}, "rb").read())
        print(webex_xmlapi.__api_version__, type(parsed.body.body_content[0]).__name__)
        """)
    done = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["40.4.9", "CreateMeeting"]


def test_publishing_the_same_version_again_is_a_no_op(
    published: Path, index: LocalIndex
):
    result = run(
        "--schemas",
        str(SCHEMAS),
        "publish",
        "40.4.9",
        "--repository-url",
        index.url,
        "--output",
        str(published),
    )
    assert result.exit_code == 0, result.output
    assert (
        "40.4.9: webex-xmlapi 40.4.9 is already on the index with the same content"
        in result.output
    )


def test_a_changed_package_under_the_same_version_is_refused(
    published: Path, index: LocalIndex, tmp_path: Path
):
    before = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in index.folder.iterdir()
    }
    changed = tmp_path / "40.4.9"
    shutil.copytree(published / "40.4.9", changed)
    (changed / "README.md").write_text("A different build.\n")
    outcome = publish_package(changed, "40.4.9", "40.4.9", index.url, "webex-xmlapi")
    assert outcome.state == REFUSED
    assert "refusing to overwrite" in outcome.message
    after = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in index.folder.iterdir()
    }
    assert after == before


def test_a_new_revision_is_picked_up_by_a_series_pin(
    published: Path, index: LocalIndex, tmp_path: Path
):
    result = run(
        "--schemas",
        str(SCHEMAS),
        "publish",
        "40.4.9",
        "--revision",
        "1",
        "--repository-url",
        index.url,
        "--output",
        str(tmp_path / "gen"),
    )
    assert result.exit_code == 0, result.output
    assert "webex-xmlapi 40.4.9.1 uploaded" in result.output
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip_install(venv, index, "webex-xmlapi==40.4.9.*")
    done = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import webex_xmlapi as w; print(w.__version__, w.__api_version__)",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.stdout.split() == ["40.4.9.1", "40.4.9"]


def test_an_unreachable_index_is_one_clear_line(tmp_path: Path):
    result = run(
        "--schemas",
        str(SCHEMAS),
        "publish",
        "40.4.9",
        "--repository-url",
        f"http://127.0.0.1:{free_port()}/",
        "--output",
        str(tmp_path),
    )
    assert result.exit_code == 2
    assert "cannot reach the index" in result.output
    assert len(result.output.strip().splitlines()) == 1
