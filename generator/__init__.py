"""webexgen: bindings, diffs and a compatibility matrix for the Webex XML API."""

import logging

__version__ = "0.1.0"

logger = logging.getLogger("webexgen")
