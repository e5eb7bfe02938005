"""Badges: what a design leads to, as a drawn or uploaded image with its words."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import Timestamp, utcnow


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
