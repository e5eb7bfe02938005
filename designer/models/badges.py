"""Badges: what a design leads to, as a drawn or uploaded image with its words."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import JsonType, Timestamp, utcnow


class Badge(db.Model):
    """A design's badge. `public_id` names it in public addresses (badge class, images),
    so that design ids stay internal. Criteria and competences are not stored: they
    follow from the design (`designer.core.badges`)."""

    __tablename__ = "badges"

    id: Mapped[int] = mapped_column(primary_key=True)
    design_id: Mapped[int] = mapped_column(
        ForeignKey("designs.id", ondelete="CASCADE"), unique=True
    )
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    shape: Mapped[str] = mapped_column(String(20), default="circle")
    colour: Mapped[str] = mapped_column(String(20), default="blue")
    image_asset_id: Mapped[int | None] = mapped_column(ForeignKey("assets.id", ondelete="SET NULL"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class IssuerKey(db.Model):
    """A workspace's signing key for the credentials it issues, made on first use. The
    private key is stored encrypted with a key derived from the app's secret; the public
    key is published (JWKS) so that anyone can verify."""

    __tablename__ = "issuer_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), unique=True
    )
    kid: Mapped[str] = mapped_column(String(64), unique=True)
    private_key: Mapped[str] = mapped_column(Text)  # Fernet token of the PEM
    public_jwk: Mapped[dict[str, Any]] = mapped_column(JsonType)
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class BadgeAward(db.Model):
    """A badge issued to one person. `credential` is the signed Open Badges 3.0
    credential (VC-JWT) as issued; `data` keeps what it says, so that later changes to the
    design never change an issued badge. An award outlives its badge and design (they may
    be removed or emptied from the trash): it stays verifiable from what it keeps."""

    __tablename__ = "badge_awards"
    # One automatic award per learner and badge (manual awards have no learner).
    __table_args__ = (UniqueConstraint("badge_id", "lti_learner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    badge_id: Mapped[int | None] = mapped_column(
        ForeignKey("badges.id", ondelete="SET NULL"), index=True
    )
    public_id: Mapped[str] = mapped_column(String(32), unique=True)
    recipient_name: Mapped[str] = mapped_column(String(200))
    recipient_email: Mapped[str] = mapped_column(String(320))
    salt: Mapped[str] = mapped_column(String(32))
    issued_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(Timestamp)
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    credential: Mapped[str] = mapped_column(Text)
    awarded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    revoked_at: Mapped[datetime | None] = mapped_column(Timestamp)
    revocation_reason: Mapped[str] = mapped_column(Text, default="")
    revoked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # An automatic award to a learner of an LTI delivery: the learner, and the platform's
    # name as it was (kept when the platform and its learners are removed); "" when by hand.
    lti_learner_id: Mapped[int | None] = mapped_column(
        ForeignKey("lti_learners.id", ondelete="SET NULL")
    )
    lti_platform: Mapped[str] = mapped_column(String(500), default="")
