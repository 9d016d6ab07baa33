"""Build hook: validate the bundled content and compile it to JSON inside the wheel.

Parsing ~1 MB of YAML in three languages costs >100 ms at every start; reading the same data
as JSON costs a few. The compiled file is made here, at build time, never at run time (nothing
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
        out = Path(tempfile.mkdtemp(prefix="safetycheck-build-")) / "content.json"
        out.write_bytes(compile_content(root))
        build_data["force_include"][str(out)] = "safetycheck/_compiled/content.json"
