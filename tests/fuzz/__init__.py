"""Fuzzing of parse_message and the changelog loader (``make fuzz``)."""
