"""Commands for trainers: `workshop summarize` (the group view) and `worksheet` (paper)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from safetycheck.cli.boundary import guarded, stdout_is_tty
from safetycheck.cli.check import (
    ForceOption,
    FormatOption,
    LangOption,
    OutputOption,
    PackOption,
    ReportFormat,
    emit,
    prepare,
)
from safetycheck.cli.helptext import H
from safetycheck.errors import UsageError
from safetycheck.i18n.messages import tr
from safetycheck.i18n.os_errors import os_reason

workshop_app = typer.Typer(help=H["cmd_workshop"], no_args_is_help=True)


class PaperFormat(str, Enum):
    markdown = "markdown"
    html = "html"


@workshop_app.command("summarize", help=H["cmd_summarize"])
@guarded
def summarize(
    paths: Annotated[list[Path], typer.Argument(help=H["opt_summary_paths"], show_default=False)],
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    pack: PackOption = None,
    top: Annotated[int, typer.Option("--top", help=H["opt_top"], min=1, max=100)] = 10,
    force: ForceOption = False,
) -> None:
    """Participants, where the room stands per area, and what to teach first. Holds no one's answers."""
    import os

    from safetycheck.engine.workshop import Known, aggregate
    from safetycheck.i18n.language import say
    from safetycheck.i18n.messages import strings
    from safetycheck.render.workshop import render_group_html, render_group_json, render_group_text, shown
    from safetycheck.sanitize import clean

    language, content = prepare(lang, pack)
    s = strings(language)
    files = read_summaries(paths, s)
    view = aggregate(files, Known.of(content), [m.id for m in content.modules], top)
    for path, reason in view.skipped:
        typer.echo(s["skipped_file"].format(path=shown(path), reason=clean(reason)), err=True)
    if not view.participants:
        raise UsageError(tr("err_no_summary_counted"))
    titles = {m.id: say(m.title, language) for m in content.modules} | {g: say(i.title, language) for g, i in content.guidance.items()}
    chosen = fmt or (ReportFormat.rich if stdout_is_tty() and output is None else ReportFormat.plain)
    if chosen is ReportFormat.rich:
        import shutil

        from safetycheck.render.terminal import render_group_rich

        # The real width, down to 30 columns: Rich wraps each line itself, so nothing is cut at 40.
        width = max(30, min(200, shutil.get_terminal_size((100, 24)).columns))
        text = render_group_rich(view, s, titles, width, stdout_is_tty() and "NO_COLOR" not in os.environ, language)
    elif chosen is ReportFormat.json:
        text = render_group_json(view, titles)
    elif chosen is ReportFormat.html:
        text = render_group_html(view, s, titles, language)
    elif chosen in (ReportFormat.plain, ReportFormat.markdown):
        text = render_group_text(view, s, titles, chosen is ReportFormat.markdown, language)
    else:
        raise UsageError(tr("err_format_not_here", format=chosen.value))
    emit(text, output, force, language, personal=False, prose=chosen is ReportFormat.plain)  # the room's picture: no one's answers
    if output is not None:
        typer.echo(s["warning_room_file"].format(path=shown(str(output))), err=True)


def read_summaries(paths: list[Path], s: dict[str, str]) -> list[tuple[str, bytes | str]]:
    """(name, bytes) for each summary file, or (name, why it was not read). Folders give their *.json
    files; only regular files are opened (a FIFO or device never blocks or floods the read)."""
    import os
    import stat

    from safetycheck.engine.workshop import MAX_SUMMARY_BYTES

    found: dict[Path, None] = {}
    out: list[tuple[str, bytes | str]] = []
    for path in paths:
        if path.is_dir():
            found.update((p, None) for p in sorted(path.glob("*.json")))
        elif path.exists() or path.is_symlink():
            found[path] = None
        else:
            out.append((str(path), s["summary_missing"]))
    for path in found:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            try:
                if not stat.S_ISREG(os.fstat(fd).st_mode):
                    out.append((str(path), s["summary_not_file"]))
                    continue
                with os.fdopen(os.dup(fd), "rb") as handle:
                    out.append((str(path), handle.read(MAX_SUMMARY_BYTES + 1)))
            finally:
                os.close(fd)
        except OSError as exc:
            out.append((str(path), os_reason(exc) if exc.errno else s["summary_not_file"]))
    if not found:  # a missing or empty folder: nothing to show, and the trainer should know why
        raise UsageError(tr("err_no_summaries"))
    return out


@guarded
def worksheet(
    modules: Annotated[list[str] | None, typer.Argument(help=H["opt_worksheet_modules"], show_default=False)] = None,
    lang: LangOption = None,
    fmt: Annotated[PaperFormat, typer.Option("--format", "-f", help=H["opt_paper_format"])] = PaperFormat.markdown,
    key: Annotated[bool, typer.Option("--key", help=H["opt_worksheet_key"])] = False,
    output: OutputOption = None,
    pack: PackOption = None,
    force: ForceOption = False,
) -> None:
    """A printable questionnaire with boxes to tick; with --key, the trainer's scoring key alone."""
    from safetycheck.engine.assessment import select_modules
    from safetycheck.render import worksheet as paper

    language, content = prepare(lang, pack)
    chosen = select_modules(content, modules or [])
    if key:
        render = paper.render_key_html if fmt is PaperFormat.html else paper.render_key_markdown
    else:
        render = paper.render_worksheet_html if fmt is PaperFormat.html else paper.render_worksheet_markdown
    emit(render(content, chosen, language), output, force, language, personal=False)  # blank: no one's answers
