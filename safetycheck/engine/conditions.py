"""Evaluates `when` conditions against answers and the threat profile: pure, no eval."""

from __future__ import annotations

from collections.abc import Mapping

from safetycheck.engine.model import AllOf, AnyOf, Condition, Not, Question, QuestionCondition, ThreatCondition

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
