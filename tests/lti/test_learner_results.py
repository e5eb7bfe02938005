"""Learner results through the LTI test platform: a launched page reports what the learner
did (as static/js/lti-lms.js sends it), Kurswerk records it per nugget and per question of
the revision the learner was shown, and the design's analysis page shows the numbers,
without naming anyone."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import event

from designer.models import (
    DesignRelease,
    LtiAnswer,
    LtiEnrolment,
    LtiNuggetResult,
    LtiScore,
    Revision,
    db,
)
from designer.services import learner_results, releases
from tests.conftest import PASSWORD
from tests.lti.test_learner_results_query import _second_platform
from tests.lti.test_scores import _results_url, _with_line_item

# The example course in the player: n2 is a page ("Input: Lernzielgruppen im Betrieb"),
# n5 the quiz "Selbsttest: Medien und Methoden" with five questions (n5-q1 … n5-q5), n1 a
# live session (recorded only when the learner confirms it).
PAGE, QUIZ, LIVE = "n2", "n5", "n1"
PAGE_KEY, QUIZ_KEY = "N2", "N5"


@pytest.fixture
def studio(app, workspace):
    """The coordinator, logged in on a client of their own (the LTI client is the LMS's)."""
    studio = app.test_client()
    response = studio.post(
        "/login", data={"email": "coordinator@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    return studio


def _page(studio, design, **query) -> str:
    response = studio.get(f"/designs/{design.id}/analysis", query_string=query)
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def _section(studio, design, **query) -> str:
    """The text of the learner-results section, tags removed, spaces collapsed."""
    page = _page(studio, design, **query)
    start = page.index('id="learner-results"')
    html = page[start : page.index("</section>", start)]
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").split())


def _row(section: str, title: str) -> str:
    """The text from a row's title to the next row of the same table (roughly)."""
    return section[section.index(title) :][:160]


def _released_number() -> int:
    release = db.session.query(DesignRelease).one()
    return db.session.get(Revision, release.revision_id).number


def _answers(rights: list[bool]) -> dict[str, bool]:
    return {f"{QUIZ}-q{n}": right for n, right in enumerate(rights, 1)}


def _report(client, url, body) -> int:
    return client.post(url, json=body).status_code


def test_reports_become_results_per_nugget_and_question(
    client, studio, platform, registered, released
):
    before = _section(studio, released)
    released_text = f"Version {_released_number()} ist für die Durchführung freigegeben"
    assert "Lernergebnisse" in before and released_text in before
    assert "Noch niemand hat dieses Kurskonzept in einem LMS bearbeitet" in before
    url = _results_url(client, platform, released, **_with_line_item(platform))
    body = {
        "units": {
            "start": {"opened": True, "seconds": 20},
            LIVE: {"opened": True, "seconds": 15},
            PAGE: {"opened": True, "seconds": 90},
        }
    }
    assert _report(client, url, body) == 204
    body = {
        "completed": False,
        "percent": None,
        "units": {PAGE: {"seconds": 30, "done": True}, QUIZ: {"opened": True, "seconds": 240}},
    }
    assert _report(client, url, body) == 204
    body = {
        "completed": False,
        "percent": 60,
        "units": {QUIZ: {"seconds": 60, "done": True}},
        "answers": _answers([True, False, True, True, False]),
    }
    assert _report(client, url, body) == 204
    page = db.session.query(LtiNuggetResult).filter_by(nugget_key=PAGE_KEY).one()
    assert (page.launches, page.seconds, page.completed_at is not None) == (1, 120, True)
    quiz = db.session.query(LtiNuggetResult).filter_by(nugget_key=QUIZ_KEY).one()
    assert (quiz.launches, quiz.seconds, quiz.completed_at is not None) == (1, 300, True)
    # The overview is no nugget; the live session is not done in the player.
    assert db.session.query(LtiNuggetResult).count() == 2
    answers = db.session.query(LtiAnswer).order_by(LtiAnswer.question_index).all()
    assert [(a.question_index, a.correct) for a in answers] == [
        (0, True),
        (1, False),
        (2, True),
        (3, True),
        (4, False),
    ]
    release = db.session.query(DesignRelease).one()
    assert {a.revision_id for a in answers} == {release.revision_id}
    # The scores for the gradebook are queued as before: only reports that carry one.
    assert db.session.query(LtiScore).count() == 2

    section = _section(studio, released)
    assert f"Lernende 1 Version {_released_number()} ist" in section
    assert "Nach Lernnugget" in section and "Nach Quizfrage" in section
    row = _row(section, "Input: Lernzielgruppen im Betrieb")
    assert "100 %" in row and "2 min" in row
    assert "5 min" in _row(section, "Selbsttest: Medien und Methoden Medien und Methoden wählen")
    live = _row(section, "Kennenlernen und Erwartungen")
    assert "0 Lernende haben die Teilnahme bestätigt" in live
    question = _row(section, "Ein PDF ersetzt ein gedrucktes Handout")
    assert re.search(r"Handout.*? 1 100 %", question), question
    assert re.search(r"asynchrones Lernen\? 1 0 %", section), section
    assert "Test-LMS 1 nicht gemeldet" in section
    assert "user-7" not in _page(studio, released)  # no learner is named


def test_a_second_report_updates_the_rows(client, studio, platform, registered, released):
    url = _results_url(client, platform, released)
    assert _report(client, url, {"answers": _answers([False] * 5)}) == 204
    assert _report(client, url, {"units": {PAGE: {"opened": True, "seconds": 60}}}) == 204
    assert _report(client, url, {"answers": _answers([True] * 5)}) == 204
    assert _report(client, url, {"units": {PAGE: {"seconds": 60, "done": True}}}) == 204
    # A second launch of the same learner counts as a launch again.
    again = _results_url(client, platform, released)
    assert _report(client, again, {"units": {PAGE: {"opened": True, "seconds": 60}}}) == 204
    [row] = db.session.query(LtiNuggetResult).all()
    assert (row.launches, row.seconds) == (2, 180)
    assert db.session.query(LtiAnswer).count() == 5
    assert all(a.correct for a in db.session.query(LtiAnswer))
    section = _section(studio, released)
    assert re.search(r"Handout.*? 1 100 %", section)
    assert "3 min" in _row(section, "Input: Lernzielgruppen im Betrieb")


def _launched_by(client, platform, design, count):
    return [_results_url(client, platform, design, sub=f"learner-{n}") for n in range(count)]


def test_shares_over_several_learners(client, studio, platform, registered, released):
    urls = _launched_by(client, platform, released, 4)
    for n, url in enumerate(urls):
        units = {PAGE: {"opened": True, "seconds": 120, "done": n < 3}}
        assert _report(client, url, {"units": units, "answers": {f"{QUIZ}-q1": n == 0}}) == 204
    section = _section(studio, released)
    assert "Lernende 4 " in section
    row = _row(section, "Input: Lernzielgruppen im Betrieb")
    assert re.search(r"Betrieb Auftakt: Zielgruppe verstehen 4 4 75 % 2 min", row), row
    assert re.search(r"Handout.*? 4 25 %", section)


def test_answers_to_an_older_revision_are_not_counted(
    client, studio, platform, registered, released, coordinator
):
    old = _results_url(client, platform, released)
    first = _released_number()
    releases.release(coordinator, released, message="Zweite Freigabe")
    db.session.commit()
    new = _results_url(client, platform, released, sub="user-8")
    assert (
        _report(client, old, {"answers": _answers([True] * 5), "units": {QUIZ: {"done": True}}})
        == 204
    )
    assert _released_number() == first + 1
    old_answer = db.session.query(LtiAnswer).first()
    assert old_answer.revision_id != db.session.query(DesignRelease).one().revision_id
    section = _section(studio, released)
    assert f"Version {_released_number()} ist für die Durchführung freigegeben" in section
    # The nugget counts (its key is the same), the old revision's answers do not.
    assert "100 %" in _row(section, "Selbsttest: Medien und Methoden")
    assert re.search(r"Handout.*? 0 –", section), section
    assert _report(client, new, {"answers": {f"{QUIZ}-q1": False}}) == 204
    assert re.search(r"Handout.*? 1 0 %", _section(studio, released))


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"units": {PAGE: {"seconds": 1801}}},  # more than a report may count
        {"units": {PAGE: {"seconds": -1}}},
        {"units": {PAGE: {"seconds": 1.5}}},
        {"units": {PAGE: {"seconds": True}}},
        {"units": {PAGE: {"opened": "yes"}}},
        {"units": {PAGE: {"finished": True}}},  # an unknown field
        {"units": {"n99": {"opened": True}}},  # no such unit in the page
        {"units": {"<script>": {"opened": True}}},
        {"units": [PAGE]},
        {"units": {f"n{n}": {"opened": True} for n in range(1, 102)}},  # too many
        {"answers": {f"{QUIZ}-q9": True}},  # no such question
        {"answers": {f"{PAGE}-q1": True}},  # a page has no questions
        {"answers": {f"{QUIZ}-q1": "right"}},
        {"answers": [True]},
        {"completed": True},  # a score without its percent
        {"percent": 50},
        {"completed": True, "percent": 101, "units": {PAGE: {"opened": True}}},
        {"units": {PAGE: {"opened": True}}, "name": "Anna"},  # an unknown field
        # A valid part does not save the report when another part is malformed.
        {"units": {PAGE: {"opened": True, "done": True}}, "answers": {f"{QUIZ}-q7": True}},
    ],
)
def test_malformed_reports_are_refused_and_nothing_is_kept(
    client, platform, registered, released, body
):
    url = _results_url(client, platform, released, **_with_line_item(platform))
    assert client.post(url, json=body).status_code == 400
    assert db.session.query(LtiNuggetResult).count() == 0
    assert db.session.query(LtiAnswer).count() == 0
    assert db.session.query(LtiScore).count() == 0
    assert platform.scores == []


