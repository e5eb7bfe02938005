"""What learners do in LTI deliveries: per learner and nugget, per quiz question, and how
many learners a platform's course has enrolled (Names and Roles Provisioning Service).
Learners are the pseudonymous `LtiLearner`s; nothing here names anyone."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from designer.models import db
from designer.models.columns import Timestamp, utcnow


class LtiNuggetResult(db.Model):
    """One learner in one nugget of a delivered design: how often they opened it, the
    seconds they spent in it and when they finished it (a quiz: answered every question)."""

    __tablename__ = "lti_nugget_results"
    __table_args__ = (UniqueConstraint("learner_id", "design_id", "nugget_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("lti_learners.id", ondelete="CASCADE"), index=True
    )
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"), index=True)
    nugget_key: Mapped[str] = mapped_column(String(64))
    launches: Mapped[int] = mapped_column(default=0)
    seconds: Mapped[int] = mapped_column(default=0)
    completed_at: Mapped[datetime | None] = mapped_column(Timestamp)
    updated_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class LtiAnswer(db.Model):
    """A learner's latest answer to one question (by its position in the quiz nugget of
    the revision they took): right or wrong."""

    __tablename__ = "lti_answers"
    __table_args__ = (UniqueConstraint("learner_id", "design_id", "nugget_key", "question_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(
        ForeignKey("lti_learners.id", ondelete="CASCADE"), index=True
    )
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"), index=True)
    revision_id: Mapped[int | None] = mapped_column(ForeignKey("revisions.id", ondelete="SET NULL"))
    nugget_key: Mapped[str] = mapped_column(String(64))
    question_index: Mapped[int] = mapped_column()
    correct: Mapped[bool] = mapped_column()
    answered_at: Mapped[datetime] = mapped_column(Timestamp, default=utcnow)


class LtiEnrolment(db.Model):
    """How many learners a platform's course (LTI context) that links a design has
    enrolled, as its Names and Roles service last said."""

    __tablename__ = "lti_enrolments"
    __table_args__ = (UniqueConstraint("platform_id", "context_id", "design_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(
        ForeignKey("lti_platforms.id", ondelete="CASCADE"), index=True
    )
    context_id: Mapped[str] = mapped_column(String(255))
    design_id: Mapped[int] = mapped_column(ForeignKey("designs.id", ondelete="CASCADE"), index=True)
    memberships_url: Mapped[str] = mapped_column(String(1000))
    learners: Mapped[int | None] = mapped_column()
    counted_at: Mapped[datetime | None] = mapped_column(Timestamp)
