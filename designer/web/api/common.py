"""Helpers the API views share: the checked JSON body and the objects named in the URL."""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request, url_for
from flask_login import current_user

from designer.core import limits
from designer.models import Design, Workspace
from designer.queries import access
from designer.queries.paging import Page
from designer.services.errors import Invalid
from designer.services.permissions import Action
from designer.web.api.spec import MAX_ID, operation_for
from designer.web.api.validation import validate


def json_body() -> dict[str, Any]:
    """The request's JSON object, checked against the operation's body schema."""
    data = _whole_floats(request.get_json(silent=True))
    if not isinstance(data, dict):
        raise Invalid({"body": getattr(request, "json_problem", None) or "not_json"})
    op = operation_for(request.endpoint)
    schema = op.body_schema() if op else None
    errors = validate(schema, data) if schema else {}
    if errors:
        raise Invalid(errors)
    return data


def _whole_floats(value: Any) -> Any:
    """JSON does not tell 3 from 3.0 (nor 1e3 from 1000): a number without a fraction is
    an integer, as JSON Schema says, wherever it stands."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_whole_floats(v) for v in value]
    if isinstance(value, dict):
        return {k: _whole_floats(v) for k, v in value.items()}
    return value


def design(design_id: int, action: Action = Action.DESIGN_VIEW) -> Design:
    return access.design_for(current_user, design_id, action)


def workspace(slug: str, action: Action = Action.WORKSPACE_VIEW) -> Workspace:
    return access.workspace_by_slug(current_user, slug, action)


def fields_except(data: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k not in names}


def page_request() -> tuple[int, int]:
    """`page` (from 1) and `per_page` of a list request; 422 when one is not a whole
    number in range."""
    bounds = {
        "page": (1, MAX_ID),
        "per_page": (limits.active().page_size, limits.active().max_page_size),
    }
    values, errors = {}, {}
    for name, (default, maximum) in bounds.items():
        raw = request.args.get(name)
        if raw is None:
            values[name] = default
        elif raw.isascii() and raw.isdecimal() and 1 <= int(raw) <= maximum:
            values[name] = int(raw)
        else:
            errors[name] = "out_of_range"
    if errors:
        raise Invalid(errors)
    return values["page"], values["per_page"]


def page_response(page: Page, items: list[Any]) -> Response:
    """The page's items as a JSON array, with `X-Total-Count` and a `Link` header naming the
    first, previous, next and last pages."""
    response = jsonify(items)
    response.headers["X-Total-Count"] = str(page.total)
    numbers = {"first": 1, "last": page.pages}
    if page.has_previous:
        numbers["prev"] = page.number - 1
    if page.has_next:
        numbers["next"] = page.number + 1
    args = {**request.args.to_dict(), **(request.view_args or {}), "per_page": page.size}
    response.headers["Link"] = ", ".join(
        f'<{url_for(request.endpoint, **{**args, "page": n})}>; rel="{rel}"'
        for rel, n in numbers.items()
    )
    return response
