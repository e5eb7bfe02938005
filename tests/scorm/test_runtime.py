"""Exported SCOs running against a real SCORM runtime (scorm-again) in Chromium."""

from __future__ import annotations

import dataclasses
import re
from contextlib import ExitStack

import pytest

from designer.core.snapshot import DesignSnapshot
from tests.scorm.helpers import VERSIONS, example, export, without_online
from tests.scorm.lms import Session, TestLms, serve

pytestmark = pytest.mark.e2e

PER_NUGGET = {"packaging": "per_nugget"}
PAGE = "Das SAMR-Modell"
QUIZ = "Selbsttest: Medien und Methoden"
TIMESPAN_12 = re.compile(r"^\d{4}:\d{2}:\d{2}\.\d{2}$")
DURATION_2004 = re.compile(r"^PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S$")


@pytest.fixture
def lms_for(page, tmp_path):
    """Serve a package and return a TestLms for it (one server per call)."""
    with ExitStack() as stack:

        def start(snap: DesignSnapshot, version: str, options: dict[str, str] | None = None):
            package = export(snap, version, PER_NUGGET if options is None else options)
            base = stack.enter_context(serve(package, tmp_path / f"site-{id(package)}"))
            return TestLms(page, base, package, version)

        yield start


def assert_clean_session(session: Session, version: str) -> None:
    """One initialise, a commit before the one finish, every call accepted."""
    init, commit, finish = (
        ("LMSInitialize", "LMSCommit", "LMSFinish")
        if version == "scorm12"
        else ("Initialize", "Commit", "Terminate")
    )
    sequence = session.names(init, commit, finish)
    assert sequence.count(init) == 1
    assert sequence[0] == init
    assert sequence.count(finish) == 1
    assert sequence[-1] == finish
    assert sequence[-2] == commit
    attempts = [r["name"] for r in session.results]
    assert attempts.count(init) == 1 and attempts.count(finish) == 1
    failing = [r for r in session.results if r["error"] != "0"]
    assert failing == []
    assert all(r["returned"] == "true" for r in session.results if "GetValue" not in r["name"])


def status(session: Session, version: str) -> dict[str, str]:
    v = session.values
    if version == "scorm12":
        return {"status": v.get("cmi.core.lesson_status", ""), "time": v["cmi.core.session_time"]}
    return {
        "completion": v.get("cmi.completion_status", ""),
        "success": v.get("cmi.success_status", ""),
        "time": v["cmi.session_time"],
    }


def assert_session_time(session: Session, version: str) -> None:
    pattern = TIMESPAN_12 if version == "scorm12" else DURATION_2004
    assert pattern.match(status(session, version)["time"])


@pytest.mark.parametrize("version", VERSIONS)
def test_page_is_completed_only_after_mark_as_done(lms_for, version):
    lms = lms_for(example(), version)
    frame = lms.launch(PAGE)
    button = frame.get_by_role("button", name="Als erledigt markieren")
    button.wait_for()
    before = lms.state()
    assert "completed" not in before.values.values()
    assert before.names("LMSCommit", "Commit") == []

    button.click()
    session = lms.leave()

    assert_clean_session(session, version)
    assert_session_time(session, version)
    if version == "scorm12":
        assert session.values["cmi.core.lesson_status"] == "completed"
        assert session.values["cmi.core.exit"] == ""
        assert lms.page.evaluate("window.API.cmi.core.lesson_status") == "completed"
    else:
        assert session.values["cmi.completion_status"] == "completed"
        assert "cmi.success_status" not in session.values
        assert lms.page.evaluate("window.API_1484_11.cmi.completion_status") == "completed"


@pytest.mark.parametrize("version", VERSIONS)
def test_page_left_undone_stays_incomplete(lms_for, version):
    lms = lms_for(example(), version)
    lms.launch(PAGE).get_by_role("button", name="Als erledigt markieren").wait_for()
    session = lms.leave()

    assert_clean_session(session, version)
    if version == "scorm12":
        assert session.values["cmi.core.lesson_status"] == "incomplete"
        assert session.values["cmi.core.exit"] == "suspend"
    else:
        assert session.values["cmi.completion_status"] == "incomplete"
        assert session.values["cmi.exit"] == "suspend"


def answer(frame, right: bool) -> None:
    frame.get_by_label("Substitution").check()
    frame.get_by_label("Lernvideo").check()
    frame.get_by_label("Forum").check()
    frame.get_by_label("Falsch" if right else "Wahr").check()
    if not right:
        frame.get_by_label("Live-Webinar").check()
    frame.get_by_role("button", name="Antworten prüfen").click()


@pytest.mark.parametrize("version", VERSIONS)
def test_quiz_answered_right_passes(lms_for, version):
    lms = lms_for(example(), version)
    frame = lms.launch(QUIZ)
    answer(frame, right=True)
    assert "3 von 3 Fragen richtig" in frame.locator(".kw-result").inner_text()
    session = lms.leave()

    assert_clean_session(session, version)
    assert_session_time(session, version)
    v = session.values
    if version == "scorm12":
        assert v["cmi.core.lesson_status"] == "passed"
        # In percent: Moodle compares score.raw with the mastery score when the SCO finishes.
        assert (v["cmi.core.score.raw"], v["cmi.core.score.min"], v["cmi.core.score.max"]) == (
            "100",
            "0",
            "100",
        )
    else:
        assert (v["cmi.completion_status"], v["cmi.success_status"]) == ("completed", "passed")
        # In percent, as Moodle's gradebook takes score.raw as the grade out of 100.
        assert (v["cmi.score.raw"], v["cmi.score.min"], v["cmi.score.max"]) == ("100", "0", "100")
        assert float(v["cmi.score.scaled"]) == 1.0


