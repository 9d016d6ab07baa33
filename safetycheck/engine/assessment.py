"""One run of the engine: answers in, threat profile, scores and plan out. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from safetycheck.engine.conditions import Answers
from safetycheck.engine.model import ContentSet, Module, Question
from safetycheck.engine.scoring import ModuleScore, score_module
from safetycheck.engine.tailoring import ActionPlan, build_plan, stale_items
from safetycheck.engine.threats import ThreatProfile, build_profile


@dataclass(frozen=True)
class Assessment:
    content: ContentSet
    profile: ThreatProfile
    scores: tuple[ModuleScore, ...]  # the modules the person took, in order (profile modules included)
    plan: ActionPlan
    stale: tuple[str, ...]
    date: dt.date

    @property
    def unanswered(self) -> tuple[Question, ...]:
        return tuple(q for s in self.scores for q in s.unanswered)

    @property
    def scored(self) -> tuple[ModuleScore, ...]:
        # A module none of whose questions applies (the organisers' module for someone who organises
        # no one) was never put to the person: it is not shown, not even as "not assessed".
        return tuple(s for s in self.scores if s.module.scored and (s.answered or s.unanswered))


def assess(content: ContentSet, answers: Answers, modules: Sequence[Module], today: dt.date) -> Assessment:
    profile = build_profile(content, answers)
    scores = tuple(score_module(m, answers, profile, content) for m in modules)
    plan = build_plan(content, scores, answers, profile)
    return Assessment(content, profile, scores, plan, tuple(stale_items(content, today)), today)


def select_modules(content: ContentSet, wanted: Sequence[str], answered: Sequence[str] = ()) -> list[Module]:
    """The modules to run, in content order: those named, else those answered, else all.

    Profile modules are always included: their answers shape everything else.
    """
    from safetycheck.errors import UsageError
    from safetycheck.i18n.messages import tr

    for module_id in wanted:
        if content.module(module_id) is None:
            raise UsageError(tr("err_unknown_module", id=module_id, known=", ".join(m.id for m in content.modules)))
    chosen = set(wanted) or set(answered) or {m.id for m in content.modules}
    return [m for m in content.modules if m.id in chosen or not m.scored]
