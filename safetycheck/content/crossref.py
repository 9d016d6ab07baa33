"""Checks that look across objects: ids, references, and conditions that point backwards."""

from __future__ import annotations

import re
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
from safetycheck.i18n.messages import ntr, tr

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
            errors.append(ContentError(tr("val_module_used", id=module.id, path=other.path), module.path, 1))
            continue
        seen_modules[module.id] = module
        later = {f"{module.id}.{q.id}" for q in module.questions}
        seen_questions: set[str] = set()
        for question in module.questions:
            def err(message: str, line: int = question.line, path: str = module.path) -> None:
                errors.append(ContentError(message, path, line))

            what = tr("val_w_question_id", id=question.id)
            if question.id in seen_questions:
                err(tr("val_duplicate_question", id=question.id, module=module.id))
            seen_questions.add(question.id)
            option_ids = [o.id for o in question.options]
            for dup in {o for o in option_ids if option_ids.count(o) > 1}:
                err(tr("val_duplicate_option", what=what, id=dup))
            if NOT_SURE not in option_ids:
                err(tr("val_no_not_sure", what=what))
            if question.type == "yesno" and set(option_ids) != YESNO_IDS:
                err(tr("val_yesno_options", what=what))
            if len([o for o in option_ids if o != NOT_SURE]) < 2:
                err(tr("val_two_answers", what=what))
            if module.scored:
                if not question.threats:
                    err(tr("val_no_threats", what=what))
                for tag in question.threats:
                    if tag not in threat_ids:
                        err(tr("val_unknown_threat_tag", what=what, id=tag, known=", ".join(sorted(threat_ids))))
            for option in question.options:
                for gid in option.guidance:
                    if gid not in guidance:
                        err(tr("val_unknown_guidance", what=tr("val_w_option_id", id=option.id, what=what), id=gid), option.line)
                for threat, level in option.threats.items():
                    if threat not in threat_ids:
                        err(tr("val_raises_unknown_threat", what=tr("val_w_option_id", id=option.id, what=what), id=threat), option.line)
                    if level not in level_ids:
                        err(tr("val_uses_unknown_level", what=tr("val_w_option_id", id=option.id, what=what), id=level, known=", ".join(level_ids)), option.line)
            if question.when is not None:
                for message in _condition_problems(question.when, known, later, module, profile_orders, threat_ids, level_ids):
                    err(tr("val_condition_of", what=what, problem=message))
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
            yield tr("val_cond_unknown_threat", id=condition.threat)
        if condition.at_least not in level_ids:
            yield tr("val_cond_unknown_level", id=condition.at_least)
        if not any(order < module.order for order in profile_orders):
            yield tr("val_cond_profile_order")
    elif isinstance(condition, QuestionCondition):
        target = known.get(condition.question)
        if target is None:
            if condition.question in later or condition.question.startswith(f"{module.id}."):
                yield tr("val_cond_not_before", id=condition.question)
            else:
                yield tr("val_cond_unknown_question", id=condition.question)
            return
        yield from _option_problems(condition, target)


def _option_problems(condition: QuestionCondition, target: Question) -> Iterable[str]:
    if condition.min_ is not None or condition.max_ is not None:
        if not any(o.number is not None for o in target.options):
            yield tr("val_cond_no_number", id=condition.question)
        return
    for option_id in (condition.in_ or ()) + (condition.not_in or ()):
        if target.option(option_id) is None:
            yield tr("val_cond_unknown_option", option=option_id, id=condition.question)


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
            yield tr("val_cond_unknown_threat", id=condition.threat)
        if condition.at_least not in level_ids:
            yield tr("val_cond_unknown_level", id=condition.at_least)
    elif isinstance(condition, QuestionCondition):
        target = questions.get(condition.question)
        if target is None:
            yield tr("val_cond_unknown_question", id=condition.question)
        else:
            yield from _option_problems(condition, target)


# Platform names a general step must not use: it is shown to everyone, whatever they use.
PLATFORM_WORDS = re.compile(r"\b(iPhone|iPad|iOS|Android|macOS|Mac|Windows|Linux)\b")
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
        named += [(tr("val_w_platform_step", platform=p), step.when) for p, steps in item.steps.items() for step in steps if step.when]
        for key, condition in named:
            for message in _item_condition_problems(condition, questions, threat_ids, level_ids):
                errors.append(ContentError(tr("val_item_condition", key=key, id=item.id, problem=message), item.path, item.line))
        for other in item.instead:
            if other not in guidance or other == item.id:
                errors.append(ContentError(tr("val_instead_unknown", id=item.id, other=other), item.path, item.line))
        named = [w for step in item.steps.get("general", ()) if step.when is None for w in PLATFORM_WORDS.findall(step.text.values["en"])]
        if named:
            warnings.append(f"{item.path}:{item.line}: " + tr("val_general_step_platform", id=item.id, platform=named[0]))
        if item.needs is not None and item.check is None:
            warnings.append(f"{item.path}:{item.line}: " + tr("val_needs_no_check", id=item.id))
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
                    errors.append(ContentError(tr("val_danger_in_profile", id=question.id), *where))
            if module.scored and not question.kind:
                errors.append(ContentError(tr("val_no_kind", id=question.id), *where))
            for old in question.replaces:
                if old in {q.id for q in module.questions}:
                    errors.append(ContentError(tr("val_replaces_question", id=question.id, old=old, module=module.id), *where))
            if question.kind == "practice":  # "not sure" without guidance triggers the riskiest answer's
                riskiest = max((o for o in question.options if o.id != NOT_SURE), key=lambda o: o.risk, default=None)
                practice_items.update(riskiest.guidance if riskiest else ())
            for option in question.options:
                if question.kind == "practice":
                    practice_items.update(option.guidance)
                for cid in option.contacts:
                    if cid not in contact_ids:
                        errors.append(ContentError(tr("val_unknown_contact", option=option.id, id=question.id, contact=cid), module.path, option.line))
                if option.contacts and not question.danger_now:
                    warnings.append(f"{module.path}:{option.line}: " + tr("val_contacts_ignored"))
                for old in option.replaces:
                    if question.option(old) is not None:
                        errors.append(ContentError(tr("val_replaces_option", option=option.id, id=question.id, old=old), module.path, option.line))
                if question.type == "multiple" and option.id in EXCLUSIVE_IDS and not option.exclusive:
                    warnings.append(f"{module.path}:{option.line}: " + tr("val_should_be_exclusive", option=option.id, id=question.id))
    if len(danger) > 1:
        errors.append(ContentError(tr("val_one_danger", count=len(danger), ids=", ".join(q.qid for q in danger))))
    if quick > QUICK_MAX:
        warnings.append(ntr("val_n_quick", quick, most=QUICK_MAX))
    for gid in sorted(practice_items):
        item = guidance.get(gid)
        if item is not None and item.done_when is None and not item.keeping_well:
            errors.append(ContentError(tr("val_no_done_when", id=gid),
                                       item.path, item.line))
    return errors, warnings


def check_guidance_ids(items: list[GuidanceItem]) -> tuple[dict[str, GuidanceItem], list[ContentError]]:
    """Index items by id; a second item with the same id (e.g. a pack's) is an error, never a replacement."""
    index: dict[str, GuidanceItem] = {}
    errors = []
    for item in items:
        if item.id in index:
            first = index[item.id]
            errors.append(ContentError(tr("val_guidance_used", id=item.id, where=f"{first.path}:{first.line}"), item.path, item.line))
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
