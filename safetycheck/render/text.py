"""Plain text (screen readers, pipes) and Markdown reports: pure functions returning strings."""

from __future__ import annotations

from safetycheck.engine.tailoring import BUCKETS
from safetycheck.i18n.formats import number
from safetycheck.render.report import PlanEntry, ReportView


def _score(view: ReportView, score: int | None, band_label: str) -> str:
    return band_label if score is None else f"{score}/100 ({band_label})"


def render_plain(view: ReportView) -> str:
    s = view.s
    out = [s["report_title"], f"{s['date']}: {view.day}", ""]
    if view.urgent_count:
        out += [f"!! {s['urgent_banner']}", ""]
    out.append(s["summary"])
    out += [f"  {m.title}: {_score(view, m.score, m.band_label)}" for m in view.modules]
    out += [f"  ({s['score_note']})", ""]
    out.append(s["threat_profile"])
    for t in view.threats:
        reason = f" - {s['because']}: {'; '.join(t.reasons)}" if t.reasons else ""
        out.append(f"  {t.label}: {t.level_label}{reason}")
    out += ["", s["plan"]]
    if not view.plan:
        out.append(f"  {s['no_plan']}")
    for bucket in BUCKETS:
        entries = view.bucket(bucket)
        if entries:
            out += ["", f"{s['bucket_' + bucket]}:"]
            for n, entry in enumerate(entries, 1):
                out += plain_entry(s, entry, n)
    if view.done:
        out += ["", f"{s['done_marked']}:"] + [f"  - {title}" for title in view.done]
    out += _plain_in_place(view)
    out += _plain_explain(view)
    if view.unanswered:
        out += ["", s["unanswered"]]
        out += [f"  - {module}: {question}" for module, question in view.unanswered]
    out += _plain_help(view)
    return "\n".join(out).rstrip() + "\n"


def plain_entry(s: dict[str, str], entry: PlanEntry, n: int) -> list[str]:
    flag = f" [{s['urgent']}]" if entry.urgent else ""
    out = [f"  {n}. {entry.title}{flag} ({s['effort']}: {entry.effort_label})"]
    out += [f"     {s['urgent_because']}: {entry.urgent_reason}"] if entry.urgent_reason else []
    out += [f"     {note}" for note in (entry.instead_of, entry.brought_by) if note]
    out.append(f"     {s['why']}: {entry.why}")
    out += [f"     {s['triggered_by']}: {t}" for t in entry.triggers]
    for group in entry.steps:
        out.append(f"     {s['steps']} - {group.label}:")
        out += [f"       - {step}" for step in group.steps]
    if entry.tradeoff:
        out.append(f"     {s['tradeoff']}: {entry.tradeoff}")
    out += [f"     {s['resources']}: {r.title} ({r.source}){' ' + r.note if r.note else ''} {r.url}" for r in entry.resources]
    return out


def _plain_in_place(view: ReportView) -> list[str]:
    if not view.in_place:
        return []
    out = ["", f"{view.s['in_place']}:", f"  {view.s['in_place_note']}"]
    return out + [f"  - {row.title}" for row in view.in_place]


def _plain_explain(view: ReportView) -> list[str]:
    s = view.s
    out: list[str] = []
    if view.explain:
        out += ["", s["explain"], f"  {s['explain_note']}"]
    for module, rows in view.explain:
        out.append(f"  {module}:")
        for r in rows:
            out.append(f"    - {r.question} -> {r.answer}: {s['explain_risk']} {r.risk}/{r.max_risk} x "
                       f"{s['explain_weight']} {number(r.weight, view.lang)} ({r.threat}) = {number(r.points, view.lang, signed=True)}; "
                       f"{s['explain_could_drop']} {number(r.could_drop, view.lang)}")
    return out


def _plain_help(view: ReportView) -> list[str]:
    s = view.s
    out = ["", s["help_title"]]
    out += [f"  - {c.name}: {c.what} {c.how} {c.url} ({s['checked']} {c.checked})" for c in view.contacts]
    if view.stale:
        out += ["", s["stale_warning"].format(items=", ".join(view.stale))]
    out += ["", f"{s['content_version']}: {view.content_version}"]
    return out


_MD_SPECIAL = "\\`*_[]<>#|!~&"


def md(text: str) -> str:
    """Content text as literal Markdown: every character that could start a link, an image, raw
    HTML, an entity, emphasis or a table cell is escaped, and line breaks cannot start a new block."""
    text = " ".join(text.split("\n"))
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)




