"""Scores as a real Moodle 4.5 takes them: it clears the grade on a score without
scoreGiven, and refuses (HTTP 409) a score that is not later, in whole seconds, than the
grade it holds. A learner's second visit must not clear their grade, two reports within
one second must both be taken, a refused outdated score is not retried for ever, and a
teacher's launch (Moodle refuses scores for teachers) sends none."""

from datetime import datetime, timedelta

import pytest

from designer.models import LtiScore, db
from designer.models.columns import utcnow
from designer.services import lti_connector, lti_scores
from tests.lti.test_scores import _results_url, _with_line_item


@pytest.fixture(autouse=True)
def _no_cached_tokens():
    lti_connector._tokens.clear()
    yield
    lti_connector._tokens.clear()


@pytest.fixture
def moment(monkeypatch) -> datetime:
    """Every score is made at this one moment (due at once: it is after the queue's own
    clock), as when a learner acts twice within one second."""
    fixed = (utcnow() + timedelta(minutes=1)).replace(microsecond=300_000)
    monkeypatch.setattr(lti_scores, "utcnow", lambda: fixed)
    return fixed


def _seconds(body: dict) -> datetime:
    return datetime.strptime(body["timestamp"], "%Y-%m-%dT%H:%M:%S.000Z")


def test_reports_within_one_second_are_dated_apart(client, platform, registered, released, moment):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    client.post(url, json={"completed": False, "percent": 60})
    client.post(url, json={"completed": True, "percent": 100})
    first, second = (s["body"] for s in platform.scores)
    assert _seconds(first) == moment.replace(microsecond=0)
    assert _seconds(second) == _seconds(first) + timedelta(seconds=1)
    assert (second["scoreGiven"], second["activityProgress"]) == (100, "Completed")


def test_another_learner_is_dated_by_the_clock(client, platform, registered, released, moment):
    one = _results_url(client, platform, released, **_with_line_item(platform))
    other = _results_url(client, platform, released, sub="user-8", **_with_line_item(platform))
    client.post(one, json={"completed": True, "percent": 100})
    client.post(other, json={"completed": True, "percent": 40})
    assert [_seconds(s["body"]) for s in platform.scores] == [moment.replace(microsecond=0)] * 2
    assert [s["body"]["userId"] for s in platform.scores] == ["user-7", "user-8"]


def test_a_second_visit_keeps_the_grade_and_the_completion(client, platform, registered, released):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    client.post(url, json={"completed": True, "percent": 80})
    # The next visit starts afresh (progress is not resumed): a nugget marked done.
    again = _results_url(client, platform, released, **_with_line_item(platform))
    client.post(again, json={"completed": False, "percent": None})
    body = platform.scores[-1]["body"]
    assert (body["scoreGiven"], body["gradingProgress"]) == (80, "FullyGraded")
    assert body["activityProgress"] == "Completed"
    # A new attempt at the quiz is taken as it is, also when it is worse.
    client.post(again, json={"completed": False, "percent": 20})
    assert platform.scores[-1]["body"]["scoreGiven"] == 20


def test_a_first_report_without_a_percentage_stays_pending(client, platform, registered, released):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    client.post(url, json={"completed": False, "percent": None})
    body = platform.scores[-1]["body"]
    assert "scoreGiven" not in body and body["gradingProgress"] == "Pending"
    assert body["activityProgress"] == "InProgress"


def test_a_score_refused_as_outdated_is_not_retried(app, client, platform, registered, released):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    platform.score_status = 409
    client.post(url, json={"completed": True, "percent": 70})
    score = db.session.query(LtiScore).one()
    assert score.last_error == "HTTP 409" and score.accepted_at is not None
    assert lti_scores.waiting() == 0
    later = utcnow() + timedelta(days=1)
    assert lti_scores.deliver(app.config["SECRET_KEY"], now=later) == 0
    assert len(platform.scores) == 1


def test_a_platform_error_is_still_retried(app, client, platform, registered, released):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    platform.score_status = 500
    client.post(url, json={"completed": True, "percent": 70})
    assert db.session.query(LtiScore).one().accepted_at is None
    assert lti_scores.waiting() == 1


def test_a_teachers_launch_sends_no_scores(client, platform, registered, released):
    teacher = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]
    url = _results_url(client, platform, released, lti_roles=teacher, **_with_line_item(platform))
    assert client.post(url, json={"completed": True, "percent": 100}).status_code == 204
    assert platform.scores == [] and db.session.query(LtiScore).count() == 0
    # A learner of the same link is graded.
    url = _results_url(client, platform, released, **_with_line_item(platform))
    client.post(url, json={"completed": True, "percent": 100})
    assert [s["body"]["scoreGiven"] for s in platform.scores] == [100]
