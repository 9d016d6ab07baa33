"""The terminal report, laid out with Rich: the only renderer that imports it.

Content text goes in as `rich.text.Text`, never as markup, so a pack cannot inject styles.
"""

from __future__ import annotations

import io
import textwrap

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from safetycheck.engine.tailoring import BUCKETS
from safetycheck.i18n.formats import number
from safetycheck.render.report import PlanEntry, ReportView

BAND_STYLES = {"low": "green", "moderate": "yellow", "high": "dark_orange", "critical": "bold red"}
BUCKET_STYLES = {"today": "bold red", "week": "bold yellow", "later": "bold cyan"}


def _bar(score: int | None, band: str, width: int = 20) -> Text:
    if score is None:
        return Text("")
    filled = round(score / 100 * width)
    return Text("█" * filled, style=BAND_STYLES.get(band, "")) + Text("░" * (width - filled), style="grey50")


def _wrapped(text: Text, width: int, indent: str) -> Text:
    """Wrap with textwrap, keeping the styles of the first span: Rich's own wrapping costs ~5x more,
    and a long plan is thousands of lines."""
    plain = text.plain
    if "://" in plain and " " not in plain.strip():  # an address alone: never cut (a cut one cannot be
        # copied); one too long for its indent starts at the first column, and the terminal folds it
        return text if len(plain) <= width else text[len(plain) - len(plain.lstrip()):]
    lines = textwrap.wrap(plain, width=width, subsequent_indent=indent, break_long_words=True, break_on_hyphens=False) or [""]
    out = Text()
    offset = 0
    for n, line in enumerate(lines):
        start = plain.find(line.lstrip(), offset) if n else 0
        segment = text[start:start + len(line.lstrip())] if n else text[: len(line)]
        offset = start + len(line.lstrip())
        if n:
            out.append("\n" + indent)
        out.append_text(segment)
    return out


def _entry(view: ReportView, entry: PlanEntry, n: int, width: int) -> Text:
    s = view.s
    head = Text(f"{n}. ", style="bold") + Text(entry.title, style="bold")
    if entry.urgent:
        head += Text(f"  [{s['urgent']}]", style="bold red")
    parts: list[tuple[Text, str]] = [(head, "   "), (Text(f"   {s['effort']}: {entry.effort_label}", style="dim"), "   ")]
    if entry.urgent_reason:
        parts.append((Text(f"   {s['urgent_because']}: ", style="bold red") + Text(entry.urgent_reason), "   "))
    parts += [(Text(f"   {note}", style="italic"), "   ") for note in (entry.instead_of, entry.brought_by) if note]
    parts.append((Text(f"   {s['why']}: ", style="italic") + Text(entry.why), "   "))
    parts += [(Text(f"   {s['triggered_by']}: {t}", style="dim"), "     ") for t in entry.triggers]
    for group in entry.steps:
        parts.append((Text(f"   {s['steps']} – {group.label}:", style="bold"), "   "))
        parts += [(Text(f"     • {step}"), "       ") for step in group.steps]
    if entry.tradeoff:
        parts.append((Text(f"   {s['tradeoff']}: ", style="bold yellow") + Text(entry.tradeoff), "   "))
    for r in entry.resources:  # the address on its own line, so it is not cut to fill the line before
        parts.append((Text(f"   {s['resources']}: {r.title} ({r.source}){' ' + r.note if r.note else ''}"), "     "))
        parts.append((Text(f"     {r.url}", style="underline"), "     "))
    out = Text()
    for text, indent in parts:
        out.append_text(_wrapped(text, width, indent))
        out.append("\n")
    return out


