"""Kurswerk awards a design's badge by itself to a learner of an LTI delivery who met its
criteria (nuggets finished, quizzes passed, live sessions confirmed) as recorded in the
learner results; the credential verifies and validates, a second call issues nothing, a
revoked award is not issued again, and the launched page tells the learner."""

from __future__ import annotations

import json
import re
from datetime import datetime
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from jsonschema import Draft7Validator, Draft201909Validator
from sqlalchemy import event, func, select

from designer.core.badges import criteria
from designer.core.openbadges import identity_hash
from designer.export.badges import OB2_KEYWORD, OB3_KEYWORD, baked
from designer.models import (
    BadgeAward,
    IssuerKey,
    LtiAnswer,
    LtiLearner,
    LtiNuggetResult,
    Nugget,
    db,
)
from designer.queries import lti as lti_queries
from designer.services import badges as badge_service
from designer.services import earning, issuing, releases
from tests.lti.test_launch import _launch

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "openbadges"
OB3_SCHEMA = json.loads((SCHEMAS / "ob_v3p0_achievementcredential_schema.json").read_text())
OB2_SCHEMA = json.loads(
    (SCHEMAS / "imsob_v2p1v2p1-postassertion-requestpayload-schemav1p0.json").read_text()
)
EARNED = "Sie haben das Badge „Lernmedien-Profi“ erworben."


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _errors(validator_class, schema: dict, document: dict) -> list[str]:
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture
def badged(example_design, coordinator):
    """The example design with a badge, released for delivery with it."""
    badge_service.save_badge(
        coordinator, example_design, "Lernmedien-Profi", "Plant Lernmedien.", "shield", "teal"
    )
    releases.release(coordinator, example_design, message="Freigabe mit Badge")
    db.session.commit()
    return example_design


@pytest.fixture
def context(app):
    return issuing.Issuing("http://localhost", app.config["SECRET_KEY"])


def _learner(client, platform, design, **claims) -> LtiLearner:
    response = _launch(client, platform, design, **claims)
    assert response.status_code == 200, response.get_data(as_text=True)
    sub = claims.get("sub", "user-7")
    return db.session.scalar(select(LtiLearner).where(LtiLearner.sub == sub))


def _record(learner, design, *, skip: str = "", right: int | None = None):
    """Results as the launched page records them: every criterion nugget finished
    (except `skip`), and `right` of each quiz's questions answered right (all by default)."""
    revision = lti_queries.release_of(design)[1]
    snap = lti_queries.released_snapshot(design)
    found = criteria(snap)
    for placed in (*found.complete, *found.live, *(q.placed for q in found.quizzes)):
        key = placed.nugget.key
        done = datetime(2026, 11, 30, 9) if key != skip else None
        db.session.add(
            LtiNuggetResult(
                learner_id=learner.id,
                design_id=design.id,
                nugget_key=key,
                launches=1,
                seconds=60,
                completed_at=done,
            )
        )
    for quiz in found.quizzes:
        questions = quiz.placed.nugget.questions
        for index in range(len(questions)):
            db.session.add(
                LtiAnswer(
                    learner_id=learner.id,
                    design_id=design.id,
                    revision_id=revision.id,
                    nugget_key=quiz.placed.nugget.key,
                    question_index=index,
                    correct=index < (len(questions) if right is None else right),
                )
            )
    db.session.commit()


def _awards() -> int:
    return db.session.scalar(select(func.count(BadgeAward.id)))


