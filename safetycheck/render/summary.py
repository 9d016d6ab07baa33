"""The last screen: what it says (a pure decision) and how it is laid out at a width and height.

One line per area with its level, then "Start here": the plan's first actions (at most five, in
the plan's order, none the person marked done), each with its reason in the person's terms.
The layout wraps every line to the width (never cuts) and drops actions from the end, saying how
many more there are, rather than let the screen overflow.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from safetycheck.engine.assessment import Assessment
from safetycheck.engine.model import Option, Question
from safetycheck.engine.tailoring import BUCKETS
from safetycheck.i18n.formats import long_date
from safetycheck.i18n.language import say
from safetycheck.i18n.messages import strings
from safetycheck.render.report import answer_as_reason, first_sentence

START_HERE_MAX = 5
REASON_LABELS = {"answer": "triggered_by", "urgent": "urgent_because", "why": "why"}


@dataclass(frozen=True)
class AreaLine:
    title: str
    level: str
    band: str
    answered: int
    total: int


@dataclass(frozen=True)
class StartItem:
    id: str
    title: str
    reason: str
    urgent: bool
    # what the reason is: the answer that brought it ("answer"), why the situation makes it urgent
    # ("urgent"), or, for upkeep no answer called for, the first sentence of why it matters ("why")
    reason_kind: str = "answer"


@dataclass(frozen=True)
class Summary:
    date: str
    areas: tuple[AreaLine, ...]
    start: tuple[StartItem, ...]
    more: int  # further actions in the full plan
    done: int  # actions the person marked done
    contacts: tuple[str, ...]  # names of the help contacts chosen for this person (at most 3)


def build_summary(assessment: Assessment, lang: str, done: Iterable[str] = (), contacts: Iterable[str] = ()) -> Summary:
    s = strings(lang)
    marked = set(done)
    areas = []
    for ms in assessment.scored:
        total = len(ms.answered) + len(ms.unanswered)
        areas.append(AreaLine(say(ms.module.title, lang), say(ms.band.label, lang) if ms.band and ms.answered else s["not_assessed"],
                              ms.band.id if ms.band and ms.answered else "", len(ms.answered), total))
    todo = [i for b in BUCKETS for i in assessment.plan.bucket(b) if i.item.id not in marked]
    start = []
    for item in todo[:START_HERE_MAX]:
        # an urgent item says why it cannot wait ("you may be stopped at the border"); others, the answer that brought them
        title = say(item.item.title, lang)
        if item.urgent_reason:
            start.append(StartItem(item.item.id, title, say(item.urgent_reason, lang), True, "urgent"))
        elif item.triggers:
            start.append(StartItem(item.item.id, title, _reason(item.triggers, lang), item.urgent))
        else:
            start.append(StartItem(item.item.id, title, first_sentence(say(item.item.why, lang)), item.urgent, "why"))
    names = {c.id: c.name for c in assessment.content.help}
    chosen = tuple(names[c] for c in contacts if c in names)[:3]
    done_count = sum(1 for i in assessment.plan.items if i.item.id in marked)
    return Summary(long_date(assessment.date, lang), tuple(areas), tuple(start), len(todo) - len(start), done_count, chosen)


def _reason(triggers: tuple[tuple[Question, Option], ...], lang: str) -> str:
    """The first answer that brought the action, in the person's words."""
    return answer_as_reason(*triggers[0], lang) if triggers else ""


def wrap(text: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    rest = first if rest is None else rest
    return textwrap.wrap(text, width=max(10, width), initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False) or [first]


def layout(summary: Summary, lang: str, width: int, rows: int, footer: list[str]) -> list[tuple[str, str]]:
    """(style, line) pairs that fit `width` columns and, with the footer lines, `rows` rows."""
    s = strings(lang)
    w = max(20, width - 1)
    top: list[tuple[str, str]] = [("title", line) for line in wrap(s["summary_title"].format(date=summary.date), w)]
    for area in summary.areas:
        text = s["summary_level"].format(area=area.title, level=area.level)
        if area.total:
            text += f"  ({s['summary_answered'].format(n=area.answered, total=area.total)})"
        top += [(f"band-{area.band}", line) for line in wrap(text, w, "  ", "    ")]
    top.append(("", ""))
    top += [("heading", line) for line in wrap(s["start_here"], w)]
    items: list[list[tuple[str, str]]] = []
    first_with: dict[tuple[str, str], int] = {}  # a reason already given: point to it, the screen is short
    for n, item in enumerate(summary.start, 1):
        lines = [("urgent" if item.urgent else "item", line) for line in wrap(item.title, w, f"{n}. ", "   ")]
        earlier = first_with.setdefault((item.reason_kind, item.reason), n)
        reason = s["same_reason"].format(n=earlier) if earlier != n else f"{s[REASON_LABELS[item.reason_kind]]}: {item.reason}"
        lines += [("reason", line) for line in wrap(reason, w, "   ")]
        items.append(lines)
    if not items:
        nothing = not any(area.answered for area in summary.areas)
        top += [("", line) for line in wrap(s["summary_nothing" if nothing else "start_here_none"], w, "  ")]
    tail_fixed: list[tuple[str, str]] = []
    if summary.done:
        tail_fixed += [("dim", line) for line in wrap(s["summary_done"].format(n=summary.done), w)]
    if summary.contacts:
        tail_fixed += [("dim", line) for line in wrap(s["summary_help"].format(names=", ".join(summary.contacts)), w)]
    room = rows - len(top) - len(tail_fixed) - len(footer) - 1  # one line for "n more"
    shown: list[tuple[str, str]] = []
    kept = 0
    for lines in items:
        if len(shown) + len(lines) > room and kept >= 1:
            break
        shown += lines
        kept += 1
    more = summary.more + len(items) - kept
    tail = [("dim", line) for line in wrap(s["summary_more"].format(n=more), w)] if more else []
    return top + shown + tail + tail_fixed + [("hint", line) for line in footer]
