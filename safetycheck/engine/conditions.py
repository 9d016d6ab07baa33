"""Evaluates `when` conditions against answers and the threat profile: pure, no eval."""

from __future__ import annotations

from collections.abc import Mapping

from safetycheck.engine.model import NOT_SURE, AllOf, AnyOf, Condition, Not, Question, QuestionCondition, ThreatCondition

# Answers: fully qualified question id -> the option ids chosen (one for single/yesno).
Answers = Mapping[str, tuple[str, ...]]


def holds(condition: Condition, answers: Answers, threat_ranks: Mapping[str, int], level_ranks: Mapping[str, int]) -> bool:
    """Whether a condition holds. `threat_ranks` maps threat -> current level rank."""
    if isinstance(condition, QuestionCondition):
        chosen = answers.get(condition.question)
        if condition.answered is not None:
            return (chosen is not None) == condition.answered
        if chosen is None:
            return False
        if condition.in_ is not None:
            return any(option in condition.in_ for option in chosen)
        return not any(option in (condition.not_in or ()) for option in chosen)
    if isinstance(condition, ThreatCondition):
        return threat_ranks.get(condition.threat, 0) >= level_ranks.get(condition.at_least, 0)
    if isinstance(condition, AllOf):
        return all(holds(c, answers, threat_ranks, level_ranks) for c in condition.items)
    if isinstance(condition, AnyOf):
        return any(holds(c, answers, threat_ranks, level_ranks) for c in condition.items)
    if isinstance(condition, Not):
        return not holds(condition.item, answers, threat_ranks, level_ranks)
    raise TypeError(f"unknown condition {condition!r}")


def applies(question: Question, answers: Answers, threat_ranks: Mapping[str, int], level_ranks: Mapping[str, int]) -> bool:
    return question.when is None or holds(question.when, answers, threat_ranks, level_ranks)


def truth(condition: Condition, answers: Answers, threat_ranks: Mapping[str, int], level_ranks: Mapping[str, int]) -> bool | None:
    """Three-valued `holds`: None when the answers leave it unknown.

    A question left unanswered, or answered only "not sure", makes its tests unknown (except
    `answered`); `all`/`any`/`not` combine unknowns the usual way (false wins in `all`, true in `any`).
    Used for `needs` (unknown keeps an item, with a first step on how to check) and `done_when`
    (only a known true counts as done).
    """
    if isinstance(condition, QuestionCondition):
        chosen = answers.get(condition.question)
        if condition.answered is not None:
            return (chosen is not None) == condition.answered
        if chosen is None or all(option == NOT_SURE for option in chosen):
            return None
        return holds(condition, answers, threat_ranks, level_ranks)
    if isinstance(condition, AllOf):
        values = [truth(c, answers, threat_ranks, level_ranks) for c in condition.items]
        return False if False in values else None if None in values else True
    if isinstance(condition, AnyOf):
        values = [truth(c, answers, threat_ranks, level_ranks) for c in condition.items]
        return True if True in values else None if None in values else False
    if isinstance(condition, Not):
        value = truth(condition.item, answers, threat_ranks, level_ranks)
        return None if value is None else not value
    return holds(condition, answers, threat_ranks, level_ranks)
