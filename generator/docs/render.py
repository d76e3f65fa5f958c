"""Render the documentation: Markdown through Jinja, then HTML with MkDocs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from generator import templating

from generator.docs.model import Site
from generator.errors import InputError

FIXED_BUILD_TIME = "315532800"  # 1980-01-01: MkDocs stamps pages and the sitemap


def render_sources(site: Site) -> dict[str, str]:
    """Markdown pages and mkdocs.yml, keyed by their path in the docs folder."""
    env = templating.environment("docs")
    files = {"mkdocs.yml": env.get_template("mkdocs.yml.j2").render(site=site)}
    files["docs/index.md"] = env.get_template("index.md.j2").render(
        site=site, lineage=site.lineage
    )
    page = env.get_template("release.md.j2")
    for release in site.releases:
        files[f"docs/releases/{release.version}.md"] = page.render(release=release)
    page = env.get_template("operation.md.j2")
    for operation in site.operations:
        files[f"docs/operations/{operation.name}.md"] = page.render(operation=operation)
    return files


def build_html(sources: dict[str, str]) -> dict[str, bytes]:
    """Run MkDocs on the sources; return the sources plus the built site."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, text in sources.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        environment = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_BUILD_TIME}
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict"],
            cwd=root,
            env=environment,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise InputError(
                root / "mkdocs.yml", "MkDocs failed: " + done.stderr.strip()
            )
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }
