"""Enrolled learners from the platform's Names and Roles service (NRPS): a launch keeps the
course and its memberships address, and once the page has been sent Kurswerk counts the
course's active learners over all pages of the list, keeping only the number."""

import logging
from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import select

from designer.models import LtiEnrolment, db
from designer.models.columns import utcnow
from designer.queries.learner_results import learner_results
from designer.services import lti_connector, lti_enrolments
from tests.lti.test_launch import _launch

NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership"
LEARNER = MEMBERSHIP + "#Learner"
INSTRUCTOR = MEMBERSHIP + "#Instructor"


def _member(n: int, roles: list[str], **extra) -> dict:
    return {
        "user_id": f"member-{n}",
        "name": f"Erika Mustermann {n}",
        "email": f"erika{n}@lms.example",
        "roles": roles,
    } | extra


# Four learners: by the full role, a learner's sub-role, the short name, and a learner who
# also teaches; not counted: a teacher, an inactive learner, a learner listed twice.
MEMBERS = [
    _member(1, [LEARNER], status="Active"),
    _member(2, [INSTRUCTOR]),
    _member(3, [MEMBERSHIP + "/Learner#NonCreditLearner"]),
    _member(4, [LEARNER], status="Inactive"),
    _member(5, ["Learner"]),
    _member(6, [INSTRUCTOR, LEARNER]),
    _member(1, [LEARNER]),
]


@pytest.fixture(autouse=True)
def _fresh_process():
    lti_connector._tokens.clear()
    lti_enrolments._attempts.clear()
    yield
    lti_connector._tokens.clear()
    lti_enrolments._attempts.clear()


def _with_service(memberships, context: str = "ctx-1") -> dict:
    return {
        NRPS: {"context_memberships_url": memberships.url, "service_versions": ["2.0"]},
        "lti_context": {"id": context, "title": "Kurs"},
    }


def _launched(client, platform, design, **changes):
    """A launch whose page rendered, read and closed (closing runs the count)."""
    response = _launch(client, platform, design, **changes)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert unescape(design.title) in unescape(response.get_data(as_text=True))
    response.close()
    return response


def _enrolment() -> LtiEnrolment:
    db.session.expire_all()
    return db.session.scalars(select(LtiEnrolment)).one()


def test_learners_are_counted_over_all_pages_after_the_page_is_sent(
    client, platform, registered, released, memberships
):
    memberships.members = list(MEMBERS)
    response = _launch(client, platform, released, **_with_service(memberships))
    assert response.status_code == 200
    assert unescape(released.title) in unescape(response.get_data(as_text=True))
    # The page is answered before the platform is asked.
    assert memberships.requests == []
    row = _enrolment()
    assert (row.platform_id, row.context_id, row.design_id) == (registered.id, "ctx-1", released.id)
    assert row.memberships_url == memberships.url and row.learners is None
    response.close()
    assert [r["page"] for r in memberships.requests] == ["1", "2", "3", "4"]
    assert {r["authorization"] for r in memberships.requests} == {"Bearer access-1"}
    assert memberships.requests[0]["accept"] == (
        "application/vnd.ims.lti-nrps.v2.membershipcontainer+json"
    )
    [asked] = platform.token_requests
    assert asked["scope"] == NRPS_SCOPE
    row = _enrolment()
    assert row.learners == 4
    assert utcnow() - row.counted_at < timedelta(minutes=1)


def test_only_the_count_is_kept(client, platform, registered, released, memberships):
    memberships.members = list(MEMBERS)
    _launched(client, platform, released, **_with_service(memberships))
    assert _enrolment().learners == 4
    stored = repr([db.session.execute(table.select()).all() for table in db.metadata.sorted_tables])
    for member in MEMBERS:
        for value in (member["user_id"], member["name"], member["email"]):
            assert value not in stored
    # The privacy note says so.
    privacy = client.get("/lti/privacy").get_data(as_text=True)
    assert "speichert nur diese Zahl" in privacy


def test_a_fresh_count_is_not_asked_again(client, platform, registered, released, memberships):
    memberships.members = list(MEMBERS)
    _launched(client, platform, released, **_with_service(memberships))
    asked = len(memberships.requests)
    counted_at = _enrolment().counted_at
    memberships.members.append(_member(9, [LEARNER]))
    _launched(client, platform, released, **_with_service(memberships))
    assert len(memberships.requests) == asked
    assert (_enrolment().learners, _enrolment().counted_at) == (4, counted_at)
    # Older than the freshness period: counted again at the next launch.
    _enrolment().counted_at = utcnow() - lti_enrolments.FRESH_FOR - timedelta(minutes=1)
    db.session.commit()
    _launched(client, platform, released, **_with_service(memberships))
    assert len(memberships.requests) > asked
    assert _enrolment().learners == 5
    assert len(platform.token_requests) == 1  # the access token was cached


def test_each_course_that_links_the_design_has_its_row(
    client, platform, registered, released, memberships
):
    memberships.members = [_member(1, [LEARNER])]
    _launched(client, platform, released, **_with_service(memberships, "ctx-1"))
    _launched(client, platform, released, **_with_service(memberships, "ctx-2"))
    db.session.expire_all()
    rows = db.session.scalars(select(LtiEnrolment).order_by(LtiEnrolment.context_id)).all()
    assert [(r.context_id, r.learners) for r in rows] == [("ctx-1", 1), ("ctx-2", 1)]
    # The design's learner results add up the platform's courses.
    [result] = learner_results(released).platforms
    assert (result.platform_id, result.enrolled) == (registered.id, 2)


