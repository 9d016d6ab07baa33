"""Paper worksheets: every question with boxes to tick and its why line, then a scoring key. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from safetycheck.engine.model import (
    NOT_SURE,
    AllOf,
    AnyOf,
    Condition,
    ContentSet,
    Module,
    Not,
    Question,
    QuestionCondition,
    ThreatCondition,
)
from safetycheck.i18n.language import say
from safetycheck.i18n.messages import strings
from safetycheck.render.html import esc, page
from safetycheck.render.report import answer_label, pack_title
from safetycheck.render.text import md


def _numbering(modules: Sequence[Module]) -> dict[str, str]:
    return {q.qid: f"{mi}.{qi}" for mi, m in enumerate(modules, 1) for qi, q in enumerate(m.questions, 1)}


def describe(condition: Condition, content: ContentSet, numbers: dict[str, str], lang: str) -> str:
    """A condition in words a person can follow on paper."""
    s = strings(lang)
    if isinstance(condition, QuestionCondition):
        question = content.question(condition.question)
        number = numbers.get(condition.question, condition.question)
        if question is None:
            return number
        if condition.answered is not None:
            return f"{s['worksheet_question']} {number}"
        chosen = condition.in_ or condition.not_in or ()
        labels = " / ".join(answer_label(question, o, lang) for o in question.options if o.id in chosen)
        neg = "≠ " if condition.not_in else ""
        return f"{s['worksheet_answered']} {neg}“{labels}” ({s['worksheet_question']} {number})"
    if isinstance(condition, ThreatCondition):
        return s["worksheet_only_if_threat"]
    if isinstance(condition, Not):
        return f"not ({describe(condition.item, content, numbers, lang)})"
    joiner = " + " if isinstance(condition, AllOf) else " | "
    assert isinstance(condition, AllOf | AnyOf)
    return joiner.join(describe(c, content, numbers, lang) for c in condition.items)


def _options(question: Question) -> list:
    return [o for o in question.options if o.id != NOT_SURE] + [o for o in question.options if o.id == NOT_SURE]


def render_worksheet_markdown(content: ContentSet, modules: Sequence[Module], lang: str) -> str:
    s = strings(lang)
    numbers = _numbering(modules)
    out = [f"# {s['worksheet_title']}", "", s["worksheet_intro"], ""]
    for module in modules:
        out += [f"## {numbers[module.questions[0].qid].split('.')[0]}. {md(pack_title(module, lang))}", "", md(say(module.description, lang)), ""]
        for question in module.questions:
            kind = s["pick_several"] if question.type == "multiple" else s["pick_one"]
            out.append(f"**{numbers[question.qid]}. {md(say(question.text, lang))}**  ")
            out.append(f"*{md(say(question.why, lang))}*  ")
            if question.when is not None:
                out.append(f"({s['worksheet_only_if']}: {md(describe(question.when, content, numbers, lang))})  ")
            out.append(kind)
            out += [f"- [ ] {md(answer_label(question, o, lang))}" for o in _options(question)]
            out.append("")
    out += [f"## {s['scoring_key']}", "", s["scoring_key_how"], ""]
    for module in modules:
        if not module.scored:
            continue
        out += [f"### {md(pack_title(module, lang))}", ""]
        for question in module.questions:
            parts = []
            for o in _options(question):
                advice = f" → {', '.join(o.guidance)}" if o.guidance else ""
                parts.append(f"{md(answer_label(question, o, lang))} = {o.risk}{md(advice)}")
            out.append(f"- **{numbers[question.qid]}** (max {question.max_risk}): " + "; ".join(parts))
        out.append("")
    return "\n".join(out)


def render_worksheet_html(content: ContentSet, modules: Sequence[Module], lang: str) -> str:
    s = strings(lang)
    numbers = _numbering(modules)
    body = [f"<h1>{esc(s['worksheet_title'])}</h1>", f"<p>{esc(s['worksheet_intro'])}</p>"]
    for module in modules:
        body.append(f"<h2>{esc(pack_title(module, lang))}</h2><p class=\"muted\">{esc(say(module.description, lang))}</p>")
        for question in module.questions:
            only_if = (f'<p class="muted">({esc(s["worksheet_only_if"])}: {esc(describe(question.when, content, numbers, lang))})</p>'
                       if question.when is not None else "")
            kind = s["pick_several"] if question.type == "multiple" else s["pick_one"]
            boxes = "".join(f"<li>☐ {esc(answer_label(question, o, lang))}</li>" for o in _options(question))
            body.append(f'<div class="item"><p><strong>{esc(numbers[question.qid])}. {esc(say(question.text, lang))}</strong></p>'
                        f'<p class="muted"><em>{esc(say(question.why, lang))}</em></p>{only_if}<p>{esc(kind)}</p>'
                        f'<ul style="list-style:none;padding-left:.4rem">{boxes}</ul></div>')
    body += [f"<h2>{esc(s['scoring_key'])}</h2>", f"<p>{esc(s['scoring_key_how'])}</p>"]
    for module in modules:
        if not module.scored:
            continue
        body.append(f"<h3>{esc(pack_title(module, lang))}</h3><table>")
        body.append(f"<tr><th>#</th><th>{esc(s['option'])}: {esc(s['points'])}</th></tr>")
        for question in module.questions:
            parts = "; ".join(
                f"{esc(answer_label(question, o, lang))} = {o.risk}" + (f" → {esc(', '.join(o.guidance))}" if o.guidance else "")
                for o in _options(question))
            body.append(f"<tr><td>{esc(numbers[question.qid])}</td><td>{parts} <span class=\"muted\">(max {question.max_risk})</span></td></tr>")
        body.append("</table>")
    return page(s["worksheet_title"], lang, body)
