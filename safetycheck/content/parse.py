"""Turns parsed YAML nodes into model objects, collecting one `file:line: problem` per error.

Checks here are local to one object (keys, types, required fields). Checks that look across
objects (references, ordering of conditions, duplicate ids) live in `crossref`. `Reader` reads
every kind of file: modules and scoring here, guidance in `parse_guidance`, the generic parts in
`parse_base`.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from safetycheck.content.nodes import Node
from safetycheck.content.parse_base import GUIDANCE_ID
from safetycheck.content.parse_guidance import GuidanceReader
from safetycheck.engine.model import (
    NOT_SURE,
    PLATFORMS,
    QUESTION_KINDS,
    Band,
    Level,
    Module,
    Option,
    Question,
    ScoringConfig,
    Text,
    ThreatDef,
)
from safetycheck.i18n.messages import tr


class Reader(GuidanceReader):
    """Reads the objects of one file, remembering every problem instead of stopping at the first."""

    # -- modules ---------------------------------------------------------------------------
    def module(self, raw: Any, expected_id: str, from_pack: bool) -> Module | None:
        node = self.mapping(raw, "module", 1, tr("val_w_module"))
        if node is None:
            return None
        module_id = self.ident(node, "id", tr("val_w_module"))
        if module_id and module_id != expected_id:
            self.error(node.line_of("id"), tr("val_module_file", id=module_id, file=expected_id))
        mwhat = tr("val_w_module_id", id=module_id)
        kind = self.choice(node, "kind", mwhat, ("assessment", "profile"), "assessment")
        questions = [q for q in (self.question(raw_q, module_id, kind) for raw_q in self.items(node, "questions")) if q]
        return Module(
            id=module_id,
            title=self.text(node, "title", mwhat) or Text.plain(module_id),
            description=self.text(node, "description", mwhat) or Text.plain(""),
            reviewed=self.date(node, "reviewed", mwhat),
            order=self.integer(node, "order", mwhat, 0, 10_000) or 0,
            kind=kind,
            questions=tuple(questions),
            path=self.path,
            from_pack=from_pack,
        )

    def question(self, raw: Any, module_id: str, kind: str) -> Question | None:
        line = getattr(raw, "line", None) or 0
        node = self.mapping(raw, "question", line, tr("val_w_question"))
        if node is None:
            return None
        qid = self.ident(node, "id", tr("val_w_question"))
        what = tr("val_w_question_id", id=qid)
        qtype = self.choice(node, "type", what, ("single", "multiple", "yesno"), "single")
        options = [o for o in (self.option(raw_o, what, kind, qtype) for raw_o in self.items(node, "options")) if o]
        when = self.condition(node["when"], node.line_of("when"), module_id) if "when" in node else None
        qkind = self.choice(node, "kind", what, QUESTION_KINDS, "") if "kind" in node else ""
        if kind == "profile":
            if qkind == "practice":
                self.error(node.line_of("kind"), tr("val_profile_practice", what=what))
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
        node = self.mapping(raw, "option", line, tr("val_w_option_of", what=question_what))
        if node is None:
            return None
        oid = self.ident(node, "id", tr("val_w_option"))
        what = tr("val_w_option_id", id=oid, what=question_what)
        risk = self.integer(node, "risk", what, 0, 10)
        defaults_label = oid == NOT_SURE or (qtype == "yesno" and oid in ("yes", "no"))
        if "label" not in node and not defaults_label:
            self.error(node.line, tr("val_needs_label", what=what))
        if risk is None and kind == "assessment" and oid != NOT_SURE and "risk" not in node:
            self.error(node.line, tr("val_no_risk", what=what))
        if kind == "assessment" and "threats" in node:
            self.error(node.line_of("threats"), tr("val_threats_in_profile", what=what))
        threats: dict[str, str] = {}
        raw_threats = node.get("threats")
        if raw_threats is not None:
            if not isinstance(raw_threats, Node):
                self.error(node.line_of("threats"), tr("val_threats_map", what=what))
            else:
                threats = {str(k): str(v) for k, v in raw_threats.items()}
        platforms = self.id_list(node, "platforms", what)
        for platform in platforms:
            if platform not in PLATFORMS:
                self.error(node.line_of("platforms"), tr("val_unknown_platform", what=what, platform=platform, known=", ".join(PLATFORMS)))
        return Option(
            id=oid,
            label=self.text(node, "label", what),
            risk=risk if risk is not None else -1 if oid == NOT_SURE else 0,
            guidance=self.id_list(node, "guidance", what, GUIDANCE_ID),
            urgent=self.boolean(node, "urgent", what),
            platforms=platforms,
            threats=threats,
            line=node.line,
            exclusive=self.boolean(node, "exclusive", what) or oid == NOT_SURE,
            contacts=self.id_list(node, "contacts", what, GUIDANCE_ID),
            replaces=self.id_list(node, "replaces", what),
            number=self.number(node, "number", what) if "number" in node else None,
        )

    def scoring(self, raw: Any) -> ScoringConfig | None:
        node = self.mapping(raw, "scoring", 1, tr("val_w_scoring"))
        if node is None:
            return None
        levels, threats, bands = [], [], []
        for r in self.items(node, "levels"):
            if (n := self.mapping(r, "level", node.line, tr("val_w_level"))) is not None:
                levels.append(Level(self.ident(n, "id", tr("val_w_level")), self.number(n, "weight", tr("val_w_level")), self.text(n, "label", tr("val_w_level")) or Text.plain("")))
        for r in self.items(node, "threats"):
            if (n := self.mapping(r, "threat", node.line, tr("val_w_threat"))) is not None:
                threats.append(ThreatDef(self.ident(n, "id", tr("val_w_threat")), self.ident(n, "baseline", tr("val_w_threat")), self.text(n, "label", tr("val_w_threat")) or Text.plain("")))
        for r in self.items(node, "bands"):
            if (n := self.mapping(r, "band", node.line, tr("val_w_band"))) is not None:
                bands.append(Band(self.ident(n, "id", tr("val_w_band")), self.integer(n, "up_to", tr("val_w_band"), 0, 100) or 0, self.text(n, "label", tr("val_w_band")) or Text.plain("")))
        plan = self.mapping(node.get("plan"), "plan", node.line_of("plan"), tr("val_w_plan"))
        if plan is None or not levels or not bands or not threats:
            return None
        level_ids = {lv.id for lv in levels}
        for t in threats:
            if t.baseline not in level_ids:
                self.error(node.line_of("threats"), tr("val_unknown_baseline", id=t.id, level=t.baseline))
        if bands[-1].up_to != 100:
            self.error(node.line_of("bands"), tr("val_last_band"))
        return ScoringConfig(tuple(levels), tuple(threats), tuple(bands),
                             self.number(plan, "today_from", tr("val_w_plan")), self.number(plan, "week_from", tr("val_w_plan")),
                             self.integer(plan, "today_max", tr("val_w_plan"), 1, 100) or 5, self.integer(plan, "week_max", tr("val_w_plan"), 1, 100) or 10)


def _with_not_sure_risk(question: Question) -> Question:
    """'Not sure' defaults to half the question's highest risk: not knowing is moderate risk."""
    options = tuple(
        replace(o, risk=math.ceil(question.max_risk / 2)) if o.id == NOT_SURE and o.risk < 0 else o
        for o in question.options
    )
    return replace(question, options=options)
