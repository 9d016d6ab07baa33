"""A standalone HTML report: one file, inline CSS, no scripts, fonts or remote anything."""

from __future__ import annotations

from html import escape

from safetycheck.engine.tailoring import BUCKETS
from safetycheck.render.report import PlanEntry, ReportView, first_sentence
from safetycheck.render.text import card_lines

CSS = """
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--low:#2da44e;--moderate:#bf8700;--high:#d1581a;--critical:#cf222e}
*{box-sizing:border-box}
body{overflow-wrap:break-word;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.muted{color:var(--muted);font-size:.9rem}
.urgent{background:#ffebe9;border:2px solid var(--critical);border-radius:6px;padding:.6rem .8rem;font-weight:600}
table{border-collapse:collapse;width:100%}td,th{padding:.3rem .4rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
.bar{background:#eaeef2;border-radius:4px;height:.9rem;min-width:6rem;overflow:hidden}
.bar>span{display:block;height:100%}
.band-low{background:var(--low)}.band-moderate{background:var(--moderate)}.band-high{background:var(--high)}.band-critical{background:var(--critical)}
.item{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;margin:.6rem 0;break-inside:avoid}
.item label{font-weight:600;display:flex;gap:.5rem;align-items:flex-start}
.item input{margin-top:.35rem;width:1.1rem;height:1.1rem;flex:none}
.tag{font-size:.8rem;border-radius:3px;padding:0 .3rem;background:var(--critical);color:#fff;margin-left:.3rem}
.tradeoff{border-left:3px solid var(--moderate);padding-left:.6rem}
ul,ol{padding-left:1.3rem}a{color:#0969da;word-break:break-word}
@media (max-width:30rem){body{padding:.6rem;font-size:15px}td,th{padding:.25rem}}
@media print{body{max-width:none;font-size:11pt}a{color:inherit}a::after{content:" (" attr(href) ")";font-size:.85em}
.item{page-break-inside:avoid}h2{page-break-after:avoid}.bar{border:1px solid #999}}
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


def html_entry(s: dict[str, str], entry: PlanEntry) -> list[str]:
    tag = f'<span class="tag">{esc(s["urgent"])}</span>' if entry.urgent else ""
    out = [f'<div class="item" id="{esc(entry.id)}">',
           f'<label><input type="checkbox"> <span>{esc(entry.title)}{tag}</span></label>',
           f'<p class="muted">{esc(s["effort"])}: {esc(entry.effort_label)}</p>',
           *([f"<p><strong>{esc(s['urgent_because'])}:</strong> {esc(entry.urgent_reason)}</p>"] if entry.urgent_reason else []),
           *(f'<p class="muted">{esc(note)}</p>' for note in (entry.instead_of, entry.brought_by) if note),
           f"<p><strong>{esc(s['why'])}:</strong> {esc(entry.why)}</p>"]
    if entry.triggers:
        out.append(f"<p class=\"muted\">{esc(s['triggered_by'])}:</p><ul class=\"muted\">"
                   + "".join(f"<li>{esc(t)}</li>" for t in entry.triggers) + "</ul>")
    for group in entry.steps:
        out.append(f"<p><strong>{esc(s['steps'])} ({esc(group.label)})</strong></p><ol>"
                   + "".join(f"<li>{esc(step)}</li>" for step in group.steps) + "</ol>")
    if entry.tradeoff:
        out.append(f'<p class="tradeoff"><strong>{esc(s["tradeoff"])}:</strong> {esc(entry.tradeoff)}</p>')
    out.append(f"<p>{esc(s['resources'])}:</p><ul>" + "".join(
        f'<li><a href="{esc(r.url)}" rel="noreferrer noopener">{esc(r.title)}</a> ({esc(r.source)}){" " + esc(r.note) if r.note else ""}</li>'
        for r in entry.resources) + "</ul>")
    out.append("</div>")
    return out


def render_html(view: ReportView) -> str:
    s = view.s
    body = [f"<h1>{esc(s['report_title'])}</h1>", f'<p class="muted">{esc(s["date"])}: {esc(view.date)}</p>']
    if view.urgent_count:
        body.append(f'<p class="urgent">{esc(s["urgent_banner"])}</p>')
    body += [f"<h2>{esc(s['summary'])}</h2>", "<table>",
             f"<tr><th>{esc(s['module'])}</th><th>{esc(s['score'])}</th><th></th><th>{esc(s['band'])}</th></tr>"]
    for m in view.modules:
        width = 0 if m.score is None else max(m.score, 2)
        bar = f'<div class="bar" role="img" aria-label="{m.score}/100"><span class="band-{esc(m.band)}" style="width:{width}%"></span></div>'
        body.append(f"<tr><td>{esc(m.title)}</td><td>{'-' if m.score is None else m.score}</td><td>{bar}</td><td>{esc(m.band_label)}</td></tr>")
    body += ["</table>", f'<p class="muted">{esc(s["score_note"])}</p>', f"<h2>{esc(s['threat_profile'])}</h2>", "<ul>"]
    for t in view.threats:
        reason = f' <span class="muted">({esc(s["because"])}: {esc("; ".join(t.reasons))})</span>' if t.reasons else ""
        body.append(f"<li><strong>{esc(t.label)}</strong>: {esc(t.level_label)}{reason}</li>")
    body += ["</ul>", f"<h2>{esc(s['plan'])}</h2>"]
    if not view.plan:
        body.append(f"<p>{esc(s['no_plan'])}</p>")
    for bucket in BUCKETS:
        entries = view.bucket(bucket)
        if entries:
            body.append(f"<h3>{esc(s['bucket_' + bucket])}</h3>")
            for entry in entries:
                body += html_entry(s, entry)
    if view.in_place:
        body += [f"<h3>{esc(s['in_place'])}</h3>", f'<p class="muted">{esc(s["in_place_note"])}</p>',
                 '<ul style="list-style:none;padding-left:0">']
        body += [f"<li>✓ {esc(r.title)}</li>" for r in view.in_place] + ["</ul>"]
    for module, rows in view.explain:
        body += [f"<h2>{esc(s['explain'])}: {esc(module)}</h2>", f'<p class="muted">{esc(s["explain_note"])}</p>', "<table>",
                 "<tr>" + "".join(f"<th>{esc(s[k])}</th>" for k in ("explain_question", "explain_answer", "explain_risk", "explain_weight", "explain_points", "explain_could_drop")) + "</tr>"]
        body += [f"<tr><td>{esc(r.question)}</td><td>{esc(r.answer)}</td><td>{r.risk}/{r.max_risk}</td><td>{r.weight:g} {esc(r.threat)}</td><td>+{r.points:g}</td><td>{r.could_drop:g}</td></tr>" for r in rows]
        body.append("</table>")
    if view.unanswered:
        body += [f"<h2>{esc(s['unanswered'])}</h2>", "<ul>"] + [f"<li>{esc(m)}: {esc(q)}</li>" for m, q in view.unanswered] + ["</ul>"]
    body += [f"<h2>{esc(s['help_title'])}</h2>", "<ul>"]
    body += [f'<li><strong>{esc(c.name)}</strong>: {esc(c.what)} {esc(c.how)} <a href="{esc(c.url)}" rel="noreferrer noopener">{esc(c.url)}</a> <span class="muted">({esc(s["checked"])} {esc(c.checked)})</span></li>' for c in view.contacts]
    body.append("</ul>")
    if view.stale:
        body.append(f'<p class="muted">{esc(s["stale_warning"].format(items=", ".join(view.stale)))}</p>')
    body.append(f'<p class="muted">{esc(s["content_version"])}: {esc(view.content_version)}</p>')
    return page(s["report_title"], view.lang, body)


def render_card_html(view: ReportView, limit: int = 10) -> str:
    """A printable pocket card (A6): the actions and where to get help, nothing about the person."""
    s = view.s
    body = ['<style>body{max-width:26rem}@media print{@page{size:A6;margin:8mm}body{font-size:9pt}}</style>',
            f"<h1>{esc(s['card_title'])}</h1>", "<ul style=\"list-style:none;padding-left:0\">"]
    body += [f"<li>☐ {esc(line)}</li>" for line in card_lines(view, limit)]
    body += ["</ul>", f"<h2>{esc(s['help_title'])}</h2>", "<ul>"]
    body += [f"<li><strong>{esc(c.name)}</strong>: {esc(first_sentence(c.how))} {esc(c.url)}</li>" for c in view.contacts]
    body += ["</ul>", f'<p class="muted">{esc(s["card_note"])}</p>']
    return page(s["card_title"], view.lang, body)