def test_a_learner_who_met_the_criteria_gets_a_verifiable_badge(
    app, client, platform, registered, badged, context
):
    learner = _learner(client, platform, badged)
    assert EARNED not in _text(_launch(client, platform, badged).get_data(as_text=True))
    _record(learner, badged)

    award = earning.issue_earned(learner, badged.id, context)
    db.session.commit()
    assert award is not None and _awards() == 1
    assert (award.lti_learner_id, award.lti_platform, award.awarded_by_id) == (
        learner.id,
        "Test-LMS",
        None,
    )
    assert award.recipient_email == "" and award.recipient_name == ""

    # The credential validates against the Open Badges 3.0 schema, as stored and as signed,
    # and names the learner only by salted hashes of their LTI user id and platform.
    assert _errors(Draft201909Validator, OB3_SCHEMA, award.data) == []
    key = db.session.scalar(select(IssuerKey))
    claims = issuing.verified_claims(award.credential, key.public_jwk)
    assert claims is not None and _errors(Draft201909Validator, OB3_SCHEMA, claims) == []
    identifiers = {i["identityType"]: i for i in claims["credentialSubject"]["identifier"]}
    assert set(identifiers) == {"ltiUserId", "ltiPlatformId"}
    salt = award.salt
    assert identifiers["ltiUserId"]["identityHash"] == identity_hash("user-7", salt)
    assert identifiers["ltiPlatformId"]["identityHash"] == identity_hash(platform.base, salt)
    assert "user-7" not in award.credential and platform.base not in json.dumps(award.data)
    narrative = claims["credentialSubject"]["achievement"]["criteria"]["narrative"]
    assert "mit mindestens 80 % richtigen Antworten bestehen" in narrative

    visitor = app.test_client()
    page = _text(visitor.get(f"/awards/{award.public_id}").get_data(as_text=True))
    assert "Gültig: Dieses Badge hat Akademie Nord vergeben" in page
    assert "Eine lernende Person (automatisch vergeben" in page
    assert "Nachweis (Open Badges 3.0, VC-JWT)" in page
    assert "Bestätigung (Open Badges 2.0)" not in page  # 2.0 names no pseudonymous recipient
    assert visitor.get(f"/awards/{award.public_id}/assertion").status_code == 404
    png = visitor.get(f"/awards/{award.public_id}/badge.png").data
    assert baked(png, OB3_KEYWORD) == award.credential and baked(png, OB2_KEYWORD) is None

    # The launched page tells the learner, with the verification page and the downloads.
    launched = _launch(client, platform, badged).get_data(as_text=True)
    assert EARNED in _text(launched)
    assert f'href="/awards/{award.public_id}" target="_blank"' in launched
    assert f"/awards/{award.public_id}/credential.jwt" in launched
    assert f"/awards/{award.public_id}/badge.png" in launched
    assert f"/awards/{award.public_id}/assertion" not in launched

    # A second call issues nothing, after two look-ups (the badge, the learner's award).
    statements = []

    def count(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        assert earning.issue_earned(learner, badged.id, context) is None
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 2, statements
    db.session.commit()
    assert _awards() == 1


def test_another_learner_on_the_same_page_sees_no_badge(
    client, platform, registered, badged, context
):
    learner = _learner(client, platform, badged)
    _record(learner, badged)
    assert earning.issue_earned(learner, badged.id, context) is not None
    db.session.commit()
    other = _launch(client, platform, badged, sub="user-8").get_data(as_text=True)
    assert "kw-earned" not in other and EARNED not in _text(other)


def test_one_nugget_missing_issues_nothing(client, platform, registered, badged, context):
    learner = _learner(client, platform, badged)
    _record(learner, badged, skip="N7")  # a live session the learner did not confirm
    assert earning.issue_earned(learner, badged.id, context) is None
    db.session.commit()
    assert _awards() == 0
    assert EARNED not in _text(_launch(client, platform, badged).get_data(as_text=True))


def test_a_quiz_below_the_pass_mark_issues_nothing(client, platform, registered, badged, context):
    learner = _learner(client, platform, badged)
    _record(learner, badged, right=3)  # 3 of 5 = 60 % < 80 %
    assert earning.issue_earned(learner, badged.id, context) is None
    assert _awards() == 0
    # One more right answer reaches the pass mark exactly: 4 of 5 = 80 %.
    answer = db.session.scalar(select(LtiAnswer).where(LtiAnswer.question_index == 3))
    answer.correct = True
    db.session.commit()
    assert earning.issue_earned(learner, badged.id, context) is not None


def test_answers_to_another_revision_do_not_count(
    client, platform, registered, badged, coordinator, context
):
    learner = _learner(client, platform, badged)
    _record(learner, badged)
    releases.release(coordinator, badged, message="Neue Fassung")  # answers were to the old
    db.session.commit()
    assert earning.issue_earned(learner, badged.id, context) is None
    assert _awards() == 0


def test_a_badge_given_after_the_release_or_removed_issues_nothing(
    client, platform, registered, example_design, coordinator, context
):
    releases.release(coordinator, example_design, message="ohne Badge")
    db.session.commit()
    learner = _learner(client, platform, example_design)
    _record(learner, example_design)
    assert earning.issue_earned(learner, example_design.id, context) is None  # no badge at all
    badge_service.save_badge(coordinator, example_design, "Später", "", "circle", "blue")
    db.session.commit()
    assert earning.issue_earned(learner, example_design.id, context) is None  # not released
    releases.release(coordinator, example_design, message="mit Badge")
    db.session.commit()
    _record_answers_again(learner, example_design)
    badge_service.remove_badge(coordinator, example_design)
    db.session.commit()
    assert earning.issue_earned(learner, example_design.id, context) is None  # removed
    assert _awards() == 0


def _record_answers_again(learner, design):
    """The learner answers the quiz of the new release too."""
    db.session.execute(LtiAnswer.__table__.delete())
    db.session.execute(LtiNuggetResult.__table__.delete())
    db.session.commit()
    _record(learner, design)


def test_a_revoked_award_is_not_issued_again(
    app, client, login, platform, registered, badged, coordinator, context
):
    lms = app.test_client()  # the learner's browser; `client` is the coordinator's
    learner = _learner(lms, platform, badged)
    _record(learner, badged)
    award = earning.issue_earned(learner, badged.id, context)
    db.session.commit()

    # Coordinators see it among the awards, marked as automatic, and revoke it.
    login(coordinator)
    listed = _text(client.get(f"/designs/{badged.id}/badge/awards").get_data(as_text=True))
    assert "Automatisch vergeben · LMS: Test-LMS · pseudonyme lernende Person" in listed
    assert "1 Vergabe" in listed and "Vergabe widerrufen" in listed
    url = f"/designs/{badged.id}/badge/awards/{award.public_id}/revoke"
    assert client.post(url, data={"reason": "Nicht selbst bearbeitet"}).status_code == 302
    listed = _text(client.get(f"/designs/{badged.id}/badge/awards").get_data(as_text=True))
    assert "Grund: Nicht selbst bearbeitet" in listed

    page = _text(app.test_client().get(f"/awards/{award.public_id}").get_data(as_text=True))
    assert "Widerrufen am" in page and "Grund: Nicht selbst bearbeitet" in page
    assert earning.issue_earned(learner, badged.id, context) is None
    db.session.commit()
    assert _awards() == 1
    launched = _text(_launch(lms, platform, badged).get_data(as_text=True))
    assert "Ihr Badge „Lernmedien-Profi“ wurde widerrufen." in launched
    assert EARNED not in launched


def test_a_learner_whose_lms_sent_an_address_gets_both_versions(
    app, client, platform, registered, badged, context
):
    learner = _learner(client, platform, badged, email="lea@example.org")
    _record(learner, badged)
    award = earning.issue_earned(learner, badged.id, context)
    db.session.commit()
    assert award.recipient_email == "lea@example.org"
    (identifier,) = award.data["credentialSubject"]["identifier"]
    assert identifier["identityType"] == "emailAddress"
    assert _errors(Draft201909Validator, OB3_SCHEMA, award.data) == []
    visitor = app.test_client()
    assertion = json.loads(visitor.get(f"/awards/{award.public_id}/assertion").data)
    assert _errors(Draft7Validator, OB2_SCHEMA, {"assertion": assertion}) == []
    assert assertion["recipient"]["type"] == "email"
    launched = _launch(client, platform, badged, email="lea@example.org").get_data(as_text=True)
    assert EARNED in _text(launched)
    assert f"/awards/{award.public_id}/assertion" in launched
    page = visitor.get(f"/awards/{award.public_id}").get_data(as_text=True)
    assert "lea@example.org" not in page, page[page.find("lea@") - 300 : page.find("lea@") + 50]
    assert "Bestätigung (Open Badges 2.0)" in page


def test_a_second_report_at_the_same_time_issues_nothing(
    client, platform, registered, badged, context, monkeypatch
):
    """Two reports of the same learner at once: the second finds no award yet, and the
    database's one-award-per-learner-and-badge rule stops it without losing the first."""
    learner = _learner(client, platform, badged)
    _record(learner, badged)
    first = earning.issue_earned(learner, badged.id, context)
    monkeypatch.setattr(earning, "_held", lambda badge_id, learner: False)
    assert earning.issue_earned(learner, badged.id, context) is None
    db.session.commit()
    assert db.session.scalars(select(BadgeAward.public_id)).all() == [first.public_id]


def test_learners_confirm_live_sessions_and_work_outside_the_page(
    app, client, login, coordinator, platform, registered, badged
):
    """On a launched page the parts that happen outside it have a button, so that what a
    badge's criteria ask can be recorded; the in-app preview (and SCORM) stay as they are."""
    launched = _launch(client, platform, badged).get_data(as_text=True)
    live = re.search(r'<section id="n1".*?</section>', launched, re.S).group(0)  # live online
    workplace = re.search(r'<section id="n3".*?</section>', launched, re.S).group(0)
    assert 'data-kw-task="n1"' in live and "Ich habe teilgenommen" in live
    assert 'data-kw-task="n3"' in workplace and "Als erledigt markieren" in workplace
    assert 'data-kw-state="n1"' in launched  # the navigation shows its state too

    login(coordinator)
    preview = client.get(f"/designs/{badged.id}/preview").get_data(as_text=True)
    assert 'id="n1"' in preview and 'data-kw-task="n1"' not in preview
    assert "Ich habe teilgenommen" not in preview and 'data-kw-state="n1"' not in preview


def _results_url(page: str) -> str:
    """The address the launched page reports to (lti-lms.js's `results` parameter)."""
    source = unescape(re.search(r'src="([^"]*lti-lms\.js[^"]*)"', page).group(1))
    return parse_qs(urlparse(source).query)["results"][0]


def test_the_launched_pages_reports_earn_the_badge(
    client, login, coordinator, platform, registered, badged
):
    """End to end: the page reports every unit done (live sessions and work at the
    workplace confirmed) and the quiz answered; the report that completes the criteria
    makes the award, and the next launch shows it."""
    url = _results_url(_launch(client, platform, badged).get_data(as_text=True))
    units = {f"n{i}": {"opened": True, "seconds": 30, "done": True} for i in range(1, 12)}
    units["n7"] = {"opened": True, "seconds": 5}  # a live session, not confirmed yet
    answers = {f"n5-q{i}": True for i in range(1, 6)}
    report = {"units": units, "answers": answers, "completed": False, "percent": 100}
    assert client.post(url, json=report).status_code == 204
    assert _awards() == 0
    # Opening a live session without confirming it leaves no row to read as unfinished.
    kept = select(LtiNuggetResult.nugget_key).where(LtiNuggetResult.completed_at.is_not(None))
    assert "N7" not in db.session.scalars(kept).all()
    assert db.session.scalar(select(func.count()).where(LtiNuggetResult.nugget_key == "N7")) == 0

    assert client.post(url, json={"units": {"n7": {"done": True}}}).status_code == 204
    assert _awards() == 1
    assert client.post(url, json={"units": {"n7": {"done": True}}}).status_code == 204
    assert _awards() == 1
    assert EARNED in _text(_launch(client, platform, badged).get_data(as_text=True))
    # The design's analysis counts the confirmed live session.
    login(coordinator)
    page = client.get(f"/designs/{badged.id}/analysis").get_data(as_text=True)
    results = _text(page[page.index('id="learner-results"') :])
    live = results[results.index(db.session.get(Nugget, 7).title) :][:200]
    assert "1 lernende Person hat die Teilnahme bestätigt" in live