@pytest.mark.parametrize(
    ("status", "refused_by"), [(500, "list"), (403, "list"), (401, "list"), (404, "token")]
)
def test_a_failing_platform_keeps_the_old_count(
    client, platform, registered, released, memberships, caplog, status, refused_by
):
    memberships.members = list(MEMBERS)
    _launched(client, platform, released, **_with_service(memberships))
    stale = utcnow() - lti_enrolments.FRESH_FOR - timedelta(hours=1)
    _enrolment().counted_at = stale
    if refused_by == "token":  # no access token for the service (not granted)
        lti_connector._tokens.clear()
        registered.auth_token_url = platform.base + "/no-token"
    else:
        memberships.status = status
    db.session.commit()
    asked = len(memberships.requests)
    with caplog.at_level(logging.WARNING, logger="designer.services.lti_enrolments"):
        _launched(client, platform, released, **_with_service(memberships))
    assert len(memberships.requests) == asked + (refused_by == "list")
    assert (_enrolment().learners, _enrolment().counted_at) == (4, stale)
    assert f"HTTP {status}" in caplog.text
    assert "access-" not in caplog.text and "Bearer" not in caplog.text
    # The same process does not ask the failing platform again at once.
    tokens = len(platform.token_requests)
    refused_tokens = platform.paths.count("/no-token")
    _launched(client, platform, released, **_with_service(memberships))
    assert len(memberships.requests) == asked + (refused_by == "list")
    assert len(platform.token_requests) == tokens
    assert platform.paths.count("/no-token") == refused_tokens == (refused_by == "token")


def test_an_unreachable_or_slow_platform_keeps_the_old_count(
    client, platform, registered, released, memberships, monkeypatch
):
    memberships.members = list(MEMBERS)
    _launched(client, platform, released, **_with_service(memberships))
    stale = utcnow() - lti_enrolments.FRESH_FOR - timedelta(hours=1)
    _enrolment().counted_at = stale
    db.session.commit()
    lti_enrolments._attempts.clear()
    monkeypatch.setattr(lti_enrolments, "COUNT_SECONDS", -1)  # out of time before page 1
    _launched(client, platform, released, **_with_service(memberships))
    assert (_enrolment().learners, _enrolment().counted_at) == (4, stale)
    # Unreachable: nothing listens at the address any more.
    monkeypatch.undo()
    lti_enrolments._attempts.clear()
    gone = memberships.url.replace(memberships.base, "http://127.0.0.1:9")
    changes = _with_service(memberships)
    changes[NRPS]["context_memberships_url"] = gone
    _launched(client, platform, released, **changes)
    assert _enrolment().memberships_url == gone
    assert (_enrolment().learners, _enrolment().counted_at) == (4, stale)


def test_an_error_while_counting_is_logged_after_the_page(
    client, platform, registered, released, memberships, monkeypatch, caplog
):
    def broken(enrolment, secret_key):
        raise RuntimeError("broken")

    monkeypatch.setattr(lti_enrolments, "count", broken)
    with caplog.at_level(logging.ERROR, logger="designer.web.lti_launch"):
        _launched(client, platform, released, **_with_service(memberships))
    assert "counting the learners of LTI course" in caplog.text
    assert _enrolment().learners is None and memberships.requests == []


@pytest.mark.parametrize("missing", ["service", "course", "address"])
def test_no_service_or_no_course_no_row(
    client, platform, registered, released, memberships, missing
):
    changes = _with_service(memberships)
    if missing == "service":  # the platform offers no NRPS
        del changes[NRPS]
    elif missing == "course":
        changes["lti_context"] = None
    else:
        changes[NRPS]["context_memberships_url"] = "ftp://lms.example/members"
    _launched(client, platform, released, **changes)
    assert db.session.query(LtiEnrolment).count() == 0
    assert memberships.requests == [] and platform.token_requests == []


def test_the_count_enrolments_command_refreshes_stale_rows(
    app, client, platform, registered, released, memberships
):
    from designer.cli import count_enrolments

    memberships.members = list(MEMBERS)
    _launched(client, platform, released, **_with_service(memberships))
    runner = app.test_cli_runner()
    # Fresh: nothing to ask.
    asked = len(memberships.requests)
    assert runner.invoke(count_enrolments).output.strip() == "counted 0, failed 0"
    assert len(memberships.requests) == asked
    # Stale, and the platform fails: the old count stays.
    _enrolment().counted_at = utcnow() - lti_enrolments.FRESH_FOR - timedelta(minutes=1)
    db.session.commit()
    memberships.status = 503
    assert runner.invoke(count_enrolments).output.strip() == "counted 0, failed 1"
    assert _enrolment().learners == 4
    # The platform answers again, with one learner more.
    memberships.status = 200
    memberships.members.append(_member(9, [LEARNER]))
    assert runner.invoke(count_enrolments).output.strip() == "counted 1, failed 0"
    assert _enrolment().learners == 5
    assert utcnow() - _enrolment().counted_at < timedelta(minutes=1)
    # A paused platform is not asked.
    _enrolment().counted_at = None
    registered.paused = True
    db.session.commit()
    asked = len(memberships.requests)
    assert runner.invoke(count_enrolments).output.strip() == "counted 0, failed 0"
    assert len(memberships.requests) == asked
