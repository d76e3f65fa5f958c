"""The compatibility matrix: which release has which operation, element and change."""
