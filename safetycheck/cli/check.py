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

if TYPE_CHECKING:
    from safetycheck.engine.assessment import Assessment
    from safetycheck.engine.conditions import Answers
    from safetycheck.engine.model import ContentSet, Module
    from safetycheck.render.report import ReportView
from safetycheck.cli.helptext import H
from safetycheck.i18n.messages import tr


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


def terminal_width() -> int:
    return max(60, min(200, shutil.get_terminal_size((100, 24)).columns))


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


def emit(text: str, output: Path | None, force: bool, lang: str, personal: bool = True) -> None:
    """Print, or write the file the person asked for (0600); a file that reveals the person's
    risks gets a warning that it is plain text (blank templates and handouts do not)."""
    if output is None:
        typer.echo(text, nl=False)
        return
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.output import write_private

    write_private(output, text.encode("utf-8"), force)
    if personal:
        typer.echo(strings(lang)["warning_plaintext"].format(path=output), err=True)


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
    save: Annotated[Path | None, typer.Option("--save", help=H["opt_save"])] = None,
    passphrase_file: PassphraseFileOption = None,
    clear: ClearOption = False,
    anonymous_summary: Annotated[Path | None, typer.Option("--anonymous-summary", help=H["opt_anonymous_summary"])] = None,
) -> None:
    """Answer the questions (or score an answers file) and get your scores and action plan."""
    from safetycheck.engine.assessment import assess, select_modules
    from safetycheck.render.report import build_view

    language, content = prepare(lang, pack)
    if save is not None:
        from safetycheck.storage.crypto import ensure_available

        ensure_available()  # before any question: a save that cannot work must not cost answers
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
    emit(render(build_view(assessment, language, explain), fmt, output is not None), output, force, language)
    if clear:
        clear_screen()


def save_session(path: Path, answers: Answers, modules: tuple[str, ...], lang: str,
                 content: ContentSet, today: dt.date, passphrase_file: Path | None, force: bool) -> None:
    from safetycheck.cli.passphrase import read_passphrase
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.output import write_private
    from safetycheck.storage.saves import to_bytes
    from safetycheck.storage.vault import seal

    if path.exists() and not force:  # checked before the passphrase is asked, so no one types it for nothing
        raise UsageError(tr("err_exists"), str(path))
    passphrase = read_passphrase(passphrase_file, confirm=True)
    write_private(path, seal(to_bytes(answers, modules, lang, content, today), passphrase), force)
    typer.echo(strings(lang)["saved"].format(path=path), err=True)


def write_anonymous_summary(path: Path, assessment: Assessment, lang: str, force: bool) -> None:
    import json

    from safetycheck.engine.workshop import build_summary
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.output import write_private

    data = json.dumps(build_summary(assessment, lang), indent=2) + "\n"
    write_private(path, data.encode("utf-8"), force)
    typer.echo(strings(lang)["summary_written"].format(path=path), err=True)


def clear_screen() -> None:
    """Erase the scrollback (3J), then the screen, so the next person at this computer sees nothing."""
    if stdout_is_tty():
        typer.echo("\x1b[3J\x1b[H\x1b[2J", nl=False)


def _no_terminal(lang: str) -> str:
    from safetycheck.i18n.messages import strings

    return strings(lang)["no_terminal"]


def _ask(content: ContentSet, modules: list[Module], lang: str) -> dict[str, tuple[str, ...]]:
    from safetycheck.cli.prompts import QuestionaryAsker
    from safetycheck.engine.session import run_session

    return run_session(content, modules, QuestionaryAsker(lang))


def run_guided(clear: bool = False) -> None:
    """No command on a terminal: choose areas, answer (context first), see results."""
    from safetycheck.cli.prompts import choose_modules
    from safetycheck.engine.assessment import assess, select_modules
    from safetycheck.render.report import build_view

    language, content = prepare(None, None)
    picked = choose_modules(content.modules, language)
    chosen = select_modules(content, picked) if picked else [m for m in content.modules if not m.scored]
    given = _ask(content, chosen, language)
    assessment = assess(content, given, chosen, dt.date.today())
    emit(render(build_view(assessment, language), None, False), None, False, language)
    if clear:
        clear_screen()
