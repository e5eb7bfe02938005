"""Mails to people: written in the recipient's language from templates/mail/ (plain text
and HTML), queued in the outbox in the request's transaction and sent once the response
is closed, after that transaction committed (`init_app`)."""

from __future__ import annotations

import logging
from functools import partial

from flask import (
    Flask,
    Response,
    current_app,
    has_request_context,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from designer import mailer
from designer.models import User
from designer.services import outbox

log = logging.getLogger("designer.mail")

SUBJECTS = {
    "reset": _l("Set a new password for Kurswerk"),
    "verify": _l("Confirm your e-mail address for Kurswerk"),
}


def compose(kind: str, person: User, **context: object) -> outbox.Mail:
    """The mail `kind` for `person` in their language, else the instance's."""
    locale = person.locale or current_app.config["BABEL_DEFAULT_LOCALE"]
    with force_locale(locale):
        subject = str(SUBJECTS[kind])
        text = render_template(f"mail/{kind}.txt", person=person, **context)
        html = render_template(f"mail/{kind}.html", person=person, subject=subject, **context)
    return outbox.Mail(person.email, subject, text, html)


def link(endpoint: str, **values: object) -> str:
    """An absolute link for a mail: on DESIGNER_BASE_URL when set, so that a forged Host
    header cannot make a reset mail point elsewhere. Outside a request (the digest from
    cron, a script) only DESIGNER_BASE_URL can tell the site's address; without it the
    links point to http://localhost."""
    base = current_app.config["BASE_URL"]
    if has_request_context():
        return (base or request.host_url.rstrip("/")) + url_for(endpoint, **values)
    if not base:
        log.warning("DESIGNER_BASE_URL is not set: the links of a mail point to localhost")
        base = "http://localhost"
    anchor = values.pop("_anchor", None)
    path = current_app.url_map.bind("localhost").build(endpoint, values)
    return base + path + (f"#{anchor}" if anchor else "")


def queue_mail(kind: str, person: User, **context: object) -> None:
    outbox.queue(compose(kind, person, **context))


def init_app(app: Flask) -> None:
    @app.after_request
    def send_after_commit(response: Response) -> Response:
        """Mails whose transaction committed go out when the response is closed: after
        the answer reached the client, so sending neither slows it down nor tells by its
        timing whether a mail was sent."""
        ids = outbox.take_committed()
        if ids:
            response.call_on_close(partial(_send, app, ids))
        return response


def _send(app: Flask, ids: list[int]) -> None:
    with app.app_context():
        try:
            mailer.send_now(ids)
        except Exception:  # the outbox keeps them; `designer send-mail` tries again
            log.exception("sending mails %s after the request failed", ids)
