from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import JsonType, Timestamp, utcnow


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
    # Extra header fields, such as List-Unsubscribe.
    headers: Mapped[dict[str, Any] | None] = mapped_column(JsonType)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    next_try_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    claimed_until: Mapped[datetime | None] = mapped_column(Timestamp)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str] = mapped_column(String(500), default="", server_default="")
    sent_at: Mapped[datetime | None] = mapped_column(Timestamp)
    # "smtp", or "log" when the instance has no mail server and the mail went to the log.
    sent_via: Mapped[str] = mapped_column(String(10), default="", server_default="")


class NoticeSetting(db.Model):
    """How a person wants to hear of one kind of notification by e-mail: "now", "digest"
    or "never". Only choices that differ from the defaults need a row."""

    __tablename__ = "notice_settings"
    __table_args__ = (UniqueConstraint("user_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    delivery: Mapped[str] = mapped_column(String(10))


class NoticeDigest(db.Model):
    """One daily digest sent to a person; the unique day makes sending it idempotent."""

    __tablename__ = "notice_digests"
    __table_args__ = (UniqueConstraint("user_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    items: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class MailOptOut(db.Model):
    """An address without an account that wants no more mail of one kind (an invitation
    link mailed to it)."""

    __tablename__ = "mail_opt_outs"
    __table_args__ = (UniqueConstraint("address", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(String(254))
    kind: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
