from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import JsonType, Timestamp, utcnow


class Nugget(db.Model):
    """A reusable learning nugget of a workspace's library (its current revision)."""

    __tablename__ = "nuggets"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    content_html: Mapped[str] = mapped_column(Text, default="")
    learning_type: Mapped[str] = mapped_column(String(20), default="acquisition")
    delivery_mode: Mapped[str] = mapped_column(String(30), default="self_paced_online")
    social_form: Mapped[str] = mapped_column(String(20), default="individual")
    method: Mapped[str] = mapped_column(Text, default="")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=0)
    media: Mapped[str] = mapped_column(Text, default="")
    assessment: Mapped[str] = mapped_column(String(20), default="none")
    activity_kind: Mapped[str] = mapped_column(String(20), default="page")
    # A quiz's own pass mark in percent; None: the pass mark of the design it is placed in.
    pass_mark_percent: Mapped[int | None] = mapped_column(Integer)
    rationale: Mapped[str] = mapped_column(Text, default="")
    # Guidance for authors only (plain text); never exported to learners.
    author_note: Mapped[str] = mapped_column(Text, default="", server_default="")
    license: Mapped[str] = mapped_column(String(120), default="")
    attribution: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[str]] = mapped_column(JsonType, default=list)
    questions: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    asset_ids: Mapped[list[int]] = mapped_column(JsonType, default=list)
    url: Mapped[str] = mapped_column(Text, default="")
    schedule_date: Mapped[date | None] = mapped_column(Date)
    schedule_start: Mapped[str] = mapped_column(String(5), default="")
    schedule_end: Mapped[str] = mapped_column(String(5), default="")
    schedule_place: Mapped[str] = mapped_column(Text, default="")
    has_video: Mapped[bool] = mapped_column(Boolean, default=False)
    captions_available: Mapped[bool] = mapped_column(Boolean, default=False)
    ai_generated: Mapped[bool] = mapped_column(Boolean, default=False)
    ai_checked: Mapped[bool] = mapped_column(Boolean, default=False)
    # Made by a template and not edited by a person yet: its findings are to-dos.
    placeholder: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    revision: Mapped[int] = mapped_column(Integer, default=1)
    forked_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("nuggets.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The creator's organisation when the nugget was created (partnerships).
    organisation: Mapped[str] = mapped_column(String(200), default="")
    # Sharing: workspace | partnership | catalogue; a competition-sensitive nugget stays home.
    visibility: Mapped[str] = mapped_column(String(20), default="workspace")
    competition_sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    # Where a copy from another workspace came from (kept when the original is gone).
    origin_workspace_id: Mapped[int | None] = mapped_column(
        ForeignKey("workspaces.id", ondelete="SET NULL")
    )
    origin_organisation: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(Timestamp)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}


class NuggetRevision(db.Model):
    """One immutable revision of a nugget: the fields as they were (`data`)."""

    __tablename__ = "nugget_revisions"
    __table_args__ = (UniqueConstraint("nugget_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nugget_id: Mapped[int] = mapped_column(ForeignKey("nuggets.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    # What a card of the studio shows, copied from `data` when the revision is written (a
    # revision never changes): boards and totals are read without decoding any JSON.
    title: Mapped[str] = mapped_column(String(300), default="", server_default="")
    learning_type: Mapped[str] = mapped_column(String(20), default="", server_default="")
    delivery_mode: Mapped[str] = mapped_column(String(30), default="", server_default="")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    placeholder: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


def card_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The columns of a revision that repeat its `data` for the studio's cards."""
    return {
        "title": str(data.get("title") or "")[:300],
        "learning_type": str(data.get("learning_type") or ""),
        "delivery_mode": str(data.get("delivery_mode") or ""),
        "duration_minutes": int(data.get("duration_minutes") or 0),
        "placeholder": bool(data.get("placeholder")),
    }


@event.listens_for(NuggetRevision, "before_insert")
def _copy_card_fields(mapper, connection, revision: NuggetRevision) -> None:
    for name, value in card_fields(revision.data or {}).items():
        setattr(revision, name, value)
