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


def person_platforms(content: ContentSet, answers: Answers) -> tuple[str, ...]:
    found: set[str] = set()
    for module in content.modules:
        for question in module.questions:
            for option_id in answers.get(question.qid, ()):
                option = question.option(option_id)
                if option is not None:
                    found.update(option.platforms)
    return tuple(p for p in PLATFORMS if p in found)


def _holds(condition: Condition, answers: Answers, profile: ThreatProfile) -> bool:
    return holds(condition, answers, profile.ranks, profile.level_ranks)


def _truth(condition: Condition, answers: Answers, profile: ThreatProfile) -> bool | None:
    return truth(condition, answers, profile.ranks, profile.level_ranks)


def for_audience(item: GuidanceItem, answers: Answers, profile: ThreatProfile) -> bool:
    return item.audience is None or _holds(item.audience, answers, profile)


def is_done(item: GuidanceItem, answers: Answers, profile: ThreatProfile) -> bool:
    """Only a known true counts: an unanswered or 'not sure' practice is never done."""
    return item.done_when is not None and _truth(item.done_when, answers, profile) is True


def fit_candidates(content: ContentSet, found: dict[str, Candidate], answers: Answers,
                   profile: ThreatProfile) -> tuple[list[Candidate], list[Candidate]]:
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
        if not for_audience(item, answers, profile):
            continue
        if is_done(item, answers, profile):
            done[item.id] = cand
            continue
        able = True if item.needs is None else _truth(item.needs, answers, profile)
        if able is False:  # ruled out: offer what the content recommends instead
            queue += [Candidate(content.guidance[g], cand.priority, cand.urgent, cand.triggers, cand.urgent_reason, instead_of=item.id)
                      for g in item.instead if g in content.guidance]
            continue
        reason = next((u.reason for u in item.urgent_when if _holds(u.when, answers, profile)), None)
        cand = replace(cand, check_first=able is None, urgent=cand.urgent or reason is not None,
                       urgent_reason=cand.urgent_reason or reason)
        kept[item.id] = cand
    # An urgent item brings the items it refers to with it (one level: what it names, not further).
    for cand in [c for c in kept.values() if c.urgent]:
        for gid in cand.item.refs:
            target = content.guidance.get(gid)
            if target is None or gid in done or not for_audience(target, answers, profile) or is_done(target, answers, profile):
                continue
            if target.needs is not None and _truth(target.needs, answers, profile) is False:
                continue
            old = kept.get(gid)
            if old is not None and old.urgent:
                continue
            base = old or Candidate(target, check_first=target.needs is not None and _truth(target.needs, answers, profile) is None)
            kept[gid] = replace(base, priority=max(base.priority, cand.priority), urgent=True,
                                urgent_reason=base.urgent_reason or cand.urgent_reason, brought_by=cand.item.id)
    return list(kept.values()), list(done.values())


def _merge(kept: dict[str, Candidate], cand: Candidate) -> None:
    """An item reached twice (triggered and offered instead, say): keep the stronger claim."""
    old = kept.get(cand.item.id)
    if old is not None:
        kept[cand.item.id] = replace(old, priority=max(old.priority, cand.priority), urgent=old.urgent or cand.urgent,
                                     triggers=old.triggers + tuple(t for t in cand.triggers if t not in old.triggers),
                                     urgent_reason=old.urgent_reason or cand.urgent_reason)


def practice_trigger(cand: Candidate) -> bool:
    """Whether an action is about something the person does (not only about their situation).
    Questions without a `kind` count as practices when they are scored (they have threat tags)."""
    return any(q.kind == "practice" or (q.kind == "" and bool(q.threats)) for q, _ in cand.triggers)


def keeping_well(content: ContentSet, kept: list[Candidate], done: list[Candidate], answers: Answers,
                 profile: ThreatProfile) -> list[Candidate]:
    """Maintenance items for a person whose practices are in place: never a repeat of what they do."""
    have = {c.item.id for c in kept} | {c.item.id for c in done}
    out = []
    for item in content.guidance.values():
        if not item.keeping_well or item.id in have or not for_audience(item, answers, profile) or is_done(item, answers, profile):
            continue
        if item.needs is not None and _truth(item.needs, answers, profile) is False:
            continue
        out.append(Candidate(item))
    return out


def steps_for(cand: Candidate, platforms: tuple[str, ...], answers: Answers,
              profile: ThreatProfile) -> tuple[tuple[str, tuple[Text, ...]], ...]:
    """The steps this person should see: general ones, their platforms' (all when unknown), each
    only when its condition holds; how to check capability first when it is unknown."""
    item = cand.item
    visible = {p: tuple(s.text for s in steps if s.when is None or _holds(s.when, answers, profile))
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