def test_an_oversized_report_is_refused(client, platform, registered, released):
    url = _results_url(client, platform, released)
    padding = "x" * 40_000
    response = client.post(
        url, data='{"units": {}, "pad": "' + padding + '"}', content_type="application/json"
    )
    assert response.status_code == 400
    assert db.session.query(LtiNuggetResult).count() == 0


def test_a_teachers_trial_is_no_learner_result(client, studio, platform, registered, released):
    teacher = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]
    url = _results_url(client, platform, released, lti_roles=teacher)
    assert _report(client, url, {"units": {"n99": {"opened": True}}}) == 400
    body = {"units": {PAGE: {"opened": True, "done": True}}, "answers": _answers([True] * 5)}
    assert _report(client, url, body) == 204
    assert db.session.query(LtiNuggetResult).count() == 0
    assert db.session.query(LtiAnswer).count() == 0
    assert "Noch niemand hat dieses Kurskonzept" in _section(studio, released)


def test_a_nugget_link_accepts_only_its_own_unit(client, platform, registered, released):
    custom = {"design": str(released.id), "module": "M2", "nugget": QUIZ_KEY}
    url = _results_url(client, platform, released, lti_custom=custom)
    assert _report(client, url, {"units": {PAGE: {"opened": True}}}) == 400
    body = {"units": {QUIZ: {"opened": True, "done": True}}, "answers": {f"{QUIZ}-q2": True}}
    assert _report(client, url, body) == 204
    row = db.session.query(LtiNuggetResult).one()
    assert (row.nugget_key, row.launches) == (QUIZ_KEY, 1)
    assert db.session.query(LtiAnswer).one().question_index == 1


