"""Compiling the bundled content at build time (hatch_build.py): validated first, so a wheel never
ships content that fails validation. Never imported at run time."""

from __future__ import annotations

import json
from pathlib import Path

from safetycheck.content.catalog import load_content, read_files
from safetycheck.content.compiled import COMPILED_FORMAT, encode
from safetycheck.content.prebuilt import PREBUILT_FILE, prebuilt_bytes


def compile_content(root: Path) -> dict[str, bytes]:
    """Validate the content under `root` and return the files to put in `_compiled/`: the parsed data
    as JSON (what packs are checked against) and the finished model (what a run without packs uses).
    Raises ContentErrors if invalid."""
    content = load_content(bundled=root)  # validation: an invalid content set never gets compiled
    files = read_files(root)
    payload = {"format": COMPILED_FORMAT, "version": content.version,
               "files": [[kind, name, encode(data)] for kind, name, data in files]}
    return {"content.json": json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            PREBUILT_FILE: prebuilt_bytes(content)}
