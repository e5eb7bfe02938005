from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import Timestamp, utcnow


class OutboxMail(db.Model):
    """An e-mail waiting to be sent, written in the same transaction as the change that
    causes it. A sender claims a row (`claimed_until`) before talking to the server and
    marks it sent after, so a mail is neither lost nor sent twice."""

    __tablename__ = "mail_outbox"
    __table_args__ = (Index("ix_mail_outbox_sent_at_next_try_at", "sent_at", "next_try_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body_text: Mapped[str] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    next_try_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    claimed_until: Mapped[datetime | None] = mapped_column(Timestamp)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str] = mapped_column(String(500), default="", server_default="")
    sent_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # "smtp", or "log" when the instance has no mail server and the mail went to the log.
    sent_via: Mapped[str] = mapped_column(String(10), default="", server_default="")
