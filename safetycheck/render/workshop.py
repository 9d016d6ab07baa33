"""The group view of a workshop in plain text, Markdown, HTML and JSON: pure functions.

What the view says is decided once, in `group_lines`, from values already checked by the engine;
every text is cleaned again here (titles may come from a trainer's pack), so nothing from a summary
or a pack reaches a terminal, page or Markdown viewer as control bytes, bidi overrides or markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from safetycheck.engine.workshop import BANDS, FEW_PARTICIPANTS, GroupView
from safetycheck.i18n.messages import plural
from safetycheck.render.html import esc, page
from safetycheck.render.text import md
from safetycheck.sanitize import clean

ALL_BANDS = (*BANDS, "none")


def counted(key: str, n: int, lang: str) -> str:
    """'6 participants', '1 person', '3 участника': the catalogue's plural forms for n."""
    return plural(key, n, lang).format(n=n)


@dataclass(frozen=True)
class AreaLine:
    title: str
    included: str  # "included 6, not included 0"
    counts: tuple[tuple[str, str, int], ...]  # (band id, label, participants), only bands with people


@dataclass(frozen=True)
class GroupLines:
    title: str
    total: str
    notes: tuple[str, ...]
    areas: tuple[AreaLine, ...]
    teach: tuple[tuple[str, str, str], ...]  # (title, id, "4 people")
    topics: tuple[tuple[str, str], ...]  # (area title, "2 people")


def _title(titles: dict[str, str], key: str) -> str:
    return clean(titles.get(key, key))


def shown(text: str) -> str:
    """A file name fit to print: no control or bidi characters, and no lone surrogates (a name that
    is not UTF-8 would otherwise crash the output)."""
    return clean(text).encode("utf-8", "replace").decode("utf-8")


def group_lines(view: GroupView, s: dict[str, str], titles: dict[str, str], lang: str) -> GroupLines:
    """What the trainer reads, in their language: the total always; the rest only for rooms of five or more."""
    notes = []
    if not view.detailed:
        notes.append(s["few_participants"].format(n=view.participants, few=FEW_PARTICIPANTS))
    if len(view.content_versions) > 1:
        notes.append(s["mixed_versions"].format(versions=", ".join(clean(v) for v in view.content_versions)))
    if view.unknown:
        notes.append(s["unknown_ids"].format(n=view.unknown))
    areas = tuple(
        AreaLine(_title(titles, a.id), s["included_counts"].format(included=a.included, not_included=a.not_included),
                 tuple((b, s["band_" + b], a.counts[b]) for b in ALL_BANDS if a.counts[b]))
        for a in view.areas)
    teach = tuple((_title(titles, g), clean(g), counted("n_people", c, lang)) for g, c in view.top_guidance)
    topics = tuple((_title(titles, t), counted("n_people", c, lang)) for t, c in view.topics)
    return GroupLines(s["group_title"], counted("n_participants", view.participants, lang), tuple(notes), areas, teach, topics)


def render_group_text(view: GroupView, s: dict[str, str], titles: dict[str, str], markdown: bool, lang: str = "en") -> str:
    g = group_lines(view, s, titles, lang)
    escape = md if markdown else (lambda t: t)
    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  ")
    out = [f"{h1}{escape(g.title)}", "", escape(g.total)]
    for note in g.notes:
        out += ["", f"{'> ' if markdown else '! '}{escape(note)}"]
    if g.areas:
        out += ["", f"{h2}{escape(s['band_distribution'])}"]
        for a in g.areas:
            counts = ", ".join(f"{label} {n}" for _, label, n in a.counts)
            out.append(f"{bullet}{escape(a.title)}: {escape(a.included)}; {escape(counts)}")
    if g.teach:
        out += ["", f"{h2}{escape(s['teach_first'])}"]
        out += [f"{n}. {escape(title)} ({escape(gid)}): {escape(people)}" for n, (title, gid, people) in enumerate(g.teach, 1)]
    if g.topics:
        out += ["", f"{h2}{escape(s['sensitive_topics'])}"]
        out += [f"{bullet}{escape(title)}: {escape(people)}" for title, people in g.topics]
    return "\n".join(out).rstrip() + "\n"


GROUP_CSS = (".area{border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;margin:.5rem 0;break-inside:avoid}"
             ".area h3{margin:0 0 .2rem}.stack{display:flex;height:1rem;border-radius:4px;overflow:hidden;background:#eaeef2;margin:.3rem 0}"
             ".legend{display:flex;flex-wrap:wrap;gap:.2rem .9rem;padding:0;margin:0;list-style:none}"
             ".legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-.05rem}"
             ".band-none{background:#8c959f}")


def render_group_html(view: GroupView, s: dict[str, str], titles: dict[str, str], lang: str) -> str:
    g = group_lines(view, s, titles, lang)
    body = [f"<style>{GROUP_CSS}</style>", f"<h1>{esc(g.title)}</h1>", f"<p><strong>{esc(g.total)}</strong></p>"]
    body += [f'<p class="urgent">{esc(n)}</p>' for n in g.notes]
    if g.areas:
        body.append(f"<h2>{esc(s['band_distribution'])}</h2>")
    total = max(view.participants, 1)
    for a in g.areas:
        # A stacked bar and a wrapping legend instead of a wide table: fits 390 px as well as 1200 px.
        bar = "".join(f'<span class="band-{b}" style="width:{100 * n / total:.1f}%"></span>' for b, _, n in a.counts)
        legend = "".join(f'<li><i class="band-{b}"></i>{esc(label)}: <strong>{n}</strong></li>' for b, label, n in a.counts)
        body.append(f'<div class="area"><h3>{esc(a.title)}</h3><p class="muted">{esc(a.included)}</p>'
                    f'<div class="stack" role="img" aria-label="{esc(a.title)}">{bar}</div><ul class="legend">{legend}</ul></div>')
    if g.teach:
        body += [f"<h2>{esc(s['teach_first'])}</h2>", "<ol>"]
        body += [f'<li>{esc(title)} <span class="muted">({esc(gid)})</span>: {esc(people)}</li>' for title, gid, people in g.teach]
        body.append("</ol>")
    if g.topics:
        body += [f"<h2>{esc(s['sensitive_topics'])}</h2>", f'<p class="muted">{esc(s["sensitive_topics_note"])}</p>', "<ul>"]
        body += [f"<li>{esc(title)}: {esc(people)}</li>" for title, people in g.topics]
        body.append("</ul>")
    return page(s["group_title"], lang, body)


def render_group_json(view: GroupView, titles: dict[str, str]) -> str:
    data = {
        "participants": view.participants,
        "detailed": view.detailed,
        "areas": [{"id": a.id, "title": _title(titles, a.id), "included": a.included, "not_included": a.not_included,
                   "levels": dict(a.counts)} for a in view.areas],
        "top_guidance": [{"id": g, "title": _title(titles, g), "count": c} for g, c in view.top_guidance],
        "topics": [{"id": t, "title": _title(titles, t), "count": c} for t, c in view.topics],
        "skipped": [{"file": shown(f), "reason": clean(r)} for f, r in view.skipped],
        "unknown_ids": view.unknown,
        "content_versions": [clean(v) for v in view.content_versions],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
