"""Quality: workspace checklists, comments, notifications and reviews (sign-offs)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import JsonType, Timestamp, utcnow

COMMENT_TARGETS = ("design", "objective", "module", "placement")
VERDICTS = ("met", "not_met", "not_applicable")
DECISIONS = ("approved", "changes_requested")


class WorkspaceChecklist(db.Model):
    """A workspace's editable copy of a checklist, stored as the engine's `to_dict` data."""

    __tablename__ = "workspace_checklists"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    key: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    copied_from: Mapped[str] = mapped_column(String(80), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(Timestamp)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}


class Comment(db.Model):
    """A comment on a design or one of its parts; a reply names its thread's first one."""

    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_design_target", "design_id", "target_kind", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class Notification(db.Model):
    """Something a person should look at (a comment, a review request, a decision).

    `mail` says how it reaches the person by e-mail, as they chose when it was made:
    "now" (mailed at once), "digest" (waits for the daily digest) or "" (not mailed);
    `mailed_at` is set when it went into a mail."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_read", "user_id", "read_at"),
        Index("ix_notifications_mail_mailed_at", "mail", "mailed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    design_id: Mapped[int | None] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(Timestamp)
    mail: Mapped[str] = mapped_column(String(10), default="", server_default="")
    mailed_at: Mapped[datetime | None] = mapped_column(Timestamp)


class Review(db.Model):
    """One reviewer's review of one submission: requested, then decided and signed.

    `submitted_revision` is the revision stored when the design was submitted;
    `revision_number` and `snapshot_hash` name the state the decision was given to (for
    an approval, the revision of kind "approved"). `checklists` keeps the checklists as
    they were at submission (engine `to_dict` data), so later edits of a workspace copy do
    not change what was reviewed. `verdicts` maps checklist key → criterion key →
    {"verdict", "comment"}.
    """

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    submitted_revision: Mapped[int] = mapped_column(Integer)
    checklist_keys: Mapped[list[str]] = mapped_column(JsonType, default=list)
    checklists: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    verdicts: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)
    decision: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    override_reason: Mapped[str] = mapped_column(Text, default="")
    blocking_count: Mapped[int] = mapped_column(Integer, default=0)
    revision_number: Mapped[int | None] = mapped_column(Integer)
    snapshot_hash: Mapped[str | None] = mapped_column(String(64))
    seal_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    requested_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    signed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    withdrawn_at: Mapped[datetime | None] = mapped_column(Timestamp)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}
