"""Paper worksheets: the participant sheet (questions and boxes to tick) and, as a separate
document, the trainer's scoring key. Pure.

A filled sheet is a dossier ("I keep member lists", "I was summoned"): both documents say so in
their first lines, and the key never implies that sheets are collected.
"""

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
    Option,
    Question,
    QuestionCondition,
    ThreatCondition,
)
from safetycheck.i18n.formats import long_date
from safetycheck.i18n.language import say
from safetycheck.i18n.messages import strings
from safetycheck.render.html import esc, page
from safetycheck.render.report import answer_label, pack_title
from safetycheck.render.text import md


def _numbering(modules: Sequence[Module]) -> dict[str, str]:
    return {q.qid: f"{mi}.{qi}" for mi, m in enumerate(modules, 1) for qi, q in enumerate(m.questions, 1)}


def _labels(question: Question, chosen: Sequence[str], lang: str) -> str:
    s = strings(lang)
    quoted = [f"“{answer_label(question, o, lang)}”" for o in question.options if o.id in chosen]
    return f" {s['worksheet_or']} ".join(quoted)


def describe(condition: Condition, content: ContentSet, numbers: dict[str, str], lang: str, negate: bool = False) -> str:
    """A condition in words a person can follow on paper (no |, ≠ or +)."""
    s = strings(lang)
    if isinstance(condition, Not):
        return describe(condition.item, content, numbers, lang, not negate)
    if isinstance(condition, QuestionCondition):
        question = content.question(condition.question)
        if question is None:
            return condition.question
        # A question on another sheet is named by its text, one on this sheet by its number.
        where = numbers.get(condition.question) or f"“{say(question.text, lang)}”"
        if condition.answered is not None:
            answered = condition.answered != negate
            return s["worksheet_if_answered" if answered else "worksheet_if_skipped"].format(n=where)
        chosen, positive = (condition.in_, True) if condition.in_ is not None else (condition.not_in or (), False)
        key = "worksheet_if_chose" if positive != negate else "worksheet_if_not_chose"
        return s[key].format(answers=_labels(question, chosen, lang), n=where)
    if isinstance(condition, ThreatCondition):
        return s["worksheet_only_if_threat"]
    assert isinstance(condition, AllOf | AnyOf)
    # De Morgan, so that "not (A and B)" reads as "not A or not B".
    both = isinstance(condition, AllOf) != negate
    joiner = f"; {s['worksheet_and' if both else 'worksheet_or']} "
    return joiner.join(describe(c, content, numbers, lang, negate) for c in condition.items)


def _options(question: Question) -> list[Option]:
    return [o for o in question.options if o.id != NOT_SURE] + [o for o in question.options if o.id == NOT_SURE]


def _advice(content: ContentSet, option: Option, lang: str) -> list[str]:
    return [say(content.guidance[g].title, lang) if g in content.guidance else g for g in option.guidance]


def render_worksheet_markdown(content: ContentSet, modules: Sequence[Module], lang: str) -> str:
    s = strings(lang)
    numbers = _numbering(modules)
    out = [f"# {md(s['worksheet_title'])}", "", f"> **{md(s['worksheet_warning'])}**", "", md(s["worksheet_intro"]), ""]
    for module in modules:
        out += [f"## {numbers[module.questions[0].qid].split('.')[0]}. {md(pack_title(module, lang))}", "", md(say(module.description, lang)), ""]
        for question in module.questions:
            kind = s["pick_several"] if question.type == "multiple" else s["pick_one"]
            out.append(f"**{numbers[question.qid]}. {md(say(question.text, lang))}**  ")
            out.append(f"*{md(say(question.why, lang))}*  ")
            if question.when is not None:
                out.append(f"({md(s['worksheet_only_if'])}: {md(describe(question.when, content, numbers, lang))})  ")
            out.append(md(kind))
            out += [f"- [ ] {md(answer_label(question, o, lang))}" for o in _options(question)]
            out.append("")
    return "\n".join(out)


