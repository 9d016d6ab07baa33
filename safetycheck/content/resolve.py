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

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
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
    ThreatCondition,
)
from safetycheck.errors import ContentError

FACT = re.compile(r"\{fact:([a-z][a-z0-9_]*)\}")
REF = re.compile(r"\{ref:([a-z][a-z0-9-]*)\}")
# Quotes around a referred title, as each language writes them.
QUOTES = {"en": ("“", "”"), "az": ("“", "”"), "ru": ("«", "»")}


def fact_text(fact: Fact) -> str:
    value = fact.value
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _map_texts(obj: Any, fn: Callable[[Text], Text]) -> Any:
    """A copy of a model object with `fn` applied to every Text inside it (conditions untouched)."""
    if isinstance(obj, Text):
        return fn(obj)
    if isinstance(obj, tuple):
        return tuple(_map_texts(v, fn) for v in obj)
    if isinstance(obj, Mapping) and not isinstance(obj, str):
        return {k: _map_texts(v, fn) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type) and not _is_condition(obj):
        changes = {f.name: _map_texts(getattr(obj, f.name), fn) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    return obj


def _is_condition(obj: Any) -> bool:
    return isinstance(obj, QuestionCondition | ThreatCondition | AllOf | AnyOf | Not)


def _texts(obj: Any) -> Iterable[Text]:
    found: list[Text] = []

    def keep(text: Text) -> Text:
        found.append(text)
        return text

    _map_texts(obj, keep)
    return found


def _map_conditions(obj: Any, fn: Callable[[Condition], Condition]) -> Any:
    """A copy with `fn` applied to every top-level condition found in a model object."""
    if _is_condition(obj):
        return fn(obj)
    if isinstance(obj, tuple):
        return tuple(_map_conditions(v, fn) for v in obj)
    if isinstance(obj, Mapping) and not isinstance(obj, str):
        return {k: _map_conditions(v, fn) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type) and not isinstance(obj, Text):
        changes = {f.name: _map_conditions(getattr(obj, f.name), fn) for f in dataclasses.fields(obj)}
        return dataclasses.replace(obj, **changes)
    return obj


def conditions_of(obj: Any) -> list[Condition]:
    found: list[Condition] = []

    def keep(condition: Condition) -> Condition:
        found.append(condition)
        return condition

    _map_conditions(obj, keep)
    return found


class Resolver:
    def __init__(self, facts: Mapping[str, Fact], questions: Mapping[str, Question]) -> None:
        self.facts = facts
        self.questions = questions
        self.errors: list[ContentError] = []

    def _sub_facts(self, text: Text, where: tuple[str, int], what: str) -> Text:
        def one(match: re.Match[str]) -> str:
            fact = self.facts.get(match.group(1))
            if fact is None:
                self.errors.append(ContentError(f"{what} refers to unknown fact '{match.group(1)}' (see guidance/_facts.yaml)", *where))
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
            self.errors.append(ContentError(f"{what}: a condition names unknown fact '{bound.fact}'", *where))
            return bound
        if not isinstance(fact.value, float):
            self.errors.append(ContentError(f"{what}: fact '{bound.fact}' is not a number, so it cannot bound 'min'/'max'", *where))
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
        return dataclasses.replace(condition, min_=low, max_=high, in_=fits)

    def conditions(self, obj: Any, where: tuple[str, int], what: str) -> Any:
        return _map_conditions(obj, lambda c: self.condition(c, where, what))

    def facts_in_texts(self, obj: Any, where: tuple[str, int], what: str) -> Any:
        return _map_texts(obj, lambda t: self._sub_facts(t, where, what))


def _sub_refs(text: Text, titles: Mapping[str, Text], found: list[str], bad: list[str]) -> Text:
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
            facts: Mapping[str, Fact]) -> tuple[list[Module], dict[str, GuidanceItem], list[ContentError]]:
    questions = {q.qid: q for m in modules for q in m.questions}
    resolver = Resolver(facts, questions)
    out_modules = []
    for module in modules:
        module = resolver.facts_in_texts(module, (module.path, 1), f"module '{module.id}'")
        out_modules.append(resolver.conditions(module, (module.path, 1), f"module '{module.id}'"))
    staged: dict[str, GuidanceItem] = {}
    for gid, item in items.items():
        where, what = (item.path, item.line), f"guidance '{gid}'"
        staged[gid] = resolver.conditions(resolver.facts_in_texts(item, where, what), where, what)
    titles = {gid: item.title for gid, item in staged.items()}
    out_items: dict[str, GuidanceItem] = {}
    errors = resolver.errors
    for gid, item in staged.items():
        found: list[str] = []
        bad: list[str] = []
        item = _map_texts(item, lambda t, f=found, b=bad: _sub_refs(t, titles, f, b))
        for target in dict.fromkeys(bad):
            errors.append(ContentError(f"guidance '{gid}' refers to unknown item '{{ref:{target}}}'", item.path, item.line))
        out_items[gid] = dataclasses.replace(item, refs=tuple(found))
    for module in out_modules:
        for text in _texts(module):
            for target in REF.findall(" ".join(text.values.values())):
                if target not in titles:
                    errors.append(ContentError(f"module '{module.id}' refers to unknown item '{{ref:{target}}}'", module.path, 1))
    out_modules = [_map_texts(m, lambda t: _sub_refs(t, titles, [], [])) for m in out_modules]
    return out_modules, out_items, errors
