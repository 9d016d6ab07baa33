"""safetycheck: an offline, private self-assessment for people at risk."""

# A literal, not importlib.metadata: reading package metadata costs ~30 ms at every start.
__version__ = "0.1.0"

import sys as _sys

# Nothing is written to disk unless the person asks: not even Python's bytecode cache. This file
# is compiled (and, in a checkout, an editable install or `pip install --no-compile`, cached as
# __pycache__/__init__.*.pyc) before this line runs; every other module is imported after it and
# is never cached. The cached file is this code only, nothing of the person's.
_sys.dont_write_bytecode = True


def _no_core_dumps() -> None:
    """A crash while the passphrase or answers are in memory must not write them to a core file."""
    try:
        import resource

        # The soft limit is the one the kernel obeys; the hard one stays, so a test can check again.
        resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    except (ImportError, ValueError, OSError):  # Windows has no core files nor `resource`
        pass


_no_core_dumps()
