"""The route/spec table of the REST API: each view is registered through `operation()`,
which records what the OpenAPI document, the docs page and the scope check need.

So the document cannot drift from the routes: both come from the same table, and a test
compares the document with `app.url_map`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Blueprint
from flask_babel import lazy_gettext as _l

API_PREFIX = "/api/v1"
MAX_ID = 2**31 - 1

bp = Blueprint("api", __name__, url_prefix=API_PREFIX)

_CONVERTER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")

ERROR_DESCRIPTIONS = {
    401: _l("Not authenticated: send a personal access token or a session cookie"),
    403: _l("Not allowed (role, token scope or CSRF token)"),
    404: _l("No such object, or not visible to you"),
    409: _l("Stale lock_version: the answer's `current` is the state as it is now"),
    413: _l("The upload is too large"),
    422: _l("Invalid input: `errors` maps each field to an error code"),
}


@dataclass(frozen=True)
class Operation:
    """One method on one route of the API."""

    method: str
    rule: str
    endpoint: str
    summary: Any
    tag: str
    writes: bool
    status: int = 200
    body: dict[str, Any] | Callable[[], dict[str, Any]] | None = None
    multipart: dict[str, Any] | None = None
    result: dict[str, Any] | None = None
    # True, or a callable naming the content types of the file answered (export formats
    # are registered by other modules)
    binary: bool | Callable[[], list[str]] = False
    public: bool = False
    errors: tuple[int, ...] = ()
    description: str = ""
    paginated: bool = False
    path_params: tuple[tuple[str, str], ...] = field(default=())

    def body_schema(self) -> dict[str, Any] | None:
        """The request body's schema; a callable is asked each time (export formats are
        registered by other modules)."""
        return self.body() if callable(self.body) else self.body

    @property
    def path(self) -> str:
        """The OpenAPI path: `/designs/{design_id}`."""
        return API_PREFIX + _CONVERTER.sub(lambda m: "{" + m["name"] + "}", self.rule)


OPERATIONS: list[Operation] = []


def operation(
    method: str,
    rule: str,
    *,
    summary: Any,
    tag: str,
    writes: bool,
    **details: Any,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated view on the API blueprint and in the spec table.

    `writes` marks operations that change state: a read-scoped token may not call them."""

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        params = tuple((m["name"], m["converter"] or "string") for m in _CONVERTER.finditer(rule))
        op = Operation(
            method=method.upper(),
            rule=rule,
            endpoint=view.__name__,
            summary=summary,
            tag=tag,
            writes=writes,
            path_params=params,
            **details,
        )
        OPERATIONS.append(op)
        bp.add_url_rule(rule, endpoint=view.__name__, view_func=view, methods=[op.method])
        return view

    return decorate


def operation_for(endpoint: str | None) -> Operation | None:
    """The operation behind a Flask endpoint name such as `api.read_design`."""
    if not endpoint or not endpoint.startswith("api."):
        return None
    name = endpoint.removeprefix("api.")
    return next((op for op in OPERATIONS if op.endpoint == name), None)
