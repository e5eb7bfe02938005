"""Helpers the API views share: the checked JSON body and the objects named in the URL."""

from __future__ import annotations

from typing import Any

from flask import request
from flask_login import current_user

from designer.models import Design, Workspace
from designer.queries import access
from designer.services.errors import Invalid
from designer.services.permissions import Action
from designer.web.api.spec import operation_for
from designer.web.api.validation import validate


def json_body() -> dict[str, Any]:
    """The request's JSON object, checked against the operation's body schema."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise Invalid({"body": "not_json"})
    op = operation_for(request.endpoint)
    schema = op.body_schema() if op else None
    errors = validate(schema, data) if schema else {}
    if errors:
        raise Invalid(errors)
    return data


def design(design_id: int, action: Action = Action.DESIGN_VIEW) -> Design:
    return access.design_for(current_user, design_id, action)


def workspace(slug: str, action: Action = Action.WORKSPACE_VIEW) -> Workspace:
    return access.workspace_by_slug(current_user, slug, action)


def fields_except(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in names}
