"""Scores back to the LMS (LTI Assignment and Grade Services).

What a learner does in a launched page is reported as a score for the resource link's
line item. Each score is first stored (`LtiScore`), then posted with pylti1p3's
`AssignmentsGradesService`; a score the platform does not accept (down, an error) stays
and is tried again later with growing pauses, so nothing is lost. The OAuth access token
is cached per platform and scope until shortly before it expires (`lti_connector`).

What Moodle 4.5 does with scores (seen in a real one) shapes `record` and `deliver`: it
clears a learner's grade on a score without scoreGiven, and it refuses with HTTP 409 a
score whose timestamp is not later, in whole seconds, than the grade it holds."""

from __future__ import annotations

from datetime import datetime, timedelta

from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.grade import Grade
from sqlalchemy import func, select

from designer.models import LtiLearner, LtiPlatform, LtiScore, db
from designer.models.columns import utcnow
from designer.services import lti_connector

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
FIRST_PAUSE = timedelta(seconds=30)
LONGEST_PAUSE = timedelta(hours=6)
OUTDATED = 409  # the platform holds a later score (Moodle), or took this one already


def record(
    learner: LtiLearner,
    lineitem_url: str,
    percent: float | None,
    completed: bool,
) -> LtiScore:
    """Queue the learner's result for the line item: a percentage once every quiz of the
    link is answered (else none yet), and whether they completed it.

    A launched page does not resume earlier progress, so a report keeps the percentage
    and the completion that the learner's earlier scores for the line item reached
    (else a second visit would clear the grade in the LMS). Each score is dated at least
    a whole second after the one before, so that the platform takes them in order."""
    before = db.session.scalar(
        select(LtiScore)
        .where(LtiScore.learner_id == learner.id, LtiScore.lineitem_url == lineitem_url)
        .order_by(LtiScore.id.desc())
        .limit(1)
    )
    dated = utcnow()
    if before is not None:
        percent = before.score_given if percent is None else percent
        completed = completed or before.activity_progress == "Completed"
        dated = max(dated, before.created_at.replace(microsecond=0) + timedelta(seconds=1))
    score = LtiScore(
        platform_id=learner.platform_id,
        learner_id=learner.id,
        lineitem_url=lineitem_url,
        score_given=percent,
        score_maximum=100,
        activity_progress="Completed" if completed else "InProgress",
        grading_progress="FullyGraded" if percent is not None else "Pending",
        created_at=dated,
    )
    db.session.add(score)
    db.session.flush()
    return score


def _grade(score: LtiScore, learner: LtiLearner) -> Grade:
    grade = (
        Grade()
        .set_user_id(learner.sub)
        .set_score_maximum(score.score_maximum)
        .set_activity_progress(score.activity_progress)
        .set_grading_progress(score.grading_progress)
        .set_timestamp(score.created_at.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
    )
    if score.score_given is not None:
        grade.set_score_given(score.score_given)
    return grade


def _pause(attempts: int) -> timedelta:
    return min(FIRST_PAUSE * 2 ** max(attempts - 1, 0), LONGEST_PAUSE)


def deliver(secret_key: str, now: datetime | None = None, limit: int = 100) -> int:
    """Post the scores that are due, oldest first; returns how many were accepted."""
    now = now or utcnow()
    due = db.session.scalars(
        select(LtiScore)
        .where(LtiScore.accepted_at.is_(None), LtiScore.next_try_at <= now)
        .order_by(LtiScore.id)
        .limit(limit)
    ).all()
    connectors: dict[int, lti_connector.Connector] = {}
    accepted = 0
    for score in due:
        platform = db.session.get(LtiPlatform, score.platform_id)
        if platform.paused:
            continue
        if platform.id not in connectors:
            connectors[platform.id] = lti_connector.connector(platform, secret_key)
        connector = connectors[platform.id]
        service = AssignmentsGradesService(
            connector, {"scope": [SCORE_SCOPE], "lineitem": score.lineitem_url}
        )
        score.attempts += 1
        try:
            service.put_grade(_grade(score, db.session.get(LtiLearner, score.learner_id)))
        except lti_connector.SERVICE_ERRORS as exc:
            score.last_error = lti_connector.problem(exc, connector)
            if getattr(getattr(exc, "response", None), "status_code", None) == OUTDATED:
                score.accepted_at = now  # settled: sending it again cannot succeed
            else:
                score.next_try_at = now + _pause(score.attempts)
            continue
        score.accepted_at = now
        score.last_error = ""
        accepted += 1
    db.session.flush()
    return accepted


def waiting() -> int:
    """How many scores no platform has accepted yet."""
    return db.session.scalar(select(func.count(LtiScore.id)).where(LtiScore.accepted_at.is_(None)))
