"""Untrusted text made safe to show: the one place that strips terminal control sequences,
invisible characters and line breaks where a single line is promised."""

from __future__ import annotations

import re

_ESCAPE_SEQUENCES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
# Controls (C0 but tab and newline, DEL, C1), and every invisible "format" character (Unicode
# category Cf: zero-width spaces and joiners, bidi marks, embeddings, overrides and isolates,
# the soft hyphen, BOM, tag characters), line and paragraph separators (U+2028/9, which break
# templates and Markdown), lone surrogates, and the Hangul fillers that render as nothing.
_INVISIBLE = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u17b4\u17b5"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff"
)
_CONTROLS = re.compile(f"[{_INVISIBLE}]")
_INVISIBLE_OR_BREAK = re.compile(f"[{_INVISIBLE}\n\t]")
_BREAKS = re.compile(r"[\r\n\t\x0b\x0c\x85\u2028\u2029]")


def clean(text: str) -> str:
    """No escape sequences, OSC 8 hyperlinks, bells, other control or invisible characters, bidi
    overrides or line separators; newlines and tabs stay."""
    return _CONTROLS.sub("", _ESCAPE_SEQUENCES.sub("", text))


def one_line(text: str) -> str:
    """`clean`, and line breaks shown as `\\n`: a path or id with a newline cannot forge a second line."""
    return clean(_BREAKS.sub(lambda m: repr(m.group())[1:-1], text))


def has_invisible(text: str) -> bool:
    """Whether the text holds anything `clean` would remove, or a newline or tab (for one-line fields)."""
    return bool(_INVISIBLE_OR_BREAK.search(text) or "\x1b" in text)


def shown_path(path: object) -> str:
    """A file name as it may be printed: one line, nothing the terminal would act on."""
    return one_line(str(path))
