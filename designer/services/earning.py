"""Kurswerk awards a design's badge by itself to a learner of an LTI delivery who met its
criteria, judged by what Kurswerk recorded of them (`LtiNuggetResult`, `LtiAnswer`)
against the revision released for delivery:

- a nugget to complete counts when the learner finished it on the launched page
  (`completed_at`); so does a live session, which the learner cannot attend inside the
  page: they confirm on the page that they took part (marking it as done);
- a quiz counts when the learner's latest answers to the questions the player asks are
  right in at least the pass mark's share (unanswered ones are wrong); a quiz with no
  question to ask counts when finished, like a nugget.

A design whose badge is not in the released revision (given after the release) or whose
criteria name nothing to do awards nothing; the next release with the badge starts it.
The award names the learner by their e-mail address where their LMS sent one, else by
their LTI user id and platform (`core.openbadges.Recipient`), both only as salted hashes.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from designer.core.badges import QuizCriterion, criteria
from designer.core.openbadges import Recipient
from designer.core.snapshot import DesignSnapshot, PlacedNugget
from designer.export.learner.quiz import asked_positions
from designer.models import (
    BadgeAward,
    Design,
    LtiAnswer,
    LtiLearner,
    LtiNuggetResult,
    LtiPlatform,
    Workspace,
    db,
)
from designer.models.columns import utcnow
from designer.queries.lti import release_of
from designer.queries.read_model import revision_snapshot
from designer.services import events
from designer.services.badges import badge_of
from designer.services.issuing import Issuing, signed_award, valid_email


@dataclass(frozen=True)
class Record:
    """What Kurswerk recorded of one learner in one design: the nuggets they finished and
    the questions (nugget key, position in the nugget from 0) whose latest answer in the
    released revision is right."""

    completed: frozenset[str]
    right: frozenset[tuple[str, int]]


def issue_earned(
    learner: LtiLearner, design_id: int, issuing: Issuing, now: datetime | None = None
) -> BadgeAward | None:
    """Award the badge of design `design_id` to `learner` if they met its criteria and
    hold no award of it yet (a revoked one included: it is not issued again). Returns the
    new award, or None when nothing was issued. The system awards (no actor), so no
    permission applies: the caller is the signed results report of the learner's launch."""
    design = db.session.get(Design, design_id)
    if design is None or design.deleted_at is not None:
        return None
    badge = badge_of(design)
    if badge is None or _held(badge.id, learner):
        return None  # the usual answer to a learner's reports once they hold the badge
    release = release_of(design)
    platform = db.session.get(LtiPlatform, learner.platform_id)
    if release is None or platform is None or platform.workspace_id != design.workspace_id:
        return None
    revision = release[1]
    snap = revision_snapshot(revision)
    if snap.badge is None or not earnable(snap):
        return None
    if unmet(snap, _record(learner, design, revision.id)):
        return None
    email = learner.email if learner.email and valid_email(learner.email) else ""
    recipient = Recipient(secrets.token_hex(8), email, learner.sub, platform.issuer)
    now = (now or utcnow()).replace(microsecond=0)
    workspace = db.session.get(Workspace, design.workspace_id)
    award = signed_award(workspace, badge, snap, recipient, issuing, now)
    award.lti_learner_id = learner.id
    award.lti_platform = platform.name or platform.issuer
    try:
        with db.session.begin_nested():
            db.session.add(award)
    except IntegrityError:  # the same learner's results reported twice at once
        return None
    events.record("badge.awarded", None, design.workspace_id, design.id, title=badge.name)
    return award


def earnable(snap: DesignSnapshot) -> bool:
    """Whether the criteria name anything to do (a design without nuggets names nothing)."""
    found = criteria(snap)
    return bool(found.complete or found.quizzes or found.live)


def unmet(snap: DesignSnapshot, record: Record) -> list[PlacedNugget]:
    """The criteria's nuggets the learner has not met yet, in canvas order of kind."""
    found = criteria(snap)
    open_ = [p for p in (*found.complete, *found.live) if p.nugget.key not in record.completed]
    return open_ + [q.placed for q in found.quizzes if not passed(q, record)]


def passed(quiz: QuizCriterion, record: Record) -> bool:
    nugget = quiz.placed.nugget
    asked = asked_positions(nugget.questions)
    if not asked:
        return nugget.key in record.completed
    right = sum((nugget.key, i) in record.right for i in asked)
    return right * 100 >= quiz.pass_mark * len(asked)


def _held(badge_id: int, learner: LtiLearner) -> bool:
    found = select(BadgeAward.id).where(
        BadgeAward.badge_id == badge_id, BadgeAward.lti_learner_id == learner.id
    )
    return db.session.scalar(found.limit(1)) is not None


def _record(learner: LtiLearner, design: Design, revision_id: int) -> Record:
    completed = db.session.scalars(
        select(LtiNuggetResult.nugget_key).where(
            LtiNuggetResult.learner_id == learner.id,
            LtiNuggetResult.design_id == design.id,
            LtiNuggetResult.completed_at.is_not(None),
        )
    )
    right = db.session.execute(
        select(LtiAnswer.nugget_key, LtiAnswer.question_index).where(
            LtiAnswer.learner_id == learner.id,
            LtiAnswer.design_id == design.id,
            LtiAnswer.revision_id == revision_id,
            LtiAnswer.correct.is_(True),
        )
    )
    return Record(frozenset(completed), frozenset((key, index) for key, index in right))
