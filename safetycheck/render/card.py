"""The pocket card: what a person carries, and what anyone who finds it may read. Pure.

It holds only the neutral card lines content writes for each card-worthy item ("Phone: long
passcode, no face unlock"), with today's marked, and general help contacts. Never an item's title
(urgent titles name incidents: "a relative has been questioned"), never answers, scores or levels;
an item without a card line stays off the card rather than fall back to its title.
"""

from __future__ import annotations

from dataclasses import dataclass

from safetycheck.render.report import ContactRow, ReportView, first_sentence

# Help contacts that fit anyone and say nothing about the person: a 24/7 digital-security helpline
# and a self-help guide, plus any a trainer's pack adds for the whole room (a local helpline; shown
# labelled). Situation-specific ones (spyware research, journalists' emergencies) are in the full report.
GENERAL_CONTACTS = ("access-now-helpline", "digital-first-aid-kit")
CARD_LINES = 8  # what fits one A6 page with the contacts


@dataclass(frozen=True)
class CardView:
    lang: str
    s: dict[str, str]
    lines: tuple[tuple[str, bool], ...]  # (card line, for today)
    contacts: tuple[ContactRow, ...]
    left_off: tuple[str, ...]  # ids of plan items with no card line yet


def card_view(view: ReportView, limit: int = CARD_LINES) -> CardView:
    lines: dict[str, bool] = {}
    for entry in view.plan:
        if entry.card and len(lines) < limit:
            lines[entry.card] = lines.get(entry.card, False) or entry.bucket == "today"
    contacts = tuple(c for c in view.contacts if c.id in GENERAL_CONTACTS or c.from_pack) or view.contacts[:1]
    return CardView(view.lang, view.s, tuple(lines.items()), contacts, tuple(e.id for e in view.plan if not e.card))


def render_card_text(view: ReportView) -> str:
    card = card_view(view)
    s = card.s
    out = [s["card_title"], ""]
    out += [f"[ ] {s['card_today'] + ': ' if today else ''}{line}" for line, today in card.lines]
    if not card.lines:
        out.append(s["card_no_lines"])
    out += ["", s["help_title"]]
    out += [f"- {c.name}: {first_sentence(c.how)} {c.url}" for c in card.contacts]
    out += ["", s["card_note"]]
    return "\n".join(out) + "\n"


CARD_CSS = """
body{max-width:26rem}
.card-lines{list-style:none;padding-left:0}.card-lines li{margin:.25rem 0;padding-left:1.4rem;text-indent:-1.4rem}
.today{font-weight:700}.today b{font-size:.8em;border:1px solid currentColor;border-radius:3px;padding:0 .2rem;margin-right:.2rem}
@page{size:105mm 148mm;margin:6mm 7mm}
@media print{html{font-size:8.5pt}body{max-width:none;padding:0;line-height:1.3}h1{font-size:1.35rem;margin:0 0 .3rem}
h2{font-size:1.05rem;margin:.6rem 0 .2rem}.card-lines li{break-inside:avoid}}
"""


def render_card_html(view: ReportView) -> str:
    """One A6 page (105 x 148 mm: Chromium ignores the keyword `A6`)."""
    from safetycheck.render.html import esc, page, short_url

    card = card_view(view)
    s = card.s
    body = [f"<style>{CARD_CSS}</style>", f"<h1>{esc(s['card_title'])}</h1>", '<ul class="card-lines">']
    body += [f'<li class="today">☐ <b>{esc(s["card_today"])}</b> {esc(line)}</li>' if today else f"<li>☐ {esc(line)}</li>"
             for line, today in card.lines]
    if not card.lines:
        body.append(f"<li>{esc(s['card_no_lines'])}</li>")
    body += ["</ul>", f"<h2>{esc(s['help_title'])}</h2>", "<ul>"]
    body += [f"<li><strong>{esc(c.name)}</strong>: {esc(first_sentence(c.how))} {esc(short_url(c.url))}</li>" for c in card.contacts]
    body += ["</ul>", f'<p class="muted">{esc(s["card_note"])}</p>']
    return page(s["card_title"], view.lang, body)
