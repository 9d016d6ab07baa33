"""safetycheck: an offline, private self-assessment for people at risk."""

# A literal, not importlib.metadata: reading package metadata costs ~30 ms at every start.
__version__ = "0.1.0"

import sys as _sys

# Nothing is written to disk unless the person asks: not even Python's bytecode cache.
_sys.dont_write_bytecode = True