def test_the_player_anchors_map_to_nugget_keys_and_question_positions(released):
    """Question positions are those of the nugget, also where the player leaves out a
    question a learner cannot answer."""
    from dataclasses import replace

    from designer.export.learner.course import course_of
    from designer.queries.read_model import snapshot

    snap = snapshot(released)
    quiz = next(n for n in snap.nuggets if n.key == QUIZ_KEY)
    broken = replace(quiz.questions[0], answers=())  # nothing to choose: left out
    snap = replace(
        snap,
        nuggets=tuple(
            replace(n, questions=(broken, *n.questions[1:])) if n.key == QUIZ_KEY else n
            for n in snap.nuggets
        ),
    )
    units = course_of(snap).units()
    report = learner_results.read_report({"answers": {f"{QUIZ}-q1": True}})
    nuggets, answers = learner_results.activity(units, report)
    assert answers == {(QUIZ_KEY, 1): True}  # the player's first question is the second one


def test_platforms_enrolment_and_filter(client, studio, platform, registered, released, workspace):
    other = _second_platform(workspace)
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
    for url in _launched_by(client, platform, released, 2):
        _report(client, url, {"units": {PAGE: {"opened": True, "seconds": 60}}})
    section = _section(studio, released)
    assert "Test-LMS 2 25" in section and 'name="platform"' in _page(studio, released)
    one = _section(studio, released, platform=registered.id)
    assert "Lernende 2 " in one and "Test-LMS 2 25" in one
    none = _section(studio, released, platform=other.id)
    assert "Lernende 0 " in none
    assert "Von diesem LMS hat noch niemand das Kurskonzept geöffnet" in none
    # Another workspace's LMS (or none) is no filter: every LMS is shown.
    assert "Lernende 2 " in _section(studio, released, platform=999999)


