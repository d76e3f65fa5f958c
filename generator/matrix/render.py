"""Write the matrix as JSON, CSV, Markdown or a self-contained HTML page."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable

from jinja2 import Environment

from generator import templating

from generator.matrix.model import ABSENT, Feature, Matrix

SYMBOLS = {"absent": "", "added": "+", "present": "●", "changed": "~"}
FORMATS = ("json", "csv", "md", "html")


def to_json(matrix: Matrix) -> str:
    order = sorted(matrix.releases, key=lambda r: _version(r.version))
    releases = [{"version": r.version, "train": r.train, "base": r.base} for r in order]
    features = ",\n".join(
        json.dumps(_feature_record(matrix, f), ensure_ascii=False)
        for f in matrix.features
    )
    return f'{{"releases": {json.dumps(releases)},\n"features": [\n{features}\n]}}\n'


def _feature_record(matrix: Matrix, feature: Feature) -> dict[str, Any]:
    releases = sorted(matrix.releases_of(feature), key=_version)
    return {
        "id": feature.id,
        "kind": feature.kind,
        "operation": feature.operation,
        "operations": list(feature.operations),
        "direction": feature.direction,
        "path": feature.path,
        "title": feature.title,
        "toggle": feature.toggle,
        "added_in": list(matrix.added_in(feature)),
        "releases": releases,
    }


def to_csv(matrix: Matrix) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    head = ["id", "kind", "operations", "direction", "path", "toggle"]
    writer.writerow(head + [r.version for r in matrix.releases] + ["notes"])
    for feature in matrix.features:
        notes = "; ".join(
            f"{r.version}: {c.note}"
            for r, c in zip(matrix.releases, feature.cells)
            if c.note
        )
        writer.writerow(
            [
                feature.id,
                feature.kind,
                " ".join(feature.operations),
                feature.direction or "",
                feature.path or "",
                feature.toggle or "",
                *(c.state for c in feature.cells),
                notes,
            ]
        )
    return out.getvalue()


def to_markdown(matrix: Matrix) -> str:
    return _environment().get_template("matrix.md.j2").render(matrix=matrix)


def to_html(matrix: Matrix) -> str:
    rows = [
        [
            f.id,
            f.kind,
            f.title,
            list(f.operations),
            f.direction or "",
            f.toggle or "",
            "".join(c.state[0] if c.state != ABSENT else "-" for c in f.cells),
            {i: c.note for i, c in enumerate(f.cells) if c.note},
        ]
        for f in matrix.features
    ]
    data = json.dumps(rows, separators=(",", ":"), ensure_ascii=False).replace(
        "</", "<\\/"
    )
    return (
        _environment().get_template("matrix.html.j2").render(matrix=matrix, data=data)
    )


RENDERERS: dict[str, Callable[[Matrix], str]] = {
    "json": to_json,
    "csv": to_csv,
    "md": to_markdown,
    "html": to_html,
}


def _environment() -> Environment:
    return templating.environment(
        "matrix",
        {
            "symbol": lambda cell: SYMBOLS[cell.state],
            "since": lambda feature, matrix: ", ".join(matrix.added_in(feature)),
        },
    )


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))
