from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Date, ForeignKey, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from designer.models import db
from designer.models.columns import JsonType, Timestamp, utcnow

DESIGN_STATUSES = ("draft", "in_review", "changes_requested", "approved", "archived")


class Design(db.Model):
    __tablename__ = "designs"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(
        ForeignKey("workspaces.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    lock_version: Mapped[int] = mapped_column(Integer, default=1)
    template_key: Mapped[str] = mapped_column(String(60), default="blank")
    language: Mapped[str] = mapped_column(String(8), default="de")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # The creator's organisation when the design was created (partnerships).
    organisation: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[datetime | None] = mapped_column(Timestamp)

    # Grobkonzept
    target_group: Mapped[str] = mapped_column(Text, default="")
    initial_situation: Mapped[str] = mapped_column(Text, default="")
    prerequisites: Mapped[str] = mapped_column(Text, default="")
    planned_workload_minutes: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    participants_min: Mapped[int | None] = mapped_column(Integer)
    participants_max: Mapped[int | None] = mapped_column(Integer)
    format_summary: Mapped[str] = mapped_column(Text, default="")
    didactic_approach: Mapped[str] = mapped_column(Text, default="")
    assessment_concept: Mapped[str] = mapped_column(Text, default="")
    framework_conditions: Mapped[str] = mapped_column(Text, default="")
    evaluation_plan: Mapped[str] = mapped_column(Text, default="")
    offer_description: Mapped[str] = mapped_column(Text, default="")
    pass_mark_percent: Mapped[int] = mapped_column(Integer, default=80, server_default="80")
    # Grobkonzept fields a template left for the authors: while still empty, what the
    # quality check says about them is a to-do, not a fault. A field leaves the list
    # when it is first saved with a value.
    placeholder_fields: Mapped[list[str] | None] = mapped_column(JsonType, default=list)

    __mapper_args__ = {"version_id_col": lock_version}

    objectives: Mapped[list[LearningObjective]] = relationship(
        order_by="LearningObjective.position", cascade="all, delete-orphan", back_populates="design"
    )
    modules: Mapped[list[Module]] = relationship(
        order_by="Module.position", cascade="all, delete-orphan", back_populates="design"
    )


class DesignMember(db.Model):
    """A person with a role on one design only (a guest, or an invited subject expert)."""

    __tablename__ = "design_members"
    __table_args__ = (UniqueConstraint("design_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class LearningObjective(db.Model):
    __tablename__ = "learning_objectives"

    id: Mapped[int] = mapped_column(primary_key=True)
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    bloom_level: Mapped[str] = mapped_column(String(20), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}

    design: Mapped[Design] = relationship(back_populates="objectives")


class Module(db.Model):
    __tablename__ = "modules"

    id: Mapped[int] = mapped_column(primary_key=True)
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    schedule_date: Mapped[date | None] = mapped_column(Date)
    schedule_start: Mapped[str] = mapped_column(String(5), default="")
    schedule_end: Mapped[str] = mapped_column(String(5), default="")
    schedule_place: Mapped[str] = mapped_column(Text, default="")
    # Breaks of the timetable: [{"after": placements before it, "minutes": …, "title": …}]
    breaks: Mapped[list[dict[str, Any]] | None] = mapped_column(JsonType, default=list)
    lock_version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(Timestamp)

    __mapper_args__ = {"version_id_col": lock_version}

    design: Mapped[Design] = relationship(back_populates="modules")
    placements: Mapped[list[Placement]] = relationship(
        order_by="Placement.position", cascade="all, delete-orphan", back_populates="module"
    )


placement_objectives = Table(
    "placement_objectives",
    db.Model.metadata,
    Column("placement_id", ForeignKey("placements.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "objective_id", ForeignKey("learning_objectives.id", ondelete="CASCADE"), primary_key=True
    ),
)


class Placement(db.Model):
    """A nugget on the canvas of one design, pinned to one of its revisions."""

    __tablename__ = "placements"

    id: Mapped[int] = mapped_column(primary_key=True)
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"), index=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("modules.id", ondelete="CASCADE"), index=True)
    nugget_id: Mapped[int] = mapped_column(ForeignKey("nuggets.id"), index=True)
    nugget_revision: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    duration_override: Mapped[int | None] = mapped_column(Integer)
    delivery_mode_override: Mapped[str | None] = mapped_column(String(30))
    lock_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": lock_version}

    module: Mapped[Module] = relationship(back_populates="placements")
    objectives: Mapped[list[LearningObjective]] = relationship(
        secondary=placement_objectives, order_by="LearningObjective.position"
    )
