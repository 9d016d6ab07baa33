"""Parsed mappings that remember where they were written (kept apart from yaml, so compiled
content can be read without importing it)."""

from __future__ import annotations

from typing import Any


class Node(dict[str, Any]):
    """A mapping that knows its line, and each key's line, for `file:line` errors."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)
