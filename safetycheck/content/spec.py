"""What each kind of content object may contain: the single description from which the
validator checks keys and types and `safetycheck schema` builds its JSON Schema."""

from __future__ import annotations

from dataclasses import dataclass

from safetycheck.engine.model import EFFORTS, MODULE_KINDS, PLATFORMS, QUESTION_KINDS, QUESTION_TYPES

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
GUIDANCE_ID_PATTERN = r"^[a-z][a-z0-9-]*$"


@dataclass(frozen=True)
class Field:
    """One key of a content object.

    `type` is one of: text, string, id, guidance_id, integer, number, boolean, date, url, enum,
    condition, object (named by `of`), list (of `of`: an object name or a scalar type),
    threat_levels (map threat id -> level id), steps (map platform -> list of texts or
    {text, when}), fact_value (a number or a string).
    """

    type: str
    required: bool = False
    of: str | None = None
    enum: tuple[str, ...] = ()
    description: str = ""


OBJECTS: dict[str, dict[str, Field]] = {
    "module": {
        "id": Field("id", True, description="Module id; equals the file name."),
        "title": Field("text", True),
        "description": Field("text", True),
        "reviewed": Field("date", True, description="When the content was last checked (YYYY-MM-DD)."),
        "order": Field("integer", True, description="Modules are asked in this order; context is 0."),
        "kind": Field("enum", enum=MODULE_KINDS, description="'profile' builds the threat profile and is not scored."),
        "questions": Field("list", True, of="question"),
    },
    "question": {
        "id": Field("id", True),
        "text": Field("text", True),
        "why": Field("text", True, description="One sentence: why this matters to someone at risk."),
        "type": Field("enum", True, enum=QUESTION_TYPES),
        "options": Field("list", True, of="option"),
        "threats": Field("list", of="id", description="Threat ids this question guards against."),
        "when": Field("condition", description="Ask only when this condition holds."),
        "kind": Field("enum", enum=QUESTION_KINDS, description="'practice': what the person does; 'situation': what is true of them."),
        "quick": Field("boolean", description="Asked in the quick check."),
        "danger_now": Field("boolean", description="The one 'is something happening now?' question."),
        "replaces": Field("list", of="id", description="Retired question ids (same module) whose answers map onto this one."),
    },
    "option": {
        "id": Field("id", True),
        "label": Field("text"),
        "risk": Field("integer", description="0 (well protected) to 10 (wide open)."),
        "guidance": Field("list", of="guidance_id"),
        "urgent": Field("boolean"),
        "platforms": Field("list", of="platform"),
        "threats": Field("threat_levels", description="Profile modules: threat id -> level this answer raises it to."),
        "exclusive": Field("boolean", description="Cannot be chosen with any other option ('none', 'no one')."),
        "contacts": Field("list", of="guidance_id", description="Danger-now question: 1-3 help-contact ids for this situation."),
        "replaces": Field("list", of="id", description="Retired option ids whose answers map onto this one."),
        "number": Field("number", description="The number this option stands for (e.g. an Android version), for min/max conditions."),
    },
    "guidance_file": {
        "items": Field("list", True, of="guidance"),
    },
    "guidance": {
        "id": Field("guidance_id", True),
        "title": Field("text", True),
        "why": Field("text", True),
        "effort": Field("enum", True, enum=EFFORTS),
        "steps": Field("steps", True),
        "resources": Field("list", True, of="resource"),
        "reviewed": Field("date", True),
        "tradeoff": Field("text"),
        "done_when": Field("condition", description="The practice is already in place: never an action then."),
        "needs": Field("condition", description="What the person must have to follow the item."),
        "check": Field("text", description="First step when the answers leave 'needs' unknown: how to check."),
        "instead": Field("list", of="guidance_id", description="Items to recommend when 'needs' rules this one out."),
        "urgent_when": Field("list", of="urgent", description="When the item becomes urgent (Do today), and why."),
        "audience": Field("condition", description="Shown only to people for whom this holds."),
        "card": Field("text", description="A short neutral line for the pocket card."),
        "keeping_well": Field("boolean", description="A maintenance item for people whose practices are all in place."),
        "sensitive": Field("boolean", description="Anonymous summaries record only the item's area."),
    },
    "urgent": {
        "when": Field("condition", True),
        "reason": Field("text", True, description="Why it is urgent, shown with the item."),
    },
    "step": {
        "text": Field("text", True),
        "when": Field("condition", True, description="The step is shown only when this holds."),
    },
    "resource": {
        "title": Field("text", True),
        "url": Field("url", True),
        "source": Field("string", True, description="The organisation that publishes it."),
        "platforms": Field("list", of="platform", description="Shown only to people using one of these."),
        "lang": Field("id", description="Language code of the page, e.g. en, az, ru (default en)."),
    },
    "facts_file": {
        "facts": Field("list", True, of="fact"),
    },
    "fact": {
        "id": Field("id", True),
        "value": Field("fact_value", True),
        "about": Field("text", True),
        "source": Field("url", True),
        "checked": Field("date", True),
    },
    "help_file": {
        "contacts": Field("list", True, of="contact"),
    },
    "contact": {
        "id": Field("guidance_id", True),
        "name": Field("string", True),
        "what": Field("text", True),
        "how": Field("text", True),
        "url": Field("url", True),
        "checked": Field("date", True),
        "languages": Field("list", of="id", description="Languages they answer in (en, az, ru, …), from their own page: "
                           "contacts who speak the person's language are chosen first."),
    },
    "glossary_file": {
        "terms": Field("list", True, of="term"),
    },
    "term": {
        "id": Field("id", True),
        "en": Field("string", True),
        "az": Field("string", True),
        "ru": Field("string", True),
        "note": Field("string"),
    },
    "scoring": {
        "levels": Field("list", True, of="level"),
        "threats": Field("list", True, of="threat"),
        "bands": Field("list", True, of="band"),
        "plan": Field("object", True, of="plan"),
    },
    "level": {"id": Field("id", True), "weight": Field("number", True), "label": Field("text", True)},
    "threat": {"id": Field("id", True), "baseline": Field("id", True), "label": Field("text", True)},
    "band": {"id": Field("id", True), "up_to": Field("integer", True), "label": Field("text", True)},
    "plan": {"today_from": Field("number", True), "week_from": Field("number", True), "today_max": Field("integer", True), "week_max": Field("integer", True)},
    "answers_file": {
        "answers": Field("object", True, of="answers_by_module",
                         description="module id -> {question id -> option id, list of option ids, or null}"),
    },
}

CONDITION_KEYS = {
    "question": "A question asked earlier: module.question, or question in the same module.",
    "in": "Holds when the answer is (or includes) one of these option ids.",
    "not_in": "Holds when the question was answered and none of these option ids was chosen.",
    "answered": "true: the question was answered; false: it was not.",
    "min": "Holds when the chosen option's number is at least this (a number or {fact: ID}).",
    "max": "Holds when the chosen option's number is at most this (a number or {fact: ID}).",
    "threat": "A threat id from the threat profile.",
    "at_least": "Holds when that threat is at this level or higher.",
    "all": "Every condition in the list holds.",
    "any": "At least one condition in the list holds.",
    "not": "The condition does not hold.",
}

PLATFORM_KEYS = ("general", *PLATFORMS)
