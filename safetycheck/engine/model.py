"""The content model: frozen dataclasses for everything the engine reads.

Texts are `Text` objects holding every language given; `i18n.localize` is the one place that
turns one into a string in the person's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

PLATFORMS = ("android", "ios", "windows", "macos", "linux")
QUESTION_TYPES = ("single", "multiple", "yesno")
EFFORTS = ("minutes", "hour", "day")
MODULE_KINDS = ("assessment", "profile")
QUESTION_KINDS = ("practice", "situation")
NOT_SURE = "not_sure"
MAX_RISK = 10


@dataclass(frozen=True)
class Text:
    """A text in one or more languages; `en` is always present."""

    values: Mapping[str, str]

    @classmethod
    def plain(cls, english: str) -> Text:
        return cls({"en": english})


@dataclass(frozen=True)
class FactRef:
    """A bound written `{fact: ID}`: replaced by the fact's value when content is loaded."""

    fact: str


Bound = float | FactRef


@dataclass(frozen=True)
class QuestionCondition:
    """A test on one answer. `min_`/`max_` compare the chosen option's `number`; when content is
    loaded they are also turned into `in_` (the options whose number fits), so evaluation only
    ever looks at option ids."""

    question: str  # fully qualified: module.question
    in_: tuple[str, ...] | None = None
    not_in: tuple[str, ...] | None = None
    answered: bool | None = None
    min_: Bound | None = None
    max_: Bound | None = None


@dataclass(frozen=True)
class ThreatCondition:
    threat: str
    at_least: str


@dataclass(frozen=True)
class AllOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class AnyOf:
    items: tuple[Condition, ...]


@dataclass(frozen=True)
class Not:
    item: Condition


Condition = QuestionCondition | ThreatCondition | AllOf | AnyOf | Not


@dataclass(frozen=True)
class Option:
    id: str
    label: Text | None
    risk: int
    guidance: tuple[str, ...] = ()
    urgent: bool = False
    platforms: tuple[str, ...] = ()
    threats: Mapping[str, str] = field(default_factory=dict)
    line: int = 0
    exclusive: bool = False  # cannot be chosen with any other option (`not_sure` always is)
    contacts: tuple[str, ...] = ()  # help contacts for this answer to the danger-now question
    replaces: tuple[str, ...] = ()  # retired option ids whose answers now mean this option
    number: float | None = None  # what the option stands for, for min/max conditions


@dataclass(frozen=True)
class Question:
    id: str
    module: str
    text: Text
    why: Text
    type: str
    options: tuple[Option, ...]
    threats: tuple[str, ...] = ()
    when: Condition | None = None
    line: int = 0
    kind: str = ""  # "practice", "situation", or "" when the content does not say
    quick: bool = False
    danger_now: bool = False
    replaces: tuple[str, ...] = ()  # retired question ids (same module) answered by this one

    @property
    def qid(self) -> str:
        return f"{self.module}.{self.id}"

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def current_option(self, option_id: str) -> Option | None:
        """The option, or the one that replaced this retired id (old answers keep working)."""
        return self.option(option_id) or next((o for o in self.options if option_id in o.replaces), None)

    @property
    def max_risk(self) -> int:
        risks = [o.risk for o in self.options if o.id != NOT_SURE]
        if self.type == "multiple":
            # Several answers add up, but one question never weighs more than any other.
            return min(MAX_RISK, sum(r for r in risks if r > 0))
        return max(risks, default=0)


@dataclass(frozen=True)
class Module:
    id: str
    title: Text
    description: Text
    reviewed: dt.date
    order: int
    kind: str
    questions: tuple[Question, ...]
    path: str
    from_pack: bool = False

    @property
    def scored(self) -> bool:
        return self.kind == "assessment"


@dataclass(frozen=True)
class Resource:
    title: Text
    url: str
    source: str
    platforms: tuple[str, ...] = ()  # shown only to people using one of these (none: everyone)
    lang: str = "en"  # the language of the page


@dataclass(frozen=True)
class Step:
    text: Text
    when: Condition | None = None  # shown only when this holds


@dataclass(frozen=True)
class UrgentWhen:
    when: Condition
    reason: Text


@dataclass(frozen=True)
class GuidanceItem:
    """One piece of advice. Texts may hold `{ref:ITEM-ID}`, which loading turns into the target's
    title in each language; `refs` keeps the ids referred to (an urgent item brings them along)."""

    id: str
    title: Text
    why: Text
    effort: str
    steps: Mapping[str, tuple[Step, ...]]
    resources: tuple[Resource, ...]
    reviewed: dt.date
    tradeoff: Text | None
    path: str
    line: int = 0
    from_pack: bool = False
    done_when: Condition | None = None
    needs: Condition | None = None
    check: Text | None = None
    instead: tuple[str, ...] = ()
    urgent_when: tuple[UrgentWhen, ...] = ()
    audience: Condition | None = None
    card: Text | None = None
    keeping_well: bool = False
    sensitive: bool = False
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fact:
    """A platform fact that changes every year (guidance/_facts.yaml)."""

    id: str
    value: float | str
    about: Text
    source: str
    checked: dt.date


@dataclass(frozen=True)
class HelpContact:
    id: str
    name: str
    what: Text
    how: Text
    url: str
    checked: dt.date
    languages: tuple[str, ...] = ()  # languages they answer in, as their own page says; () when it does not say
    from_pack: bool = False  # shown labelled; checked against the bundled contacts (content/packs.py)


@dataclass(frozen=True)
class Level:
    id: str
    weight: float
    label: Text


@dataclass(frozen=True)
class ThreatDef:
    id: str
    baseline: str
    label: Text


@dataclass(frozen=True)
class Band:
    id: str
    up_to: int
    label: Text


@dataclass(frozen=True)
class ScoringConfig:
    levels: tuple[Level, ...]
    threats: tuple[ThreatDef, ...]
    bands: tuple[Band, ...]
    today_from: float
    week_from: float
    today_max: int
    week_max: int

    def level(self, level_id: str) -> Level:
        return next(lv for lv in self.levels if lv.id == level_id)

    def level_rank(self, level_id: str) -> int:
        return [lv.id for lv in self.levels].index(level_id)

    def band_for(self, score: int) -> Band:
        return next((b for b in self.bands if score <= b.up_to), self.bands[-1])


@dataclass(frozen=True)
class ContentSet:
    modules: tuple[Module, ...]
    guidance: Mapping[str, GuidanceItem]
    help: tuple[HelpContact, ...]
    scoring: ScoringConfig
    version: str
    warnings: tuple[str, ...] = ()
    glossary: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    facts: Mapping[str, Fact] = field(default_factory=dict)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def question(self, qid: str) -> Question | None:
        module_id, _, question_id = qid.partition(".")
        module = self.module(module_id)
        if module is None:
            return None
        return next((q for q in module.questions if q.id == question_id), None)

    def current_question(self, qid: str) -> Question | None:
        """The question, or the one that replaced this retired id in the same module."""
        found = self.question(qid)
        if found is not None:
            return found
        module = self.module(qid.partition(".")[0])
        old = qid.partition(".")[2]
        return next((q for q in module.questions if old in q.replaces), None) if module else None

    @property
    def reviewed(self) -> dt.date:
        dates = [m.reviewed for m in self.modules] + [g.reviewed for g in self.guidance.values()]
        return min(dates) if dates else dt.date.min
