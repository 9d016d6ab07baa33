"""Asks questions on a real terminal with questionary: the only module that imports it.

`unsafe_ask` is used throughout so Ctrl-C raises KeyboardInterrupt for the CLI to handle.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence

import questionary
from questionary import Choice, Separator

from safetycheck.engine.model import NOT_SURE, Module, Question
from safetycheck.engine.session import BACK, SKIP, Progress
from safetycheck.i18n.messages import strings
from safetycheck.render.report import answer_label, say

STYLE = questionary.Style([("qmark", "fg:#5f87ff bold"), ("question", "bold"), ("instruction", "fg:#808080 italic"),
                           ("highlighted", "bold reverse"), ("pointer", "bold"), ("selected", "bold")])


class QuestionaryAsker:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.s = strings(lang)

    def _choices(self, question: Question, previous: tuple[str, ...] | None, can_go_back: bool) -> list[Choice | Separator]:
        choices: list[Choice | Separator] = []
        ordered = [o for o in question.options if o.id != NOT_SURE] + [o for o in question.options if o.id == NOT_SURE]
        for option in ordered:
            checked = question.type == "multiple" and previous is not None and option.id in previous
            choices.append(Choice(answer_label(question, option, self.lang), value=option.id, checked=checked))
        choices.append(Separator("──────"))
        choices.append(Choice(self.s["skip"], value=SKIP))
        if can_go_back:
            choices.append(Choice(self.s["back"], value=BACK))
        return choices

    def ask(self, question: Question, progress: Progress, previous: tuple[str, ...] | None) -> tuple[str, ...] | str:
        header = self.s["progress"].format(n=progress.number, total=progress.total, module=say(progress.module.title, self.lang))
        questionary.print("")
        questionary.print(header, style="fg:#808080")
        # prompt_toolkit cuts long lines at the edge instead of wrapping them: wrap here.
        width = max(40, shutil.get_terminal_size((80, 24)).columns - 4)
        text = "\n  ".join(textwrap.wrap(say(question.text, self.lang), width))
        why = "\n  ".join(textwrap.wrap(say(question.why, self.lang), width))
        choices = self._choices(question, previous, progress.can_go_back)
        if question.type == "multiple":
            picked = questionary.checkbox(text, choices=choices, instruction=f"\n  {why}\n  ({self.s['pick_several']} {self.s['checkbox_hint']})",
                                          style=STYLE, qmark="?").unsafe_ask()
            if BACK in picked:
                return BACK
            if SKIP in picked or not picked:
                return SKIP
            return tuple(picked)
        default = previous[0] if previous else None
        picked_one = questionary.select(text, choices=choices, default=default, instruction=f"\n  {why}\n ",
                                        style=STYLE, qmark="?").unsafe_ask()
        if picked_one in (BACK, SKIP):
            return str(picked_one)
        return (str(picked_one),)


def choose_modules(modules: Sequence[Module], lang: str) -> list[str]:
    s = strings(lang)
    choices = [Choice(say(m.title, lang), value=m.id, checked=True) for m in modules if m.scored]
    picked = questionary.checkbox(s["choose_modules"], choices=choices, style=STYLE).unsafe_ask()
    return list(picked)
