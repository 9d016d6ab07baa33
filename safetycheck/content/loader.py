"""Reads YAML safely: the only module that imports yaml.

Mappings come back as `Node` dicts that remember their line (and each key's line), so every
later error can name `file:line`. YAML 1.1's `yes`/`no`/`on`/`off` booleans are switched off:
a person who types `no` means the word. Anchors and aliases are refused, which also stops
"billion laughs" expansion bombs before they start. Explicit tags (`!!int`, `!!map`, `!x`) are
refused too: nothing a person or a pack writes needs them, and they are how a value that cannot
be converted (`!!int "abc"`) used to reach the bug handler. Values that fail while converted
(an impossible date, a 5,000-digit number) become the same one-line `file:line` error.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import yaml

from safetycheck.content.files import read_bounded
from safetycheck.content.nodes import Node
from safetycheck.errors import SafetycheckError
from safetycheck.i18n.messages import tr
from safetycheck.sanitize import has_invisible

MAX_FILE_BYTES = 2 * 1024 * 1024

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"
# Larger numbers than any content needs, and Python refuses to print ints past 4,300 digits.
MAX_INT = 10**15


class _Loader(_Base):  # type: ignore[misc,valid-type]
    # Only true/false are booleans; everything else a person typed stays a string.
    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL_TAG]
        for first, resolvers in _Base.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        if node in self.constructed_objects:
            raise yaml.MarkedYAMLError(
                problem=tr("val_yaml_anchors"), problem_mark=node.start_mark
            )
        try:
            value = super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError, ArithmeticError) as exc:
            raise yaml.MarkedYAMLError(problem=tr("val_yaml_value", reason=_reason(exc)),
                                       problem_mark=node.start_mark) from None
        if isinstance(value, int) and not isinstance(value, bool) and not -MAX_INT <= value <= MAX_INT:
            raise yaml.MarkedYAMLError(problem=tr("val_yaml_large"), problem_mark=node.start_mark)
        if isinstance(value, float) and not math.isfinite(value):
            raise yaml.MarkedYAMLError(problem=tr("val_yaml_finite"), problem_mark=node.start_mark)
        return value


def _reason(exc: Exception) -> str:
    """The first line of a conversion error, short: it is shown to the person."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:80]


def _refuse_tags(text: str) -> None:
    """Explicit tags are refused wherever they stand; only scanned when a `!` could start one."""
    if "!" not in text:
        return
    for token in yaml.scan(text, Loader=_Loader):
        if isinstance(token, yaml.TagToken):
            raise yaml.MarkedYAMLError(problem=tr("val_yaml_tags"),
                                       problem_mark=token.start_mark)


_Loader.add_implicit_resolver(
    _BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: Any, node: Any) -> Node:
    mapping = Node()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int):
            raise yaml.MarkedYAMLError(problem=tr("val_yaml_keys"), problem_mark=key_node.start_mark)
        key = ("true" if key else "false") if isinstance(key, bool) else str(key)  # as written, not Python's True
        if has_invisible(key):  # a key holding a newline, NUL or ESC would forge or break error lines
            raise yaml.MarkedYAMLError(problem=tr("val_yaml_key_controls"),
                                       problem_mark=key_node.start_mark)
        if key in mapping:
            raise yaml.MarkedYAMLError(problem=tr("val_yaml_duplicate", key=key), problem_mark=key_node.start_mark)
        mapping.key_lines[key] = key_node.start_mark.line + 1
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def parse_yaml(text: str, display_path: str) -> Any:
    """Parse one YAML document, turning every YAML problem into a one-line error."""
    try:
        _refuse_tags(text)
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from (C)SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join((exc.problem or exc.context or "cannot be read").split())
        raise SafetycheckError(tr("err_not_yaml", problem=problem), display_path, line) from None
    except yaml.YAMLError as exc:
        raise SafetycheckError(tr("err_not_yaml", problem=exc), display_path) from None
    except RecursionError:
        raise SafetycheckError(tr("err_not_yaml", problem=tr("val_yaml_deep")), display_path) from None


def read_text(path: Path, display_path: str, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 file with a size limit."""
    raw = read_bounded(path, display_path, max_bytes, tr("err_too_large", kib=max_bytes // 1024))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SafetycheckError(tr("err_not_utf8", byte=exc.start), display_path) from None
    return text


def read_yaml(path: Path, display_path: str, max_bytes: int = MAX_FILE_BYTES) -> Any:
    return parse_yaml(read_text(path, display_path, max_bytes), display_path)
