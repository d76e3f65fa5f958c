"""Formatting a package piece by piece gives what black gives on whole files."""

from __future__ import annotations

from pathlib import Path

import black
import pytest

from generator.bindings.batch import _models, _project
from generator.bindings.formatting import MODE, FormatCache, split_python
from generator.bindings.generate import release_spec, render
from tests.conftest import SCHEMAS

SAMPLED_MODULES = ("service.py", "ep.py")


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[str, ...]]:
    project = _project(SCHEMAS)
    release = project.select(("40.12.0",))[0]
    return render(release_spec(project, release, _models(SCHEMAS)))


def test_modules_are_cut_into_one_piece_per_top_level_definition(rendered):
    """Without the cut, a class shared by releases would be formatted again."""
    module = rendered["webex_xmlapi/models/ep.py"]
    classes = "".join(module).count("\n@dataclass\nclass ")
    assert len(module) == 1 + classes + "".join(module).count("\n\nclass ")
    assert all(p.startswith(("@", "class ")) for p in module[1:])
    assert len(rendered["webex_xmlapi/codec.py"]) > 10  # its functions and classes


def test_piecewise_formatting_equals_black_on_the_whole_file(rendered):
    formatter = FormatCache(None)
    checked = 0
    for name, pieces in sorted(rendered.items()):
        if not name.endswith(".py"):
            continue
        if "/models/" in name and Path(name).name not in SAMPLED_MODULES:
            continue
        whole = black.format_str("".join(pieces), mode=MODE)
        assert formatter.assemble(pieces) == whole, name
        checked += 1
    assert checked >= 8


def test_a_piece_black_cannot_read_alone_sends_the_file_whole():
    text = '"""Doc."""\n\nx = """\n\ndef not_code(:\n"""\n\n\ndef f( a ):\n  return a\n'
    pieces = split_python(text)
    assert len(pieces) > 2  # the string was cut where it looks like a definition
    assert FormatCache(None).assemble(pieces) == black.format_str(text, mode=MODE)
