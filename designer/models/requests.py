"""Requests for training ("Bildungsanfragen") that visitors of the public catalogue send
to a workspace, and the (hashed) addresses they came from, for the rate limit."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import Timestamp, utcnow

REQUEST_STATES = ("new", "answered", "closed")


class TrainingRequest(db.Model):
    """What the request form asks, and nothing else: no address of the visitor's
    computer is kept with it."""

    __tablename__ = "training_requests"
    __table_args__ = (Index("ix_training_requests_workspace_state", "workspace_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspaces.id", ondelete="CASCADE"))
    offer_id: Mapped[int | None] = mapped_column(ForeignKey("offers.id", ondelete="SET NULL"))
    offer_title: Mapped[str] = mapped_column(String(300), default="")
    topic: Mapped[str] = mapped_column(String(300))
    participants: Mapped[int | None] = mapped_column(Integer)
    target_group: Mapped[str] = mapped_column(Text, default="")
    delivery_mode: Mapped[str] = mapped_column(String(40), default="")
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(40), default="")
    message: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="de")
    state: Mapped[str] = mapped_column(String(10), default="new")
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime | None] = mapped_column(Timestamp)
    closed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    design_id: Mapped[int | None] = mapped_column(ForeignKey("designs.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class RequestSender(db.Model):
    """One request form sent from an address: only a keyed hash of the address is kept,
    and only for a day (the rate limit looks back an hour)."""

    __tablename__ = "request_senders"
    __table_args__ = (Index("ix_request_senders_address_created", "address_hash", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    address_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
