"""Derive each release's schema set from its base plus the changelog's edits."""

from __future__ import annotations

from packaging.version import Version

from generator import logger
from generator.project import Project
from generator.schemaset import SchemaSet, load_schema_set
from generator.schemaset.edit import Editor


def derive_sets(project: Project) -> dict[Version, SchemaSet]:
    """Every release's schema set, built in lineage order from the baseline."""
    baseline = project.baseline
    sets = {baseline.version: load_schema_set(project.schema_dir(baseline.version))}
    for release in project.lineage.order():
        if release.base is None:
            continue
        derived = sets[release.base].copy()
        editor = Editor(derived, project.changelog.namespaces, project.changelog_path)
        for change in project.lineage.shipped_in(release.version):
            for edit in change.edits:
                editor.apply(edit)
        derived.root = project.schema_dir(release.version)
        sets[release.version] = derived
        logger.debug("derived %s from %s", release.name, release.base)
    return sets