@pytest.mark.parametrize("version", VERSIONS)
def test_quiz_answered_wrong_fails_with_feedback(lms_for, version):
    lms = lms_for(example(), version)
    frame = lms.launch(QUIZ)
    answer(frame, right=False)
    assert frame.get_by_text("Zu viele Reize können überfordern.").is_visible()
    assert "1 von 3 Fragen richtig" in frame.locator(".kw-result").inner_text()
    session = lms.leave()

    assert_clean_session(session, version)
    v = session.values
    if version == "scorm12":
        assert v["cmi.core.lesson_status"] == "failed"
        assert v["cmi.core.score.raw"] == "33.33"
    else:
        assert (v["cmi.completion_status"], v["cmi.success_status"]) == ("completed", "failed")
        assert v["cmi.score.raw"] == "33.33"
        assert float(v["cmi.score.scaled"]) == pytest.approx(1 / 3, abs=1e-4)


def with_pass_marks(snap: DesignSnapshot, design: int, quiz: int | None = None) -> DesignSnapshot:
    """The example with the design's pass mark and the quiz nugget's own one set."""
    nuggets = tuple(
        dataclasses.replace(n, pass_mark_percent=quiz) if n.title == QUIZ else n
        for n in snap.nuggets
    )
    grobkonzept = dataclasses.replace(snap.grobkonzept, pass_mark_percent=design)
    return dataclasses.replace(snap, grobkonzept=grobkonzept, nuggets=nuggets)


def two_of_three(frame) -> None:
    frame.get_by_label("Substitution").check()
    frame.get_by_label("Lernvideo").check()
    frame.get_by_label("Forum").check()
    frame.get_by_label("Wahr").check()
    frame.get_by_role("button", name="Antworten prüfen").click()


@pytest.mark.parametrize(
    ("design", "quiz", "success"),
    [(60, None, "passed"), (80, None, "failed"), (80, 60, "passed"), (60, 70, "failed")],
)
@pytest.mark.parametrize("version", VERSIONS)
def test_two_of_three_pass_by_the_pass_mark_of_design_or_quiz(
    lms_for, version, design, quiz, success
):
    """67 % right: passed where the quiz's pass mark (its own, else the design's) allows."""
    lms = lms_for(with_pass_marks(example(), design, quiz), version)
    frame = lms.launch(QUIZ)
    mark = quiz or design
    assert f"ab {mark} % richtigen Antworten" in frame.locator(".kw-mastery").inner_text()
    two_of_three(frame)
    session = lms.leave()
    v = session.values
    if version == "scorm12":
        assert (v["cmi.core.lesson_status"], v["cmi.core.score.raw"]) == (success, "66.67")
    else:
        assert (v["cmi.success_status"], v["cmi.score.raw"]) == (success, "66.67")


@pytest.mark.parametrize(
    ("version", "element", "value"),
    [
        ("scorm12", "cmi.student_data.mastery_score", "30"),
        ("scorm2004", "cmi.scaled_passing_score", "0.3"),
    ],
)
def test_pass_mark_set_in_the_lms_wins(lms_for, version, element, value):
    lms = lms_for(example(), version)
    answer(lms.launch(QUIZ, resume={element: value}), right=False)
    session = lms.leave()
    key = "cmi.core.lesson_status" if version == "scorm12" else "cmi.success_status"
    assert session.values[key] == "passed"


@pytest.mark.parametrize("version", VERSIONS)
def test_quiz_resumes_from_suspend_data(lms_for, version):
    lms = lms_for(example(), version)
    answer(lms.launch(QUIZ), right=True)
    first = lms.leave()
    location = "cmi.core.lesson_location" if version == "scorm12" else "cmi.location"
    assert first.values[location] == "n5"
    entry = "cmi.core.entry" if version == "scorm12" else "cmi.entry"
    resume = {
        "cmi.suspend_data": first.values["cmi.suspend_data"],
        location: first.values[location],
        entry: "resume",
    }

    frame = lms.launch(QUIZ, resume=resume)
    frame.locator(".kw-result").get_by_text("3 von 3").wait_for()
    assert frame.get_by_label("Substitution").is_checked()
    assert not frame.get_by_label("Wahr").is_checked()
    session = lms.leave()
    assert_clean_session(session, version)


@pytest.mark.parametrize("version", VERSIONS)
def test_start_page_of_a_design_without_online_nuggets(lms_for, version):
    lms = lms_for(without_online(example()), version)
    frame = lms.launch("Überblick")
    frame.get_by_role("heading", name="Lernziele").wait_for()
    frame.get_by_role("button", name="Überblick gelesen").click()
    session = lms.leave()

    assert_clean_session(session, version)
    key = "cmi.core.lesson_status" if version == "scorm12" else "cmi.completion_status"
    assert session.values[key] == "completed"


def test_pages_work_with_the_keyboard(page, tmp_path):
    with serve(export(example(), "scorm12", PER_NUGGET), tmp_path) as base:
        page.goto(f"{base}/pkg/start.html")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Zum Inhalt springen"
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "BUTTON":
                break
        assert page.evaluate("document.activeElement.textContent") == "Überblick gelesen"
        page.keyboard.press("Enter")
        assert page.locator(".kw-status").inner_text() == "Erledigt"
