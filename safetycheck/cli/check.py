"""`safetycheck check` and the guided session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from safetycheck.cli.boundary import guarded, stdin_is_tty, stdout_is_tty
from safetycheck.errors import UsageError
from safetycheck.sanitize import shown_path

if TYPE_CHECKING:
    from safetycheck.engine.assessment import Assessment
    from safetycheck.engine.conditions import Answers
    from safetycheck.engine.model import ContentSet, Module
    from safetycheck.render.report import ReportView
from safetycheck.cli.helptext import H


class ReportFormat(str, Enum):
    rich = "rich"
    plain = "plain"
    markdown = "markdown"
    html = "html"
    json = "json"
    card = "card"
    card_html = "card-html"


LangOption = Annotated[str | None, typer.Option("--lang", "-l", help=H["opt_lang"])]
PackOption = Annotated[list[Path] | None, typer.Option("--pack", help=H["opt_pack"])]
FormatOption = Annotated[ReportFormat | None, typer.Option("--format", "-f", help=H["opt_format"])]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help=H["opt_output"])]
ForceOption = Annotated[bool, typer.Option("--force", help=H["opt_force"])]
PassphraseFileOption = Annotated[Path | None, typer.Option("--passphrase-file", help=H["opt_passphrase_file"])]
ClearOption = Annotated[bool, typer.Option("--clear", help=H["opt_clear"])]
SaveOption = Annotated[Path | None, typer.Option("--save", help=H["opt_save"])]
AnonymousSummaryOption = Annotated[Path | None, typer.Option("--anonymous-summary", help=H["opt_anonymous_summary"])]


def terminal_width() -> int:
    """The terminal's own width, down to a phone's (~40 columns): the report is never drawn wider
    than the screen, where the terminal would fold its frames and tables into a jumble."""
    return max(20, min(200, shutil.get_terminal_size((100, 24)).columns))


def render(view: ReportView, fmt: ReportFormat | None, to_file: bool) -> str:
    """Render a ReportView in a format; rich only when it goes to a terminal."""
    from safetycheck.render import html as render_html
    from safetycheck.render import json_report as render_json
    from safetycheck.render import text as render_text

    chosen = fmt or (ReportFormat.rich if stdout_is_tty() and not to_file else ReportFormat.plain)
    if chosen is ReportFormat.rich:
        from safetycheck.render.terminal import render_rich

        color = stdout_is_tty() and not to_file and "NO_COLOR" not in os.environ
        return render_rich(view, terminal_width(), color)
    renderer = {ReportFormat.plain: render_text.render_plain, ReportFormat.markdown: render_text.render_markdown,
                ReportFormat.html: render_html.render_html, ReportFormat.json: render_json.render_json,
                ReportFormat.card: render_text.render_card, ReportFormat.card_html: render_html.render_card_html}[chosen]
    return renderer(view)


def prepare(lang: str | None, pack: list[Path] | None) -> tuple[str, ContentSet]:
    """What every command starts with: the person's language, then the content."""
    from safetycheck.content.catalog import load_content
    from safetycheck.i18n.language import choose_language

    language = choose_language(lang)
    return language, load_content(pack or [])


def emit(text: str, output: Path | None, force: bool, lang: str, personal: bool = True, prose: bool = False) -> None:
    """Print, or write the file the person asked for (0600); a file that reveals the person's
    risks gets a warning that it is plain text (blank templates and handouts do not). `prose`:
    plain text for reading, wrapped to the terminal when printed to one (never Markdown, HTML,
    JSON or YAML, whose lines mean something; never a file or a pipe)."""
    if output is None:
        if prose:
            from safetycheck.cli.console import fit_to_terminal

            text = fit_to_terminal(text)
        typer.echo(text, nl=False)
        return
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.output import write_private

    write_private(output, text.encode("utf-8"), force)
    if personal:
        typer.echo(strings(lang)["warning_plaintext"].format(path=shown_path(output)), err=True)


