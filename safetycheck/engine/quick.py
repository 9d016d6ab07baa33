"""Which questions a pass asks (the quick check, one area deeper) and what the danger-now
answer brings (urgent items, help contacts). Pure: content and answers in, ids out."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from safetycheck.engine.conditions import Answers
from safetycheck.engine.model import NOT_SURE, ContentSet, Module, Question

QUICK_MAX = 25
MAX_CONTACTS = 3


def danger_question(content: ContentSet) -> Question | None:
    """The one "is something happening now?" question, if the content has it."""
    return next((q for m in content.modules for q in m.questions if q.danger_now), None)


def quick_questions(content: ContentSet, modules: Sequence[Module]) -> list[Question]:
    """The danger-now question first, then the questions content marks `quick`, in content order.

    Content without `quick` marks (an older pack): the profile questions, then the questions
    whose answers weigh most (highest risk), spread evenly over the areas, at most QUICK_MAX."""
    danger = danger_question(content)
    first = [danger] if danger is not None else []
    marked = [q for m in modules for q in m.questions if q.quick and q is not danger]
    if marked or any(q.quick for m in content.modules for q in m.questions):
        return (first + marked)[:QUICK_MAX]
    profile = [q for m in modules if not m.scored for q in m.questions if q is not danger]
    scored = [m for m in modules if m.scored]
    room = QUICK_MAX - len(first) - len(profile)
    per_area = max(1, math.floor(room / len(scored))) if scored and room > 0 else 0
    picked: list[Question] = []
    for module in scored:
        weighty = sorted(module.questions, key=lambda q: (q.when is not None, -q.max_risk))[:per_area]
        picked += [q for q in module.questions if q in weighty]
    return (first + profile + picked)[:QUICK_MAX]


def deeper_questions(module: Module, asked: set[str]) -> list[Question]:
    """An area's questions not asked yet in this session."""
    return [q for q in module.questions if q.qid not in asked]


def remaining(module: Module, asked: set[str]) -> int:
    return len(deeper_questions(module, asked))


@dataclass(frozen=True)
class Danger:
    """What the danger-now answer calls for: urgent guidance ids and help-contact ids (≤ 3)."""

    situations: tuple[str, ...]  # the option ids chosen
    guidance: tuple[str, ...]
    contacts: tuple[str, ...]

    @property
    def urgent(self) -> bool:
        return bool(self.guidance or self.contacts)


def danger_now(content: ContentSet, answers: Answers) -> Danger:
    question = danger_question(content)
    if question is None:
        return Danger((), (), ())
    chosen = [o for o in question.options if o.id in answers.get(question.qid, ()) and o.id != NOT_SURE]
    guidance = tuple(dict.fromkeys(g for o in chosen for g in o.guidance if g in content.guidance))
    known = {c.id for c in content.help}
    contacts = tuple(dict.fromkeys(c for o in chosen for c in o.contacts if c in known))[:MAX_CONTACTS]
    return Danger(tuple(o.id for o in chosen), guidance, contacts)
