"""The group view of a workshop in plain text, Markdown, HTML and JSON: pure functions."""

from __future__ import annotations

import json
from dataclasses import asdict

from safetycheck.engine.workshop import BANDS, FEW_PARTICIPANTS, GroupView
from safetycheck.render.html import esc, page

ALL_BANDS = (*BANDS, "none")


def notices(view: GroupView, s: dict[str, str]) -> list[str]:
    out = []
    if 0 < view.participants < FEW_PARTICIPANTS:
        out.append(s["few_participants"].format(n=view.participants))
    if len(view.content_versions) > 1:
        out.append(s["mixed_versions"].format(versions=", ".join(view.content_versions)))
    return out


def render_group_text(view: GroupView, s: dict[str, str], titles: dict[str, str], markdown: bool) -> str:
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  ")
    out = [f"{h1}{s['group_title']}", "", f"{s['participants']}: {view.participants}"]
    for note in notices(view, s):
        out += ["", f"{'> ' if markdown else '! '}{note}"]
    out += ["", f"{h2}{s['band_distribution']}"]
    for m in view.modules:
        median = "" if m.median is None else f" ({s['median']} {m.median:g})"
        counts = ", ".join(f"{s['band_' + b]} {m.counts[b]}" for b in ALL_BANDS if m.counts[b])
        out.append(f"{bullet}{titles.get(m.id, m.id)}{median}: {counts}")
    out += ["", f"{h2}{s['teach_first']}"]
    for n, (gid, count) in enumerate(view.top_guidance, 1):
        out.append(f"{n}. {titles.get(gid, gid)} ({gid}): {count} {s['people']}")
    return "\n".join(out).rstrip() + "\n"


def render_group_html(view: GroupView, s: dict[str, str], titles: dict[str, str], lang: str) -> str:
    body = [f"<h1>{esc(s['group_title'])}</h1>", f"<p>{esc(s['participants'])}: <strong>{view.participants}</strong></p>"]
    body += [f'<p class="urgent">{esc(n)}</p>' for n in notices(view, s)]
    body += [f"<h2>{esc(s['band_distribution'])}</h2>", "<table>",
             "<tr><th></th>" + "".join(f"<th>{esc(s['band_' + b])}</th>" for b in ALL_BANDS) + f"<th>{esc(s['median'])}</th></tr>"]
    total = max(view.participants, 1)
    for m in view.modules:
        cells = "".join(
            f'<td>{m.counts[b]}<div class="bar"><span class="band-{b}" style="width:{100 * m.counts[b] // total}%"></span></div></td>'
            for b in ALL_BANDS)
        body.append(f"<tr><td>{esc(titles.get(m.id, m.id))}</td>{cells}<td>{'' if m.median is None else f'{m.median:g}'}</td></tr>")
    body += ["</table>", f"<h2>{esc(s['teach_first'])}</h2>", "<ol>"]
    body += [f"<li>{esc(titles.get(g, g))} <span class=\"muted\">({esc(g)})</span>: {c} {esc(s['people'])}</li>" for g, c in view.top_guidance]
    body.append("</ol>")
    return page(s["group_title"], lang, body)


def render_group_json(view: GroupView, titles: dict[str, str]) -> str:
    data = asdict(view)
    data["top_guidance"] = [{"id": g, "title": titles.get(g, g), "count": c} for g, c in view.top_guidance]
    data["skipped"] = [{"file": f, "reason": r} for f, r in view.skipped]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
