"""Who is calling: a personal access token (`Authorization: Bearer …`) or the browser
session. Token requests need no CSRF token; session requests that change state send the
page's token in an `X-CSRFToken` header. A read-scoped token may not call writes."""

from __future__ import annotations

from flask import current_app, g, jsonify, request
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from designer.extensions import csrf, db
from designer.models import User
from designer.services import tokens
from designer.web.api.spec import MAX_ID, bp, operation_for
from designer.web.transaction import bookkeeping

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

# The API checks CSRF itself, after it knows whether a token or a session authenticates.
csrf.exempt(bp)


def _refuse(status: int, error: str, message: str):
    response = jsonify(error=error, message=message)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kurswerk"'
    return response


def _odd_url_value() -> bool:
    """Ids beyond the database's integer range, NUL bytes: no such object."""
    for value in (request.view_args or {}).values():
        if isinstance(value, int) and value > MAX_ID:
            return True
        if isinstance(value, str) and ("\x00" in value or not value.isprintable()):
            return True
    return False


def _bearer(header: str):
    scheme, _space, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        return _refuse(401, "invalid_token", _("Use the header Authorization: Bearer <token>."))
    with bookkeeping():  # the token's last use
        token = tokens.authenticate(secret.strip())
    if token is None:
        return _refuse(401, "invalid_token", _("The token is unknown or was revoked."))
    g._login_user = db.session.get(User, token.user_id)
    g.api_token = token
    op = operation_for(request.endpoint)
    if op is not None and op.writes and token.scope != "write":
        return _refuse(403, "insufficient_scope", _("This token may only read."))
    return None


@bp.before_request
def authenticate():
    op = operation_for(request.endpoint)
    if op is not None and op.public:
        return None
    if _odd_url_value():
        return _refuse(404, "not_found", _("No such object."))
    header = request.headers.get("Authorization", "")
    if header:
        return _bearer(header)
    if not current_user.is_authenticated:
        return _refuse(401, "unauthenticated", _("Log in or send a personal access token."))
    if request.method not in SAFE_METHODS and current_app.config.get("WTF_CSRF_ENABLED", True):
        try:
            csrf.protect()
        except CSRFError:
            return _refuse(403, "csrf", _("Send the page's CSRF token in the X-CSRFToken header."))
    return None
