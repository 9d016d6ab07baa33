"""The interactive flow as pure logic: which question next, going back, skipping, conditions
applied live. The asking itself is done by an `Asker` (questionary in prompts.py, a script in tests)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from safetycheck.engine.conditions import applies
from safetycheck.engine.model import ContentSet, Module, Question
from safetycheck.engine.threats import build_profile

SKIP = "__skip__"
BACK = "__back__"


@dataclass(frozen=True)
class Progress:
    number: int
    total: int
    module: Module
    can_go_back: bool


class Asker(Protocol):
    def ask(self, question: Question, progress: Progress, previous: tuple[str, ...] | None) -> tuple[str, ...] | str:
        """Return the chosen option ids, or SKIP, or BACK."""
        ...


def run_session(content: ContentSet, modules: Sequence[Module], asker: Asker) -> dict[str, tuple[str, ...]]:
    answers: dict[str, tuple[str, ...]] = {}
    flat = [(m, q) for m in modules for q in m.questions]
    history: list[int] = []
    index = 0
    while index < len(flat):
        module, question = flat[index]
        profile = build_profile(content, answers)
        live = [i for i, (_, q) in enumerate(flat) if applies(q, answers, profile.ranks, profile.level_ranks)]
        if index not in live:
            answers.pop(question.qid, None)  # an earlier change made it irrelevant
            index += 1
            continue
        progress = Progress(live.index(index) + 1, len(live), module, bool(history))
        reply = asker.ask(question, progress, answers.get(question.qid))
        if reply == BACK:
            if history:
                index = history.pop()
            continue
        if reply == SKIP or not reply:
            answers.pop(question.qid, None)
        else:
            answers[question.qid] = tuple(reply)
        history.append(index)
        index += 1
    return answers
