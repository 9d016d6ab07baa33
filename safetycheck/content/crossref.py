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
        yield from _option_problems(condition, target)


def _option_problems(condition: QuestionCondition, target: Question) -> Iterable[str]:
    if condition.min_ is not None or condition.max_ is not None:
        if not any(o.number is not None for o in target.options):
            yield f"compares '{condition.question}' with min/max, but none of its options has a 'number'"
        return
    for option_id in (condition.in_ or ()) + (condition.not_in or ()):
        if target.option(option_id) is None:
            yield f"refers to unknown option '{option_id}' of '{condition.question}'"


def _item_condition_problems(condition: Condition, questions: dict[str, Question],
                             threat_ids: set[str], level_ids: set[str]) -> Iterable[str]:
    """Conditions in guidance may test any question of any module (they are read after all answers)."""
    if isinstance(condition, AllOf | AnyOf):
        for item in condition.items:
            yield from _item_condition_problems(item, questions, threat_ids, level_ids)
    elif isinstance(condition, Not):
        yield from _item_condition_problems(condition.item, questions, threat_ids, level_ids)
    elif isinstance(condition, ThreatCondition):
        if condition.threat not in threat_ids:
            yield f"names unknown threat '{condition.threat}'"
        if condition.at_least not in level_ids:
            yield f"names unknown level '{condition.at_least}'"
    elif isinstance(condition, QuestionCondition):
        target = questions.get(condition.question)
        if target is None:
            yield f"refers to unknown question '{condition.question}'"
        else:
            yield from _option_problems(condition, target)


EXCLUSIVE_IDS = {"none", "no_one", "nothing", "no_travel", "nobody", "never"}
QUICK_MAX = 25


def check_items(modules: list[Module], guidance: dict[str, GuidanceItem], scoring: ScoringConfig,
                contact_ids: set[str]) -> tuple[list[ContentError], list[str]]:
    """The keys of content format 2 that look across objects: conditions in items, `instead`,
    help contacts, retired ids. Returns (errors, warnings)."""
    errors: list[ContentError] = []
    warnings: list[str] = []
    threat_ids = {t.id for t in scoring.threats}
    level_ids = {lv.id for lv in scoring.levels}
    questions = {q.qid: q for m in modules for q in m.questions}
    for item in guidance.values():
        named: list[tuple[str, Condition]] = []
        named += [("done_when", item.done_when)] if item.done_when else []
        named += [("needs", item.needs)] if item.needs else []
        named += [("audience", item.audience)] if item.audience else []
        named += [("urgent_when", u.when) for u in item.urgent_when]
        named += [(f"a '{p}' step", step.when) for p, steps in item.steps.items() for step in steps if step.when]
        for key, condition in named:
            for message in _item_condition_problems(condition, questions, threat_ids, level_ids):
                errors.append(ContentError(f"{key} of guidance '{item.id}' {message}", item.path, item.line))
        for other in item.instead:
            if other not in guidance or other == item.id:
                errors.append(ContentError(f"'instead' of guidance '{item.id}' names unknown item '{other}'", item.path, item.line))
        if item.needs is not None and item.check is None:
            warnings.append(f"{item.path}:{item.line}: guidance '{item.id}' has 'needs' but no 'check' (how to find out)")
    practice_items: set[str] = set()
    danger: list[Question] = []
    quick = 0
    for module in modules:
        for question in module.questions:
            where = (module.path, question.line)
            quick += question.quick
            if question.danger_now:
                danger.append(question)
                if module.scored:
                    errors.append(ContentError(f"question '{question.id}': 'danger_now' belongs in the profile (context) module", *where))
            if module.scored and not question.kind:
                warnings.append(f"{module.path}:{question.line}: question '{question.id}' has no 'kind' (practice or situation)")
            for old in question.replaces:
                if old in {q.id for q in module.questions}:
                    errors.append(ContentError(f"question '{question.id}' replaces '{old}', which is still a question of '{module.id}'", *where))
            for option in question.options:
                if question.kind == "practice":
                    practice_items.update(option.guidance)
                for cid in option.contacts:
                    if cid not in contact_ids:
                        errors.append(ContentError(f"option '{option.id}' of question '{question.id}' names unknown help contact '{cid}'", module.path, option.line))
                if option.contacts and not question.danger_now:
                    warnings.append(f"{module.path}:{option.line}: 'contacts' are read only on the danger-now question")
                for old in option.replaces:
                    if question.option(old) is not None:
                        errors.append(ContentError(f"option '{option.id}' of question '{question.id}' replaces '{old}', which is still an option", module.path, option.line))
                if question.type == "multiple" and option.id in EXCLUSIVE_IDS and not option.exclusive:
                    warnings.append(f"{module.path}:{option.line}: option '{option.id}' of question '{question.id}' should be 'exclusive: true'")
    if len(danger) > 1:
        errors.append(ContentError(f"only one question may be 'danger_now' (found {len(danger)}: {', '.join(q.qid for q in danger)})"))
    if quick > QUICK_MAX:
        warnings.append(f"{quick} questions are marked 'quick' (at most {QUICK_MAX})")
    for gid in sorted(practice_items):
        item = guidance.get(gid)
        if item is not None and item.done_when is None and not item.keeping_well:
            warnings.append(f"{item.path}:{item.line}: guidance '{gid}' is triggered by a practice question but has no 'done_when'")
    return errors, warnings


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
    # Reached another way: offered instead of an item, brought along by an urgent one, or kept for
    # people whose practices are all in place.
    used |= {gid for item in guidance.values() for gid in (*item.instead, *item.refs)}
    used |= {item.id for item in guidance.values() if item.keeping_well}
    return [item for item in guidance.values() if item.id not in used]
