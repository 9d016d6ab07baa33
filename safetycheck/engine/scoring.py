"""Scores answers per module: pure and deterministic.

A module's score is the share of its possible weighted risk that the person's answers leave
open: 100 x sum(risk x weight) / sum(highest risk x weight), over the questions that applied and
were answered. It measures remaining exposure, so strong practices score low at any threat level;
the threat profile only decides how much each answer matters.
"""

from __future__ import annotations

from dataclasses import dataclass

from safetycheck.engine.conditions import Answers, applies
from safetycheck.engine.model import NOT_SURE, Band, ContentSet, Module, Option, Question
from safetycheck.engine.threats import ThreatProfile


@dataclass(frozen=True)
class ScoredAnswer:
    question: Question
    chosen: tuple[Option, ...]
    risk: int
    max_risk: int
    best_risk: int
    weight: float
    threat: str  # the threat tag that gave the weight

    @property
    def contribution(self) -> float:
        return self.risk * self.weight

    @property
    def possible(self) -> float:
        return self.max_risk * self.weight


@dataclass(frozen=True)
class ModuleScore:
    module: Module
    score: int | None  # None when nothing scorable was answered
    band: Band | None
    answers: tuple[ScoredAnswer, ...]
    answered: tuple[Question, ...]  # applied and answered, scored or not
    unanswered: tuple[Question, ...]
    urgent: tuple[tuple[Question, Option], ...]

    @property
    def possible(self) -> float:
        return sum(a.possible for a in self.answers)

    def points(self, answer: ScoredAnswer) -> float:
        """How many of the module's 0-100 points this answer adds."""
        return 100 * answer.contribution / self.possible if self.possible else 0.0

    def could_drop(self, answer: ScoredAnswer) -> float:
        """How far the score falls if this answer moves to the safest option."""
        return 100 * (answer.risk - answer.best_risk) * answer.weight / self.possible if self.possible else 0.0


def answer_risk(question: Question, chosen: tuple[Option, ...]) -> int:
    """Risk of one answer; several choices add up, capped at the question's maximum."""
    if question.type != "multiple":
        return chosen[0].risk if chosen else 0
    unsure = [o.risk for o in chosen if o.id == NOT_SURE]
    total = sum(o.risk for o in chosen if o.id != NOT_SURE)
    return min(question.max_risk, max([total, *unsure]))


def applicable_questions(module: Module, answers: Answers, profile: ThreatProfile) -> list[Question]:
    ranks = profile.ranks
    return [q for q in module.questions if applies(q, answers, ranks, profile.level_ranks)]


def score_module(module: Module, answers: Answers, profile: ThreatProfile, content: ContentSet) -> ModuleScore:
    scored: list[ScoredAnswer] = []
    answered: list[Question] = []
    unanswered: list[Question] = []
    urgent: list[tuple[Question, Option]] = []
    for question in applicable_questions(module, answers, profile):
        chosen_ids = answers.get(question.qid)
        if chosen_ids is None:
            unanswered.append(question)
            continue
        answered.append(question)
        chosen = tuple(o for o in question.options if o.id in chosen_ids)
        urgent.extend((question, o) for o in chosen if o.urgent)
        if not module.scored or question.max_risk == 0:
            continue
        weight, threat = profile.weight_of(question.threats)
        best = min(o.risk for o in question.options if o.id != NOT_SURE)
        scored.append(ScoredAnswer(question, chosen, answer_risk(question, chosen), question.max_risk,
                                   0 if question.type == "multiple" else best, weight, threat))
    possible = sum(a.possible for a in scored)
    score = round(100 * sum(a.contribution for a in scored) / possible) if possible and module.scored else None
    band = content.scoring.band_for(score) if score is not None else None
    return ModuleScore(module, score, band, tuple(scored), tuple(answered), tuple(unanswered), tuple(urgent))
