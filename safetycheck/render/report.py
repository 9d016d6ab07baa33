"""Builds the language-resolved, sanitised view of an assessment that every format renders.

Renderers only lay this out; all choices of what to say live here. Text from content packs and
answers files is untrusted: `clean` strips terminal control sequences once, for every format.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from safetycheck.content.packs import safe_url, url_problem
from safetycheck.content.resolve import QUOTES
from safetycheck.engine.assessment import Assessment
from safetycheck.engine.model import ContentSet, GuidanceItem, Module, Option, Question, Resource, Text
from safetycheck.engine.tailoring import BUCKETS, PlanItem
from safetycheck.i18n.language import say
from safetycheck.i18n.messages import strings
from safetycheck.sanitize import clean


@dataclass(frozen=True)
class StepGroup:
    platform: str
    label: str
    steps: tuple[str, ...]


@dataclass(frozen=True)
class ResourceLink:
    title: str
    url: str
    source: str
    lang: str = "en"
    note: str = ""  # "(in English)" when the page is not in the reader's language


@dataclass(frozen=True)
class PlanEntry:
    id: str
    title: str
    why: str
    effort: str
    effort_label: str
    bucket: str
    urgent: bool
    priority: float
    triggers: tuple[str, ...]
    steps: tuple[StepGroup, ...]
    tradeoff: str
    resources: tuple[ResourceLink, ...]
    reviewed: str
    urgent_reason: str = ""
    instead_of_id: str = ""
    instead_of: str = ""  # "Offered in place of “…”, which …" in the reader's language
    brought_by_id: str = ""
    brought_by: str = ""  # "Goes with “…”."
    check_first: bool = False
    refers_to: tuple[str, ...] = ()  # ids of the items its texts refer to
    keeping_well: bool = False
    card: str = ""  # the item's short neutral line for the pocket card ("" if it has none)


@dataclass(frozen=True)
class InPlaceRow:
    """An item the person already does: acknowledged in the full report, never an action."""

    id: str
    title: str
    triggers: tuple[str, ...]


@dataclass(frozen=True)
class ModuleRow:
    id: str
    title: str
    score: int | None
    band: str
    band_label: str
    answered: int
    unanswered: int
    urgent: int


@dataclass(frozen=True)
class ThreatRow:
    id: str
    label: str
    level: str
    level_label: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ExplainRow:
    question: str
    answer: str
    risk: int
    max_risk: int
    weight: float
    threat: str
    points: float
    could_drop: float


@dataclass(frozen=True)
class ContactRow:
    name: str
    what: str
    how: str
    url: str
    checked: str
    id: str = ""
    from_pack: bool = False  # the name already carries the visible label; this is for choosing


@dataclass(frozen=True)
class ReportView:
    lang: str
    s: dict[str, str]
    date: str
    content_version: str
    modules: tuple[ModuleRow, ...]
    threats: tuple[ThreatRow, ...]
    plan: tuple[PlanEntry, ...]
    unanswered: tuple[tuple[str, str], ...]  # (module title, question text)
    explain: tuple[tuple[str, tuple[ExplainRow, ...]], ...]  # (module title, rows); empty unless asked
    contacts: tuple[ContactRow, ...]
    stale: tuple[str, ...]  # titles of what was last reviewed more than a year ago
    in_place: tuple[InPlaceRow, ...] = ()
    stale_ids: tuple[str, ...] = ()  # the same, by id: for JSON
    done: tuple[str, ...] = ()  # titles of actions the person marked done (never listed as to do)

    def bucket(self, name: str) -> tuple[PlanEntry, ...]:
        return tuple(e for e in self.plan if e.bucket == name)

    @property
    def day(self) -> str:
        """The date as people write it in this language (`date` stays ISO for JSON)."""
        from safetycheck.i18n.formats import long_date

        return long_date(dt.date.fromisoformat(self.date), self.lang)

    @property
    def urgent_count(self) -> int:
        return sum(1 for e in self.plan if e.urgent)


def pack_label(from_pack: bool, lang: str) -> str:
    """What marks text a content pack added, wherever it is shown: not the tool's own advice."""
    return f" [{strings(lang)['from_pack']}]" if from_pack else ""


