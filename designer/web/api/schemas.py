"""JSON schemas of request bodies and results, shared by the views (validation) and the
OpenAPI document. Lengths follow the database columns."""

from __future__ import annotations

from typing import Any

from designer.core import limits
from designer.core import snapshot as s
from designer.core.characters import CONTROL_CHARACTERS, NO_CONTROL_PATTERN
from designer.core.fields import AUTHOR_NOTE_LENGTH, MAX_DURATION
from designer.core.vocab import BLOOM_LEVELS, LANGUAGES, VOCABULARIES
from designer.services.nuggets import VOCAB_FIELDS
from designer.web.api.spec import MAX_ID

ID: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
LOCK_VERSION: dict[str, Any] = {
    "type": "integer",
    "minimum": 0,
    "maximum": MAX_ID,
    "description": "The version the client edited; a stale one gets 409",
}
POSITION: dict[str, Any] = {"type": "integer", "minimum": 0, "maximum": MAX_ID}
TEXT: dict[str, Any] = {"type": "string", "maxLength": 100_000}
# A text that must not be blank (the services strip it first), without control characters.
FILLED: dict[str, Any] = {
    **TEXT,
    "minLength": 1,
    "pattern": NO_CONTROL_PATTERN,
    "allOf": [{"pattern": "\\S"}],
}
TITLE: dict[str, Any] = {**FILLED, "maxLength": 300}
SHORT = {"type": "string", "maxLength": 300}
DATE = {
    "type": ["string", "null"],
    "maxLength": 10,
    "anyOf": [{"maxLength": 0}, {"format": "date"}],
    "description": "YYYY-MM-DD, or empty",
}
CLOCK = {
    "type": "string",
    "maxLength": 5,
    "pattern": "^(([01][0-9]|2[0-3]):[0-5][0-9])?$",
    "description": "HH:MM, or empty",
}


