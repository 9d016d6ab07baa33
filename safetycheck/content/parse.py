"""Turns parsed YAML nodes into model objects, collecting one `file:line: problem` per error.

Checks here are local to one object (keys, types, required fields). Checks that look across
objects (references, ordering of conditions, duplicate ids) live in `crossref`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from typing import Any, Literal

from safetycheck.content.nodes import Node
from safetycheck.content.packs import safe_url, url_problem
from safetycheck.content.spec import CONDITION_KEYS, GUIDANCE_ID_PATTERN, ID_PATTERN, OBJECTS, PLATFORM_KEYS
from safetycheck.engine.model import (
    NOT_SURE,
    PLATFORMS,
    QUESTION_KINDS,
    AllOf,
    AnyOf,
    Band,
    Condition,
    Fact,
    FactRef,
    GuidanceItem,
    HelpContact,
    Level,
    Module,
    Not,
    Option,
    Question,
    QuestionCondition,
    Resource,
    ScoringConfig,
    Step,
    Text,
    ThreatCondition,
    ThreatDef,
    UrgentWhen,
)
from safetycheck.errors import ContentError
from safetycheck.i18n.language import LANGUAGES

_ID = re.compile(ID_PATTERN)
_GUIDANCE_ID = re.compile(GUIDANCE_ID_PATTERN)


class Reader:
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
            self.error(line, f"{what} must be a mapping of keys")
            return None
        fields = OBJECTS[kind]
        for key in value:
            if key not in fields:
                self.error(value.line_of(key), f"unknown key '{key}' in {what} (allowed: {', '.join(fields)})")
        for key, spec in fields.items():
            if spec.required and key not in value:
                self.error(value.line, f"{what} is missing '{key}'")
        return value

    def items(self, node: Node, key: str) -> list[Any]:
        value = node.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(node.line_of(key), f"'{key}' must be a list")
            return []
        return value

    def text(self, node: Node, key: str, what: str) -> Text | None:
        if node.get(key) is None:
            return None
        return self.text_value(node[key], node.line_of(key), key, what)

    def text_value(self, value: Any, line: int, key: str, what: str) -> Text | None:
        if isinstance(value, str):
            if not value.strip():
                self.error(line, f"'{key}' of {what} is empty")
            self.warnings.extend(f"{self.path}:{line}: '{key}' of {what} has no '{lang}' translation" for lang in LANGUAGES[1:])
            return Text({"en": value})
        if isinstance(value, Node):
            bad = [k for k in value if k not in LANGUAGES]
            if bad:
                self.error(line, f"'{key}' of {what} has unknown language '{bad[0]}' (known: {', '.join(LANGUAGES)})")
            if not isinstance(value.get("en"), str) or not value["en"].strip():
                self.error(line, f"'{key}' of {what} needs an English ('en') text")
                return None
            texts = {k: v for k, v in value.items() if isinstance(v, str) and v.strip() and k in LANGUAGES}
            if any(not isinstance(v, str) for v in value.values()):
                self.error(line, f"'{key}' of {what}: every translation must be a string")
            self.warnings.extend(f"{self.path}:{line}: '{key}' of {what} has no '{lang}' translation" for lang in LANGUAGES[1:] if lang not in texts)
            return Text(texts)
        self.error(line, f"'{key}' of {what} must be a string or a map of languages")
        return None

    def ident(self, node: Node, key: str, what: str, pattern: re.Pattern[str] = _ID) -> str:
        value = node.get(key)
        if value is None:
            return ""
        if not isinstance(value, str) or not pattern.match(value):
            self.error(node.line_of(key), f"'{key}' of {what} must be a lowercase id matching {pattern.pattern}, not {value!r}")
            return str(value)
        return value

    def date(self, node: Node, key: str, what: str) -> dt.date:
        value = node.get(key)
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if value is not None:
            self.error(node.line_of(key), f"'{key}' of {what} must be a date written YYYY-MM-DD, not {value!r}")
        return dt.date.min

    def integer(self, node: Node, key: str, what: str, low: int, high: int) -> int | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.error(node.line_of(key), f"'{key}' of {what} must be a whole number from {low} to {high}, not {value!r}")
            return None
        return value

    def number(self, node: Node, key: str, what: str) -> float:
        value = node.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error(node.line_of(key), f"'{key}' of {what} must be a number")
            return 0.0
        return float(value)

    def choice(self, node: Node, key: str, what: str, allowed: tuple[str, ...], default: str = "") -> str:
        value = node.get(key, default)
        if value not in allowed:
            self.error(node.line_of(key), f"'{key}' of {what} must be one of {', '.join(allowed)}, not {value!r}")
            return default or allowed[0]
        return str(value)

    def boolean(self, node: Node, key: str, what: str) -> bool:
        value = node.get(key, False)
        if not isinstance(value, bool):
            self.error(node.line_of(key), f"'{key}' of {what} must be true or false, not {value!r}")
            return False
        return value

    def id_list(self, node: Node, key: str, what: str, pattern: re.Pattern[str] = _ID) -> tuple[str, ...]:
        out = []
        for entry in self.items(node, key):
            if not isinstance(entry, str) or not pattern.match(entry):
                self.error(node.line_of(key), f"'{key}' of {what} has an invalid id {entry!r}")
            else:
                out.append(entry)
        return tuple(out)

    def url(self, node: Node, key: str, what: str) -> str:
        value = node.get(key)
        if (problem := url_problem(value)) is not None:
            self.error(node.line_of(key), f"'{key}' of {what} {problem}, not {_short(value)}")
            return ""
        return safe_url(str(value))

    # -- modules ---------------------------------------------------------------------------
    def module(self, raw: Any, expected_id: str, from_pack: bool) -> Module | None:
        node = self.mapping(raw, "module", 1, "module")
        if node is None:
            return None
        module_id = self.ident(node, "id", "module")
        if module_id and module_id != expected_id:
            self.error(node.line_of("id"), f"module id '{module_id}' must match its file name '{expected_id}'")
        kind = self.choice(node, "kind", "module", ("assessment", "profile"), "assessment")
        questions = [q for q in (self.question(raw_q, module_id, kind) for raw_q in self.items(node, "questions")) if q]
        return Module(
            id=module_id,
            title=self.text(node, "title", "module") or Text.plain(module_id),
            description=self.text(node, "description", "module") or Text.plain(""),
            reviewed=self.date(node, "reviewed", "module"),
            order=self.integer(node, "order", "module", 0, 10_000) or 0,
            kind=kind,
            questions=tuple(questions),
            path=self.path,
            from_pack=from_pack,
        )

    def question(self, raw: Any, module_id: str, kind: str) -> Question | None:
        line = getattr(raw, "line", None) or 0
        node = self.mapping(raw, "question", line, "question")
        if node is None:
            return None
        qid = self.ident(node, "id", "question")
        what = f"question '{qid}'"
        qtype = self.choice(node, "type", what, ("single", "multiple", "yesno"), "single")
        options = [o for o in (self.option(raw_o, what, kind, qtype) for raw_o in self.items(node, "options")) if o]
        when = self.condition(node["when"], node.line_of("when"), module_id) if "when" in node else None
        qkind = self.choice(node, "kind", what, QUESTION_KINDS, "") if "kind" in node else ""
        if kind == "profile":
            if qkind == "practice":
                self.error(node.line_of("kind"), f"{what}: questions of a profile module are situations, not practices")
            qkind = "situation"
        question = Question(
            id=qid,
            module=module_id,
            text=self.text(node, "text", what) or Text.plain(qid),
            why=self.text(node, "why", what) or Text.plain(""),
            type=qtype,
            options=tuple(options),
            threats=self.id_list(node, "threats", what),
            when=when,
            line=node.line,
            kind=qkind,
            quick=self.boolean(node, "quick", what),
            danger_now=self.boolean(node, "danger_now", what),
            replaces=self.id_list(node, "replaces", what),
        )
        return _with_not_sure_risk(question)

    def option(self, raw: Any, question_what: str, kind: str, qtype: str) -> Option | None:
        line = getattr(raw, "line", None) or 0
        node = self.mapping(raw, "option", line, f"an option of {question_what}")
        if node is None:
            return None
        oid = self.ident(node, "id", "option")
        what = f"option '{oid}' of {question_what}"
        risk = self.integer(node, "risk", what, 0, 10)
        defaults_label = oid == NOT_SURE or (qtype == "yesno" and oid in ("yes", "no"))
        if "label" not in node and not defaults_label:
            self.error(node.line, f"{what} needs a 'label'")
        if risk is None and kind == "assessment" and oid != NOT_SURE and "risk" not in node:
            self.error(node.line, f"{what} has no 'risk' (0-10)")
        if kind == "assessment" and "threats" in node:
            self.error(node.line_of("threats"), f"{what}: 'threats' levels belong in the profile module; tag the question instead")
        threats: dict[str, str] = {}
        raw_threats = node.get("threats")
        if raw_threats is not None:
            if not isinstance(raw_threats, Node):
                self.error(node.line_of("threats"), f"'threats' of {what} must map threat ids to levels")
            else:
                threats = {str(k): str(v) for k, v in raw_threats.items()}
        platforms = self.id_list(node, "platforms", what)
        for platform in platforms:
            if platform not in PLATFORMS:
                self.error(node.line_of("platforms"), f"{what} names unknown platform '{platform}' (known: {', '.join(PLATFORMS)})")
        return Option(
            id=oid,
            label=self.text(node, "label", what),
            risk=risk if risk is not None else -1 if oid == NOT_SURE else 0,
            guidance=self.id_list(node, "guidance", what, _GUIDANCE_ID),
            urgent=self.boolean(node, "urgent", what),
            platforms=platforms,
            threats=threats,
            line=node.line,
            exclusive=self.boolean(node, "exclusive", what) or oid == NOT_SURE,
            contacts=self.id_list(node, "contacts", what, _GUIDANCE_ID),
            replaces=self.id_list(node, "replaces", what),
            number=self.number(node, "number", what) if "number" in node else None,
        )

    def condition(self, raw: Any, line: int, module_id: str) -> Condition | None:
        if not isinstance(raw, Node):
            self.error(line, "a condition must be a mapping such as {question: module.question, in: [option]}")
            return None
        unknown = [k for k in raw if k not in CONDITION_KEYS]
        if unknown:
            self.error(raw.line_of(unknown[0]), f"unknown key '{unknown[0]}' in condition (allowed: {', '.join(CONDITION_KEYS)})")
            return None
        combinators = [k for k in ("all", "any", "not") if k in raw]
        if combinators:
            if len(raw) != 1:
                self.error(raw.line, f"'{combinators[0]}' must stand alone in its condition")
                return None
            if "not" in raw:
                inner = self.condition(raw["not"], raw.line_of("not"), module_id)
                return Not(inner) if inner else None
            parts = raw[combinators[0]]
            if not isinstance(parts, list) or not parts:
                self.error(raw.line, f"'{combinators[0]}' needs a non-empty list of conditions")
                return None
            built = tuple(c for c in (self.condition(p, getattr(p, "line", raw.line), module_id) for p in parts) if c)
            return AllOf(built) if combinators[0] == "all" else AnyOf(built)
        if "threat" in raw:
            if set(raw) != {"threat", "at_least"}:
                self.error(raw.line, "a threat condition is written {threat: id, at_least: level}")
                return None
            return ThreatCondition(str(raw["threat"]), str(raw["at_least"]))
        if "question" not in raw:
            self.error(raw.line, "a condition needs 'question', 'threat', 'all', 'any' or 'not'")
            return None
        ref = str(raw["question"])
        if "." not in ref and not module_id:
            self.error(raw.line_of("question"), f"a condition in guidance names its question in full (module.question), not '{ref}'")
            return None
        qualified = ref if "." in ref else f"{module_id}.{ref}"
        if ("min" in raw or "max" in raw) and set(raw) <= {"question", "min", "max"}:
            low, high = self.bound(raw, "min"), self.bound(raw, "max")
            if low is False or high is False:
                return None
            return QuestionCondition(qualified, min_=low, max_=high)
        tests = [k for k in ("in", "not_in", "answered") if k in raw]
        if len(tests) != 1 or len(raw) != 2:
            self.error(raw.line, "a question condition needs exactly one of 'in', 'not_in', 'answered' (or 'min'/'max')")
            return None
        test = tests[0]
        if test == "answered":
            if not isinstance(raw["answered"], bool):
                self.error(raw.line_of("answered"), "'answered' must be true or false")
                return None
            return QuestionCondition(qualified, answered=raw["answered"])
        values = raw[test]
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            self.error(raw.line_of(test), f"'{test}' needs a list of option ids")
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
        self.error(raw.line_of(key), f"'{key}' must be a number or {{fact: ID}}, not {value!r}")
        return False

    # -- guidance, help, scoring ---------------------------------------------------------------
    def guidance_items(self, raw: Any, from_pack: bool) -> list[GuidanceItem]:
        node = self.mapping(raw, "guidance_file", 1, "guidance file")
        if node is None:
            return []
        return [g for g in (self.guidance(r, from_pack) for r in self.items(node, "items")) if g]

    def guidance(self, raw: Any, from_pack: bool) -> GuidanceItem | None:
        node = self.mapping(raw, "guidance", getattr(raw, "line", 0), "guidance item")
        if node is None:
            return None
        gid = self.ident(node, "id", "guidance item", _GUIDANCE_ID)
        what = f"guidance '{gid}'"
        needs = self.optional_condition(node, "needs")
        if "check" in node and needs is None and "needs" not in node:
            self.error(node.line_of("check"), f"{what} has 'check' but no 'needs' to check")
        return GuidanceItem(
            id=gid,
            title=self.text(node, "title", what) or Text.plain(gid),
            why=self.text(node, "why", what) or Text.plain(""),
            effort=self.choice(node, "effort", what, ("minutes", "hour", "day"), "hour"),
            steps=self.steps(node, what),
            resources=self.resources(node, what),
            reviewed=self.date(node, "reviewed", what),
            tradeoff=self.text(node, "tradeoff", what),
            path=self.path,
            line=node.line,
            from_pack=from_pack,
            done_when=self.optional_condition(node, "done_when"),
            needs=needs,
            check=self.text(node, "check", what),
            instead=self.id_list(node, "instead", what, _GUIDANCE_ID),
            urgent_when=self.urgent_when(node, what),
            audience=self.optional_condition(node, "audience"),
            card=self.text(node, "card", what),
            keeping_well=self.boolean(node, "keeping_well", what),
            sensitive=self.boolean(node, "sensitive", what),
        )

    def optional_condition(self, node: Node, key: str) -> Condition | None:
        return self.condition(node[key], node.line_of(key), "") if key in node else None

    def steps(self, node: Node, what: str) -> dict[str, tuple[Step, ...]]:
        steps: dict[str, tuple[Step, ...]] = {}
        raw_steps = node.get("steps")
        if raw_steps is not None and not isinstance(raw_steps, Node):
            self.error(node.line_of("steps"), f"'steps' of {what} must map platforms to lists of steps")
            return steps
        for platform, entries in (raw_steps or {}).items():
            if platform not in PLATFORM_KEYS:
                self.error(raw_steps.line_of(platform), f"steps of {what} name unknown platform '{platform}' (known: {', '.join(PLATFORM_KEYS)})")
                continue
            if not isinstance(entries, list) or not entries:
                self.error(raw_steps.line_of(platform), f"steps '{platform}' of {what} must be a non-empty list")
                continue
            built = [self.step(e, getattr(e, "line", raw_steps.line_of(platform)), what) for e in entries]
            steps[platform] = tuple(s for s in built if s)
        return steps

    def step(self, raw: Any, line: int, what: str) -> Step | None:
        """A text, or {text, when}: a step shown only when its condition holds."""
        if isinstance(raw, Node) and "text" in raw:
            node = self.mapping(raw, "step", line, f"a step of {what}")
            if node is None:
                return None
            text = self.text(node, "text", what)
            when = self.optional_condition(node, "when")
            return Step(text, when) if text is not None else None
        text = self.text_value(raw, line, "step", what)
        return Step(text) if text is not None else None

    def resources(self, node: Node, what: str) -> tuple[Resource, ...]:
        resources = []
        for raw_r in self.items(node, "resources"):
            r = self.mapping(raw_r, "resource", getattr(raw_r, "line", node.line), f"a resource of {what}")
            if r is None:
                continue
            src = r.get("source")
            if not isinstance(src, str) or not src.strip():
                self.error(r.line, f"a resource of {what} needs the 'source' organisation")
            platforms = self.id_list(r, "platforms", f"a resource of {what}")
            for platform in platforms:
                if platform not in PLATFORMS:
                    self.error(r.line_of("platforms"), f"a resource of {what} names unknown platform '{platform}' (known: {', '.join(PLATFORMS)})")
            lang = self.ident(r, "lang", f"a resource of {what}") or "en"
            resources.append(Resource(self.text(r, "title", f"a resource of {what}") or Text.plain(""),
                                      self.url(r, "url", f"a resource of {what}"), str(src), platforms, lang))
        if "resources" in node and not resources:
            self.error(node.line_of("resources"), f"{what} needs at least one resource")
        return tuple(resources)

    def urgent_when(self, node: Node, what: str) -> tuple[UrgentWhen, ...]:
        out = []
        for raw_u in self.items(node, "urgent_when"):
            u = self.mapping(raw_u, "urgent", getattr(raw_u, "line", node.line_of("urgent_when")), f"an 'urgent_when' entry of {what}")
            if u is None:
                continue
            when = self.optional_condition(u, "when")
            reason = self.text(u, "reason", f"an 'urgent_when' entry of {what}")
            if when is not None and reason is not None:
                out.append(UrgentWhen(when, reason))
        return tuple(out)

    def facts(self, raw: Any) -> list[Fact]:
        """Platform facts (guidance/_facts.yaml): what changes every year, in one place."""
        node = self.mapping(raw, "facts_file", 1, "facts file")
        out = []
        for raw_f in self.items(node, "facts") if node is not None else []:
            f = self.mapping(raw_f, "fact", getattr(raw_f, "line", 1), "fact")
            if f is None:
                continue
            fid = self.ident(f, "id", "fact")
            value = f.get("value")
            if isinstance(value, bool) or not isinstance(value, int | float | str) or (isinstance(value, str) and not value.strip()):
                self.error(f.line_of("value"), f"'value' of fact '{fid}' must be a number or a short text, not {value!r}")
                continue
            out.append(Fact(fid, float(value) if isinstance(value, int | float) else value,
                            self.text(f, "about", f"fact '{fid}'") or Text.plain(""), self.url(f, "source", f"fact '{fid}'"),
                            self.date(f, "checked", f"fact '{fid}'")))
        return out

    def help_contacts(self, raw: Any, from_pack: bool = False) -> list[HelpContact]:
        node = self.mapping(raw, "help_file", 1, "help file")
        if node is None:
            return []
        contacts = []
        for raw_c in self.items(node, "contacts"):
            c = self.mapping(raw_c, "contact", getattr(raw_c, "line", node.line), "contact")
            if c is None:
                continue
            cid = self.ident(c, "id", "contact", _GUIDANCE_ID)
            what = f"contact '{cid}'"
            name = c.get("name")
            if not isinstance(name, str) or not name.strip():
                self.error(c.line_of("name") if "name" in c else c.line, f"'name' of {what} must be a non-empty text")
                name = ""
            contacts.append(HelpContact(cid, name, self.text(c, "what", what) or Text.plain(""),
                                        self.text(c, "how", what) or Text.plain(""), self.url(c, "url", what),
                                        self.date(c, "checked", what), from_pack))
        return contacts

    def glossary(self, raw: Any) -> dict[str, dict[str, str]]:
        """Terms every translation uses: id -> {en, az, ru}."""
        node = self.mapping(raw, "glossary_file", 1, "glossary")
        terms: dict[str, dict[str, str]] = {}
        for raw_t in self.items(node, "terms") if node is not None else []:
            t = self.mapping(raw_t, "term", getattr(raw_t, "line", 1), "glossary term")
            if t is None:
                continue
            tid = self.ident(t, "id", "glossary term")
            if tid in terms:
                self.error(t.line, f"duplicate glossary term '{tid}'")
            values = {lang: t.get(lang) for lang in LANGUAGES}
            if not all(isinstance(v, str) and v.strip() for v in values.values()):
                self.error(t.line, f"glossary term '{tid}' needs non-empty en, az and ru")
                continue
            terms[tid] = {k: str(v) for k, v in values.items()}
        return terms

    def scoring(self, raw: Any) -> ScoringConfig | None:
        node = self.mapping(raw, "scoring", 1, "scoring settings")
        if node is None:
            return None
        levels, threats, bands = [], [], []
        for r in self.items(node, "levels"):
            if (n := self.mapping(r, "level", node.line, "level")) is not None:
                levels.append(Level(self.ident(n, "id", "level"), self.number(n, "weight", "level"), self.text(n, "label", "level") or Text.plain("")))
        for r in self.items(node, "threats"):
            if (n := self.mapping(r, "threat", node.line, "threat")) is not None:
                threats.append(ThreatDef(self.ident(n, "id", "threat"), self.ident(n, "baseline", "threat"), self.text(n, "label", "threat") or Text.plain("")))
        for r in self.items(node, "bands"):
            if (n := self.mapping(r, "band", node.line, "band")) is not None:
                bands.append(Band(self.ident(n, "id", "band"), self.integer(n, "up_to", "band", 0, 100) or 0, self.text(n, "label", "band") or Text.plain("")))
        plan = self.mapping(node.get("plan"), "plan", node.line_of("plan"), "plan")
        if plan is None or not levels or not bands or not threats:
            return None
        level_ids = {lv.id for lv in levels}
        for t in threats:
            if t.baseline not in level_ids:
                self.error(node.line_of("threats"), f"threat '{t.id}' has unknown baseline level '{t.baseline}'")
        if bands[-1].up_to != 100:
            self.error(node.line_of("bands"), "the last band must go up to 100")
        return ScoringConfig(tuple(levels), tuple(threats), tuple(bands),
                             self.number(plan, "today_from", "plan"), self.number(plan, "week_from", "plan"),
                             self.integer(plan, "today_max", "plan", 1, 100) or 5, self.integer(plan, "week_max", "plan", 1, 100) or 10)


def _short(value: object) -> str:
    """A bad value as shown in an error: its repr, bounded (a 1 MiB string is one long line)."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _with_not_sure_risk(question: Question) -> Question:
    """'Not sure' defaults to half the question's highest risk: not knowing is moderate risk."""
    options = tuple(
        replace(o, risk=math.ceil(question.max_risk / 2)) if o.id == NOT_SURE and o.risk < 0 else o
        for o in question.options
    )
    return replace(question, options=options)
