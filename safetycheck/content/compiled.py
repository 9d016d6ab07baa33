"""Content compiled at build time: the parsed YAML of every bundled file, as one JSON document.

`build.compile_content` writes it in the build hook (hatch_build.py); `read_compiled` turns it back
into the same nodes the YAML loader gives, so the rest of the engine cannot tell the difference.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from safetycheck.content.nodes import Node

COMPILED_FORMAT = 1


def encode(value: Any) -> Any:
    if isinstance(value, Node):
        return {"$line": value.line, "$keys": value.key_lines, "$map": {k: encode(v) for k, v in value.items()}}
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    return value


def _decode(obj: dict[str, Any]) -> Any:
    if "$date" in obj:
        return dt.date.fromisoformat(obj["$date"])
    if "$map" in obj:
        node = Node(obj["$map"])
        node.line = obj["$line"]
        node.key_lines = obj["$keys"]
        return node
    return obj


def read_compiled(path: Path) -> tuple[str, list[tuple[str, str, Any]]] | None:
    """The content version and (kind, file name, data) of each file; None if unreadable."""
    try:
        payload = json.loads(path.read_bytes(), object_hook=_decode)
    except (OSError, ValueError):
        return None
    if payload.get("format") != COMPILED_FORMAT:
        return None
    return payload["version"], [(kind, name, data) for kind, name, data in payload["files"]]