def test_the_filter_is_offered_only_with_several_lms(
    client, studio, platform, registered, released
):
    _report(client, _results_url(client, platform, released), {"units": {PAGE: {"opened": True}}})
    assert 'name="platform"' not in _page(studio, released)


def test_the_empty_state_says_what_to_do(studio, example_design, workspace):
    section = _section(studio, example_design)
    assert "Noch niemand hat dieses Kurskonzept in einem LMS bearbeitet" in section
    page = _page(studio, example_design)
    assert f'href="/designs/{example_design.id}/delivery"' in page
    assert f'href="/w/{workspace.slug}/lti"' in page
    assert "Nach Lernnugget" not in section


def test_a_designer_is_not_sent_to_pages_they_cannot_open(
    app, make_user, workspace, example_design
):
    make_user("designer@example.org", workspace=workspace, role="designer")
    other = app.test_client()
    other.post("/login", data={"email": "designer@example.org", "password": PASSWORD})
    section = _section(other, example_design)
    page = _page(other, example_design)
    assert "Eine Koordinatorin oder ein Koordinator verbindet das LMS" in section
    assert f'href="/w/{workspace.slug}/lti"' not in page


def test_the_page_needs_the_same_statements_however_many_learners(
    app, client, studio, platform, registered, released
):
    def statements() -> int:
        counted = []

        def count(*args):
            counted.append(args[2])

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            _page(studio, released)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(counted)

    _report(client, _results_url(client, platform, released), {"units": {PAGE: {"opened": True}}})
    statements()  # the first page of a session looks up more (the user's settings)
    few = statements()
    for url in _launched_by(client, platform, released, 6):
        _report(client, url, {"units": {PAGE: {"opened": True}}, "answers": _answers([True] * 5)})
    assert "Lernende 7 " in _section(studio, released)
    assert statements() == few


def test_the_section_in_english_with_english_numbers(
    client, studio, platform, registered, released, coordinator
):
    for n, url in enumerate(_launched_by(client, platform, released, 3)):
        units = {PAGE: {"opened": True, "seconds": 1500 + 30 * n, "done": n == 0}}
        _report(client, url, {"units": units})
    coordinator.locale = "en"
    db.session.commit()
    section = _section(studio, released)
    assert "Learner results" in section and "By nugget" in section
    row = _row(section, "Input: Lernzielgruppen im Betrieb")
    assert re.search(r"3 3 33 % 25\.5 min", row), row  # 4590 s / 3 learners
    coordinator.locale = "de"
    db.session.commit()
    assert re.search(r"3 3 33 % 25,5 min", _row(_section(studio, released), "Input: Lern"))
