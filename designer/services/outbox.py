"""The outbox: e-mail is written to `mail_outbox` in the transaction of the change that
causes it and sent after that transaction committed, so a rolled-back change sends nothing.

Sending claims one row at a time with a conditional UPDATE (only a row that is unsent, due
and not claimed by a live sender) and commits the claim before talking to the server: of
two senders (the request that queued the mail, `designer send-mail` from cron) one wins.
A mail is marked sent right after the server accepted it; when the server is down the row
is released and tried again later, each time waiting twice as long. A sender that dies
mid-send leaves a claim that expires after `CLAIM_SECONDS`. The commits are this module's
own: a sender's claim must be visible to the others before the mail leaves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import event, func, or_, select, update
from sqlalchemy.orm import Session

from designer.models import OutboxMail, db
from designer.models.columns import utcnow

CLAIM_SECONDS = 300
FIRST_RETRY_SECONDS = 60
MAX_RETRY_SECONDS = 6 * 3600
BATCH = 100
QUEUED = "outbox_queued"  # Session.info key: ids queued in the open transaction
COMMITTED = "outbox_committed"  # ... and ids whose transaction has committed


@dataclass(frozen=True)
class Mail:
    recipient: str
    subject: str
    text: str
    html: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Report:
    sent: int = 0
    failed: int = 0


def queue(mail: Mail) -> OutboxMail:
    """Add a mail to the outbox in the current transaction."""
    row = OutboxMail(
        recipient=mail.recipient,
        subject=mail.subject[:200],
        body_text=mail.text,
        body_html=mail.html,
        headers=mail.headers or None,
        next_try_at=utcnow(),
    )
    db.session.add(row)
    db.session.flush()
    db.session.info.setdefault(QUEUED, []).append(row.id)
    return row


@event.listens_for(Session, "after_commit")
def _queued_committed(session: Session) -> None:
    queued = session.info.pop(QUEUED, [])
    if queued:
        session.info.setdefault(COMMITTED, []).extend(queued)


@event.listens_for(Session, "after_rollback")
def _queued_dropped(session: Session) -> None:
    session.info.pop(QUEUED, None)


def take_committed() -> list[int]:
    """Ids of mails queued by this session whose transaction has committed (once)."""
    return db.session.info.pop(COMMITTED, [])


def retry_delay(attempts: int) -> timedelta:
    seconds = FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return timedelta(seconds=min(seconds, MAX_RETRY_SECONDS))


def due_ids(now: datetime, limit: int = BATCH) -> list[int]:
    return list(
        db.session.scalars(
            select(OutboxMail.id)
            .where(*_due(now))
            .order_by(OutboxMail.next_try_at, OutboxMail.id)
            .limit(limit)
        )
    )


def _due(now: datetime) -> tuple:
    return (
        OutboxMail.sent_at.is_(None),
        OutboxMail.next_try_at <= now,
        or_(OutboxMail.claimed_until.is_(None), OutboxMail.claimed_until < now),
    )


def claim(mail_id: int, now: datetime) -> OutboxMail | None:
    """The row, claimed for this sender (committed), or None when it is not ours to send."""
    claimed = db.session.execute(
        update(OutboxMail)
        .where(OutboxMail.id == mail_id, *_due(now))
        .values(
            claimed_until=now + timedelta(seconds=CLAIM_SECONDS),
            attempts=OutboxMail.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if claimed.rowcount != 1:
        return None
    return db.session.get(OutboxMail, mail_id, populate_existing=True)


def send(ids: list[int], deliver: Callable[[OutboxMail], str], now: datetime) -> Report:
    """Send the mails `ids` that are due. `deliver` hands one to the server (raising when
    that fails) and returns how it went out ("smtp" or "log")."""
    report = Report()
    for mail_id in ids:
        row = claim(mail_id, now)
        if row is None:
            continue
        try:
            via = deliver(row)
        except Exception as exc:  # any failure of the transport: keep the mail, try later
            _release(row, exc, now)
            report.failed += 1
        else:
            row.sent_at, row.sent_via, row.claimed_until = utcnow(), via, None
            db.session.commit()
            report.sent += 1
    return report


def _release(row: OutboxMail, exc: Exception, now: datetime) -> None:
    row.claimed_until = None
    row.next_try_at = now + retry_delay(row.attempts)
    row.last_error = f"{type(exc).__name__}: {exc}"[:500]
    db.session.commit()


def waiting() -> int:
    return db.session.scalar(select(func.count(OutboxMail.id)).where(OutboxMail.sent_at.is_(None)))
