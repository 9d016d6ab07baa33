"""Run safetycheck's CLI with a test content folder in place of the bundled content.

Usage: python tests/content_run.py CONTENT_DIR ARGS...   (used by the pty tests)
"""

from __future__ import annotations

import sys
from pathlib import Path

root = Path(sys.argv[1]).resolve()
import safetycheck.content.catalog as catalog  # noqa: E402
import safetycheck.content.resources as resources  # noqa: E402

resources.bundled_content_dir = lambda: root
catalog.bundled_content_dir = lambda: root  # type: ignore[attr-defined]
if hasattr(catalog, "compiled_content_file"):
    catalog.compiled_content_file = lambda *_: None  # type: ignore[attr-defined]

from safetycheck.cli.app import main  # noqa: E402

sys.argv = ["safetycheck", *sys.argv[2:]]
main()