@guarded
def check(
    modules: Annotated[list[str] | None, typer.Argument(help=H["opt_check_modules"], show_default=False)] = None,
    answers: Annotated[Path | None, typer.Option("--answers", "-a", help=H["opt_answers"])] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    explain: Annotated[bool, typer.Option("--explain", help=H["opt_explain"])] = False,
    pack: PackOption = None,
    force: ForceOption = False,
    save: SaveOption = None,
    passphrase_file: PassphraseFileOption = None,
    clear: ClearOption = False,
    anonymous_summary: AnonymousSummaryOption = None,
) -> None:
    """Answer the questions (or score an answers file) and get your scores and action plan."""
    from safetycheck.cli.boundary import wipe_on_exit
    from safetycheck.cli.menu import check_target
    from safetycheck.engine.assessment import assess, select_modules
    from safetycheck.storage.output import refuse_same_path

    if clear:
        wipe_on_exit()
    refuse_same_path(save, output, anonymous_summary)  # never the encrypted save replaced by a plaintext report
    language, content = prepare(lang, pack)
    if save is not None:
        from safetycheck.storage.crypto import ensure_available

        ensure_available()  # before any question: a save that cannot work must not cost answers
    for target in (save, anonymous_summary):  # before any question: a path that cannot work is said now
        if target is not None:
            check_target(target, force)
    if answers is not None:
        from safetycheck.content.answers import read_answers

        given, answered_modules = read_answers(answers, content)
        chosen = select_modules(content, modules or [], answered_modules)
    else:
        if not stdin_is_tty():
            raise UsageError(_no_terminal(language))
        chosen = select_modules(content, modules or [])
        given = _ask(content, chosen, language)
    today = dt.date.today()
    assessment = assess(content, given, chosen, today)
    if save is not None:
        save_session(save, given, tuple(m.id for m in chosen), language, content, today, passphrase_file, force)
    if anonymous_summary is not None:
        write_anonymous_summary(anonymous_summary, assessment, language, force)
    show_result(assessment, given, language, explain, fmt, output, force, clear, f"check --answers {answers}" if answers else "check")


def show_result(assessment: Assessment, answers: Answers, lang: str, explain: bool, fmt: ReportFormat | None,
                output: Path | None, force: bool, clear: bool, command: str, done: frozenset[str] = frozenset()) -> None:
    """On a terminal: the last screen (summary and a one-line hint). Files, pipes, --format: the full report."""
    from safetycheck.cli.menu import print_last_screen
    from safetycheck.engine.quick import help_for
    from safetycheck.i18n.messages import strings
    from safetycheck.render.report import build_view

    contacts = help_for(assessment.content, answers, lang)
    if output is None and fmt is None and not explain and stdout_is_tty():
        s = strings(lang)
        # answers typed here are gone after this screen: say how to keep them next time
        hint = s["summary_hint"].format(command=command) if command != "check" else s["summary_hint_asked"]
        print_last_screen(assessment, lang, hint, set(done), contacts, clear)
        return
    view = build_view(assessment, lang, explain, first_contacts=contacts, done=done)
    emit(render(view, fmt, output is not None), output, force, lang, prose=fmt in (ReportFormat.plain, ReportFormat.card))
    if clear:
        clear_screen()


def save_session(path: Path, answers: Answers, modules: tuple[str, ...], lang: str,
                 content: ContentSet, today: dt.date, passphrase_file: Path | None, force: bool) -> None:
    from safetycheck.cli.passphrase import read_passphrase
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.output import check_target, write_private
    from safetycheck.storage.saves import to_bytes
    from safetycheck.storage.vault import seal

    check_target(path, force)  # before the passphrase is asked, so no one types it for nothing
    passphrase = read_passphrase(passphrase_file, confirm=True)
    write_private(path, seal(to_bytes(answers, modules, lang, content, today), passphrase), force)
    typer.echo(strings(lang)["saved"].format(path=shown_path(path)), err=True)


def write_anonymous_summary(path: Path, assessment: Assessment, lang: str, force: bool) -> None:
    import json

    from safetycheck.engine.workshop import build_summary
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.output import write_private

    data = json.dumps(build_summary(assessment, lang), indent=2) + "\n"
    write_private(path, data.encode("utf-8"), force)
    # The file's time says the day only: a time of day to the nanosecond would tell who wrote it when.
    midnight = dt.datetime.combine(assessment.date, dt.time()).timestamp()
    os.utime(path, (midnight, midnight))
    typer.echo(strings(lang)["summary_written"].format(path=shown_path(path)), err=True)


def clear_screen() -> None:
    """Erase the screen and the scrollback, so the next person at this computer sees nothing."""
    from safetycheck.cli.boundary import wipe

    wipe()


def _no_terminal(lang: str) -> str:
    from safetycheck.i18n.messages import strings

    return strings(lang)["no_terminal"]


def _ask(content: ContentSet, modules: list[Module], lang: str) -> dict[str, tuple[str, ...]]:
    from safetycheck.cli.prompts import PromptAsker
    from safetycheck.engine.session import run_session

    return run_session(content, modules, PromptAsker(lang, can_pause=False))