def pack_title(thing: Module | GuidanceItem, lang: str) -> str:
    return say(thing.title, lang) + pack_label(thing.from_pack, lang)


def shown_url(url: str) -> str:
    """Checked again where it is shown (compiled content, future callers): never a broken link target."""
    return safe_url(url) if url_problem(url) is None else ""


def answer_label(question: Question, option: Option, lang: str) -> str:
    if option.label is not None:
        return say(option.label, lang)
    return strings(lang).get(f"option_{option.id}", option.id)


def first_sentence(text: str) -> str:
    """Where space is short (the pocket card): the first sentence, which says how to reach them."""
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


REPLY_IDS = ("yes", "no", "not_sure")


def answer_as_reason(question: Question, option: Option, lang: str) -> str:
    """An answer that says what it is about stands alone ("No lock at all"); a reply ("Yes, recently,
    or it is happening now": a yes/no option, or one whose id is yes_…/no_…) or a very short label
    comes with its question, or the reader cannot tell what it answers."""
    label = answer_label(question, option, lang)
    reply = option.label is None or option.id in REPLY_IDS or option.id.startswith(("yes_", "no_"))
    return f"{say(question.text, lang)} → {label}" if reply or len(label) < 16 else label


def describe_reasons(pairs: tuple[tuple[Question, Option], ...], lang: str) -> tuple[str, ...]:
    """Short reasons, each once."""
    return tuple(dict.fromkeys(answer_as_reason(question, option, lang) for question, option in pairs))


def describe_answers(pairs: tuple[tuple[Question, Option], ...], lang: str) -> tuple[str, ...]:
    """'Question → answer, answer' once per question, in the order first met."""
    by_question: dict[str, tuple[Question, list[Option]]] = {}
    for question, option in pairs:
        chosen = by_question.setdefault(question.qid, (question, []))[1]
        if option not in chosen:
            chosen.append(option)
    return tuple(f"{say(q.text, lang)} → {', '.join(answer_label(q, o, lang) for o in opts)}" for q, opts in by_question.values())


def quoted(title: Text, lang: str) -> str:
    opening, closing = QUOTES.get(lang, QUOTES["en"])
    return f"{opening}{say(title, lang)}{closing}"


def _plan_entry(plan_item: PlanItem, lang: str, guidance: Mapping[str, GuidanceItem]) -> PlanEntry:
    s = strings(lang)
    entry = entry_for(plan_item.item, lang, plan_item.bucket, plan_item.urgent, plan_item.priority,
                      describe_answers(plan_item.triggers, lang), plan_item.steps, plan_item.resources)
    other = guidance.get(plan_item.instead_of)
    bringer = guidance.get(plan_item.brought_by)
    return replace(
        entry,
        urgent_reason=say(plan_item.urgent_reason, lang),
        instead_of_id=plan_item.instead_of,
        instead_of=s["instead_of"].format(title=quoted(other.title, lang)) if other else "",
        brought_by_id=plan_item.brought_by,
        brought_by=s["comes_with"].format(title=quoted(bringer.title, lang)) if bringer else "",
        check_first=plan_item.check_first,
    )


def guide_entry(item: GuidanceItem, lang: str) -> PlanEntry:
    """An item as a handout: every platform's steps, nothing about any person."""
    steps = tuple((p, tuple(st.text for st in group)) for p, group in item.steps.items())
    return entry_for(item, lang, "", False, 0.0, (), steps, item.resources)


def entry_for(
    item: GuidanceItem,
    lang: str,
    bucket: str,
    urgent: bool,
    priority: float,
    triggers: tuple[str, ...],
    steps: tuple[tuple[str, tuple[Text, ...]], ...],
    resources: tuple[Resource, ...],
) -> PlanEntry:
    s = strings(lang)
    return PlanEntry(
        id=item.id,
        title=pack_title(item, lang),
        why=say(item.why, lang),
        effort=item.effort,
        effort_label=s[f"effort_{item.effort}"],
        bucket=bucket,
        urgent=urgent,
        priority=priority,
        triggers=triggers,
        steps=tuple(StepGroup(p, s[f"platform_{p}"], tuple(say(t, lang) for t in texts)) for p, texts in steps),
        tradeoff=say(item.tradeoff, lang),
        resources=tuple(ResourceLink(say(r.title, lang), shown_url(r.url), clean(r.source), r.lang,
                                     s.get(f"page_in_{r.lang}", "") if r.lang != lang else "") for r in resources),
        reviewed=item.reviewed.isoformat(),
        refers_to=item.refs,
        keeping_well=item.keeping_well,
        card=say(item.card, lang),
    )


