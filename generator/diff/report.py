"""Diff reports: text for people, Markdown for reviews, JSON for tools."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from generator.diff.findings import Finding
from generator.diff.verdict import LEVELS
from generator.errors import InputError

ORDER = tuple(reversed(LEVELS))


@dataclass(frozen=True)
class Report:
    old: str
    new: str
    findings: tuple[Finding, ...]

    def counts(self) -> dict[str, int]:
        live = [f for f in self.findings if not f.accepted]
        return {level: sum(f.level == level for f in live) for level in ORDER}

    def fails(self, threshold: str | None) -> bool:
        if threshold is None:
            return False
        worst = LEVELS.index(threshold)
        return any(
            LEVELS.index(f.level) >= worst for f in self.findings if not f.accepted
        )

    def summary(self) -> str:
        counts = self.counts()
        accepted = sum(f.accepted for f in self.findings)
        text = ", ".join(f"{n} {level}" for level, n in counts.items())
        return f"{self.old} -> {self.new}: {text}" + (
            f", {accepted} accepted" if accepted else ""
        )


def to_text(report: Report) -> str:
    lines = []
    for finding in _sorted(report.findings):
        mark = "accepted " if finding.accepted else ""
        lines.append(
            f"{mark}{finding.level.upper():<10} {finding.message}  [{finding.rule}]"
        )
    return "\n".join(lines + [report.summary()]) + "\n"


def to_markdown(report: Report) -> str:
    lines = [
        f"## Schema changes {report.old} → {report.new}",
        "",
        report.summary(),
        "",
        "| level | operation | direction | element | change | rule |",
        "|---|---|---|---|---|---|",
    ]
    for f in _sorted(report.findings):
        level = f"~~{f.level}~~ accepted" if f.accepted else f"**{f.level}**"
        change = f.change.replace("|", "\\|")
        operation = ", ".join(f.operations) or "—"
        lines.append(
            f"| {level} | {operation} | {f.direction or '—'} | `{f.path}` "
            f"| {change} | {f.rule} |"
        )
    return "\n".join(lines) + "\n"


def to_json(report: Report) -> str:
    document: dict[str, Any] = {
        "from": report.old,
        "to": report.new,
        "summary": report.counts(),
        "findings": [_record(f) for f in _sorted(report.findings)],
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def _record(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "rule": finding.rule,
        "level": finding.level,
        "operations": list(finding.operations),
        "direction": finding.direction,
        "path": finding.path,
        "type": finding.type,
        "type_level": finding.type_level,
        "old": finding.old,
        "new": finding.new,
        "message": finding.message,
        "accepted": finding.accepted,
    }


def _sorted(findings: tuple[Finding, ...]) -> list[Finding]:
    return sorted(findings, key=lambda f: (ORDER.index(f.level), f.id, f.rule))


RENDERERS = {"text": to_text, "md": to_markdown, "json": to_json}


def load_accepted(path: Path) -> set[tuple[str, str]]:
    """Known findings to accept: a YAML list of ``{rule: ..., path: ...}``.

    ``path`` is a finding's id: ``Operation.direction.element.path``.
    """
    try:
        items = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or []
    except OSError as error:
        raise InputError(
            path, f"cannot read the accept list ({error.strerror})"
        ) from None
    except Exception as error:  # ruamel raises several YAML error types
        raise InputError(path, f"not valid YAML: {error}") from None
    if not isinstance(items, list) or not all(
        isinstance(i, dict) and {"rule", "path"} <= i.keys() for i in items
    ):
        raise InputError(path, "the accept list must be a list of {rule, path} entries")
    return {(str(i["rule"]), str(i["path"])) for i in items}
