"""What loading does after every file is read: platform facts and cross-references put into texts,
and numeric conditions turned into plain option tests.

- `{fact:ID}` in any text becomes the fact's value; `{fact: ID}` as a `min`/`max` bound becomes
  the number.
- `{ref:ITEM-ID}` becomes the target item's title, in quotes, in each language of the text, so no
  renderer can ever show an id in prose. The ids referred to are kept in `GuidanceItem.refs`.
- `{question: q, min: N}` also gets `in_`: the options of `q` whose `number` fits, so the engine
  evaluates it like any other answer test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from safetycheck.engine.model import (
    AllOf,
    AnyOf,
    Condition,
    Fact,
    FactRef,
    GuidanceItem,
    Module,
    Not,
    Question,
    QuestionCondition,
    Text,
)
from safetycheck.errors import ContentError
from safetycheck.i18n.messages import tr

FACT = re.compile(r"\{fact:([a-z][a-z0-9_]*)\}")
REF = re.compile(r"\{ref:([a-z][a-z0-9-]*)\}")
# Quotes around a referred title, as each language writes them.
QUOTES = {"en": ("“", "”"), "az": ("“", "”"), "ru": ("«", "»")}


def fact_text(fact: Fact) -> str:
    value = fact.value
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


TextFn = Callable[[Text], Text]
CondFn = Callable[[Condition], Condition]


def _opt(value: Any, fn: Callable[[Any], Any]) -> Any:
    return None if value is None else fn(value)


def item_texts(item: GuidanceItem, fn: TextFn) -> GuidanceItem:
    """The item with `fn` applied to every text a person reads in it."""
    steps = {p: tuple(replace(st, text=fn(st.text)) for st in group) for p, group in item.steps.items()}
    return replace(item, title=fn(item.title), why=fn(item.why), steps=steps, tradeoff=_opt(item.tradeoff, fn),
                   check=_opt(item.check, fn), card=_opt(item.card, fn),
                   urgent_when=tuple(replace(u, reason=fn(u.reason)) for u in item.urgent_when),
                   resources=tuple(replace(r, title=fn(r.title)) for r in item.resources))


def item_conditions(item: GuidanceItem, fn: CondFn) -> GuidanceItem:
    steps = {p: tuple(replace(st, when=_opt(st.when, fn)) for st in group) for p, group in item.steps.items()}
    return replace(item, done_when=_opt(item.done_when, fn), needs=_opt(item.needs, fn), audience=_opt(item.audience, fn),
                   urgent_when=tuple(replace(u, when=fn(u.when)) for u in item.urgent_when), steps=steps)


def module_texts(module: Module, fn: TextFn) -> Module:
    questions = tuple(replace(q, text=fn(q.text), why=fn(q.why),
                              options=tuple(replace(o, label=_opt(o.label, fn)) for o in q.options)) for q in module.questions)
    return replace(module, title=fn(module.title), description=fn(module.description), questions=questions)


def module_conditions(module: Module, fn: CondFn) -> Module:
    return replace(module, questions=tuple(replace(q, when=_opt(q.when, fn)) for q in module.questions))


class Resolver:
    def __init__(self, facts: Mapping[str, Fact], questions: Mapping[str, Question]) -> None:
        self.facts = facts
        self.questions = questions
        self.errors: list[ContentError] = []

    def _sub_facts(self, text: Text, where: tuple[str, int], what: str) -> Text:
        def one(match: re.Match[str]) -> str:
            fact = self.facts.get(match.group(1))
            if fact is None:
                self.errors.append(ContentError(tr("val_unknown_fact_text", what=what, id=match.group(1)), *where))
                return match.group(0)
            return fact_text(fact)

        if not any("{fact:" in v for v in text.values.values()):
            return text
        return Text({lang: FACT.sub(one, value) for lang, value in text.values.items()})

    def _bound(self, bound: Any, where: tuple[str, int], what: str) -> Any:
        if not isinstance(bound, FactRef):
            return bound
        fact = self.facts.get(bound.fact)
        if fact is None:
            self.errors.append(ContentError(tr("val_unknown_fact_bound", what=what, id=bound.fact), *where))
            return bound
        if not isinstance(fact.value, float):
            self.errors.append(ContentError(tr("val_fact_not_number", what=what, id=bound.fact), *where))
            return bound
        return fact.value

    def condition(self, condition: Condition, where: tuple[str, int], what: str) -> Condition:
        if isinstance(condition, AllOf | AnyOf):
            return type(condition)(tuple(self.condition(c, where, what) for c in condition.items))
        if isinstance(condition, Not):
            return Not(self.condition(condition.item, where, what))
        if not isinstance(condition, QuestionCondition) or (condition.min_ is None and condition.max_ is None):
            return condition
        low, high = self._bound(condition.min_, where, what), self._bound(condition.max_, where, what)
        question = self.questions.get(condition.question)
        fits: tuple[str, ...] = ()
        if question is not None and not isinstance(low, FactRef) and not isinstance(high, FactRef):
            fits = tuple(o.id for o in question.options if o.number is not None
                         and (low is None or o.number >= low) and (high is None or o.number <= high))
        return replace(condition, min_=low, max_=high, in_=fits)

    def with_facts(self, where: tuple[str, int], what: str) -> TextFn:
        return lambda t: self._sub_facts(t, where, what)

    def conditions(self, where: tuple[str, int], what: str) -> CondFn:
        return lambda c: self.condition(c, where, what)


@dataclass(frozen=True)
class BareIds:
    """A known item id written bare in prose (not in an address, not already a {ref:}).

    `hint` matches what every id begins with ("dev-", "acc-", …): one cheap search that rules out
    almost every text before the long alternation of all ids runs (it ran on every text at start-up)."""

    hint: re.Pattern[str]
    ids: re.Pattern[str]

    def findall(self, value: str) -> list[str]:
        return self.ids.findall(value) if self.hint.search(value) else []

    def sub(self, replacement: str, value: str) -> str:
        return self.ids.sub(replacement, value) if self.hint.search(value) else value


def _bare_ids(titles: Mapping[str, Text]) -> BareIds | None:
    if not titles:
        return None
    names = "|".join(re.escape(i) for i in sorted(titles, key=len, reverse=True))
    heads = "|".join(re.escape(h) for h in sorted({i.split("-", 1)[0] + ("-" if "-" in i else "") for i in titles},
                                                  key=len, reverse=True))
    return BareIds(re.compile(r"(?<![\w/:.@{-])(?:" + heads + ")"), re.compile(r"(?<![\w/:.@{-])(" + names + r")(?![\w-])"))


def _sub_refs(text: Text, titles: Mapping[str, Text], found: list[str], bad: list[str],
              bare: BareIds | None = None, loose: list[str] | None = None) -> Text:
    if bare is not None and loose is not None:  # a bare id becomes a reference, with a warning
        hits = {m for v in text.values.values() for m in bare.findall(v)}
        if hits:
            loose.extend(sorted(hits))
            text = Text({lang: bare.sub(r"{ref:\1}", v) for lang, v in text.values.items()})
    if not any("{ref:" in v for v in text.values.values()):
        return text

    def for_lang(lang: str, value: str) -> str:
        opening, closing = QUOTES.get(lang, QUOTES["en"])

        def one(match: re.Match[str]) -> str:
            target = titles.get(match.group(1))
            if target is None:
                bad.append(match.group(1))
                return match.group(0)
            if match.group(1) not in found:
                found.append(match.group(1))
            return opening + (target.values.get(lang) or target.values["en"]) + closing

        return REF.sub(one, value)

    return Text({lang: for_lang(lang, value) for lang, value in text.values.items()})


def resolve(modules: list[Module], items: Mapping[str, GuidanceItem],
            facts: Mapping[str, Fact]) -> tuple[list[Module], dict[str, GuidanceItem], list[ContentError], list[str]]:
    """(modules, items, errors, warnings) with facts and references put into every text."""
    questions = {q.qid: q for m in modules for q in m.questions}
    resolver = Resolver(facts, questions)
    titles = {gid: resolver.with_facts((item.path, item.line), tr("val_w_guidance_id", id=gid))(item.title) for gid, item in items.items()}
    bare = _bare_ids(titles)
    errors = resolver.errors
    warnings: list[str] = []
    out_items: dict[str, GuidanceItem] = {}
    for gid, item in items.items():
        where, what = (item.path, item.line), tr("val_w_guidance_id", id=gid)
        found: list[str] = []
        bad: list[str] = []
        loose: list[str] = []
        with_facts = resolver.with_facts(where, what)
        item = item_texts(item, lambda t, f=found, b=bad, x=loose, ff=with_facts: _sub_refs(ff(t), titles, f, b, bare, x))
        item = item_conditions(item, resolver.conditions(where, what))
        warnings += [f"{item.path}:{item.line}: " + tr("val_bare_ref", id=gid, other=other)
                     for other in dict.fromkeys(loose)]
        errors += [ContentError(tr("val_unknown_ref", what=what, target=target), item.path, item.line)
                   for target in dict.fromkeys(bad)]
        out_items[gid] = replace(item, refs=tuple(found))
    out_modules = []
    for module in modules:
        where, what = (module.path, 1), tr("val_w_module_id", id=module.id)
        bad = []
        with_facts = resolver.with_facts(where, what)
        module = module_texts(module, lambda t, b=bad, ff=with_facts: _sub_refs(ff(t), titles, [], b))
        errors += [ContentError(tr("val_unknown_ref", what=what, target=target), *where) for target in dict.fromkeys(bad)]
        out_modules.append(module_conditions(module, resolver.conditions(where, what)))
    return out_modules, out_items, errors, warnings
