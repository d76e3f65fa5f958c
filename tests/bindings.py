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


def run_script(script: str, package: Path, request: dict[str, Any]) -> Any:
    """Run tests/``script`` against ``package`` in its own interpreter, with
    ``request`` as JSON on stdin; its JSON answer."""
    done = subprocess.run(
        [sys.executable, str(HERE / script), str(package)],
        input=json.dumps(request),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def round_trip(
    package: Path, files: list[Path], all_groups: set[str]
) -> list[dict[str, Any]]:
    request = {"files": [str(f) for f in files], "all_groups": sorted(all_groups)}
    return run_script("roundtrip.py", package, request)
