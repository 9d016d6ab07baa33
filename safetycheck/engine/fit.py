"""Fitting triggered items to the person: audience, done, capability, urgency, what comes along.

Pure functions over the content and the answers; `tailoring` puts the result into buckets.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from safetycheck.engine.conditions import Answers, holds, truth
from safetycheck.engine.model import PLATFORMS, Condition, ContentSet, GuidanceItem, Option, Question, Resource, Text
from safetycheck.engine.threats import ThreatProfile


@dataclass(frozen=True)
class Candidate:
    """An item on its way into the plan, with what the engine learnt about it."""

    item: GuidanceItem
    priority: float = 0.0
    urgent: bool = False
    triggers: tuple[tuple[Question, Option], ...] = ()
    urgent_reason: Text | None = None
    check_first: bool = False
    instead_of: str = ""
    brought_by: str = ""
    tier: int = 0  # how the item became urgent: 2 an answer marked urgent, 1 the situation (urgent_when)


def person_platforms(content: ContentSet, answers: Answers) -> tuple[str, ...]:
    found: set[str] = set()
    for module in content.modules:
        for question in module.questions:
            for option_id in answers.get(question.qid, ()):
                option = question.option(option_id)
                if option is not None:
                    found.update(option.platforms)
    return tuple(p for p in PLATFORMS if p in found)


@dataclass(frozen=True)
class Reading:
    """What the engine knows of the person: answers, threat profile, and which questions were not
    asked because their own condition did not hold (known absent, not unknown)."""

    answers: Answers
    profile: ThreatProfile
    not_asked: frozenset[str]

    def holds(self, condition: Condition) -> bool:
        return holds(condition, self.answers, self.profile.ranks, self.profile.level_ranks)

    def truth(self, condition: Condition) -> bool | None:
        return truth(condition, self.answers, self.profile.ranks, self.profile.level_ranks, self.not_asked)


def reading_of(content: ContentSet, answers: Answers, profile: ThreatProfile) -> Reading:
    # Not asked only when its condition is known false: a question after an unanswered one is unknown.
    skipped: set[str] = set()
    for module in content.modules:  # in order: conditions refer only to earlier questions
        for q in module.questions:
            if q.when is not None and q.qid not in answers and \
                    truth(q.when, answers, profile.ranks, profile.level_ranks, frozenset(skipped)) is False:
                skipped.add(q.qid)
    return Reading(answers, profile, frozenset(skipped))


def for_audience(item: GuidanceItem, reading: Reading) -> bool:
    return item.audience is None or reading.holds(item.audience)


def is_done(item: GuidanceItem, reading: Reading) -> bool:
    """Only a known true counts: an unanswered or 'not sure' practice is never done."""
    return item.done_when is not None and reading.truth(item.done_when) is True


def fit_candidates(content: ContentSet, found: dict[str, Candidate], reading: Reading) -> tuple[list[Candidate], list[Candidate]]:
    """(items to act on, items already in place), each once."""
    kept: dict[str, Candidate] = {}
    done: dict[str, Candidate] = {}
    queue = list(found.values())
    seen: set[str] = set()
    while queue:
        cand = queue.pop(0)
        item = cand.item
        if item.id in seen:
            _merge(kept, cand)
            continue
        seen.add(item.id)
        if not for_audience(item, reading):
            continue
        if is_done(item, reading):
            done[item.id] = cand
            continue
        reason = next((u.reason for u in item.urgent_when if reading.holds(u.when)), None)
        cand = replace(cand, urgent=cand.urgent or reason is not None, urgent_reason=cand.urgent_reason or reason,
                       tier=max(cand.tier, 1 if reason is not None else 0))
        able = True if item.needs is None else reading.truth(item.needs)
        if able is False:  # ruled out: offer what the content recommends instead, as urgent as it was
            queue += [replace(cand, item=content.guidance[g], instead_of=item.id, check_first=False)
                      for g in item.instead if g in content.guidance]
            continue
        kept[item.id] = replace(cand, check_first=able is None)
    # An urgent item brings the items it refers to with it (one level: what it names, not further).
    for cand in [c for c in kept.values() if c.urgent]:
        for gid in cand.item.refs:
            target = content.guidance.get(gid)
            if target is None or gid in done or not for_audience(target, reading) or is_done(target, reading):
                continue
            if target.needs is not None and reading.truth(target.needs) is False:
                continue
            old = kept.get(gid)
            if old is not None and old.urgent:
                continue
            base = old or Candidate(target, check_first=target.needs is not None and reading.truth(target.needs) is None)
            kept[gid] = replace(base, priority=max(base.priority, cand.priority), urgent=True, tier=cand.tier,
                                urgent_reason=base.urgent_reason or cand.urgent_reason, brought_by=cand.item.id)
    return list(kept.values()), list(done.values())


def _merge(kept: dict[str, Candidate], cand: Candidate) -> None:
    """An item reached twice (triggered and offered instead, say): keep the stronger claim."""
    old = kept.get(cand.item.id)
    if old is not None:
        kept[cand.item.id] = replace(old, priority=max(old.priority, cand.priority), urgent=old.urgent or cand.urgent,
                                     triggers=old.triggers + tuple(t for t in cand.triggers if t not in old.triggers),
                                     urgent_reason=old.urgent_reason or cand.urgent_reason, tier=max(old.tier, cand.tier))


def practice_trigger(cand: Candidate) -> bool:
    """Whether an action is about something the person does (not only about their situation).
    Questions without a `kind` count as practices when they are scored (they have threat tags)."""
    return any(q.kind == "practice" or (q.kind == "" and bool(q.threats)) for q, _ in cand.triggers)


def keeping_well(content: ContentSet, kept: list[Candidate], done: list[Candidate], reading: Reading) -> list[Candidate]:
    """Maintenance items for a person whose practices are in place: never a repeat of what they do."""
    have = {c.item.id for c in kept} | {c.item.id for c in done}
    out = []
    for item in content.guidance.values():
        if not item.keeping_well or item.id in have or not for_audience(item, reading) or is_done(item, reading):
            continue
        if item.needs is not None and reading.truth(item.needs) is False:
            continue
        out.append(Candidate(item))
    return out


def steps_for(cand: Candidate, platforms: tuple[str, ...], reading: Reading) -> tuple[tuple[str, tuple[Text, ...]], ...]:
    """The steps this person should see: general ones, their platforms' (all when unknown), each
    only when its condition holds; how to check capability first when it is unknown."""
    item = cand.item
    visible = {p: tuple(s.text for s in steps if s.when is None or reading.holds(s.when))
               for p, steps in item.steps.items()}
    shown = [(p, visible[p]) for p in ("general", *PLATFORMS)
             if visible.get(p) and (p == "general" or not platforms or p in platforms)]
    if not shown:  # steps only for platforms this person does not use: show them all
        shown = [(p, texts) for p, texts in visible.items() if texts]
    if cand.check_first and item.check is not None:
        general = dict(shown).get("general", ())
        shown = [("general", (item.check, *general))] + [(p, t) for p, t in shown if p != "general"]
    return tuple(shown)


def resources_for(item: GuidanceItem, platforms: tuple[str, ...]) -> tuple[Resource, ...]:
    """Resources for the person's platforms (a resource without platforms is for everyone)."""
    return tuple(r for r in item.resources if not r.platforms or not platforms or set(r.platforms) & set(platforms))
