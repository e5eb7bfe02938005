"""The OpenAPI 3 document, built from the spec table, and the route that serves it."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from designer.core import limits
from designer.core.characters import NO_CONTROL_PATTERN
from designer.web.api.spec import ERROR_DESCRIPTIONS, MAX_ID, OPERATIONS, Operation
from designer.web.api.spec import operation as register

ERROR = {
    "type": "object",
    "properties": {
        "error": {"type": "string"},
        "message": {"type": "string"},
        "errors": {"type": "object", "additionalProperties": {"type": "string"}},
        "problems": {"type": "array", "items": {"type": "string"}},
        "current": {"type": ["object", "null"]},
        "changed_by": {"type": ["string", "null"]},
    },
}
PARAM_SCHEMAS = {
    "int": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    "string": {"type": "string", "minLength": 1, "maxLength": 80},
}


def _parameters(op: Operation) -> list[dict[str, Any]]:
    params = [
        {"name": name, "in": "path", "required": True, "schema": PARAM_SCHEMAS[converter]}
        for name, converter in op.path_params
    ]
    return params + (_page_parameters() if op.paginated else [])


def _page_parameters() -> list[dict[str, Any]]:
    active = limits.active()
    return [
        {
            "name": "page",
            "in": "query",
            "required": False,
            "description": "Page number, from 1.",
            "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID, "default": 1},
        },
        {
            "name": "per_page",
            "in": "query",
            "required": False,
            "description": "Items per page.",
            "schema": {
                "type": "integer",
                "minimum": 1,
                "maximum": active.max_page_size,
                "default": active.page_size,
            },
        },
    ]


PAGE_HEADERS = {
    "X-Total-Count": {
        "description": "Number of items on all pages together.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "Link": {
        "description": 'URLs of the first, previous, next and last pages (rel="first" …).',
        "schema": {"type": "string"},
    },
}


def _no_control(schema: Any) -> Any:
    """The schema with the control-character rule on every free text (what
    `validation.validate` checks): a text with NUL or a vertical tab gets 422."""
    if isinstance(schema, list):
        return [_no_control(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: _no_control(value) for key, value in schema.items()}
    types = schema.get("type")
    texts = types == "string" or (isinstance(types, list) and "string" in types)
    if texts and not {"enum", "const", "pattern", "format"} & set(schema):
        out["pattern"] = NO_CONTROL_PATTERN
    return out


def _request_body(op: Operation) -> dict[str, Any] | None:
    if op.multipart is not None:
        return {"required": True, "content": {"multipart/form-data": {"schema": op.multipart}}}
    schema = op.body_schema()
    if schema is None:
        return None
    return {"required": True, "content": {"application/json": {"schema": _no_control(schema)}}}


def _file_schema(content_type: str) -> dict[str, Any]:
    if content_type == "application/json":
        return {"type": "object", "description": "The design document"}
    return {"type": "string", "format": "binary"}


def _responses(op: Operation) -> dict[str, Any]:
    ok: dict[str, Any] = {"description": "OK" if op.status != 201 else "Created"}
    if op.binary:
        types = op.binary() if callable(op.binary) else ["application/octet-stream"]
        ok["content"] = {t: {"schema": _file_schema(t)} for t in types}
    elif op.result is not None:
        ok["content"] = {"application/json": {"schema": op.result}}
    if op.paginated:
        ok["headers"] = PAGE_HEADERS
    if op.status == 204:
        ok = {"description": "Done"}
    responses: dict[str, Any] = {str(op.status): ok}
    errors = (*op.errors, 422) if op.paginated else op.errors
    statuses = () if op.public else (401, 403, 404, *errors)
    for status in sorted(set(statuses)):
        responses[str(status)] = {
            "description": str(ERROR_DESCRIPTIONS[status]),
            "content": {"application/json": {"schema": ERROR}},
        }
    return responses


def _operation(op: Operation) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "operationId": op.endpoint,
        "summary": str(op.summary),
        "tags": [op.tag],
        "parameters": _parameters(op),
        "responses": _responses(op),
        "x-scope": "write" if op.writes else "read",
    }
    if op.description:
        doc["description"] = str(op.description)
    body = _request_body(op)
    if body is not None:
        doc["requestBody"] = body
    if op.public:
        doc["security"] = []
    return doc


def document() -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in OPERATIONS:
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kurswerk API",
            "version": "1",
            "description": (
                "Course designs, their objectives, modules, placements, the nugget library, "
                "exports and imports. Authenticate with a personal access token "
                "(`Authorization: Bearer <token>`, created under Account → API tokens); a "
                "read token may call the operations marked `x-scope: read` only. Writes "
                "that edit a row name the `lock_version` they were based on and get 409 "
                "with the current state when it is stale. Long lists come in pages "
                "(`page`, `per_page`; the `Link` header names the next page and "
                "`X-Total-Count` the number of items)."
            ),
        },
        "servers": [{"url": "/"}],
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            }
        },
        "security": [{"bearerAuth": []}, {"session": []}],
        "paths": paths,
    }


@register(
    "GET",
    "/openapi.json",
    summary=_l("This document (OpenAPI 3.1)"),
    tag="meta",
    writes=False,
    public=True,
    result={"type": "object"},
)
def openapi_json():
    with force_locale("en"):
        return jsonify(document())
