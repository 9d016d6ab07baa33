"""The generic half of reading content: keys, types, texts, ids, dates, and conditions, each
problem kept as one `file:line: problem` instead of stopping at the first."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from safetycheck.content.nodes import Node
from safetycheck.content.packs import safe_url, url_problem
from safetycheck.content.spec import CONDITION_KEYS, GUIDANCE_ID_PATTERN, ID_PATTERN, OBJECTS
from safetycheck.engine.model import AllOf, AnyOf, Condition, FactRef, Not, QuestionCondition, Text, ThreatCondition
from safetycheck.errors import ContentError
from safetycheck.i18n.language import LANGUAGES
from safetycheck.i18n.messages import tr

ID = re.compile(ID_PATTERN)
GUIDANCE_ID = re.compile(GUIDANCE_ID_PATTERN)


class ReaderBase:
    """Reads the objects of one file, remembering every problem instead of stopping at the first."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[ContentError] = []
        self.warnings: list[str] = []

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(ContentError(message, self.path, line))

    # -- generic checks -------------------------------------------------------------------
    def mapping(self, value: Any, kind: str, line: int, what: str) -> Node | None:
        if not isinstance(value, Node):
            self.error(line, tr("val_not_mapping", what=what))
            return None
        fields = OBJECTS[kind]
        for key in value:
            if key not in fields:
                self.error(value.line_of(key), tr("val_unknown_key", key=key, what=what, allowed=", ".join(fields)))
        for key, spec in fields.items():
            if spec.required and key not in value:
                self.error(value.line, tr("val_missing_key", what=what, key=key))
        return value

    def items(self, node: Node, key: str) -> list[Any]:
        value = node.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(node.line_of(key), tr("val_not_list", key=key))
            return []
        return value

    def text(self, node: Node, key: str, what: str) -> Text | None:
        if node.get(key) is None:
            return None
        return self.text_value(node[key], node.line_of(key), key, what)

    def text_value(self, value: Any, line: int, key: str, what: str) -> Text | None:
        if isinstance(value, str):
            if not value.strip():
                self.error(line, tr("val_empty_text", key=key, what=what))
            self.warnings.extend(f"{self.path}:{line}: " + tr("val_no_translation", key=key, what=what, lang=lang) for lang in LANGUAGES[1:])
            return Text({"en": value})
        if isinstance(value, Node):
            bad = [k for k in value if k not in LANGUAGES]
            if bad:
                self.error(line, tr("val_unknown_text_lang", key=key, what=what, code=bad[0], known=", ".join(LANGUAGES)))
            if not isinstance(value.get("en"), str) or not value["en"].strip():
                self.error(line, tr("val_needs_english", key=key, what=what))
                return None
            texts = {k: v for k, v in value.items() if isinstance(v, str) and v.strip() and k in LANGUAGES}
            if any(not isinstance(v, str) for v in value.values()):
                self.error(line, tr("val_translation_not_string", key=key, what=what))
            self.warnings.extend(f"{self.path}:{line}: " + tr("val_no_translation", key=key, what=what, lang=lang) for lang in LANGUAGES[1:] if lang not in texts)
            return Text(texts)
        self.error(line, tr("val_not_text", key=key, what=what))
        return None

    def ident(self, node: Node, key: str, what: str, pattern: re.Pattern[str] = ID) -> str:
        value = node.get(key)
        if value is None:
            return ""
        if not isinstance(value, str) or not pattern.match(value):
            self.error(node.line_of(key), tr("val_bad_id", key=key, what=what, pattern=pattern.pattern, value=short_repr(value)))
            return str(value)
        return value

    def date(self, node: Node, key: str, what: str) -> dt.date:
        value = node.get(key)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if value is not None:
            self.error(node.line_of(key), tr("val_bad_date", key=key, what=what, value=short_repr(value)))
        return dt.date.min

    def integer(self, node: Node, key: str, what: str, low: int, high: int) -> int | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error(node.line_of(key), tr("val_bad_integer", key=key, what=what, low=low, high=high, value=short_repr(value)))
            return None
        return value

    def number(self, node: Node, key: str, what: str) -> float:
        value = node.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(node.line_of(key), tr("val_not_number", key=key, what=what))
            return 0.0
        return float(value)

    def choice(self, node: Node, key: str, what: str, allowed: tuple[str, ...], default: str = "") -> str:
        value = node.get(key, default)
        if value not in allowed:
            self.error(node.line_of(key), tr("val_not_choice", key=key, what=what, allowed=", ".join(allowed), value=short_repr(value)))
            return default or allowed[0]
        return str(value)

    def boolean(self, node: Node, key: str, what: str) -> bool:
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.error(node.line_of(key), tr("val_not_boolean", key=key, what=what, value=short_repr(value)))
            return False
        return value

    def id_list(self, node: Node, key: str, what: str, pattern: re.Pattern[str] = ID) -> tuple[str, ...]:
        out = []
        for entry in self.items(node, key):
            if not isinstance(entry, str) or not pattern.match(entry):
                self.error(node.line_of(key), tr("val_bad_id_in_list", key=key, what=what, value=short_repr(entry)))
            else:
                out.append(entry)
        return tuple(out)

    def url(self, node: Node, key: str, what: str) -> str:
        value = node.get(key)
        if (problem := url_problem(value)) is not None:
            self.error(node.line_of(key), tr("val_bad_url", key=key, what=what, problem=problem, value=short_repr(value)))
            return ""
        return safe_url(str(value))

    # -- conditions ------------------------------------------------------------------------
    def condition(self, raw: Any, line: int, module_id: str) -> Condition | None:
        if not isinstance(raw, Node):
            self.error(line, tr("val_cond_not_mapping"))
            return None
        unknown = [k for k in raw if k not in CONDITION_KEYS]
        if unknown:
            self.error(raw.line_of(unknown[0]), tr("val_cond_unknown_key", key=unknown[0], allowed=", ".join(CONDITION_KEYS)))
            return None
        combinators = [k for k in ("all", "any", "not") if k in raw]
        if combinators:
            if len(raw) != 1:
                self.error(raw.line, tr("val_cond_alone", key=combinators[0]))
                return None
            if "not" in raw:
                inner = self.condition(raw["not"], raw.line_of("not"), module_id)
                return Not(inner) if inner else None
            parts = raw[combinators[0]]
            if not isinstance(parts, list) or not parts:
                self.error(raw.line, tr("val_cond_needs_list", key=combinators[0]))
                return None
            built = tuple(c for c in (self.condition(p, getattr(p, "line", raw.line), module_id) for p in parts) if c)
            return AllOf(built) if combinators[0] == "all" else AnyOf(built)
        if "threat" in raw:
            if set(raw) != {"threat", "at_least"}:
                self.error(raw.line, tr("val_cond_threat_form"))
                return None
            return ThreatCondition(str(raw["threat"]), str(raw["at_least"]))
        if "question" not in raw:
            self.error(raw.line, tr("val_cond_needs_kind"))
            return None
        ref = str(raw["question"])
        if "." not in ref and not module_id:
            self.error(raw.line_of("question"), tr("val_cond_full_name", ref=ref))
            return None
        qualified = ref if "." in ref else f"{module_id}.{ref}"
        if ("min" in raw or "max" in raw) and set(raw) <= {"question", "min", "max"}:
            low, high = self.bound(raw, "min"), self.bound(raw, "max")
            if low is False or high is False:
                return None
            return QuestionCondition(qualified, min_=low, max_=high)
        tests = [k for k in ("in", "not_in", "answered") if k in raw]
        if len(tests) != 1 or len(raw) != 2:
            self.error(raw.line, tr("val_cond_one_test"))
            return None
        test = tests[0]
        if test == "answered":
            if not isinstance(raw["answered"], bool):
                self.error(raw.line_of("answered"), tr("val_cond_answered"))
                return None
            return QuestionCondition(qualified, answered=raw["answered"])
        values = raw[test]
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            self.error(raw.line_of(test), tr("val_cond_option_list", key=test))
            return None
        if test == "in":
            return QuestionCondition(qualified, in_=tuple(values))
        return QuestionCondition(qualified, not_in=tuple(values))

    def bound(self, raw: Node, key: str) -> float | FactRef | None | Literal[False]:
        """A min/max bound: a number or {fact: ID}; None when absent, False when invalid."""
        if key not in raw:
            return None
        value = raw[key]
        if isinstance(value, Node) and set(value) == {"fact"} and isinstance(value["fact"], str):
            return FactRef(value["fact"])
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        self.error(raw.line_of(key), tr("val_cond_bound", key=key, value=short_repr(value)))
        return False


def short_repr(value: object) -> str:
    """A bad value as shown in an error: its repr, bounded (a 1 MiB string is one long line)."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
