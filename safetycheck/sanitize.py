"""Untrusted text made safe to show: the one place that strips terminal control sequences."""

from __future__ import annotations

import re

_ESCAPE_SEQUENCES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """No escape sequences, OSC 8 hyperlinks, bells, other control characters or bidi overrides."""
    return _CONTROLS.sub("", _ESCAPE_SEQUENCES.sub("", text))
