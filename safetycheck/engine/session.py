"""The interactive flow as pure logic: passes of questions (the quick check, one area deeper),
honest progress, going back, skipping, saving to continue later, conditions applied live.
The asking itself is done by an `Asker` (prompt_toolkit in cli/prompts.py, a script in tests)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from safetycheck.engine.conditions import Answers, applies
from safetycheck.engine.model import AllOf, AnyOf, Condition, ContentSet, Module, Not, Question, QuestionCondition
from safetycheck.engine.threats import ThreatProfile, build_profile

SKIP = "__skip__"
BACK = "__back__"
PAUSE = "__pause__"  # save now and continue another time
STOP = "__stop__"  # end the pass here (the person chose to stop after the danger-now screen)


@dataclass(frozen=True)
class Progress:
    number: int
    total: int
    module: Module
    can_go_back: bool
    quick: bool = False  # the quick check (across areas) rather than one area


class Asker(Protocol):
    def ask(self, question: Question, progress: Progress, previous: tuple[str, ...] | None) -> tuple[str, ...] | str:
        """Return the chosen option ids, or SKIP, BACK or PAUSE."""
        ...


@dataclass
class SessionState:
    """What a session has gathered so far; what a mid-session save keeps."""

    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    asked: set[str] = field(default_factory=set)  # answered or skipped: not asked again in a later pass


@dataclass(frozen=True)
class PassResult:
    paused: bool  # the person pressed the save-for-later key
    stopped: bool = False  # the person chose to stop here
    danger: tuple[str, ...] = ()  # option ids chosen on the danger-now question in this pass


def _refers_to(condition: Condition) -> set[str]:
    if isinstance(condition, QuestionCondition):
        return {condition.question}
    if isinstance(condition, AllOf | AnyOf):
        return set().union(*(_refers_to(c) for c in condition.items)) if condition.items else set()
    if isinstance(condition, Not):
        return _refers_to(condition.item)
    return set()  # threat conditions: the profile can still change while context is open


def might_apply(question: Question, answers: Answers, profile: ThreatProfile, open_ids: set[str]) -> bool:
    """Whether a question applies now, or could once a question still open in this pass is answered."""
    if question.when is None:
        return True
    if applies(question, answers, profile.ranks, profile.level_ranks):
        return True
    return bool(_refers_to(question.when) & open_ids) or _has_threat(question.when) and any(
        q.startswith("context.") for q in open_ids)


def _has_threat(condition: Condition) -> bool:
    if isinstance(condition, AllOf | AnyOf):
        return any(_has_threat(c) for c in condition.items)
    if isinstance(condition, Not):
        return _has_threat(condition.item)
    return not isinstance(condition, QuestionCondition)


def pass_total(content: ContentSet, questions: Sequence[Question], answers: Answers, asked_before: set[str],
               done_here: int, current: int) -> int:
    """Questions already asked in this pass, plus those from `current` on that may still apply."""
    pending = [q for q in questions[current:] if q.qid not in asked_before]
    open_ids = {q.qid for q in pending}
    profile = build_profile(content, answers)  # once per redraw, not once per question
    return done_here + sum(1 for q in pending if might_apply(q, answers, profile, open_ids))


def run_pass(content: ContentSet, questions: Sequence[Question], asker: Asker, state: SessionState,
             quick: bool = False) -> PassResult:
    """Ask the questions of one pass that apply and were not asked in an earlier pass. The total
    shown never grows within the pass: it starts as an upper bound and only shrinks as answers
    rule questions out."""
    flat = list(questions)
    asked_before = set(state.asked)
    offset = sum(1 for q in flat if q.qid in asked_before)  # a resumed pass counts what was asked before
    history: list[int] = []  # indexes asked in this pass, in order (for Back)
    total = offset + pass_total(content, flat, state.answers, asked_before, 0, 0)
    danger: tuple[str, ...] = ()
    index = 0
    while index < len(flat):
        question = flat[index]
        profile = build_profile(content, state.answers)
        if question.qid in asked_before:
            index += 1
            continue
        if not applies(question, state.answers, profile.ranks, profile.level_ranks):
            state.answers.pop(question.qid, None)  # an earlier change made it irrelevant
            index += 1
            continue
        bound = offset + pass_total(content, flat, state.answers, asked_before, len(history), index)
        total = max(offset + len(history) + 1, min(total, bound))
        module = content.module(question.module)
        assert module is not None
        progress = Progress(offset + len(history) + 1, total, module, bool(history), quick)
        reply = asker.ask(question, progress, state.answers.get(question.qid))
        if reply == PAUSE:
            return PassResult(True, False, danger)
        if reply == STOP:
            return PassResult(False, True, danger)
        if reply == BACK:
            if history:
                index = history.pop()
            continue
        if reply == SKIP or not reply:
            state.answers.pop(question.qid, None)
        else:
            state.answers[question.qid] = tuple(reply)
            if question.danger_now:
                danger = tuple(reply)
        state.asked.add(question.qid)
        history.append(index)
        index += 1
    return PassResult(False, False, danger)


def run_session(content: ContentSet, modules: Sequence[Module], asker: Asker) -> dict[str, tuple[str, ...]]:
    """Every question of these modules, one pass per area (`check` without --answers)."""
    state = SessionState()
    for module in modules:
        result = run_pass(content, module.questions, asker, state)
        if result.paused:
            break
    return state.answers
