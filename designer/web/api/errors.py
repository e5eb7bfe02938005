"""How the API answers service errors: JSON with a status code (see ERROR_DESCRIPTIONS).

403, 404 and 409 come from the app-wide handlers in `designer.web.security`, which answer JSON
under /api/."""

from __future__ import annotations

from flask import jsonify
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from designer.services.errors import Invalid
from designer.web.api.spec import bp
from designer.web.messages import error_text
from designer.web.transaction import discard

API_ERROR_TEXTS = {
    "not_json": _l("Send a JSON object (Content-Type: application/json)."),
    "too_deep": _l("The JSON body is nested too deeply."),
    "control_character": _l("Control characters (such as NUL or a vertical tab) are not allowed."),
    "wrong_type": _l("This value has the wrong type."),
    "too_long": _l("This value is too long."),
    "too_many": _l("Too many entries."),
    "out_of_range": _l("This number is out of range."),
    "unknown_format": _l("Unknown export format."),
}


def message(code: str) -> str:
    return str(API_ERROR_TEXTS[code]) if code in API_ERROR_TEXTS else error_text(code)


def invalid_response(errors: dict[str, str], messages: dict[str, str] | None = None):
    """422 with the error code and a text per field (`messages` where the caller has
    more precise texts than the codes' own)."""
    texts = {field: message(code) for field, code in errors.items()} | (messages or {})
    return jsonify(error="invalid", errors=errors, messages=texts), 422


@bp.errorhandler(Invalid)
def invalid(exc: Invalid):
    discard()
    return invalid_response(exc.errors)


@bp.errorhandler(StaleDataError)
def stale(exc: StaleDataError):
    """Two writes based on the same version raced; the database let only one through."""
    discard()
    return jsonify(
        error="conflict",
        message=_("Someone else changed this in the meantime."),
        current=None,
    ), 409
