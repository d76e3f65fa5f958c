"""The tiny fixture generates exactly the files under tests/golden/.

After an intended change to the templates or the generator, refresh them with
``make golden`` and review the difference.
"""

from pathlib import Path

from tests.conftest import run

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
FIXTURE = HERE / "fixtures" / "tiny"


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".cache" not in p.parts
    }


def test_generated_files_match_the_golden_copy(tmp_path: Path):
    result = run(
        "--schemas",
        str(FIXTURE),
        "generate",
        "1.1.0",
        "--output",
        str(tmp_path),
        "--no-cache",
    )
    assert result.exit_code == 0, result.output
    fresh, golden = files(tmp_path), files(GOLDEN)
    assert sorted(fresh) == sorted(golden)
    for name in golden:
        assert (
            fresh[name] == golden[name]
        ), f"{name} differs; run 'make golden' if intended"