def render_rich(view: ReportView, width: int, color: bool) -> str:
    s = view.s
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(Text(s["report_title"], style="bold"), Text(f"  {view.day}", style="dim"))
    if view.urgent_count:
        console.print(Panel(Text(s["urgent_banner"], style="bold"), border_style="red"))
    table = Table(title=s["summary"], title_justify="left", expand=False, show_edge=False)
    table.add_column(s["module"])
    table.add_column(s["score"], justify="right")
    bars = width >= 60  # on a phone the bar would squeeze the area's name into pieces; the score says the same
    if bars:
        table.add_column("", no_wrap=True)
    table.add_column(s["band"])
    for m in view.modules:
        bar = [_bar(m.score, m.band, 20 if width >= 80 else 10)] if bars else []
        table.add_row(Text(m.title), "-" if m.score is None else str(m.score), *bar,
                      Text(m.band_label, style=BAND_STYLES.get(m.band, "")))
    console.print(table)
    console.print(Text(s["score_note"], style="dim"))
    console.print()
    console.print(Text(s["threat_profile"], style="bold underline"))
    for t in view.threats:
        line = Text(f"  {t.label}: ") + Text(t.level_label, style=BAND_STYLES.get({"severe": "critical"}.get(t.level, t.level), ""))
        if t.reasons:
            line += Text(f"  ({s['because']}: {'; '.join(t.reasons)})", style="dim")
        console.print(_wrapped(line, width, "    "), soft_wrap=True)
    console.print()
    console.print(Text(s["plan"], style="bold underline"))
    if not view.plan:
        console.print(Text(s["no_plan"]))
    for bucket in BUCKETS:
        entries = view.bucket(bucket)
        if entries:
            count = f" ({len(entries)})" if bucket == "later" else ""
            console.print(Text(s[f"bucket_{bucket}"] + count, style=BUCKET_STYLES[bucket]))
            if bucket == "later":  # titles only: a terminal is no place for thirty sets of steps
                for n, entry in enumerate(entries, 1):
                    console.print(Text(f"{n}. ", style="bold") + Text(entry.title) + Text(f"  ({entry.effort_label}) ", style="dim")
                                  + Text(f"safetycheck guide {entry.id}", style="cyan"))
                console.print(Text(s["later_details"], style="dim"))
                console.print()
                continue
            for n, entry in enumerate(entries, 1):
                console.print(_entry(view, entry, n, width), soft_wrap=True)
    if view.in_place:
        console.print(Text(s["in_place"], style="bold green"))
        console.print(Text(s["in_place_note"], style="dim"))
        for row in view.in_place:
            console.print(_wrapped(Text("  ✓ ", style="green") + Text(row.title), width, "    "), soft_wrap=True)
        console.print()
    for module, rows in view.explain:
        explain = Table(title=f"{s['explain']}: {module}", title_justify="left", show_edge=False)
        for key in ("explain_question", "explain_answer"):
            explain.add_column(s[key], ratio=3)
        for key in ("explain_risk", "explain_weight", "explain_points", "explain_could_drop"):
            explain.add_column(s[key], justify="right")
        for r in rows:
            explain.add_row(Text(r.question), Text(r.answer), f"{r.risk}/{r.max_risk}", number(r.weight, view.lang),
                            number(r.points, view.lang, signed=True), number(r.could_drop, view.lang))
        console.print(explain)
    if view.explain:
        console.print(Text(s["explain_note"], style="dim"))
    if view.unanswered:
        console.print()
        console.print(Text(s["unanswered"], style="bold"))
        for module, question in view.unanswered:
            console.print(Text(f"  – {module}: ") + Text(question))
    console.print()
    console.print(Text(s["help_title"], style="bold underline"))
    for c in view.contacts:
        console.print(_wrapped(Text(f"  • {c.name}: ", style="bold") + Text(f"{c.what} {c.how}"), width, "    "), soft_wrap=True)
        console.print(_wrapped(Text(f"    {c.url}", style="underline"), width, "    "), soft_wrap=True)
    if view.stale:
        console.print(Text(s["stale_warning"].format(items=", ".join(view.stale)), style="yellow"))
    console.print(Text(f"{s['content_version']}: {view.content_version}", style="dim"))
    return buffer.getvalue()


def render_group_rich(view: object, s: dict[str, str], titles: dict[str, str], width: int, color: bool, lang: str = "en") -> str:
    """The workshop group view with a bar per level, so a trainer sees where the room is weakest."""
    from safetycheck.engine.workshop import GroupView
    from safetycheck.render.workshop import group_lines

    assert isinstance(view, GroupView)
    g = group_lines(view, s, titles, lang)
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, no_color=not color,
                      color_system="standard" if color else None, highlight=False, emoji=False)
    console.print(Text(g.title, style="bold"), Text(f"  {g.total}"))
    for note in g.notes:
        console.print(Panel(Text(note), border_style="yellow"))
    if g.areas:
        console.print(Text(s["band_distribution"], style="bold underline"))
    total = max(view.participants, 1)
    bar_width = max(8, min(40, width - 24))
    for a in g.areas:
        console.print(_wrapped(Text(a.title, style="bold") + Text(f"  ({a.included})", style="dim"), width, "  "), soft_wrap=True)
        for band, label, n in a.counts:
            filled = max(1, round(n / total * bar_width))
            console.print(Text(f"  {label[:12]:<12} ") + Text("█" * filled, style=BAND_STYLES.get(band, "grey50")) + Text(f" {n}"))
    if g.teach:
        console.print()
        console.print(Text(s["teach_first"], style="bold underline"))
        for n, (title, gid, people) in enumerate(g.teach, 1):
            line = Text(f"{n:>2}. ") + Text(title) + Text(f"  ({gid}) ", style="dim") + Text(people, style="bold")
            console.print(_wrapped(line, width, "    "), soft_wrap=True)  # continuations hang under the title
    if g.topics:
        console.print()
        console.print(Text(s["sensitive_topics"], style="bold underline"))
        for title, people in g.topics:
            console.print(_wrapped(Text(f"  {title}: ") + Text(people, style="bold"), width, "    "), soft_wrap=True)
    return buffer.getvalue()
