"""JSON Schema for content and answers files, generated from `spec.OBJECTS`."""

from __future__ import annotations

from typing import Any

from safetycheck.content.spec import CONDITION_KEYS, GUIDANCE_ID_PATTERN, ID_PATTERN, OBJECTS, PLATFORM_KEYS, Field
from safetycheck.engine.model import PLATFORMS
from safetycheck.i18n.language import LANGUAGES

SCHEMA_KINDS = {"module": "module", "guidance": "guidance_file", "answers": "answers_file", "facts": "facts_file"}

_TEXT = {
    "description": "A plain English string, or a map of language codes to translations ('en' required).",
    "oneOf": [
        {"type": "string", "minLength": 1},
        {"type": "object", "required": ["en"], "additionalProperties": False,
         "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES}},
    ],
}


def _scalar(kind: str) -> dict[str, Any]:
    return {
        "text": {"$ref": "#/$defs/text"},
        "string": {"type": "string", "minLength": 1},
        "id": {"type": "string", "pattern": ID_PATTERN},
        "guidance_id": {"type": "string", "pattern": GUIDANCE_ID_PATTERN},
        "platform": {"enum": list(PLATFORMS)},
        "integer": {"type": "integer"},
        "number": {"type": "number"},
        "boolean": {"type": "boolean"},
        "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "url": {"type": "string", "pattern": "^https://"},
        "condition": {"$ref": "#/$defs/condition"},
        "threat_levels": {"type": "object", "additionalProperties": {"type": "string", "pattern": ID_PATTERN}},
        "steps": {"type": "object", "additionalProperties": False, "minProperties": 1,
                  "properties": {p: {"type": "array", "minItems": 1, "items": {
                      "oneOf": [{"$ref": "#/$defs/text"}, {"$ref": "#/$defs/step"}]}} for p in PLATFORM_KEYS}},
        "fact_value": {"oneOf": [{"type": "number"}, {"type": "string", "minLength": 1}]},
    }[kind]


def _field(spec: Field) -> dict[str, Any]:
    if spec.type == "enum":
        out: dict[str, Any] = {"enum": list(spec.enum)}
    elif spec.type == "list":
        item = {"$ref": f"#/$defs/{spec.of}"} if spec.of in OBJECTS else _scalar(spec.of or "string")
        out = {"type": "array", "items": item}
    elif spec.type == "object":
        out = {"$ref": f"#/$defs/{spec.of}"}
    else:
        out = dict(_scalar(spec.type))
    if spec.description:
        out["description"] = spec.description
    if spec.type == "integer" and "risk" in spec.description:
        out.update(minimum=0, maximum=10)
    return out


def _object(name: str) -> dict[str, Any]:
    fields = OBJECTS[name]
    return {"type": "object", "additionalProperties": False,
            "required": [k for k, f in fields.items() if f.required],
            "properties": {k: _field(f) for k, f in fields.items()}}


def _condition() -> dict[str, Any]:
    ref = {"$ref": "#/$defs/condition"}
    bound = {"oneOf": [{"type": "number"}, {"type": "object", "additionalProperties": False, "required": ["fact"],
                                            "properties": {"fact": {"type": "string", "pattern": ID_PATTERN}}}]}
    props: dict[str, Any] = {
        "question": {"type": "string"}, "in": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "not_in": {"type": "array", "items": {"type": "string"}, "minItems": 1}, "answered": {"type": "boolean"},
        "threat": {"type": "string"}, "at_least": {"type": "string"},
        "min": bound, "max": bound,
        "all": {"type": "array", "items": ref, "minItems": 1}, "any": {"type": "array", "items": ref, "minItems": 1}, "not": ref,
    }
    for key, description in CONDITION_KEYS.items():
        props[key]["description"] = description
    return {"type": "object", "additionalProperties": False, "minProperties": 1, "maxProperties": 3, "properties": props}


def json_schema(kind: str) -> dict[str, Any]:
    root = SCHEMA_KINDS[kind]
    defs: dict[str, Any] = {name: _object(name) for name in OBJECTS if name != "answers_file"}
    defs["text"] = _TEXT
    defs["condition"] = _condition()
    defs["answers_by_module"] = {
        "type": "object",
        "additionalProperties": {"oneOf": [{"type": "null"}, {"type": "object", "additionalProperties": {
            "oneOf": [{"type": "null"}, {"type": "string"}, {"type": "array", "items": {"type": "string"}}]}}]},
    }
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": f"safetycheck {kind} file"}
    schema.update(_object(root))
    schema["$defs"] = defs
    return schema
