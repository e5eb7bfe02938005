"""The summary of a design's learner results, from recorded rows: counts per nugget, per
question of the released revision and per platform, with or without a platform filter."""

from sqlalchemy import event

from designer.models import (
    DesignRelease,
    LtiAnswer,
    LtiEnrolment,
    LtiLearner,
    LtiNuggetResult,
    LtiPlatform,
    db,
)
from designer.models.columns import utcnow
from designer.queries.learner_results import learner_results
from tests.lti.conftest import add_platform


def _learner(platform_id: int, sub: str) -> LtiLearner:
    learner = LtiLearner(platform_id=platform_id, deployment_id="dep-1", sub=sub)
    db.session.add(learner)
    db.session.flush()
    return learner


def _worked(learner, design, key, launches=1, seconds=60, done=True):
    db.session.add(
        LtiNuggetResult(
            learner_id=learner.id,
            design_id=design.id,
            nugget_key=key,
            launches=launches,
            seconds=seconds,
            completed_at=utcnow() if done else None,
        )
    )


def _answered(learner, design, revision_id, index, correct, key="quiz"):
    db.session.add(
        LtiAnswer(
            learner_id=learner.id,
            design_id=design.id,
            revision_id=revision_id,
            nugget_key=key,
            question_index=index,
            correct=correct,
        )
    )


def _second_platform(workspace) -> LtiPlatform:
    return add_platform(workspace, "Zweites LMS", "https://lms.example.org")


def _filled(registered, released, workspace):
    other = _second_platform(workspace)
    revision_id = db.session.query(DesignRelease).filter_by(design_id=released.id).one().revision_id
    ann, ben, cem = (_learner(registered.id, s) for s in ("ann", "ben", "cem"))
    dora = _learner(other.id, "dora")
    _worked(ann, released, "intro", launches=2, seconds=120)
    _worked(ben, released, "intro", seconds=60, done=False)
    _worked(dora, released, "intro", seconds=180)
    for learner, right in ((ann, True), (ben, False), (cem, False), (dora, True)):
        _answered(learner, released, revision_id, 0, right)
    _answered(ann, released, None, 1, True)  # given to a revision no longer released
    db.session.add(
        LtiEnrolment(
            platform_id=registered.id,
            context_id="course-1",
            design_id=released.id,
            memberships_url="https://lms/members",
            learners=25,
        )
    )
    db.session.commit()
    return other


def test_every_platform_summed_up(registered, released, workspace):
    other = _filled(registered, released, workspace)
    results = learner_results(released)
    assert results.learners == 4
    intro = results.nugget("intro")
    assert (intro.learners, intro.launches, intro.completed, intro.seconds) == (3, 4, 2, 360)
    assert intro.completion_rate == 2 / 3
    assert intro.average_minutes == 2
    [question] = results.questions_of("quiz")
    assert (question.index, question.answered, question.correct) == (0, 4, 2)
    assert question.share_correct == 0.5
    by_id = {p.platform_id: p for p in results.platforms}
    assert (by_id[registered.id].learners, by_id[registered.id].enrolled) == (3, 25)
    assert (by_id[other.id].learners, by_id[other.id].enrolled, by_id[other.id].name) == (
        1,
        None,
        "Zweites LMS",
    )


def test_one_platform_only(registered, released, workspace):
    other = _filled(registered, released, workspace)
    results = learner_results(released, platform_id=other.id)
    assert results.learners == 1
    assert results.nugget("intro").learners == 1
    assert results.questions_of("quiz")[0].correct == 1
    assert [p.platform_id for p in results.platforms] == [other.id]


def test_nothing_delivered_yet(released):
    results = learner_results(released)
    assert (results.learners, results.nuggets, results.questions, results.platforms) == (
        0,
        (),
        (),
        (),
    )
    assert results.nugget("intro") is None


def test_seven_statements_however_many_learners(registered, released, workspace, app):
    _filled(registered, released, workspace)
    db.session.refresh(released)
    statements = []

    def count(*args):
        statements.append(args[2])

    engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        learner_results(released)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(statements) == 7
