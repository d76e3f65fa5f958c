"""Differences between two compiled schema models."""

from generator.diff.compare import Difference, compare_models, describe_type

__all__ = ["Difference", "compare_models", "describe_type"]
