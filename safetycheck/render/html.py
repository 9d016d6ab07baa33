"""A standalone HTML report: one file, inline CSS, no scripts, fonts or remote anything."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from safetycheck.engine.tailoring import BUCKETS
from safetycheck.i18n.formats import number
from safetycheck.render.report import ContactRow, PlanEntry, ReportView

if TYPE_CHECKING:
    from safetycheck.engine.progress import ProgressView

CSS = """
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--low:#2da44e;--moderate:#bf8700;--high:#d1581a;--critical:#cf222e}
*{box-sizing:border-box}
body{overflow-wrap:break-word;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.muted{color:var(--muted);font-size:.9rem}
.urgent{background:#ffebe9;border:2px solid var(--critical);border-radius:6px;padding:.6rem .8rem;font-weight:600}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .4rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
.bar{background:#eaeef2;border-radius:4px;height:.9rem;min-width:4rem;overflow:hidden}
.bar>span{display:block;height:100%}
.band-low{background:var(--low)}.band-moderate{background:var(--moderate)}.band-high{background:var(--high)}.band-critical{background:var(--critical)}
.item{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
.item label{font-weight:600;display:flex;gap:.5rem;align-items:flex-start}
.item input{margin-top:.35rem;width:1.1rem;height:1.1rem;flex:none}
.item p{margin:.35rem 0}.item ol,.item ul{margin:.2rem 0}
.tag{font-size:.8rem;border-radius:3px;padding:0 .3rem;background:var(--critical);color:#fff;margin-left:.3rem}
.tradeoff{border-left:3px solid var(--moderate);padding-left:.6rem}
.compact{padding-left:1.3rem}.compact li{margin:.1rem 0}
.meta{border:1px solid var(--line);border-radius:6px;padding:.4rem .7rem;margin:.5rem 0}
ul,ol{padding-left:1.3rem}a{color:#0969da;word-break:break-word}
.url{display:none}
@media (max-width:30rem){body{padding:.6rem;font-size:15px}td,th{padding:.25rem}}
@page{size:210mm 297mm;margin:12mm 13mm 13mm}
@media print{html{font-size:9pt}body{max-width:none;font-size:1rem;line-height:1.28;padding:0}a{color:inherit;text-decoration:none}
h1,h2,h3,h4,label{break-after:avoid;page-break-after:avoid;break-inside:avoid}
li,tr,.meta,.urgent{break-inside:avoid;page-break-inside:avoid}p{orphans:3;widows:3}
h2{margin-top:1.1rem}h3{margin-top:.8rem}
.item{border:0;border-top:1px solid var(--line);border-radius:0;padding:.3rem 0;margin:.3rem 0}
.url{display:inline;color:var(--muted);font-size:.85em;overflow-wrap:anywhere}.bar{border:1px solid #999}
.compact{columns:2;column-gap:1.5rem}.screen{display:none}
.item ol,.item ul{padding-left:1.1rem}.contacts{columns:2;column-gap:6mm;font-size:9pt}
.full{columns:2;column-gap:6mm}.full .item:first-child{border-top:0;margin-top:0;padding-top:0}}
"""


def esc(text: str) -> str:
    return escape(text, quote=True)


def page(title: str, lang: str, body: list[str]) -> str:
    """A complete standalone HTML document."""
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="referrer" content="no-referrer">',
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>",
        *body,
        "</body></html>",
    ]) + "\n"


def short_url(url: str) -> str:
    """How a URL is printed on paper: without the scheme, "www." or a trailing slash."""
    for prefix in ("https://", "http://", "www."):
        if url.startswith(prefix):
            url = url[len(prefix):]
    return url.rstrip("/")


def link(url: str, title: str) -> str:
    """A link whose address is printed once, short, on paper (the screen shows the title only)."""
    return f'<a href="{esc(url)}" rel="noreferrer noopener">{esc(title)}</a> <span class="url">{esc(short_url(url))}</span>'


def html_entry(s: dict[str, str], entry: PlanEntry) -> list[str]:
    tag = f'<span class="tag">{esc(s["urgent"])}</span>' if entry.urgent else ""
    out = [f'<div class="item" id="{esc(entry.id)}">',
           f'<label><input type="checkbox"> <span>{esc(entry.title)}{tag}</span></label>',
           *([f"<p><strong>{esc(s['urgent_because'])}:</strong> {esc(entry.urgent_reason)}</p>"] if entry.urgent_reason else []),
           *(f'<p class="muted">{esc(note)}</p>' for note in (entry.instead_of, entry.brought_by) if note),
           f'<p><strong>{esc(s["why"])}:</strong> {esc(entry.why)} <span class="muted">({esc(s["effort"])}: {esc(entry.effort_label)})</span></p>']
    if entry.triggers:
        out.append(f'<p class="muted">{esc(s["triggered_by"])}: {esc("; ".join(entry.triggers))}</p>')
    for group in entry.steps:
        out.append(f"<p><strong>{esc(s['steps'])} ({esc(group.label)})</strong></p><ol>"
                   + "".join(f"<li>{esc(step)}</li>" for step in group.steps) + "</ol>")
    if entry.tradeoff:
        out.append(f'<p class="tradeoff"><strong>{esc(s["tradeoff"])}:</strong> {esc(entry.tradeoff)}</p>')
    if entry.resources:
        out.append(f"<p>{esc(s['resources'])}:</p><ul>" + "".join(
            f"<li>{link(r.url, r.title)} <span class=\"muted\">({esc(r.source)}){' ' + esc(r.note) if r.note else ''}</span></li>"
            for r in entry.resources) + "</ul>")
    out.append("</div>")
    return out


def contact_html(s: dict[str, str], c: ContactRow) -> str:
    return (f'<li><strong>{esc(c.name)}</strong>: {esc(c.what)} {esc(c.how)} <a href="{esc(c.url)}" rel="noreferrer noopener">{esc(short_url(c.url))}</a>'
            f' <span class="muted">({esc(s["checked"])} {esc(c.checked)})</span></li>')


def render_html(view: ReportView) -> str:
    """The personal report. On paper: summary and "Start here" on page 1, Do today and This week in
    full, the rest as compact lists (at most 12 A4 pages for the shipped examples)."""
    s = view.s
    # The content version goes at the top: alone at the end it could fill a last page by itself.
    day = view.day
    body = [f"<h1>{esc(s['report_title'])}</h1>",
            f'<p class="muted">{esc(s["date"])}: {esc(day)} · {esc(s["content_version"])}: {esc(view.content_version)}</p>']
    if view.urgent_count:
        body.append(f'<p class="urgent">{esc(s["urgent_banner"])}</p>')
    body += [f"<h2>{esc(s['summary'])}</h2>", "<table>",
             f"<tr><th>{esc(s['module'])}</th><th>{esc(s['score'])}</th><th></th><th>{esc(s['band'])}</th></tr>"]
    for m in view.modules:
        width = 0 if m.score is None else max(m.score, 2)
        bar = f'<div class="bar" role="img" aria-label="{m.score}/100"><span class="band-{esc(m.band)}" style="width:{width}%"></span></div>'
        body.append(f"<tr><td>{esc(m.title)}</td><td>{'-' if m.score is None else m.score}</td><td>{bar}</td><td>{esc(m.band_label)}</td></tr>")
    body += ["</table>", f'<p class="muted">{esc(s["score_note"])}</p>']
    start = [e for e in view.plan if e.bucket != "later"][:5] or list(view.plan[:5])
    if start:
        body += [f"<h2>{esc(s['start_here'])}</h2>", "<ol>"]
        body += [f'<li><a href="#{esc(e.id)}">{esc(e.title)}</a>{" <span class=tag>" + esc(s["urgent"]) + "</span>" if e.urgent else ""}</li>' for e in start]
        body.append("</ol>")
    body.append(f"<h2>{esc(s['plan'])}</h2>")
    if not view.plan:
        body.append(f"<p>{esc(s['no_plan'])}</p>")
    for bucket in BUCKETS:
        entries = view.bucket(bucket)
        if not entries:
            continue
        body.append(f"<h3>{esc(s['bucket_' + bucket])}</h3>")
        if bucket == "later":  # compact: titles only; the steps are in the report on screen and in the library
            body.append(f'<p class="muted">{esc(s["later_print_note"])}</p><ul class="compact">')
            body += [f'<li id="{esc(e.id)}">☐ {esc(e.title)} <span class="muted">({esc(e.effort_label)})</span></li>' for e in entries]
            body.append("</ul>")
            continue
        body.append('<div class="full">')
        for entry in entries:
            body += html_entry(s, entry)
        body.append("</div>")
    if view.in_place:
        body += [f"<h3>{esc(s['in_place'])}</h3>", f'<p class="muted">{esc(s["in_place_note"])}</p>',
                 '<ul class="compact" style="list-style:none;padding-left:0">']
        body += [f"<li>✓ {esc(r.title)}</li>" for r in view.in_place] + ["</ul>"]
    body += [f"<h2>{esc(s['threat_profile'])}</h2>", '<ul class="compact">']
    for t in view.threats:
        reason = f' <span class="muted">({esc(s["because"])}: {esc("; ".join(t.reasons))})</span>' if t.reasons else ""
        body.append(f"<li><strong>{esc(t.label)}</strong>: {esc(t.level_label)}{reason}</li>")
    body.append("</ul>")
    for module, rows in view.explain:
        body += [f"<h2>{esc(s['explain'])}: {esc(module)}</h2>", f'<p class="muted">{esc(s["explain_note"])}</p>', "<table>",
                 "<tr>" + "".join(f"<th>{esc(s[k])}</th>" for k in ("explain_question", "explain_answer", "explain_risk", "explain_weight", "explain_points", "explain_could_drop")) + "</tr>"]
        body += [f"<tr><td>{esc(r.question)}</td><td>{esc(r.answer)}</td><td>{r.risk}/{r.max_risk}</td><td>{number(r.weight, view.lang)} {esc(r.threat)}</td><td>{number(r.points, view.lang, signed=True)}</td><td>{number(r.could_drop, view.lang)}</td></tr>" for r in rows]
        body.append("</table>")
    if view.unanswered:
        # On paper only the count: the list is for the screen, where the person can answer them.
        body += [f"<h2>{esc(s['unanswered'])}</h2>", f'<p class="muted">{esc(s["unanswered_count"].format(n=len(view.unanswered)))}</p>',
                 '<ul class="compact muted screen">'] + [f"<li>{esc(m)}: {esc(q)}</li>" for m, q in view.unanswered] + ["</ul>"]
    body += [f"<h2>{esc(s['help_title'])}</h2>", '<ul class="contacts">']
    body += [contact_html(s, c) for c in view.contacts]
    body.append("</ul>")
    if view.stale:
        body.append(f'<p class="muted">{esc(s["stale_warning"].format(items=", ".join(view.stale)))}</p>')
    return page(s["report_title"], view.lang, body)


def render_card_html(view: ReportView) -> str:
    """The pocket card (render/card.py decides what it may say)."""
    from safetycheck.render.card import render_card_html as card

    return card(view)


def render_progress_html(view: ProgressView, s: dict[str, str], lang: str) -> str:
    """`compare --format html`: the change between two saves as a page, like `check`'s report."""
    body = [f"<h1>{esc(s['compare_title'])}</h1>", f'<p class="muted">{esc(s["compare_from_to"].format(old=view.old_date, new=view.new_date))}</p>',
            f"<h2>{esc(s['summary'])}</h2>", "<table>",
            f"<tr><th>{esc(s['module'])}</th><th>{esc(view.old_date)}</th><th>{esc(view.new_date)}</th><th>{esc(s['change'])}</th></tr>"]
    for m in view.modules:
        if m.old is None and m.new is None:
            continue
        old = "-" if m.old is None else f"{m.old} ({m.old_band})"
        new = "-" if m.new is None else f"{m.new} ({m.new_band})"
        body.append(f"<tr><td>{esc(m.title)}</td><td>{esc(old)}</td><td>{esc(new)}</td><td>{'' if m.change is None else f'{m.change:+d}'}</td></tr>")
    body.append("</table>")
    for key, items in (("done_actions", view.done), ("new_risks", view.new), ("still_to_do", view.still)):
        if items:
            body += [f"<h2>{esc(s[key])}</h2>", '<ul class="compact">'] + [f"<li>{esc(t)}</li>" for t in items] + ["</ul>"]
    if not (view.done or view.new) and all(m.change in (0, None) for m in view.modules):
        body.append(f"<p>{esc(s['nothing_changed'])}</p>")
    if view.dropped:
        body.append(f'<p class="muted">{esc(s["dropped_answers"].format(items=", ".join(view.dropped)))}</p>')
    return page(s["compare_title"], lang, body)
