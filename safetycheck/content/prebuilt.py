"""The finished content model, made at build time: what a run without content packs loads.

Parsing, checking and resolving the bundled content costs about 150 ms at every start; reading the
model the build made from it costs about 20. It is JSON, and reading it can only build the content
model's own frozen dataclasses (engine/model.py), tuples, dicts and dates: no code runs, whatever the
file holds. A damaged or outdated file gives None, and the content is parsed as before.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import Any

from safetycheck.engine import model

PREBUILT_FILE = "content-model.json"
PREBUILT_FORMAT = 1
# the only types a file can ask for, by name
_CLASSES = {name: cls for name, cls in vars(model).items()
            if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__}


def _encode(value: Any) -> Any:
    """Tagged, so that reading back is unambiguous: {"c": class, "f": fields in order}, {"t": tuple},
    {"m": dict as pairs}, {"d": date}; lists, strings, numbers, booleans and None as they are."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"c": type(value).__name__, "f": [_encode(getattr(value, f.name)) for f in dataclasses.fields(value)]}
    if isinstance(value, tuple):
        return {"t": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"m": [[k, _encode(v)] for k, v in value.items()]}
    if isinstance(value, dt.date):
        return {"d": value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot prebuild a {type(value).__name__}")


def _decode(tagged: dict[str, Any]) -> Any:
    if "c" in tagged:
        return _CLASSES[tagged["c"]](*tagged["f"])
    if "t" in tagged:
        return tuple(tagged["t"])
    if "m" in tagged:
        return dict(tagged["m"])
    return dt.date.fromisoformat(tagged["d"])


def prebuilt_bytes(content: model.ContentSet) -> bytes:
    # the envelope is a list: every JSON object in the file is a tagged value
    return json.dumps([PREBUILT_FORMAT, _encode(content)], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def read_prebuilt(path: Path) -> model.ContentSet | None:
    try:
        payload = json.loads(path.read_bytes(), object_hook=_decode)
    except (OSError, ValueError, TypeError, KeyError):  # damaged, or made by another version of the model
        return None
    if not isinstance(payload, list) or len(payload) != 2 or payload[0] != PREBUILT_FORMAT:
        return None
    return payload[1] if isinstance(payload[1], model.ContentSet) else None
