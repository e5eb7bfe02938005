"""Read side of LTI learner results: the `LearnerResults` summary of one design, from the
rows recorded while learners work in a launched page. Seven statements (the released
revision and six aggregates), however many learners there are."""

from __future__ import annotations

from sqlalchemy import Select, case, distinct, func, select, union

from designer.core.learner_results import (
    LearnerResults,
    NuggetResult,
    PlatformResult,
    QuestionResult,
)
from designer.core.snapshot import DesignSnapshot
from designer.export.learner.quiz import asked_positions
from designer.models import (
    Design,
    LtiAnswer,
    LtiEnrolment,
    LtiLearner,
    LtiNuggetResult,
    LtiPlatform,
    db,
)
from designer.queries.lti import release_of
from designer.queries.read_model import revision_snapshot


def learner_results(design: Design, platform_id: int | None = None) -> LearnerResults:
    """Every platform's results, or one platform's. Questions count the answers given to
    the released revision only: a question's position means nothing in another one."""
    return LearnerResults(
        learners=_count_learners(design, platform_id),
        nuggets=_nuggets(design, platform_id),
        questions=_questions(design, platform_id),
        platforms=_platforms(design, platform_id),
    )


def _of_platform(query: Select, learner_column, platform_id: int | None) -> Select:
    if platform_id is None:
        return query
    return query.join(LtiLearner, LtiLearner.id == learner_column).where(
        LtiLearner.platform_id == platform_id
    )


def _learner_ids(design: Design, platform_id: int | None):
    worked = _of_platform(
        select(LtiNuggetResult.learner_id).where(LtiNuggetResult.design_id == design.id),
        LtiNuggetResult.learner_id,
        platform_id,
    )
    answered = _of_platform(
        select(LtiAnswer.learner_id).where(LtiAnswer.design_id == design.id),
        LtiAnswer.learner_id,
        platform_id,
    )
    return union(worked, answered).subquery()


def _count_learners(design: Design, platform_id: int | None) -> int:
    ids = _learner_ids(design, platform_id)
    return db.session.scalar(select(func.count()).select_from(ids)) or 0


def _nuggets(design: Design, platform_id: int | None) -> tuple[NuggetResult, ...]:
    query = _of_platform(
        select(
            LtiNuggetResult.nugget_key,
            func.count(distinct(LtiNuggetResult.learner_id)),
            func.sum(LtiNuggetResult.launches),
            func.count(LtiNuggetResult.completed_at),
            func.sum(LtiNuggetResult.seconds),
        )
        .where(LtiNuggetResult.design_id == design.id)
        .group_by(LtiNuggetResult.nugget_key)
        .order_by(LtiNuggetResult.nugget_key),
        LtiNuggetResult.learner_id,
        platform_id,
    )
    return tuple(
        NuggetResult(key, learners, launches or 0, completed, seconds or 0)
        for key, learners, launches, completed, seconds in db.session.execute(query)
    )


def _questions(design: Design, platform_id: int | None) -> tuple[QuestionResult, ...]:
    release = release_of(design)
    if release is None:
        return ()
    shown = _shown_questions(revision_snapshot(release[1]))
    query = _of_platform(
        select(
            LtiAnswer.nugget_key,
            LtiAnswer.question_index,
            func.count(),
            func.sum(case((LtiAnswer.correct, 1), else_=0)),
        )
        .where(LtiAnswer.design_id == design.id, LtiAnswer.revision_id == release[1].id)
        .group_by(LtiAnswer.nugget_key, LtiAnswer.question_index)
        .order_by(LtiAnswer.nugget_key, LtiAnswer.question_index),
        LtiAnswer.learner_id,
        platform_id,
    )
    return tuple(
        QuestionResult(key, index, answered, correct or 0, *shown.get((key, index), (0, "")))
        for key, index, answered, correct in db.session.execute(query)
    )


def _shown_questions(snap: DesignSnapshot) -> dict[tuple[str, int], tuple[int, str]]:
    """(nugget key, position) -> the question's number as the player shows it (it leaves
    out questions nobody can answer) and its text."""
    shown = {}
    for nugget in snap.nuggets:
        for number, index in enumerate(asked_positions(nugget.questions), 1):
            shown[(nugget.key, index)] = (number, nugget.questions[index].text)
    return shown


def _platforms(design: Design, platform_id: int | None) -> tuple[PlatformResult, ...]:
    """Platforms with learners of the design or with a counted enrolment in it."""
    ids = _learner_ids(design, platform_id)
    learners = dict(
        db.session.execute(
            select(LtiLearner.platform_id, func.count())
            .join(ids, ids.c.learner_id == LtiLearner.id)
            .group_by(LtiLearner.platform_id)
        ).all()
    )
    enrolled_query = (
        select(LtiEnrolment.platform_id, func.sum(LtiEnrolment.learners))
        .where(LtiEnrolment.design_id == design.id, LtiEnrolment.learners.is_not(None))
        .group_by(LtiEnrolment.platform_id)
    )
    if platform_id is not None:
        enrolled_query = enrolled_query.where(LtiEnrolment.platform_id == platform_id)
    enrolled = dict(db.session.execute(enrolled_query).all())
    chosen = set(learners) | set(enrolled)
    if not chosen:
        return ()
    rows = db.session.execute(
        select(LtiPlatform.id, LtiPlatform.name, LtiPlatform.issuer)
        .where(LtiPlatform.id.in_(chosen))
        .order_by(LtiPlatform.name, LtiPlatform.id)
    )
    return tuple(
        PlatformResult(pid, name or issuer, learners.get(pid, 0), enrolled.get(pid))
        for pid, name, issuer in rows
    )
