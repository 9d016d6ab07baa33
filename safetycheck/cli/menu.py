"""The last screen and what follows it: the compact summary, then the menu (full plan in a pager,
mark done, save, report file, anonymous summary, go deeper, wipe and quit, quit). A save or a
file that fails never loses the session: the screen stays and another name is asked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from safetycheck.cli.guided import Guided
    from safetycheck.engine.assessment import Assessment
    from safetycheck.engine.conditions import Answers
    from safetycheck.engine.model import ContentSet
    from safetycheck.engine.session import SessionState

# key, message key, action; the keys also work on a Russian layout (see prompts.ALIASES)
MENU = (("p", "mk_plan", "plan"), ("d", "mk_done", "done"), ("s", "mk_save", "save"),
        ("r", "mk_report", "report"), ("a", "mk_summary", "summary"), ("g", "mk_deeper", "deeper"),
        ("w", "mk_wipe", "wipe"), ("q", "mk_quit", "quit"))


def check_target(path: Path, force: bool) -> None:
    """A file the person asked for must be writable before anyone answers a question (the rules
    of storage/output.py: no folder, no device, nothing replaced without --force)."""
    from safetycheck.storage.output import check_target as check_writable

    check_writable(path, force)


def assess_all(content: ContentSet, answers: Answers, day: dt.date | None = None) -> Assessment:
    from safetycheck.engine.assessment import assess, select_modules

    return assess(content, answers, select_modules(content, []), day or dt.date.today())


def summary_lines(assessment: Assessment, lang: str, width: int, rows: int, footer: list[str],
                  done: set[str], contacts: tuple[str, ...]) -> list[tuple[str, str]]:
    from safetycheck.render.summary import build_summary, layout

    return layout(build_summary(assessment, lang, done, contacts), lang, width, rows, footer)


def print_last_screen(assessment: Assessment, lang: str, hint: str, done: set[str], contacts: tuple[str, ...],
                      clear: bool) -> None:
    """`check --answers` and `open` on a terminal: the summary and a one-line hint, not interactive."""
    import shutil

    from safetycheck.cli.boundary import wipe
    from safetycheck.i18n.messages import strings
    from safetycheck.render.summary import wrap

    size = shutil.get_terminal_size((80, 24))
    width = max(20, min(200, size.columns))
    footer = wrap(hint, width - 1)
    if clear:
        footer += wrap(strings(lang)["press_enter_wipe"], width - 1)
    lines = summary_lines(assessment, lang, width, size.lines - 1, footer, done, contacts)
    typer.echo("\n".join(line for _, line in lines))
    if clear:
        try:
            input()
        finally:
            wipe()


def closing_menu(session: Guided, state: SessionState) -> None:
    from safetycheck.cli.console import clear_visible_screen
    from safetycheck.cli.screens import last_screen
    from safetycheck.engine.quick import help_for
    from safetycheck.i18n.messages import strings

    s = strings(session.lang)
    note = ""
    while True:
        assessment = assess_all(session.content, state.answers)
        contacts = help_for(session.content, state.answers, session.lang)

        def draw(width: int, rows: int, note: str = note, assessment: Assessment = assessment,
                 contacts: tuple[str, ...] = contacts) -> list[tuple[str, str]]:
            from safetycheck.render.summary import wrap

            keys = " · ".join(f"{key} {s[label]}" for key, label, _ in MENU)
            footer = (wrap(note, width - 1) if note else []) + [""] + wrap(keys, width - 1)
            return summary_lines(assessment, session.lang, width, rows - 1, footer, session.done, contacts)

        action = last_screen(draw, {key: action for key, _, action in MENU}, session.lang)
        if action in ("wipe", "quit"):
            _leave(session, assessment, contacts, wipe_screen=action == "wipe" or session.clear)
            return
        note = ""
        if action == "plan":
            _show_plan(session, assessment, contacts)
        elif action == "done":
            note = _mark_done(session, assessment)
        elif action == "save":
            if save_interactively(session, state, finished=True, ask=True) and session.own_file:
                note = s["saved"].format(path=session.own_file)
        elif action == "report":
            note = _write_report(session, assessment, contacts)
        elif action == "summary":
            written = write_summary_file(session, state, None)
            note = s["summary_written"].format(path=written) if written else ""
        elif action == "deeper":
            _go_deeper(session, state)
        clear_visible_screen()  # what a prompt, pager or error left above would push the summary off the top


def _leave(session: Guided, assessment: Assessment, contacts: tuple[str, ...], wipe_screen: bool) -> None:
    if wipe_screen:
        from safetycheck.cli.boundary import wipe

        wipe()
        return
    # the summary stays on screen after quitting (the menu drew it and was erased)
    import shutil

    size = shutil.get_terminal_size((80, 24))
    lines = summary_lines(assessment, session.lang, size.columns, size.lines - 1, [], session.done, contacts)
    typer.echo("\n".join(line for _, line in lines))


def _show_plan(session: Guided, assessment: Assessment, contacts: tuple[str, ...]) -> None:
    from safetycheck.cli.screens import page
    from safetycheck.render.report import build_view
    from safetycheck.render.text import render_plain

    view = build_view(assessment, session.lang, first_contacts=contacts, done=frozenset(session.done))
    page(render_plain(view), session.lang)


def _mark_done(session: Guided, assessment: Assessment) -> str:
    from safetycheck.cli.screens import pick_many
    from safetycheck.i18n.language import say
    from safetycheck.i18n.messages import strings

    s = strings(session.lang)
    items = [(i.item.id, say(i.item.title, session.lang)) for i in assessment.plan.items]
    if not items:
        return ""
    picked = pick_many(s["mark_title"], items, [gid for gid, _ in items if gid in session.done], session.lang)
    if picked is None:
        return ""
    session.done = {gid for gid in session.done if gid not in {g for g, _ in items}} | set(picked)
    return s["marked"]


def _ask_path(session: Guided, default: Path | None) -> Path | None:
    from safetycheck.cli.screens import ask_text
    from safetycheck.i18n.messages import strings

    text = ask_text(strings(session.lang)["ask_path"], str(default) if default else "")
    return Path(text).expanduser() if text else None


def _try_write(session: Guided, default: Path | None, write: object) -> Path | None:
    """Ask for a path until writing works or the person leaves it empty; the session stays."""
    from safetycheck.errors import SafetycheckError
    from safetycheck.i18n.messages import strings

    s = strings(session.lang)
    path = default
    while True:
        if path is None:
            path = _ask_path(session, None)
            if path is None:
                return None
        try:
            write(path)  # type: ignore[operator]
            return path
        except SafetycheckError as exc:
            typer.echo(s["save_failed"].format(reason=str(exc)), err=True)
            path = None


def save_interactively(session: Guided, state: SessionState, finished: bool, ask: bool = False) -> bool:
    """Save (encrypted) to --save, the file this session came from, or a name asked for."""
    from safetycheck.cli.passphrase import read_passphrase
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.output import write_private
    from safetycheck.storage.saves import FINISHED, to_bytes
    from safetycheck.storage.vault import seal

    s = strings(session.lang)
    default = session.own_file or session.save
    if ask:
        default = _ask_path(session, default)
        if default is None:
            return False
    modules = tuple(m.id for m in session.content.modules)
    stage = FINISHED if finished else session.stage

    def write(path: Path) -> None:
        overwrite = session.force or path == session.own_file or path == session.save
        if not overwrite:
            check_target(path, False)
        passphrase = read_passphrase(session.passphrase_file, confirm=True)
        data = to_bytes(state.answers, modules, session.lang, session.content, dt.date.today(),
                        tuple(sorted(session.done)), tuple(sorted(state.asked)), stage)
        write_private(path, seal(data, passphrase), True)

    saved = _try_write(session, default, write)
    if saved is None:
        return False
    session.own_file = saved
    typer.echo(s["saved"].format(path=saved), err=True)
    if not finished:
        typer.echo(s["paused_saved"].format(path=saved))
    return True


def write_summary_file(session: Guided, state: SessionState, path: Path | None) -> Path | None:
    from safetycheck.cli.check import write_anonymous_summary

    assessment = assess_all(session.content, state.answers)
    return _try_write(session, path or _ask_path(session, None),
               lambda p: write_anonymous_summary(p, assessment, session.lang, session.force and p == session.summary_path))


def _write_report(session: Guided, assessment: Assessment, contacts: tuple[str, ...]) -> str:
    from safetycheck.cli.check import emit
    from safetycheck.cli.screens import choose
    from safetycheck.i18n.messages import strings
    from safetycheck.render import html as render_html
    from safetycheck.render import text as render_text
    from safetycheck.render.report import build_view

    s = strings(session.lang)
    kind = choose([s["report_which"]], [("html", s["report_html"]), ("markdown", s["report_markdown"]),
                                        ("card", s["report_card"]), ("back", s["back_to_menu"])], session.lang)
    if kind == "back":
        return ""
    view = build_view(assessment, session.lang, first_contacts=contacts, done=frozenset(session.done))
    text = {"html": render_html.render_html, "markdown": render_text.render_markdown,
            "card": render_html.render_card_html}[kind](view)
    written = _try_write(session, None, lambda p: emit(text, p, False, session.lang, personal=kind != "card"))
    if written is None:
        return ""
    return s["written" if kind == "card" else "warning_plaintext"].format(path=written)


def _go_deeper(session: Guided, state: SessionState) -> None:
    from safetycheck.cli.guided import ask_pass
    from safetycheck.cli.screens import choose
    from safetycheck.engine.quick import remaining
    from safetycheck.i18n.language import say
    from safetycheck.i18n.messages import strings

    s = strings(session.lang)
    areas = [(m.id, s["deeper_area"].format(area=say(m.title, session.lang), n=remaining(m, state.asked)))
             for m in session.content.modules if remaining(m, state.asked)]
    if not areas:
        choose([s["deeper_none"]], [("back", s["back_to_menu"])], session.lang)
        return
    picked = choose([s["deeper_title"]], [*areas, ("back", s["back_to_menu"])], session.lang)
    if picked == "back":
        return
    if ask_pass(session, state, f"deeper:{picked}") == "paused":
        save_interactively(session, state, finished=False)