def render_key_markdown(content: ContentSet, modules: Sequence[Module], lang: str) -> str:
    s = strings(lang)
    numbers = _numbering(modules)
    out = [f"# {md(s['scoring_key'])}", "", f"> **{md(s['key_warning'])}**", "", md(s["scoring_key_how"]), ""]
    for module in modules:
        if not module.scored:
            continue
        out += [f"## {md(pack_title(module, lang))}", ""]
        for question in module.questions:
            out.append(f"**{numbers[question.qid]}. {md(say(question.text, lang))}** ({md(s['key_max'].format(n=question.max_risk))})  ")
            for o in _options(question):
                out.append(f"- {md(answer_label(question, o, lang))} = {o.risk}")
                out += [f"  - → {md(title)}" for title in _advice(content, o, lang)]
            out.append("")
    return "\n".join(out)


SHEET_CSS = """
.q{margin:.5rem 0 .7rem;break-inside:avoid}.q p{margin:.15rem 0}
.boxes{list-style:none;padding-left:.3rem;margin:.2rem 0}.boxes li{padding-left:1.3rem;text-indent:-1.3rem}
.two{columns:2;column-gap:1.2rem}.warn{border:2px solid var(--critical);border-radius:6px;padding:.4rem .7rem;font-weight:600}
.key li{break-inside:avoid}.key .advice{color:var(--muted);padding-left:1.2rem}
@media print{.q{margin:.3rem 0 .5rem}h2{margin-top:.6rem}}
"""


def _head(title: str, warning: str, intro: str, lang: str, date: str) -> list[str]:
    s = strings(lang)
    return [f"<style>{SHEET_CSS}</style>", f"<h1>{esc(title)}</h1>",
            f'<p class="muted">{esc(s["handout_meta"].format(language=s["language_name"], date=date))}</p>',
            f'<p class="warn">{esc(warning)}</p>', f"<p>{esc(intro)}</p>"]


def render_worksheet_html(content: ContentSet, modules: Sequence[Module], lang: str) -> str:
    s = strings(lang)
    numbers = _numbering(modules)
    body = _head(s["worksheet_title"], s["worksheet_warning"], s["worksheet_intro"], lang, long_date(content.reviewed, lang))
    for module in modules:
        body.append(f"<h2>{esc(pack_title(module, lang))}</h2><p class=\"muted\">{esc(say(module.description, lang))}</p>")
        for question in module.questions:
            only_if = (f'<p class="muted">({esc(s["worksheet_only_if"])}: {esc(describe(question.when, content, numbers, lang))})</p>'
                       if question.when is not None else "")
            kind = s["pick_several"] if question.type == "multiple" else s["pick_one"]
            labels = [answer_label(question, o, lang) for o in _options(question)]
            # Two columns of boxes where the answers are short and many: half the paper, still easy to read.
            two = " two" if len(labels) >= 4 and max(len(label) for label in labels) <= 45 else ""
            boxes = "".join(f"<li>☐ {esc(label)}</li>" for label in labels)
            body.append(f'<div class="q"><p><strong>{esc(numbers[question.qid])}. {esc(say(question.text, lang))}</strong></p>'
                        f'<p class="muted"><em>{esc(say(question.why, lang))}</em></p>{only_if}<p class="muted">{esc(kind)}</p>'
                        f'<ul class="boxes{two}">{boxes}</ul></div>')
    return page(s["worksheet_title"], lang, body)


def render_key_html(content: ContentSet, modules: Sequence[Module], lang: str) -> str:
    s = strings(lang)
    numbers = _numbering(modules)
    body = _head(s["scoring_key"], s["key_warning"], s["scoring_key_how"], lang, long_date(content.reviewed, lang))
    for module in modules:
        if not module.scored:
            continue
        body.append(f"<h2>{esc(pack_title(module, lang))}</h2>")
        for question in module.questions:
            lines = []
            for o in _options(question):
                advice = "".join(f'<div class="advice">→ {esc(t)}</div>' for t in _advice(content, o, lang))
                lines.append(f"<li>{esc(answer_label(question, o, lang))} = {o.risk}{advice}</li>")
            body.append(f'<div class="q key"><p><strong>{esc(numbers[question.qid])}. {esc(say(question.text, lang))}</strong> '
                        f'<span class="muted">({esc(s["key_max"].format(n=question.max_risk))})</span></p>'
                        f'<ul class="boxes">{"".join(lines)}</ul></div>')
    return page(s["scoring_key"], lang, body)
