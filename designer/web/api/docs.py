"""/api/docs: a readable page of the API, rendered on the server from the spec table."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, render_template

from designer.web.api.spec import ERROR_DESCRIPTIONS, OPERATIONS, Operation

docs_bp = Blueprint("api_docs", __name__)


def _fields(schema: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The top-level fields of a body schema, for the table on the page."""
    if not schema:
        return []
    required = set(schema.get("required", ()))
    rows = []
    for name, field in schema.get("properties", {}).items():
        types = field.get("type", "")
        rows.append(
            {
                "name": name,
                "type": " | ".join(types) if isinstance(types, list) else types,
                "required": name in required,
                "enum": [v for v in field.get("enum", ()) if v is not None],
                "description": field.get("description", ""),
            }
        )
    return rows


def _entry(op: Operation) -> dict[str, Any]:
    return {
        "op": op,
        "fields": _fields(op.multipart if op.multipart is not None else op.body_schema()),
        "errors": sorted(set(() if op.public else (401, 403, 404, *op.errors))),
    }


@docs_bp.get("/api/docs")
def api_docs():
    ordered = sorted(OPERATIONS, key=lambda op: (op.tag, op.path, op.method))
    groups = [(tag, [_entry(op) for op in ops]) for tag, ops in groupby(ordered, lambda o: o.tag)]
    return render_template("api/docs.html", groups=groups, error_descriptions=ERROR_DESCRIPTIONS)
