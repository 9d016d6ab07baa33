"""The guided session (`safetycheck` with no command, or `open` on an unfinished save): start screen,
danger now, the quick check (or every area), the last screen and its menu, going deeper."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from safetycheck.engine.model import ContentSet, Question
    from safetycheck.engine.session import Progress, SessionState
    from safetycheck.storage.saves import SavedSession

@dataclass
class Guided:
    """Everything one guided session holds; nothing of it is written unless the person asks."""

    lang: str
    content: ContentSet
    save: Path | None = None
    summary_path: Path | None = None
    passphrase_file: Path | None = None
    force: bool = False
    clear: bool = False
    done: set[str] = field(default_factory=set)
    own_file: Path | None = None  # the save this session was opened from: saving back replaces it
    stage: str = "quick"


class GuidedAsker:
    """The prompt widget, plus the danger-now screen right after the danger-now answer."""

    def __init__(self, session: Guided) -> None:
        from safetycheck.cli.prompts import PromptAsker

        self.session = session
        self.inner = PromptAsker(session.lang)
        self.stop = False

    def ask(self, question: Question, progress: Progress, previous: tuple[str, ...] | None) -> tuple[str, ...] | str:
        from safetycheck.engine.session import STOP

        if self.stop:
            return STOP
        reply = self.inner.ask(question, progress, previous)
        if question.danger_now and isinstance(reply, tuple):
            from safetycheck.engine.quick import danger_now

            danger = danger_now(self.session.content, {question.qid: reply}, self.session.lang)
            if danger.urgent and not danger_screen(self.session, danger.guidance, danger.contacts):
                self.stop = True
        return reply


def danger_screen(session: Guided, guidance: tuple[str, ...], contacts: tuple[str, ...]) -> bool:
    """The urgent steps and the help that fit, on one screen. True: continue the check."""
    from safetycheck.cli.screens import choose
    from safetycheck.i18n.language import say
    from safetycheck.i18n.messages import strings
    from safetycheck.render.report import first_sentence
    from safetycheck.sanitize import clean

    # One screen: each item's title and the first sentence of its first step, each contact's first
    # sentence (how to reach them) and address; the rest is in the plan and the full report.
    s = strings(session.lang)
    lines = [s["danger_title"], s["danger_intro"]]
    for n, gid in enumerate(guidance, 1):
        item = session.content.guidance[gid]
        steps = item.steps.get("general") or next(iter(item.steps.values()), ())
        first = next((step for step in steps if step.when is None), None)  # one step for everyone, no condition
        lines.append(f"{n}. {say(item.title, session.lang)}" + (f": {first_sentence(say(first.text, session.lang))}" if first else ""))
    if contacts:
        lines.append(s["danger_help"])
        by_id = {c.id: c for c in session.content.help}
        for cid in contacts:
            contact = by_id[cid]
            lines.append(f"• {clean(contact.name)}: {first_sentence(say(contact.how, session.lang))}")
            lines.append(f"  {clean(contact.url)}")
    picked = choose(lines, [("go", s["danger_continue"]), ("stop", s["danger_stop"])], session.lang)
    return picked == "go"


def start_screen(session: Guided) -> str:
    from safetycheck.cli.screens import choose
    from safetycheck.engine.quick import QUICK_MAX, quick_questions
    from safetycheck.i18n.messages import strings

    s = strings(session.lang)
    quick = min(QUICK_MAX, len(quick_questions(session.content, session.content.modules)))
    every = sum(len(m.questions) for m in session.content.modules)
    return choose([s["start_title"], s["start_what"], s["start_private"], s["start_skip"]],
                  [("quick", s["start_quick"].format(n=quick)), ("full", s["start_full"].format(n=every)),
                   ("quit", s["start_quit"])], session.lang, keys={"q": "quit"})


def ask_pass(session: Guided, state: SessionState, stage: str) -> str:
    """Run the questions of a stage; returns "done", "stopped" (danger screen: stop here) or "paused"."""
    from safetycheck.engine.quick import deeper_questions, quick_questions
    from safetycheck.engine.session import run_pass

    content = session.content
    asker = GuidedAsker(session)
    session.stage = stage
    if stage == "quick":
        passes = [(quick_questions(content, content.modules), True)]
    elif stage == "full":
        passes = [(deeper_questions(m, set()), False) for m in content.modules]
    else:
        module = content.module(stage.partition(":")[2])
        passes = [(deeper_questions(module, state.asked), False)] if module else []
    for questions, quick in passes:
        result = run_pass(content, questions, asker, state, quick=quick)
        if result.stopped:
            return "stopped"
        if result.paused:
            return "paused"
    return "done"


def run_guided(lang: str | None = None, pack: list[Path] | None = None, save: Path | None = None,
               anonymous_summary: Path | None = None, clear: bool = False, passphrase_file: Path | None = None,
               force: bool = False) -> None:
    from safetycheck.cli.boundary import wipe_on_exit
    from safetycheck.cli.check import prepare
    from safetycheck.cli.menu import check_target
    from safetycheck.engine.session import SessionState

    if clear:
        wipe_on_exit()
    language, content = prepare(lang, pack)
    for target in (save, anonymous_summary):  # before any screen: a path that cannot work is said now
        if target is not None:
            check_target(target, force)
    session = Guided(language, content, save, anonymous_summary, passphrase_file, force, clear)
    mode = start_screen(session)
    if mode == "quit":
        _leave(session)
        return
    state = SessionState()
    continue_session(session, state, mode)


def resume(saved: SavedSession, path: Path, content: ContentSet, lang: str, clear: bool,
           passphrase_file: Path | None) -> None:
    """`open` on an unfinished save: go on where it stopped, then the last screen as usual."""
    from safetycheck.cli.boundary import wipe_on_exit
    from safetycheck.engine.session import SessionState
    from safetycheck.i18n.formats import long_date
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.saves import reconcile

    if clear:
        wipe_on_exit()
    answers, _ = reconcile(saved, content)
    state = SessionState(dict(answers), set(saved.asked) | set(answers))
    session = Guided(lang, content, path, None, passphrase_file, True, clear, set(saved.done), own_file=path)
    typer.echo(strings(lang)["resumed"].format(date=long_date(saved.date, lang)))
    continue_session(session, state, saved.stage)


def continue_session(session: Guided, state: SessionState, stage: str) -> None:
    from safetycheck.cli.menu import closing_menu, save_interactively, write_summary_file

    outcome = ask_pass(session, state, stage)
    if outcome == "paused":
        if save_interactively(session, state, finished=False):
            _leave(session)
            return
    session.stage = "done"
    if session.save is not None:  # --save, or the unfinished save this session continued
        save_interactively(session, state, finished=True)
    if session.summary_path is not None:
        write_summary_file(session, state, session.summary_path)
    closing_menu(session, state)


def _leave(session: Guided) -> None:
    from safetycheck.cli.boundary import wipe

    if session.clear:
        wipe()
