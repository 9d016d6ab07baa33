"""Turns triggered guidance into an action plan that fits this person: pure.

1. Answers trigger items. Priority of an item = the highest (answer risk x question weight) among
   the answers that triggered it.
2. Each item is then fitted (see `fit.py`): shown only to its audience; never an action when its
   `done_when` holds (it goes to `in_place`); dropped, with its `instead` items offered, when the
   answers rule out what it `needs`; kept with a first step on how to check when they leave it
   unknown.
3. Urgency comes from the answers (`urgent: true` options) and from the situation (`urgent_when`);
   an urgent item brings the items it refers to with it.
4. Buckets: Do today holds at most 5 (the urgent ones that matter most; the rest lead This week,
   still marked urgent), This week at most 7 (past that, even urgent items wait in When you can,
   first), the rest When you can.
5. When no action is about a practice (everything the person does is in place), `keeping_well`
   items make a short maintenance plan, so a plan is never empty and never repeats what they do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from safetycheck.engine.conditions import Answers
from safetycheck.engine.fit import (
    Candidate,
    fit_candidates,
    keeping_well,
    person_platforms,
    practice_trigger,
    reading_of,
    resources_for,
    steps_for,
)
from safetycheck.engine.model import EFFORTS, NOT_SURE, ContentSet, GuidanceItem, Option, Question, Resource, Text
from safetycheck.engine.scoring import ModuleScore, answer_risk
from safetycheck.engine.threats import ThreatProfile

BUCKETS = ("today", "week", "later")
TODAY_MAX = 5  # hard limits: the content's settings may ask for fewer, never more
WEEK_MAX = 7
STALE_AFTER = dt.timedelta(days=365)

__all__ = ["BUCKETS", "ActionPlan", "PlanItem", "build_plan", "person_platforms", "stale_items"]


@dataclass(frozen=True)
class PlanItem:
    """One item of the plan, already fitted to the person.

    `steps` and `resources` hold only what this person should see (their platforms, their
    situation); when `check_first` is set, the first step says how to find out whether the item
    can be followed at all. `urgent_reason` says why it is urgent when the situation made it so
    (None when an answer itself was marked urgent: `triggers` then say why). `instead_of` and
    `brought_by` name the item this one replaces or came along with ("" if none).
    """

    item: GuidanceItem
    bucket: str  # "today", "week", "later"; "in_place" for what the person already does
    priority: float
    urgent: bool
    triggers: tuple[tuple[Question, Option], ...]
    steps: tuple[tuple[str, tuple[Text, ...]], ...]  # (platform or "general", steps) for this person
    urgent_reason: Text | None = None
    resources: tuple[Resource, ...] = ()
    check_first: bool = False
    instead_of: str = ""
    brought_by: str = ""


@dataclass(frozen=True)
class ActionPlan:
    """The plan: `today`, `week` and `later` (each a tuple of PlanItem, most important first), and
    `in_place`: items the answers show are already done, for the full report to acknowledge.
    `platforms` are those the person said they use (empty: unknown, every platform's steps shown).
    """

    today: tuple[PlanItem, ...]
    week: tuple[PlanItem, ...]
    later: tuple[PlanItem, ...]
    in_place: tuple[PlanItem, ...]
    platforms: tuple[str, ...]

    @property
    def items(self) -> tuple[PlanItem, ...]:
        return self.today + self.week + self.later

    def bucket(self, name: str) -> tuple[PlanItem, ...]:
        return {"today": self.today, "week": self.week, "later": self.later, "in_place": self.in_place}[name]


def _triggered_guidance(question: Question, option: Option) -> tuple[str, ...]:
    """'Not sure' without its own guidance points to what the riskiest answer would need."""
    if option.id == NOT_SURE and not option.guidance:
        riskiest = max((o for o in question.options if o.id != NOT_SURE), key=lambda o: o.risk, default=None)
        return riskiest.guidance if riskiest else ()
    return option.guidance


def _triggered(content: ContentSet, scores: tuple[ModuleScore, ...], answers: Answers, profile: ThreatProfile) -> dict[str, Candidate]:
    found: dict[str, Candidate] = {}
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
                    if gid not in content.guidance:
                        continue
                    old = found.get(gid) or Candidate(content.guidance[gid])
                    found[gid] = replace(old, priority=max(old.priority, min(risk, 10) * weight),
                                         urgent=old.urgent or option.urgent, tier=max(old.tier, 2 if option.urgent else 0),
                                         triggers=(*old.triggers, (question, option)))
    return found


def build_plan(content: ContentSet, scores: tuple[ModuleScore, ...], answers: Answers, profile: ThreatProfile) -> ActionPlan:
    platforms = person_platforms(content, answers)
    reading = reading_of(content, answers, profile)
    kept, done = fit_candidates(content, _triggered(content, scores, answers, profile), reading)
    if not any(practice_trigger(c) for c in kept):
        kept += keeping_well(content, kept, done, reading)
    config = content.scoring
    today_max, week_max = min(config.today_max, TODAY_MAX), min(config.week_max, WEEK_MAX)
    effort_rank = {e: i for i, e in enumerate(EFFORTS)}

    by_id = {c.item.id: c for c in kept}

    def order(c: Candidate) -> tuple[object, ...]:
        # Urgent first: what an answer marks urgent, then what the situation makes urgent, then the
        # items they brought along (in the order of what brought them); then the most important.
        bringer = by_id.get(c.brought_by)
        if bringer is not None and bringer is not c and not bringer.brought_by:
            return (False, 1, *order(bringer)[2:], c.item.id)
        return (not c.urgent, 0, -c.tier, -c.priority, effort_rank[c.item.effort], c.item.id, "")

    kept.sort(key=order)
    urgent = [c for c in kept if c.urgent]
    high = [c for c in kept if not c.urgent and c.priority >= config.today_from]
    middle = [c for c in kept if not c.urgent and config.week_from <= c.priority < config.today_from]
    low = [c for c in kept if not c.urgent and c.priority < config.week_from and not c.item.keeping_well]
    maintenance = [c for c in kept if not c.urgent and c.priority < config.week_from and c.item.keeping_well]
    today = (urgent + high)[:today_max]
    spill = [c for c in urgent + high if c not in today]
    rest = spill + middle  # urgent overflow first, still marked urgent
    if not (today or rest):
        rest += maintenance  # nothing else to do this week: keeping well comes first
        maintenance = []
    week = rest[:week_max]
    later = rest[week_max:] + low + maintenance

    def items(cands: list[Candidate], bucket: str) -> tuple[PlanItem, ...]:
        return tuple(PlanItem(c.item, bucket, round(c.priority, 2), c.urgent, c.triggers,
                              steps_for(c, platforms, reading), c.urgent_reason,
                              resources_for(c.item, platforms), c.check_first, c.instead_of, c.brought_by)
                     for c in cands)

    return ActionPlan(items(today, "today"), items(week, "week"), items(later, "later"),
                      items(sorted(done, key=lambda c: c.item.id), "in_place"), platforms)


def stale_items(content: ContentSet, today: dt.date) -> list[str]:
    """Ids of modules and guidance items whose review is more than a year old."""
    old = [m.id for m in content.modules if today - m.reviewed > STALE_AFTER]
    old += [g.id for g in content.guidance.values() if today - g.reviewed > STALE_AFTER]
    return old
