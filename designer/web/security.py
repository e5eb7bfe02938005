"""Log-in sessions, security headers and error pages."""

from __future__ import annotations

from flask import Flask, Response, g, jsonify, make_response, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from designer.core.fields import whole_number
from designer.extensions import db, login_manager
from designer.models import User
from designer.queries.collab import last_changed_by
from designer.services.errors import Conflict, NotFound, PermissionDenied
from designer.web.faults import storage_fault
from designer.web.transaction import discard

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The account of a session whose id ("user id:session version") is still current;
    a session made before the last log-out or password change finds nobody."""
    user_id, _sep, version = (whole_number(part) for part in session_id.partition(":"))
    if user_id is None or version is None:
        return None
    user = db.session.get(User, user_id)
    if user is None or user.session_version != version:
        return None
    return user


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def _error_page(status: int, title: str, message: str) -> tuple[str, int] | tuple[Response, int]:
    if wants_json():
        return jsonify(error=title, message=message), status
    return render_template("error.html", status=status, title=title, message=message), status


def init_app(app: Flask) -> None:
    if app.config["PROXY_HOPS"]:
        # Behind a reverse proxy every request comes from the proxy's address; the client's
        # is in X-Forwarded-For (log-in throttling per address counts on it), the scheme in
        # X-Forwarded-Proto (links in mails).
        app.wsgi_app = ProxyFix(
            app.wsgi_app, x_for=app.config["PROXY_HOPS"], x_proto=app.config["PROXY_HOPS"]
        )
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None

    @app.before_request
    def forget_cached_user() -> None:
        """Who is logged in comes from this request's session alone, even when one app
        context spans several requests (tests, scripts) and `g` outlives a request."""
        g.pop("_login_user", None)

    @app.after_request
    def security_headers(response: Response) -> Response:
        csp = response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        if "frame-ancestors 'none'" in csp:  # LTI pages name the LMS that may frame them
            response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.endpoint != "static" and current_user.is_authenticated:
            # A logged-in page must not stay in a shared or back-button cache after log-out.
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.errorhandler(PermissionDenied)
    def forbidden(exc: PermissionDenied):
        return _error_page(403, _("Not allowed"), _("You do not have permission to do this."))

    @app.errorhandler(NotFound)
    def not_found(exc: NotFound):
        return _error_page(404, _("Not found"), _("This page does not exist or was deleted."))

    @app.errorhandler(Conflict)
    def conflict(exc: Conflict):
        name = _changed_by()
        if wants_json() or request.headers.get("HX-Request"):
            message = (
                _("%(name)s changed this in the meantime.", name=name)
                if name
                else _("Someone else changed this in the meantime.")
            )
            return jsonify(
                error="conflict", message=message, changed_by=name, current=exc.current
            ), 409
        message = (
            _("%(name)s changed this in the meantime. Reload to see the current state.", name=name)
            if name
            else _("Someone else changed this in the meantime. Reload to see the current state.")
        )
        return _error_page(409, _("Changed in the meantime"), message)

    @app.errorhandler(StaleDataError)
    def lost_race(exc: StaleDataError):
        """Two writes passed the version check at the same moment; the database let only
        the first UPDATE through. The later one gets 409 like any stale save (without the
        current state, which this late nobody has read)."""
        discard()
        message = _("Someone else changed this in the meantime. Reload to see the current state.")
        if wants_json() or request.headers.get("HX-Request"):
            return jsonify(error="conflict", message=message, current=None), 409
        return _error_page(409, _("Changed in the meantime"), message)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        messages = {
            400: _("The request could not be understood."),
            403: _("You do not have permission to do this."),
            404: _("This page does not exist or was deleted."),
            405: _("This action is not possible here."),
            413: _("The file is too large."),
            429: _("Too many attempts. Please wait a few minutes."),
        }
        status = exc.code or 500
        body, status = _error_page(status, f"{status}", messages.get(status, exc.description or ""))
        response = make_response(body, status)
        allow = dict(exc.get_headers()).get("Allow")
        if allow:  # a 405 names the methods the URL takes (RFC 9110)
            response.headers["Allow"] = allow
        return response

    @app.errorhandler(Exception)
    def server_error(exc: Exception):
        discard()
        fault = storage_fault(exc)
        if fault is not None and wants_json():
            return jsonify(error=fault.kind, message=fault.message), fault.status, fault.headers
        if fault is not None:
            body, status = _error_page(fault.status, fault.title, fault.message)
            return body, status, fault.headers
        app.logger.exception("unhandled error")
        return _error_page(
            500, _("Something went wrong"), _("Nothing was saved. Please try again.")
        )


def _changed_by() -> str | None:
    """Who changed the design of this request last, if someone other than the viewer."""
    design_id = (request.view_args or {}).get("design_id")
    if design_id is None or not current_user.is_authenticated:
        return None
    return last_changed_by(design_id, current_user.id)
