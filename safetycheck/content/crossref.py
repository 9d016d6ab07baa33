"""Checks that look across objects: ids, references, and conditions that point backwards."""

from __future__ import annotations

from collections.abc import Iterable

from safetycheck.engine.model import (
    NOT_SURE,
    AllOf,
    AnyOf,
    Condition,
    GuidanceItem,
    Module,
    Not,
    Question,
    QuestionCondition,
    ScoringConfig,
    ThreatCondition,
)
from safetycheck.errors import ContentError

YESNO_IDS = {"yes", "no", NOT_SURE}


def check_modules(modules: list[Module], guidance: dict[str, GuidanceItem], scoring: ScoringConfig) -> list[ContentError]:
    errors: list[ContentError] = []
    threat_ids = {t.id for t in scoring.threats}
    level_ids = {lv.id for lv in scoring.levels}
    # Questions a condition may refer to: those of earlier modules, then earlier ones of its own.
    ordered = sorted(modules, key=lambda m: m.order)
    profile_orders = [m.order for m in ordered if m.kind == "profile"]
    known: dict[str, Question] = {}
    seen_modules: dict[str, Module] = {}
    for module in ordered:
        if module.id in seen_modules:
            other = seen_modules[module.id]
            errors.append(ContentError(f"module id '{module.id}' is already used by {other.path}", module.path, 1))
            continue
        seen_modules[module.id] = module
        later = {f"{module.id}.{q.id}" for q in module.questions}
        seen_questions: set[str] = set()
        for question in module.questions:
            def err(message: str, line: int = question.line, path: str = module.path) -> None:
                errors.append(ContentError(message, path, line))

            what = f"question '{question.id}'"
            if question.id in seen_questions:
                err(f"duplicate question id '{question.id}' in module '{module.id}'")
            seen_questions.add(question.id)
            option_ids = [o.id for o in question.options]
            for dup in {o for o in option_ids if option_ids.count(o) > 1}:
                err(f"{what} has duplicate option id '{dup}'")
            if NOT_SURE not in option_ids:
                err(f"{what} has no 'not_sure' option: every question must offer \"Not sure\"")
            if question.type == "yesno" and set(option_ids) != YESNO_IDS:
                err(f"yesno {what} must have exactly the options yes, no, not_sure")
            if len([o for o in option_ids if o != NOT_SURE]) < 2:
                err(f"{what} needs at least two answers besides 'not_sure'")
            if module.scored:
                if not question.threats:
                    err(f"{what} has no 'threats' tags")
                for tag in question.threats:
                    if tag not in threat_ids:
                        err(f"{what} names unknown threat '{tag}' (known: {', '.join(sorted(threat_ids))})")
            for option in question.options:
                for gid in option.guidance:
                    if gid not in guidance:
                        err(f"option '{option.id}' of {what} refers to unknown guidance '{gid}'", option.line)
                for threat, level in option.threats.items():
                    if threat not in threat_ids:
                        err(f"option '{option.id}' of {what} raises unknown threat '{threat}'", option.line)
                    if level not in level_ids:
                        err(f"option '{option.id}' of {what} uses unknown level '{level}' (known: {', '.join(level_ids)})", option.line)
            if question.when is not None:
                for message in _condition_problems(question.when, known, later, module, profile_orders, threat_ids, level_ids):
                    err(f"condition of {what} {message}")
            known[question.qid] = question
            later.discard(question.qid)
    return errors


def _condition_problems(
    condition: Condition,
    known: dict[str, Question],
    later: set[str],
    module: Module,
    profile_orders: list[int],
    threat_ids: set[str],
    level_ids: set[str],
) -> Iterable[str]:
    if isinstance(condition, AllOf | AnyOf):
        for item in condition.items:
            yield from _condition_problems(item, known, later, module, profile_orders, threat_ids, level_ids)
    elif isinstance(condition, Not):
        yield from _condition_problems(condition.item, known, later, module, profile_orders, threat_ids, level_ids)
    elif isinstance(condition, ThreatCondition):
        if condition.threat not in threat_ids:
            yield f"names unknown threat '{condition.threat}'"
        if condition.at_least not in level_ids:
            yield f"names unknown level '{condition.at_least}'"
        if not any(order < module.order for order in profile_orders):
            yield "tests the threat profile, which is only known in modules after the context module"
    elif isinstance(condition, QuestionCondition):
        target = known.get(condition.question)
        if target is None:
            if condition.question in later or condition.question.startswith(f"{module.id}."):
                yield f"refers to '{condition.question}', which is not asked before it"
            else:
                yield f"refers to unknown question '{condition.question}'"
            return
        for option_id in (condition.in_ or ()) + (condition.not_in or ()):
            if target.option(option_id) is None:
                yield f"refers to unknown option '{option_id}' of '{condition.question}'"


def check_guidance_ids(items: list[GuidanceItem]) -> tuple[dict[str, GuidanceItem], list[ContentError]]:
    """Index items by id; a second item with the same id (e.g. a pack's) is an error, never a replacement."""
    index: dict[str, GuidanceItem] = {}
    errors = []
    for item in items:
        if item.id in index:
            first = index[item.id]
            errors.append(ContentError(f"guidance id '{item.id}' is already used at {first.path}:{first.line}", item.path, item.line))
        else:
            index[item.id] = item
    return index, errors


def untriggered_guidance(modules: list[Module], guidance: dict[str, GuidanceItem]) -> list[GuidanceItem]:
    used = {gid for m in modules for q in m.questions for o in q.options for gid in o.guidance}
    return [item for item in guidance.values() if item.id not in used]
