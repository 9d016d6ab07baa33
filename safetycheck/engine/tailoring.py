"""Turns triggered guidance into an action plan for this person: pure.

Priority of an item = the highest (answer risk x question weight) among the answers that
triggered it. Urgent answers go to "Do today" whatever their priority.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from safetycheck.engine.conditions import Answers
from safetycheck.engine.model import EFFORTS, NOT_SURE, PLATFORMS, ContentSet, GuidanceItem, Option, Question, Text
from safetycheck.engine.scoring import ModuleScore, answer_risk
from safetycheck.engine.threats import ThreatProfile

BUCKETS = ("today", "week", "later")
STALE_AFTER = dt.timedelta(days=365)


@dataclass(frozen=True)
class PlanItem:
    item: GuidanceItem
    bucket: str
    priority: float
    urgent: bool
    triggers: tuple[tuple[Question, Option], ...]
    steps: tuple[tuple[str, tuple[Text, ...]], ...]  # (platform or "general", steps) for this person


@dataclass(frozen=True)
class ActionPlan:
    items: tuple[PlanItem, ...]
    platforms: tuple[str, ...]  # the platforms the person said they use ("" = unknown: all shown)

    def bucket(self, name: str) -> tuple[PlanItem, ...]:
        return tuple(i for i in self.items if i.bucket == name)


def person_platforms(content: ContentSet, answers: Answers) -> tuple[str, ...]:
    found: set[str] = set()
    for module in content.modules:
        for question in module.questions:
            for option_id in answers.get(question.qid, ()):
                option = question.option(option_id)
                if option is not None:
                    found.update(option.platforms)
    return tuple(p for p in PLATFORMS if p in found)


def _triggered_guidance(question: Question, option: Option) -> tuple[str, ...]:
    """'Not sure' without its own guidance points to what the riskiest answer would need."""
    if option.id == NOT_SURE and not option.guidance:
        riskiest = max((o for o in question.options if o.id != NOT_SURE), key=lambda o: o.risk, default=None)
        return riskiest.guidance if riskiest else ()
    return option.guidance


def _steps_for(item: GuidanceItem, platforms: tuple[str, ...]) -> tuple[tuple[str, tuple[Text, ...]], ...]:
    texts = {p: tuple(st.text for st in steps) for p, steps in item.steps.items()}
    shown = [("general", texts["general"])] if "general" in texts else []
    shown += [(p, texts[p]) for p in PLATFORMS if p in texts and (not platforms or p in platforms)]
    if not shown:  # the item has steps only for platforms this person does not use: show them all
        shown = list(texts.items())
    return tuple(shown)


def build_plan(content: ContentSet, scores: tuple[ModuleScore, ...], answers: Answers, profile: ThreatProfile) -> ActionPlan:
    platforms = person_platforms(content, answers)
    found: dict[str, tuple[float, bool, list[tuple[Question, Option]]]] = {}
    for module_score in scores:
        weights = {a.question.qid: a.weight for a in module_score.answers}
        for question in module_score.answered:
            chosen = [o for o in question.options if o.id in answers[question.qid]]
            for option in chosen:
                if module_score.module.scored:
                    weight = weights.get(question.qid, profile.weight_of(question.threats)[0])
                    risk = option.risk if question.type == "multiple" else answer_risk(question, (option,))
                else:  # profile answers: weigh by the strongest threat the answer raises
                    weight = max((profile.levels[t].weight for t in option.threats), default=0.5)
                    risk = option.risk
                for gid in _triggered_guidance(question, option):
                    priority, urgent, triggers = found.get(gid, (0.0, False, []))
                    triggers.append((question, option))
                    found[gid] = (max(priority, min(risk, 10) * weight), urgent or option.urgent, triggers)
    effort_rank = {e: i for i, e in enumerate(EFFORTS)}
    config = content.scoring
    items = []
    for gid, (priority, urgent, triggers) in found.items():
        if urgent or priority >= config.today_from:
            bucket = "today"
        elif priority >= config.week_from:
            bucket = "week"
        else:
            bucket = "later"
        item = content.guidance[gid]
        items.append(PlanItem(item, bucket, round(priority, 2), urgent, tuple(triggers), _steps_for(item, platforms)))
    items.sort(key=lambda i: (BUCKETS.index(i.bucket), not i.urgent, -i.priority, effort_rank[i.item.effort], i.item.id))
    return ActionPlan(tuple(_keep_short(items, {"today": config.today_max, "week": config.week_max})), platforms)


def _keep_short(items: list[PlanItem], limits: dict[str, int]) -> list[PlanItem]:
    """Each bucket holds at most its limit (urgent items always stay in 'today'); the overflow
    moves, still in priority order, to the top of the next bucket."""
    placed: dict[str, list[PlanItem]] = {b: [] for b in BUCKETS}
    overflow: list[PlanItem] = []
    for bucket in BUCKETS:
        incoming = [replace(i, bucket=bucket) for i in overflow] + [i for i in items if i.bucket == bucket]
        overflow = []
        for item in incoming:
            limit = limits.get(bucket)
            full = limit is not None and sum(1 for p in placed[bucket] if not p.urgent) >= limit
            if full and not item.urgent:
                overflow.append(item)
            else:
                placed[bucket].append(item)
    return [i for b in BUCKETS for i in placed[b]]


def stale_items(content: ContentSet, today: dt.date) -> list[str]:
    """Ids of modules and guidance items whose review is more than a year old."""
    old = [m.id for m in content.modules if today - m.reviewed > STALE_AFTER]
    old += [g.id for g in content.guidance.values() if today - g.reviewed > STALE_AFTER]
    return old
