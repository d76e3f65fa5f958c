"""Shared fixtures: the project's schemas folder, the CLI, the reference set."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from generator.cli import main

ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "schemas"


def reference_schemas() -> Path | None:
    """The vendor's 2011 schema set, when this checkout sits beside it."""
    configured = os.environ.get("WEBEX_REFERENCE_SCHEMAS")
    path = (
        Path(configured) if configured else ROOT.parent / "shared" / "reference-schemas"
    )
    path = path / "webex-xmlapi-2011" if (path / "webex-xmlapi-2011").is_dir() else path
    return path if (path / "2002").is_dir() else None


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def schemas_copy(tmp_path: Path) -> Path:
    """A writable copy of schemas/ to break on purpose."""
    target = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, target)
    return target


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Packages of every release an example message comes from, and a few more."""
    from tests.bindings import generate
    from tests.messages import examples

    releases = {e.release for e in examples()} | {"40.12.0", "40.11.0", "40.4.8"}
    output = tmp_path_factory.mktemp("generated")
    generate(output, sorted(releases))
    return output
