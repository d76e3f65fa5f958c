"""Nothing lost when generation is killed; same bytes in any environment."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.bindings import in_package
from tests.conftest import ROOT, SCHEMAS, run

RELEASES = "40.11.0 40.12.0"


def snapshot(root: Path) -> dict[str, bytes]:
    """Visible output: staging folders of an interrupted run start with a dot."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.relative_to(root).parts[0].startswith(".")
    }


def test_killing_make_generate_leaves_the_previous_output_intact(tmp_path: Path):
    output = tmp_path / "generated"
    result = run(
        "--schemas",
        str(SCHEMAS),
        "generate",
        *RELEASES.split(),
        "--output",
        str(output),
        "--no-cache",
    )
    assert result.exit_code == 0, result.output
    before = snapshot(output)

    process = subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            "generate",
            f"OUTPUT={output}",
            f"RELEASE={RELEASES}",
            "GENERATE_FLAGS=--no-cache",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if any(p.name.startswith(".") for p in output.iterdir() if p.name != ".cache"):
            break  # a release is being written right now
        time.sleep(0.002)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()

    assert snapshot(output) == before
    done = in_package(
        output / "40.12.0", "import webex_xmlapi; print(webex_xmlapi.__api_version__)"
    )
    assert done.stdout.strip() == "40.12.0", done.stderr

    again = run(
        "--schemas",
        str(SCHEMAS),
        "generate",
        *RELEASES.split(),
        "--output",
        str(output),
    )
    assert again.exit_code == 0
    assert not [
        p for p in output.iterdir() if p.name.startswith(".") and p.name != ".cache"
    ]


def test_generation_ignores_hash_seed_time_zone_locale_and_directory(tmp_path: Path):
    outputs = []
    for index, (seed, zone, locale) in enumerate(
        [("1", "UTC", "C.UTF-8"), ("98765", "Pacific/Chatham", "C")]
    ):
        where = tmp_path / f"cwd{index}"
        where.mkdir()
        environment = {
            **os.environ,
            "PYTHONHASHSEED": seed,
            "TZ": zone,
            "LC_ALL": locale,
        }
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "generator.cli",
                "--schemas",
                str(SCHEMAS),
                "generate",
                "40.4.9",
                "--output",
                "out",
                "--no-cache",
            ],
            cwd=where,
            env={**environment, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(snapshot(where / "out" / "40.4.9"))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 20


def test_a_short_fuzz_run_finds_only_documented_errors():
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fuzz",
            "--seconds",
            "8",
            "--package",
            str(ROOT / "tests" / "golden" / "1.1.0"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "0 undocumented exceptions" in done.stdout


def test_unchanged_releases_are_skipped_and_hand_edits_are_undone(tmp_path: Path):
    output = tmp_path / "generated"
    command = ("--schemas", str(SCHEMAS), "generate", "40.4.9", "--output", str(output))
    assert (
        run(*command)
        .output.strip()
        .endswith("1 packages generated in " f"{output} (24 files)")
    )
    readme = output / "40.4.9" / "README.md"
    original = readme.read_bytes()
    assert (
        run(*command)
        .output.strip()
        .endswith("0 packages generated in " f"{output} (0 files), 1 unchanged")
    )
    readme.write_text("edited by hand\n")
    assert "1 packages generated" in run(*command).output
    assert readme.read_bytes() == original
