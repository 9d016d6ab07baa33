"""Build hook: validate the bundled content and compile it inside the wheel: as JSON (the parsed
data, which content packs are checked against) and as the finished model (content/prebuilt.py).

Parsing ~1 MB of YAML in three languages costs >100 ms at every start, and turning it into the
checked, resolved model another ~150 ms; reading the finished model costs about 20. The compiled file is made here, at build time, never at run time (nothing
is written when the tool runs). A checkout or editable install has no compiled file and reads
the YAML, so content authors see their edits at once.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileContentHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        sys.path.insert(0, str(root))
        try:
            from safetycheck.content.build import compile_content
        finally:
            sys.path.pop(0)
        folder = Path(tempfile.mkdtemp(prefix="safetycheck-build-"))
        for name, data in compile_content(root).items():
            (folder / name).write_bytes(data)
            build_data["force_include"][str(folder / name)] = f"safetycheck/_compiled/{name}"
