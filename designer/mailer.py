"""Hands the outbox's mails to the mail server (DESIGNER_SMTP_URL) with Flask-Mailman, or
writes them to the log when the instance has no mail server."""

from __future__ import annotations

import logging
from datetime import datetime

from flask import current_app
from flask_mailman import EmailMultiAlternatives

from designer.extensions import mail
from designer.models import OutboxMail
from designer.models.columns import utcnow
from designer.services import outbox

log = logging.getLogger("designer.mail")


def mail_is_on() -> bool:
    return bool(current_app.config["MAIL_ENABLED"])


def deliver(row: OutboxMail) -> str:
    """Send one mail (raises when the server refuses or cannot be reached)."""
    config = current_app.config
    if not config["MAIL_ENABLED"]:
        log.info(
            "Mail is off (no DESIGNER_SMTP_URL), so this mail is only logged.\n"
            "To: %s\nSubject: %s\n\n%s",
            row.recipient,
            row.subject,
            row.body_text,
        )
        return "log"
    connection = mail.get_connection(
        host=config["MAIL_SERVER"],
        port=config["MAIL_PORT"],
        username=config["MAIL_USERNAME"],
        password=config["MAIL_PASSWORD"],
        use_tls=config["MAIL_USE_TLS"],
        use_ssl=config["MAIL_USE_SSL"],
        timeout=config["MAIL_TIMEOUT"],
    )
    message = EmailMultiAlternatives(
        row.subject,
        row.body_text,
        from_email=config["MAIL_DEFAULT_SENDER"],
        to=[row.recipient],
        connection=connection,
        headers=row.headers or None,
    )
    if row.body_html:
        message.attach_alternative(row.body_html, "text/html")
    message.send()
    return "smtp"


def send_due(now: datetime | None = None) -> outbox.Report:
    """Send every mail that is due (the `designer send-mail` command, for cron)."""
    now = now or utcnow()
    report = outbox.Report()
    while ids := outbox.due_ids(now):
        batch = outbox.send(ids, deliver, now)
        report.sent += batch.sent
        report.failed += batch.failed
        if not batch.sent:
            break  # the server is down: the rest waits for the next run
    return report


def send_now(ids: list[int]) -> outbox.Report:
    return outbox.send(ids, deliver, utcnow())
