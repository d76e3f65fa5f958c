"""Generated packages for the tests, made once per test session."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import SCHEMAS, run

HERE = Path(__file__).parent


def generate(output: Path, releases: list[str]) -> None:
    result = run(
        "--schemas", str(SCHEMAS), "generate", "--output", str(output), *releases
    )
    assert result.exit_code == 0, result.output


def in_package(package: Path, code: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter that imports ``package``."""
    program = f"import sys; sys.path.insert(0, {str(package)!r})\n{code}"
    return subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=300
    )


def round_trip(
    package: Path, files: list[Path], all_groups: set[str]
) -> list[dict[str, Any]]:
    request = json.dumps(
        {"files": [str(f) for f in files], "all_groups": sorted(all_groups)}
    )
    done = subprocess.run(
        [sys.executable, str(HERE / "roundtrip.py"), str(package)],
        input=request,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
