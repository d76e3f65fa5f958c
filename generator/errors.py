"""The one error type for bad input: a file, a place in it, a problem, a fix."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input that the user can correct; the CLI prints it as one line."""

    def __init__(
        self,
        path: Path | str,
        problem: str,
        *,
        line: int | None = None,
        fix: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(self.render())

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        """Worker processes send it back whole."""
        return (_rebuild, (self.path, self.problem, self.line, self.fix))

    def render(self) -> str:
        place = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{place}: {self.problem}"
        return f"{text}; {self.fix}" if self.fix else text


def _rebuild(path: Path, problem: str, line: int | None, fix: str | None) -> InputError:
    return InputError(path, problem, line=line, fix=fix)
