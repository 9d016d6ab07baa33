"""The guidance library as handouts: choose items, render them in a format."""

from __future__ import annotations

import json
from dataclasses import asdict

from safetycheck.engine.model import ContentSet, GuidanceItem
from safetycheck.errors import UsageError
from safetycheck.i18n.formats import long_date
from safetycheck.i18n.messages import strings, tr
from safetycheck.sanitize import clean


def guide_items(content: ContentSet, item_id: str | None, module_id: str | None) -> list[GuidanceItem]:
    if item_id is not None:
        item = content.guidance.get(item_id)
        if item is None:
            raise UsageError(tr("err_unknown_item", id=item_id))
        return [item]
    if module_id is not None:
        module = content.module(module_id)
        if module is None:
            raise UsageError(tr("err_unknown_module", id=module_id, known=", ".join(m.id for m in content.modules)))
        ids = dict.fromkeys(g for q in module.questions for o in q.options for g in o.guidance)
        return [content.guidance[g] for g in ids]
    return sorted(content.guidance.values(), key=lambda g: g.id)


def handout_heading(items: list[GuidanceItem], lang: str, area: str | None) -> tuple[str, str]:
    """What page 1 of a handout says first: its topic, then the language and the content date."""
    from safetycheck.i18n.language import say

    s = strings(lang)
    topic = area or (say(items[0].title, lang) if len(items) == 1 else None)
    title = f"{s['guidance_library']}: {topic}" if topic else s["guidance_library"]
    date = max((i.reviewed for i in items), default=None)
    meta = s["handout_meta"].format(language=s["language_name"], date=long_date(date, lang) if date else "-")
    return clean(title), meta


def render_guide(items: list[GuidanceItem], lang: str, fmt: str | None, to_file: bool, area: str | None = None,
                 columns: int | None = None) -> str:
    """`columns`: the width of the terminal it is printed on (None for a file or a pipe)."""
    from safetycheck.render.report import guide_entry

    s = strings(lang)
    entries = [guide_entry(item, lang) for item in items]
    title, meta = handout_heading(items, lang, area)
    if fmt == "json":
        return json.dumps({"items": [asdict(e) for e in entries]}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        from safetycheck.render.text import markdown_entry, md

        lines = [f"# {md(title)}", "", f"*{md(meta)}*", ""]
        for entry in entries:
            lines += markdown_entry(s, entry)
        return "\n".join(lines)
    if fmt == "html":
        from safetycheck.render.html import esc, html_entry, page

        body = [f"<h1>{esc(title)}</h1>", f'<p class="meta">{esc(meta)}</p>']
        for entry in entries:
            body += html_entry(s, entry)
        return page(title, lang, body)
    from safetycheck.render.text import plain_entry

    if len(entries) > 1 and not to_file and fmt in (None, "rich", "plain"):
        # Browsing: an index to pick from; one id (or --format markdown/html) gives the full text.
        width = max(len(e.id) for e in entries)
        rows = [f"{e.id:<{width}}  {e.title}  ({e.effort_label})" for e in entries]
        room = (columns or 0) - 1 - width - 2
        if columns is not None and max(len(row) for row in rows) >= columns:
            import textwrap

            if room >= 24:  # titles wrap in their own column
                rows = [f"{e.id:<{width}}  " + f"\n{' ' * (width + 2)}".join(
                    textwrap.wrap(f"{e.title}  ({e.effort_label})", room, break_on_hyphens=False)) for e in entries]
            else:  # a phone: the id above its title
                rows = [f"{e.id}\n  {e.title}  ({e.effort_label})" for e in entries]
        return f"{s['guidance_library']}\n" + "\n".join(rows) + "\n"
    lines = []
    for n, entry in enumerate(entries, 1):
        lines += plain_entry(s, entry, n) + [f"     {s['reviewed']} {entry.reviewed}", ""]
    return "\n".join(lines)