def obj(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = list(required)
    return schema


# ------------------------------------------------------------------- designs

GROBKONZEPT_FIELDS: dict[str, Any] = {
    "title": TITLE,
    "language": {"type": "string", "enum": list(LANGUAGES)},
    **{name: TEXT for name in s.GROBKONZEPT_TEXT_FIELDS},
    **{
        name: {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_ID}
        for name in s.GROBKONZEPT_INT_FIELDS
    },
    "pass_mark_percent": {
        "type": "integer",
        "minimum": 1,
        "maximum": 100,
        "description": "Percent of right answers that passes a quiz (a quiz may set its own)",
    },
    **{name: DATE for name in s.GROBKONZEPT_DATE_FIELDS},
}
DESIGN_CREATE = obj(
    {
        "title": GROBKONZEPT_FIELDS["title"],
        "language": GROBKONZEPT_FIELDS["language"],
        "template": {
            "type": "string",
            "maxLength": 80,
            "description": "A key from GET /workspaces/{slug}/templates; a blank design without",
        },
    },
    required=("title",),
)
TEMPLATE = obj(
    {
        "key": SHORT,
        "title": SHORT,
        "description": TEXT,
        "builtin": {"type": "boolean"},
        "modules": {"type": "integer"},
        "nuggets": {"type": "integer"},
        "minutes": {"type": "integer"},
    }
)
DESIGN_UPDATE = obj({"lock_version": LOCK_VERSION, **GROBKONZEPT_FIELDS}, ("lock_version",))
DESIGN_SUMMARY = obj(
    {
        "id": ID,
        "title": SHORT,
        "status": {"type": "string"},
        "language": {"type": "string"},
        "lock_version": LOCK_VERSION,
        "updated_at": {"type": "string"},
    }
)
DESIGN = {
    "type": "object",
    "description": "The design's snapshot (the interchange format) plus id, status and "
    "lock_version",
    "properties": {
        "id": ID,
        "status": {"type": "string"},
        "lock_version": LOCK_VERSION,
        "format": {"type": "string", "enum": [s.FORMAT_NAME]},
        "format_version": {"type": "integer"},
        "design": {"type": "object"},
    },
}

WORKSPACE = obj(
    {
        "slug": {"type": "string"},
        "name": {"type": "string"},
        "kind": {"type": "string"},
        "role": {"type": "string"},
    }
)

# ---------------------------------------------------------------- objectives

BLOOM = {"type": "string", "enum": ["", *BLOOM_LEVELS]}
OBJECTIVE_CREATE = obj({"text": FILLED, "bloom_level": BLOOM}, ("text",))
OBJECTIVE_UPDATE = obj(
    {"lock_version": LOCK_VERSION, "text": FILLED, "bloom_level": BLOOM}, ("lock_version",)
)
OBJECTIVE = obj(
    {
        "id": ID,
        "text": TEXT,
        "bloom_level": BLOOM,
        "position": POSITION,
        "lock_version": LOCK_VERSION,
    }
)

# ------------------------------------------------------------------- modules

MODULE_CREATE = obj({"title": FILLED, "description": TEXT}, ("title",))
MODULE_UPDATE = obj(
    {"lock_version": LOCK_VERSION, "title": FILLED, "description": TEXT}, ("lock_version",)
)
MODULE_MOVE = obj({"position": POSITION}, ("position",))
MODULE = obj(
    {
        "id": ID,
        "title": SHORT,
        "description": TEXT,
        "position": POSITION,
        "lock_version": LOCK_VERSION,
    }
)

# ------------------------------------------------------------------- nuggets

QUESTION = obj(
    {
        "kind": {"type": "string", "enum": list(VOCABULARIES["question_kind"])},
        "text": FILLED,
        "feedback": TEXT,
        "answers": {
            "type": "array",
            "maxItems": 50,
            "items": obj(
                {
                    "text": TEXT,
                    "correct": {
                        "type": "boolean",
                        "description": "Unused for kind match; always true for kind shortanswer",
                    },
                    "feedback": TEXT,
                    "match": {
                        **TEXT,
                        "description": "Kind match only: the answer this item belongs to; "
                        "with an empty text, a distractor",
                    },
                }
            ),
        },
    },
    ("kind", "text"),
)
NUGGET_FIELDS: dict[str, Any] = {
    "title": TITLE,
    "summary": TEXT,
    "content_html": {**TEXT, "description": "Sanitised on input"},
    **{name: {"type": "string", "enum": list(VOCABULARIES[v])} for name, v in VOCAB_FIELDS.items()},
    "method": TEXT,
    "media": TEXT,
    "rationale": TEXT,
    "author_note": {
        "type": "string",
        "maxLength": AUTHOR_NOTE_LENGTH,
        "description": "Plain text for authors only; never in a learner-facing export",
    },
    "license": {"type": "string", "maxLength": 120},
    "attribution": TEXT,
    "url": {
        "type": "string",
        "maxLength": 2000,
        "pattern": f"^(https?://[^/?#\\[\\]\\s{CONTROL_CHARACTERS}]+([/?#][^\\s{CONTROL_CHARACTERS}]*)?)?$",
        "description": "Empty, or a full http(s) address",
    },
    "duration_minutes": {"type": "integer", "minimum": 0, "maximum": MAX_DURATION},
    "pass_mark_percent": {
        "type": ["integer", "null"],
        "minimum": 1,
        "maximum": 100,
        "description": "A quiz's own pass mark in percent; null takes the design's",
    },
    "tags": {"type": "array", "maxItems": 50, "items": {"type": "string", "maxLength": 60}},
    "questions": {"type": "array", "maxItems": 200, "items": QUESTION},
    "has_video": {"type": "boolean"},
    "captions_available": {"type": "boolean"},
    "ai_generated": {"type": "boolean"},
    "ai_checked": {"type": "boolean"},
    "schedule_date": DATE,
    "schedule_start": CLOCK,
    "schedule_end": CLOCK,
    "schedule_place": TEXT,
}


def _nugget_body_fields() -> dict[str, Any]:
    """NUGGET_FIELDS with the limits the app runs with (`core.limits`) on questions and
    answers, so that the document promises no more than the service takes."""
    active = limits.active()
    answers = {**QUESTION["properties"]["answers"], "maxItems": active.answers_per_question}
    question = {**QUESTION, "properties": {**QUESTION["properties"], "answers": answers}}
    questions = {"type": "array", "maxItems": active.questions_per_nugget, "items": question}
    return {**NUGGET_FIELDS, "questions": questions}


def nugget_create() -> dict[str, Any]:
    return obj(_nugget_body_fields(), ("title",))


def nugget_update() -> dict[str, Any]:
    return obj({"lock_version": LOCK_VERSION, **_nugget_body_fields()}, ("lock_version",))


NUGGET = {
    "type": "object",
    "properties": {"id": ID, "revision": ID, "lock_version": LOCK_VERSION, **NUGGET_FIELDS},
}

# ---------------------------------------------------------------- placements

DELIVERY_OVERRIDE = {"type": ["string", "null"], "enum": [None, *VOCABULARIES["delivery_mode"]]}
DURATION_OVERRIDE = {"type": ["integer", "null"], "minimum": 0, "maximum": MAX_DURATION}
OBJECTIVE_IDS = {"type": "array", "maxItems": 500, "items": ID}
PLACEMENT_CREATE = obj(
    {"module_id": ID, "nugget_id": ID, "position": POSITION}, ("module_id", "nugget_id")
)
PLACEMENT_MOVE = obj(
    {"lock_version": LOCK_VERSION, "module_id": ID, "position": POSITION},
    ("lock_version", "module_id", "position"),
)
PLACEMENT_UPDATE = obj(
    {
        "lock_version": LOCK_VERSION,
        "objective_ids": OBJECTIVE_IDS,
        "duration_override": DURATION_OVERRIDE,
        "delivery_mode_override": DELIVERY_OVERRIDE,
    },
    ("lock_version",),
)
PLACEMENT = obj(
    {
        "id": ID,
        "module_id": ID,
        "nugget_id": ID,
        "nugget_revision": ID,
        "position": POSITION,
        "duration_override": DURATION_OVERRIDE,
        "delivery_mode_override": DELIVERY_OVERRIDE,
        "objective_ids": OBJECTIVE_IDS,
        "lock_version": LOCK_VERSION,
    }
)

# ------------------------------------------------------------ exports/imports

IMPORTED = obj({"id": ID, "title": SHORT, "warnings": {"type": "array", "items": TEXT}})
IMPORT_UPLOAD = {
    "type": "object",
    "properties": {"file": {"type": "string", "format": "binary"}},
    "required": ["file"],
}


def list_of(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}
