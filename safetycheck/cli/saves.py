"""`safetycheck open` and `safetycheck compare`: encrypted saves, re-scored with today's content."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from safetycheck.cli.boundary import guarded
from safetycheck.cli.check import (
    ClearOption,
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    PassphraseFileOption,
    ReportFormat,
    emit,
)
from safetycheck.cli.helptext import H
from safetycheck.sanitize import shown_path

if TYPE_CHECKING:
    from safetycheck.engine.assessment import Assessment
    from safetycheck.engine.model import ContentSet
    from safetycheck.storage.saves import SavedSession

SaveArgument = Annotated[Path, typer.Argument(help=H["opt_save_file"], show_default=False)]


def _read(path: Path) -> bytes:
    """Read a save once; a missing, foreign, truncated or newer file fails before anyone types a passphrase."""
    from safetycheck.storage.saves import read_save
    from safetycheck.storage.vault import check_header

    blob = read_save(path)
    check_header(blob, shown_path(path))
    return blob


TRIES = 3  # typed at a terminal; a passphrase file gets one


def _unseal(blob: bytes, path: Path, passphrase: str, may_ask: bool) -> bytes:
    """Decrypt; a passphrase typed at the terminal may be mistyped, so ask again (three tries in all),
    each failure said in one line. From a file, or when input is not a person, the first failure stands."""
    from safetycheck.cli.boundary import error_line
    from safetycheck.cli.passphrase import ask_passphrase_for
    from safetycheck.errors import SafetycheckError
    from safetycheck.storage.vault import unseal

    for _ in range(TRIES - 1 if may_ask else 0):
        try:
            return unseal(blob, passphrase, shown_path(path))
        except SafetycheckError as exc:
            typer.echo(error_line(exc), err=True)
            passphrase = ask_passphrase_for(path)
    return unseal(blob, passphrase, shown_path(path))  # the last try: its failure is the command's


def _load(blob: bytes, path: Path, passphrase: str, content: ContentSet,
          may_ask: bool = False) -> tuple[Assessment, list[str], SavedSession]:
    from safetycheck.engine.assessment import assess, select_modules
    from safetycheck.storage.saves import from_bytes, reconcile

    saved = from_bytes(_unseal(blob, path, passphrase, may_ask), shown_path(path))
    answers, dropped = reconcile(saved, content)
    known = [m for m in saved.modules if content.module(m) is not None]
    return assess(content, answers, select_modules(content, known), saved.date), dropped, saved


@guarded
def open_save(
    save: SaveArgument,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    explain: Annotated[bool, typer.Option("--explain", help=H["opt_explain_open"])] = False,
    passphrase_file: PassphraseFileOption = None,
    force: ForceOption = False,
    clear: ClearOption = False,
) -> None:
    """Show a saved session's results again, re-scored with today's content."""
    from safetycheck.cli.boundary import stdin_is_tty, wipe_on_exit
    from safetycheck.cli.check import show_result
    from safetycheck.cli.passphrase import read_passphrase
    from safetycheck.content.catalog import load_content
    from safetycheck.i18n.language import choose_language
    from safetycheck.i18n.messages import strings
    from safetycheck.storage.crypto import ensure_available
    from safetycheck.storage.output import refuse_same_path
    from safetycheck.storage.saves import reconcile

    ensure_available()
    if clear:
        wipe_on_exit()
    refuse_same_path(save, output)  # --output me.sc --force must not replace the save with plaintext
    blob = _read(save)
    content = load_content()
    passphrase = read_passphrase(passphrase_file, confirm=False)
    assessment, dropped, saved = _load(blob, save, passphrase, content, may_ask=passphrase_file is None and stdin_is_tty())
    language = choose_language(lang) if lang else saved.lang
    s = strings(language)
    if dropped:
        typer.echo(s["dropped_answers"].format(items=", ".join(dropped)), err=True)
    if not saved.finished and stdin_is_tty() and output is None and fmt is None:
        from safetycheck.cli.guided import resume

        resume(saved, save, content, language, clear, passphrase_file)
        return
    answers, _ = reconcile(saved, content)
    show_result(assessment, answers, language, explain, fmt, output, force, clear, f"open {save}", frozenset(saved.done))


@guarded
def compare(
    old: SaveArgument,
    new: SaveArgument,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    passphrase_file: PassphraseFileOption = None,
    force: ForceOption = False,
) -> None:
    """Progress between two saves: score change per module, actions completed, new risks."""
    from safetycheck.cli.boundary import stdin_is_tty
    from safetycheck.cli.passphrase import ask_passphrase_for, read_passphrase
    from safetycheck.content.catalog import load_content
    from safetycheck.engine.progress import compare as compare_assessments
    from safetycheck.engine.progress import render_progress
    from safetycheck.errors import SafetycheckError
    from safetycheck.i18n.language import choose_language
    from safetycheck.i18n.messages import strings
    from safetycheck.sanitize import clean
    from safetycheck.storage.crypto import ensure_available
    from safetycheck.storage.output import refuse_same_path

    ensure_available()

    refuse_same_path(old, output)
    refuse_same_path(new, output)
    old_blob, new_blob = _read(old), _read(new)
    content = load_content()
    passphrase = read_passphrase(passphrase_file, confirm=False)
    typed = passphrase_file is None and stdin_is_tty()
    before, dropped_old, saved_old = _load(old_blob, old, passphrase, content, may_ask=typed)
    try:
        after, dropped_new, saved = _load(new_blob, new, passphrase, content)
    except SafetycheckError:
        if not typed:
            raise  # the message names the file that did not open, and why
        after, dropped_new, saved = _load(new_blob, new, ask_passphrase_for(new), content, may_ask=True)
    language = choose_language(lang) if lang else saved.lang
    dropped = tuple(clean(q) for q in dict.fromkeys(dropped_old + dropped_new))
    view = compare_assessments(before, after, language, dropped, saved_old.done, saved.done)
    if fmt is ReportFormat.json:
        text = json.dumps({**asdict(view), "modules": [{**asdict(m), "change": m.change} for m in view.modules]},
                          ensure_ascii=False, indent=2) + "\n"
    elif fmt is ReportFormat.html:
        from safetycheck.render.html import render_progress_html

        text = render_progress_html(view, strings(language), language)
    else:
        from safetycheck.render.text import md

        markdown = fmt is ReportFormat.markdown
        text = render_progress(view, strings(language), markdown=markdown, escape=md if markdown else str)
    emit(text, output, force, language, prose=fmt in (None, ReportFormat.plain))

