"""Per-release documentation: reference, changes, migration notes, history."""