def build_view(assessment: Assessment, lang: str, explain: bool = False, first_contacts: tuple[str, ...] = (),
               done: frozenset[str] = frozenset()) -> ReportView:
    """`first_contacts`: help contacts chosen for this person, listed first; `done`: item ids marked done."""
    s = strings(lang)
    content = assessment.content
    config = content.scoring
    modules = tuple(
        ModuleRow(
            id=ms.module.id,
            title=pack_title(ms.module, lang),
            score=ms.score,
            band=ms.band.id if ms.band else "",
            band_label=say(ms.band.label, lang) if ms.band else s["not_assessed"],
            answered=len(ms.answered),
            unanswered=len(ms.unanswered),
            urgent=len(ms.urgent),
        )
        for ms in assessment.scored
    )
    threats = tuple(
        ThreatRow(
            id=t.id,
            label=say(t.label, lang),
            level=assessment.profile.levels[t.id].level,
            level_label=say(config.level(assessment.profile.levels[t.id].level).label, lang),
            reasons=describe_reasons(assessment.profile.levels[t.id].raised_by, lang),
        )
        for t in config.threats
    )
    explain_rows: tuple[tuple[str, tuple[ExplainRow, ...]], ...] = ()
    if explain:
        explain_rows = tuple(
            (
                say(ms.module.title, lang),
                tuple(
                    ExplainRow(
                        question=say(a.question.text, lang),
                        answer=", ".join(answer_label(a.question, o, lang) for o in a.chosen),
                        risk=a.risk,
                        max_risk=a.max_risk,
                        weight=a.weight,
                        threat=say(next(t.label for t in config.threats if t.id == a.threat), lang) if a.threat else "",
                        points=round(ms.points(a), 1),
                        could_drop=round(ms.could_drop(a), 1),
                    )
                    for a in sorted(ms.answers, key=lambda a: -ms.points(a))
                ),
            )
            for ms in assessment.scored
        )
    return ReportView(
        lang=lang,
        s=s,
        date=assessment.date.isoformat(),
        content_version=content.version,
        modules=modules,
        threats=threats,
        plan=tuple(_plan_entry(p, lang, content.guidance) for b in BUCKETS for p in assessment.plan.bucket(b) if p.item.id not in done),
        unanswered=tuple((say(content.module(q.module).title, lang) if content.module(q.module) else q.module, say(q.text, lang)) for q in assessment.unanswered),
        explain=explain_rows,
        contacts=tuple(ContactRow(clean(c.name) + pack_label(c.from_pack, lang), say(c.what, lang), say(c.how, lang), shown_url(c.url),
                                  c.checked.isoformat(), c.id, c.from_pack)
                       for c in sorted(content.help, key=lambda c: (c.id not in first_contacts,
                                                                    list(first_contacts).index(c.id) if c.id in first_contacts else 0))),
        stale=tuple(_stale_title(content, sid, lang) for sid in assessment.stale),
        stale_ids=assessment.stale,
        in_place=tuple(InPlaceRow(p.item.id, say(p.item.title, lang), describe_answers(p.triggers, lang)) for p in assessment.plan.in_place),
        done=tuple(say(p.item.title, lang) for p in assessment.plan.items if p.item.id in done),
    )


def _stale_title(content: ContentSet, some_id: str, lang: str) -> str:
    """Stale modules and items by their titles: a reader never sees an id in prose."""
    if some_id in content.guidance:
        return quoted(content.guidance[some_id].title, lang)
    module = content.module(some_id)
    return quoted(module.title, lang) if module else some_id
