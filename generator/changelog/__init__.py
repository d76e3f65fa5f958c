"""The release changelog: releases, their lineage and the changes they ship."""

from generator.changelog.lineage import Lineage
from generator.changelog.load import load_changelog
from generator.changelog.model import Change, Changelog, Release

__all__ = ["Change", "Changelog", "Lineage", "Release", "load_changelog"]
