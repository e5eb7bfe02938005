"""The course player of the default package (one SCO holding the whole course) against a
real SCORM runtime (scorm-again) in Chromium: navigation across nuggets in one visit, the
results of several quizzes in cmi.objectives and cmi.interactions, resume after closing
and reopening. Values are read back from scorm-again's API object."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from designer.core.snapshot import DesignSnapshot
from tests.scorm.helpers import SECOND_QUIZ, VERSIONS, example, export, with_second_quiz
from tests.scorm.lms import TestLms, serve
from tests.scorm.test_runtime import answer, assert_clean_session

pytestmark = pytest.mark.e2e

COURSE = example().title
QUIZ = "Selbsttest: Medien und Methoden"
CONTENT = (
    "Input: Lernzielgruppen im Betrieb",
    "Das SAMR-Modell",
    "Austausch: Medienwahl begründen",
)
LINK = "Hilfe zur Lernplattform"


@pytest.fixture
def player(page, tmp_path):
    """Serve the default package of a design and return a TestLms for it."""
    with ExitStack() as stack:

        def start(version: str, snap: DesignSnapshot | None = None) -> TestLms:
            package = export(snap or with_second_quiz(example()), version)
            base = stack.enter_context(serve(package, tmp_path / f"site-{id(package)}"))
            return TestLms(page, base, package, version)

        yield start


def go(frame, title: str) -> None:
    """Open a unit from the course navigation (behind the menu button on narrow screens)."""
    menu = frame.locator(".kw-menu")
    if menu.is_visible():
        menu.click()
    frame.locator(".kw-nav").get_by_role("link", name=title).click()
    frame.get_by_role("heading", level=2, name=title).wait_for()


def second_quiz(frame, right_pairs: bool, text: str) -> None:
    frame = frame.locator("#n9")
    frame.get_by_label("Forum").select_option("Austausch")
    frame.get_by_label("Test", exact=True).select_option("Wissen prüfen")
    frame.get_by_label("Aufgabe").select_option("Abgabe" if right_pairs else "Live-Chat")
    frame.get_by_label("Ihre Antwort").fill(text)
    frame.get_by_role("button", name="Antworten prüfen").click()


def entries(found: dict | list) -> list[dict]:
    """The entries of a list in the data model (scorm-again renders them as an object)."""
    if isinstance(found, dict):
        return [found[k] for k in sorted(found, key=int) if k.isdigit()]
    return found


def objectives(cmi: dict) -> dict[str, dict]:
    return {o["id"]: o for o in entries(cmi["objectives"])}


def interactions(cmi: dict) -> list[dict]:
    return entries(cmi["interactions"])


def data_model(lms: TestLms) -> dict:
    cmi = lms.cmi()
    return cmi.get("cmi", cmi)


@pytest.mark.parametrize("version", VERSIONS)
def test_learner_moves_across_nuggets_in_one_visit(player, version):
    lms = player(version)
    frame = lms.launch(COURSE)
    frame.get_by_role("heading", level=2, name="Überblick").wait_for()
    assert frame.locator(".kw-progress-text").inner_text() == "0 von 7 erledigt"
    frame.get_by_role("button", name="Überblick gelesen").click()
    frame.get_by_role("link", name="Weiter: Kennenlernen und Erwartungen").click()
    frame.get_by_role("heading", level=2, name="Kennenlernen und Erwartungen").wait_for()
    assert not frame.get_by_role("heading", level=2, name="Überblick").is_visible()
    assert frame.get_by_text("wird noch bekannt gegeben").first.is_visible()

    go(frame, "Das SAMR-Modell")
    frame.locator("#n4").get_by_role("button", name="Als erledigt markieren").click()
    go(frame, LINK)

    assert frame.locator(".kw-progress-text").inner_text() == "2 von 7 erledigt"
    done = frame.locator(".kw-nav").get_by_role("link", name="Das SAMR-Modell (erledigt)")
    assert "kw-is-done" in done.get_attribute("class")
    open_ = frame.locator(".kw-nav").get_by_role("link", name=f"{LINK} (offen)")
    assert open_.get_attribute("aria-current") == "step"
    inits = "LMSInitialize" if version == "scorm12" else "Initialize"
    assert lms.state().names(inits, "LMSFinish", "Terminate") == [inits]

    cmi = data_model(lms)
    found = objectives(cmi)
    assert set(found) == {"start", "n4"}
    if version == "scorm12":
        assert cmi["core"]["lesson_location"] == "n10"
        assert found["n4"]["status"] == "completed"
    else:
        assert cmi["location"] == "n10"
        assert found["n4"]["completion_status"] == "completed"
        assert found["n4"]["description"] == "Das SAMR-Modell"
    session = lms.leave()
    assert_clean_session(session, version)
    key = "cmi.core.lesson_status" if version == "scorm12" else "cmi.completion_status"
    assert session.values[key] == "incomplete"


@pytest.mark.parametrize("version", VERSIONS)
def test_results_of_several_quizzes_are_recorded(player, version):
    lms = player(version)
    frame = lms.launch(COURSE)
    go(frame, QUIZ)
    answer(frame.locator("#n5"), right=True)
    go(frame, SECOND_QUIZ)
    second_quiz(frame, right_pairs=False, text="  moodle ")
    result = frame.locator("form[data-kw-quiz='n9'] .kw-result").inner_text()
    assert result.startswith("1 von 2 Fragen richtig (50 %). Bestanden.")
    assert frame.get_by_text("Genau: Moodle.").is_visible()
    assert frame.locator("#n9-q1 .kw-pair.kw-wrong").count() == 1

    cmi = data_model(lms)
    found = objectives(cmi)
    records = interactions(cmi)
    assert [i["id"] for i in records] == ["n5-q1", "n5-q2", "n5-q3", "n9-q1", "n9-q2"]
    assert [i["type"] for i in records] == ["choice"] * 3 + ["matching", "fill-in"]
    if version == "scorm12":
        assert (found["n5"]["status"], found["n9"]["status"]) == ("passed", "passed")
        assert (found["n9"]["score"]["raw"], found["n9"]["score"]["max"]) == ("1", "2")
        assert [i["result"] for i in records] == ["correct"] * 3 + ["wrong", "correct"]
        assert records[3]["student_response"] == "a.b,b.d,c.c"
        assert records[4]["student_response"] == "moodle"
        assert cmi["core"]["lesson_status"] == "incomplete"
        assert cmi["core"]["score"]["raw"] == "80"
    else:
        assert found["n5"]["success_status"] == "passed"
        assert float(found["n5"]["score"]["scaled"]) == 1
        assert found["n9"]["success_status"] == "passed"
        assert (found["n9"]["score"]["raw"], found["n9"]["score"]["max"]) == ("1", "2")
        assert [i["result"] for i in records] == ["correct"] * 3 + ["incorrect", "correct"]
        assert records[3]["learner_response"] == "a[.]b[,]b[.]d[,]c[.]c"
        assert records[4]["learner_response"] == "moodle"
        patterns = [p["pattern"] for p in entries(records[4]["correct_responses"])]
        assert patterns == ["{case_matters=false}Moodle", "{case_matters=false}Moodle 4.5"]
        assert [o["id"] for o in entries(records[3]["objectives"])] == ["n9"]
        assert cmi["completion_status"] == "incomplete"
        assert cmi["success_status"] == "passed"  # each quiz by its own pass mark
        assert (cmi["score"]["raw"], cmi["score"]["max"]) == ("80", "100")

    for title in ("Überblick", *CONTENT, LINK):
        go(frame, title)
        frame.locator(".kw-current button.kw-done").click()
    assert frame.locator(".kw-progress-text").inner_text() == "7 von 7 erledigt"
    session = lms.leave()
    assert_clean_session(session, version)
    if version == "scorm12":
        assert session.values["cmi.core.lesson_status"] == "passed"
    else:
        assert session.values["cmi.completion_status"] == "completed"
        assert session.values["cmi.success_status"] == "passed"


@pytest.mark.parametrize("version", VERSIONS)
def test_a_failed_quiz_fails_the_course_once_every_quiz_is_answered(player, version):
    lms = player(version)
    frame = lms.launch(COURSE)
    go(frame, SECOND_QUIZ)
    second_quiz(frame, right_pairs=False, text="Ilias")
    cmi = data_model(lms)
    score = cmi["core"]["score"]["raw"] if version == "scorm12" else cmi["score"]["raw"]
    assert score == ""  # the first quiz is not answered yet: no course score
    go(frame, QUIZ)
    answer(frame.locator("#n5"), right=True)
    cmi = data_model(lms)
    if version == "scorm12":
        assert cmi["core"]["score"]["raw"] == "60"
        assert objectives(cmi)["n9"]["status"] == "failed"
    else:
        assert cmi["success_status"] == "failed"
        assert cmi["score"]["raw"] == "60"
        assert objectives(cmi)["n9"]["success_status"] == "failed"


@pytest.mark.parametrize("version", VERSIONS)
def test_learner_resumes_after_closing_and_reopening(player, version):
    lms = player(version)
    frame = lms.launch(COURSE)
    frame.get_by_role("button", name="Überblick gelesen").click()
    go(frame, QUIZ)
    answer(frame.locator("#n5"), right=True)
    go(frame, SECOND_QUIZ)
    first = lms.leave()
    assert_clean_session(first, version)
    stored = {k: v for k, v in lms.stored().items() if "exit" not in k and "session_time" not in k}
    entry = "cmi.core.entry" if version == "scorm12" else "cmi.entry"

    frame = lms.launch(COURSE, resume={**stored, entry: "resume"})
    frame.get_by_role("heading", level=2, name=SECOND_QUIZ).wait_for()
    assert frame.locator(".kw-progress-text").inner_text() == "2 von 7 erledigt"
    go(frame, QUIZ)
    assert frame.locator("#n5").get_by_label("Substitution").is_checked()
    assert frame.locator("form[data-kw-quiz='n5'] .kw-result").inner_text().startswith("3 von 3")
    go(frame, SECOND_QUIZ)
    second_quiz(frame, right_pairs=True, text="Moodle")
    cmi = data_model(lms)
    found = objectives(cmi)
    assert sorted(found) == ["n5", "n9", "start"]
    records = interactions(cmi)
    ids = [i["id"] for i in records]
    if version == "scorm2004":
        assert ids == ["n5-q1", "n5-q2", "n5-q3", "n9-q1", "n9-q2"]
        assert cmi["score"]["raw"] == "100"
    else:
        assert ids[-2:] == ["n9-q1", "n9-q2"]
        assert cmi["core"]["score"]["raw"] == "100"
    assert_clean_session(lms.leave(), version)


@pytest.mark.parametrize("version", VERSIONS)
def test_an_attempt_opened_for_review_shows_the_answers(player, version):
    lms = player(version)
    frame = lms.launch(COURSE)
    go(frame, QUIZ)
    answer(frame.locator("#n5"), right=True)
    lms.leave()
    stored = {k: v for k, v in lms.stored().items() if "exit" not in k and "session_time" not in k}
    mode = "cmi.core.lesson_mode" if version == "scorm12" else "cmi.mode"

    frame = lms.launch(COURSE, resume={**stored, mode: "review"})
    frame.get_by_role("heading", level=2, name=QUIZ).wait_for()
    assert frame.locator("#n5 .kw-result").inner_text().startswith("3 von 3")
    lms.leave()

    frame = lms.launch(COURSE, resume=stored)  # neither resumed nor reviewed: a new attempt
    frame.get_by_role("heading", level=2, name="Überblick").wait_for()
    assert frame.locator("#n5 .kw-result").inner_text() == ""