def markdown_entry(s: dict[str, str], entry: PlanEntry) -> list[str]:
    flag = f" **({s['urgent']})**" if entry.urgent else ""
    box = "- [ ] " if entry.bucket else "### "
    out = [f"{box}**{md(entry.title)}**{flag} ({s['effort']}: {entry.effort_label})", ""]
    if entry.urgent_reason:
        out += [f"  **{s['urgent_because']}:** {md(entry.urgent_reason)}", ""]
    out += [f"  *{md(note)}*\n" for note in (entry.instead_of, entry.brought_by) if note]
    out += [f"  {s['why']}: {md(entry.why)}", ""]
    out += [f"  - {s['triggered_by']}: {md(t)}" for t in entry.triggers]
    for group in entry.steps:
        out += ["", f"  **{s['steps']} ({md(group.label)})**", ""]
        out += [f"  {i}. {md(step)}" for i, step in enumerate(group.steps, 1)]
    if entry.tradeoff:
        out += ["", f"  *{s['tradeoff']}:* {md(entry.tradeoff)}"]
    out += ["", f"  {s['resources']}:"] + [f"  - [{md(r.title)}](<{r.url}>) ({md(r.source)}){' ' + md(r.note) if r.note else ''}" for r in entry.resources]
    if not entry.bucket:
        out += ["", f"  _{s['reviewed']} {entry.reviewed}_"]
    out.append("")
    return out


def render_markdown(view: ReportView) -> str:
    s = view.s
    out = [f"# {s['report_title']}", "", f"*{s['date']}: {view.day}*", ""]
    if view.urgent_count:
        out += [f"> **{md(s['urgent_banner'])}**", ""]
    out += [f"## {s['summary']}", "", f"| {s['module']} | {s['score']} | {s['band']} |", "|---|---|---|"]
    out += [f"| {md(m.title)} | {'-' if m.score is None else m.score} | {md(m.band_label)} |" for m in view.modules]
    out += ["", f"_{md(s['score_note'])}_", "", f"## {s['threat_profile']}", ""]
    for t in view.threats:
        reason = f" ({s['because']}: {md('; '.join(t.reasons))})" if t.reasons else ""
        out.append(f"- **{md(t.label)}**: {md(t.level_label)}{reason}")
    out += ["", f"## {s['plan']}"]
    if not view.plan:
        out += ["", md(s["no_plan"])]
    for bucket in BUCKETS:
        entries = view.bucket(bucket)
        if not entries:
            continue
        out += ["", f"### {s['bucket_' + bucket]}", ""]
        for entry in entries:
            out += markdown_entry(s, entry)
    if view.in_place:
        out += ["", f"## {md(s['in_place'])}", "", md(s["in_place_note"]), ""] + [f"- [x] {md(r.title)}" for r in view.in_place]
    if view.explain:
        out += ["", f"## {s['explain']}", "", md(s["explain_note"])]
        for module, rows in view.explain:
            out += ["", f"### {md(module)}", "",
                    f"| {s['explain_question']} | {s['explain_answer']} | {s['explain_risk']} | {s['explain_weight']} | {s['explain_points']} | {s['explain_could_drop']} |",
                    "|---|---|---|---|---|---|"]
            out += [f"| {md(r.question)} | {md(r.answer)} | {r.risk}/{r.max_risk} | {number(r.weight, view.lang)} {md(r.threat)} | {number(r.points, view.lang, signed=True)} | {number(r.could_drop, view.lang)} |" for r in rows]
    if view.unanswered:
        out += ["", f"## {s['unanswered']}", ""] + [f"- {md(m)}: {md(q)}" for m, q in view.unanswered]
    out += ["", f"## {s['help_title']}", ""]
    out += [f"- **{md(c.name)}**: {md(c.what)} {md(c.how)} <{c.url}> ({s['checked']} {c.checked})" for c in view.contacts]
    if view.stale:
        out += ["", f"> {md(s['stale_warning'].format(items=', '.join(view.stale)))}"]
    out += ["", f"*{s['content_version']}: {md(view.content_version)}*"]
    return "\n".join(out).rstrip() + "\n"


def render_card(view: ReportView) -> str:
    """The pocket card (render/card.py decides what it may say)."""
    from safetycheck.render.card import render_card_text

    return render_card_text(view)
