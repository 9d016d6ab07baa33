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
    """The danger-now question first, then, area by area in content order, the questions content
    marks `quick`. An area with no marks yet (an older pack, content being marked) still gets
    asked: a profile area all its questions, an assessment area its weightiest ones (highest
    risk, unconditional first), sharing what is left of QUICK_MAX evenly."""
    danger = danger_question(content)
    first = [danger] if danger is not None else []
    marked = {m.id: [q for q in m.questions if q.quick and q is not danger] for m in modules}
    unmarked_profile = [q for m in modules if not m.scored and not marked[m.id] for q in m.questions if q is not danger]
    unmarked_scored = [m for m in modules if m.scored and not marked[m.id] and m.questions]
    # Every area gets at least one question; the unmarked profile questions give way first.
    profile_room = max(0, QUICK_MAX - len(first) - sum(len(v) for v in marked.values()) - len(unmarked_scored))
    unmarked_profile = unmarked_profile[:profile_room]
    room = QUICK_MAX - len(first) - sum(len(v) for v in marked.values()) - len(unmarked_profile)
    per_area = max(1, math.floor(room / len(unmarked_scored))) if unmarked_scored and room > 0 else 1
    picked: list[Question] = list(first)
    for module in modules:
        if marked[module.id]:
            picked += marked[module.id]
        elif not module.scored:
            picked += [q for q in module.questions if q in unmarked_profile]
        else:
            weighty = sorted(module.questions, key=lambda q: (q.when is not None, -q.max_risk))[:per_area]
            picked += [q for q in module.questions if q in weighty]
    return picked[:QUICK_MAX]


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


def danger_now(content: ContentSet, answers: Answers, lang: str = "en") -> Danger:
    question = danger_question(content)
    if question is None:
        return Danger((), (), ())
    chosen = [o for o in question.options if o.id in answers.get(question.qid, ()) and o.id != NOT_SURE]
    guidance = tuple(dict.fromkeys(g for o in chosen for g in o.guidance if g in content.guidance))
    fitting = dict.fromkeys(c for o in chosen for c in o.contacts)
    return Danger(tuple(o.id for o in chosen), guidance, in_their_language(content, tuple(fitting), lang))


def in_their_language(content: ContentSet, ids: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """At most three of these contacts: those who answer in the person's language first, otherwise in
    the order the content gives (the situation's own order)."""
    speaks = {c.id: lang in c.languages for c in content.help}
    known = [cid for cid in ids if cid in speaks]
    return tuple(sorted(known, key=lambda cid: not speaks[cid]))[:MAX_CONTACTS]


def help_for(content: ContentSet, answers: Answers, lang: str) -> tuple[str, ...]:
    """The contacts for the last screen: the danger-now situation's, or, when nothing is happening
    now, the first general helpline (the help file's first entry) so that one name is always there."""
    danger = danger_now(content, answers, lang).contacts
    return danger or in_their_language(content, tuple(c.id for c in content.help[:1]), lang)
