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
PREBUILT_FILE = "content.pickle"


def prebuilt_bytes(content: Any) -> bytes:
    """The finished content model, made at build time by this same code."""
    import pickle

    return pickle.dumps((COMPILED_FORMAT, content), protocol=pickle.HIGHEST_PROTOCOL)


def read_prebuilt(path: Path) -> Any | None:
    """The content model the build made, or None (then the JSON is parsed as before).

    Parsing, validating and resolving the content costs about 150 ms at every start; loading the
    model made from it at build time costs about 13. The file is part of the installed package,
    written by the build from this same code: it is trusted exactly as the package's .py files are
    (pickle must never read anything else, and this reads nothing a person or a pack supplies)."""
    import pickle

    try:
        fmt, content = pickle.loads(path.read_bytes())
    except Exception:  # a damaged or foreign file: fall back to parsing, never fail a run over it
        return None
    return content if fmt == COMPILED_FORMAT else None


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
