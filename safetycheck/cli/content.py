"""Commands about the content itself: template, list, guide, validate, schema, about."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from safetycheck.cli.boundary import guarded
from safetycheck.cli.check import ForceOption, FormatOption, LangOption, OutputOption, PackOption, ReportFormat, emit, prepare
from safetycheck.cli.console import fit_to_terminal, terminal_columns
from safetycheck.cli.helptext import H
from safetycheck.errors import UsageError
from safetycheck.i18n.messages import tr
from safetycheck.sanitize import one_line


@guarded
def template(
    modules: Annotated[list[str] | None, typer.Argument(help=H["opt_template_modules"], show_default=False)] = None,
    lang: LangOption = None,
    pack: PackOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Print a blank answers file: every question as a comment, answers left empty."""
    from safetycheck.content.answers import render_template
    from safetycheck.engine.assessment import select_modules
    from safetycheck.i18n.messages import strings

    language, content = prepare(lang, pack)
    chosen = select_modules(content, modules or [])
    emit(render_template(content, chosen, language, strings(language)), output, force, language, personal=False)


@guarded
def list_modules(
    lang: LangOption = None,
    fmt: FormatOption = None,
    pack: PackOption = None,
) -> None:
    """List the modules: questions, translation coverage per language, review date."""
    from safetycheck.content.coverage import coverage
    from safetycheck.i18n.language import LANGUAGES, say
    from safetycheck.i18n.messages import strings
    from safetycheck.render.report import pack_title

    if fmt not in (None, ReportFormat.rich, ReportFormat.plain, ReportFormat.json):  # never plain text under an .html name
        raise UsageError(tr("err_format_not_here", format=fmt.value))
    language, content = prepare(lang, pack)
    rows = [{"id": m.id, "title": one_line(pack_title(m, language)), "questions": len(m.questions),
             "coverage": coverage(m, content.guidance), "reviewed": m.reviewed.isoformat(),
             "question_list": [{"id": q.id, "text": one_line(say(q.text, language)), "type": q.type, "kind": q.kind, "quick": q.quick,
                                "options": [o.id for o in q.options]} for q in m.questions]} for m in content.modules]
    if fmt is ReportFormat.json:
        typer.echo(json.dumps({"modules": rows, "content_version": content.version}, ensure_ascii=False, indent=2))
        return
    s = strings(language)
    lines = [f"{s['module']:<12} {s['questions']:>9}  {s['coverage']} ({', '.join(LANGUAGES)})  {s['reviewed']}"]
    stacked: list[str] = []  # the same, one area to a few short lines, for a terminal the table does not fit
    for r in rows:
        cov = " ".join(f"{lg}:{r['coverage'][lg]:.0%}" for lg in LANGUAGES)  # type: ignore[index]
        lines.append(f"{r['id']:<12} {r['questions']:>9}  {cov}  {r['reviewed']}   {r['title']}")
        stacked += [*([""] if stacked else []), f"{r['id']}: {r['title']}",  # a blank line between areas
                    f"  {s['questions']}: {r['questions']} · {s['reviewed']} {r['reviewed']}", f"  {s['coverage']}: {cov}"]
    total = s["questions_total"].format(n=sum(int(r["questions"]) for r in rows))  # type: ignore[call-overload]
    columns = terminal_columns()
    if columns is not None and max(len(line) for line in lines) >= columns:
        lines = stacked
    typer.echo(fit_to_terminal("\n".join([*lines, total])))


@guarded
def guide(
    item_id: Annotated[str | None, typer.Argument(help=H["opt_item_id"], show_default=False)] = None,
    module: Annotated[str | None, typer.Option("--module", "-m", help=H["opt_guide_module"])] = None,
    lang: LangOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    pack: PackOption = None,
    force: ForceOption = False,
) -> None:
    """Browse the guidance library, or print handouts for a module or an item."""
    from safetycheck.render.guide import guide_items, render_guide

    language, content = prepare(lang, pack)
    from safetycheck.i18n.language import say

    items = guide_items(content, item_id, module)
    found = content.module(module) if module else None
    area = say(found.title, language) if found else None
    text = render_guide(items, language, fmt.value if fmt else None, output is not None, area,
                        terminal_columns() if output is None else None)
    emit(text, output, force, language, personal=False, prose=fmt in (None, ReportFormat.rich, ReportFormat.plain))


@guarded
def validate(
    folder: Annotated[Path | None, typer.Argument(help=H["opt_validate_folder"], show_default=False)] = None,
    all_warnings: Annotated[bool, typer.Option("--all-warnings", help=H["opt_all_warnings"])] = False,
    lang: LangOption = None,
) -> None:
    """Check content for errors (exit 0 valid, 2 invalid). Each error names file:line."""
    import re

    from safetycheck.i18n.messages import ntr, strings

    # The language first: content errors are raised, in it, while the content loads.
    language, content = prepare(lang, [folder] if folder else [])
    questions = sum(len(m.questions) for m in content.modules)
    typer.echo(tr("val_valid", modules=ntr("n_modules", len(content.modules)), questions=ntr("n_questions", questions),
                  items=ntr("n_items", len(content.guidance))))
    if not content.warnings:
        return
    label = tr("val_warning")
    if all_warnings:
        for warning in content.warnings:
            typer.echo(f"{label}: {one_line(warning)}", err=True)
        return
    # A missing translation is counted, not listed: recognised by its message's fixed words.
    pieces = re.split(r"\{\w+\}", strings(language)["val_no_translation"])
    lacks = re.compile(".*".join(re.escape(piece) for piece in pieces) + "$")
    untranslated = [w for w in content.warnings if lacks.search(w)]
    for warning in (w for w in content.warnings if not lacks.search(w)):
        typer.echo(f"{label}: {one_line(warning)}", err=True)
    if untranslated:
        typer.echo(f"{label}: {ntr('val_n_untranslated', len(untranslated))}", err=True)


@guarded
def schema(
    kind: Annotated[str, typer.Argument(help=H["opt_schema_kind"])] = "module",
) -> None:
    """Print a JSON Schema for content files, so editors can complete and check them."""
    from safetycheck.content.schema import SCHEMA_KINDS, json_schema

    if kind not in SCHEMA_KINDS:
        raise UsageError(tr("err_unknown_schema", kind=kind, kinds=", ".join(SCHEMA_KINDS)))
    typer.echo(json.dumps(json_schema(kind), indent=2))


@guarded
def about(lang: LangOption = None) -> None:
    """Version, content review date, and the privacy promise in plain words."""
    from safetycheck import __version__
    from safetycheck.i18n.formats import long_date
    from safetycheck.i18n.messages import strings

    language, content = prepare(lang, None)
    s = strings(language)
    files = s["privacy_files_windows" if os.name == "nt" else "privacy_files_posix"]
    typer.echo(fit_to_terminal(f"{s['about_title']}\n\n{s['version']}: {__version__}\n{s['content_version']}: {content.version}\n"
                               f"{s['content_reviewed']}: {long_date(content.reviewed, language)}\n\n{s['privacy_promise']}\n{files}\n\n"
                               f"{s['privacy_limits']}"))
