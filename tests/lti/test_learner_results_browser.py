"""Learner results end to end in a real Chromium: a learner launched from the LMS (the
tool in the LMS's cross-site frame) marks a nugget done and answers the quiz; the time
each unit is shown counts (a forgotten tab only up to the cap), the rest is sent when
the page is left; the coordinator then sees the numbers on the design's analysis page,
at 1440 and 390 px (screenshots in test-artifacts/screenshots/)."""

from __future__ import annotations

import re

import pytest

from designer.models import LtiAnswer, LtiNuggetResult, db
from tests.lti.conftest import open_launched
from tests.lti.test_learner_results import PAGE_KEY, QUIZ_KEY
from tests.paths import ROOT
from tests.ui.test_browser_fit import log_in, overflow

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "test-artifacts" / "screenshots"


def _wait(page, found, what: str) -> None:
    for _ in range(600):  # up to a minute on a loaded machine
        if found():
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"waited in vain for {what}")


def _rows(model, **where) -> list:
    """Rows as the server wrote them (this thread's read transaction ended at once, as it
    would hold off the server's writes on SQLite)."""
    try:
        return db.session.query(model).filter_by(**where).all()
    finally:
        db.session.rollback()


def _answer_the_quiz(frame) -> None:
    quiz = frame.locator("#n5")
    quiz.locator("#n5-q1 input").first.check()  # single choice: the first answer
    quiz.locator("#n5-q2 input").first.check()  # several: only the first
    quiz.locator("#n5-q3 input").first.check()
    for select in quiz.locator("#n5-q4 select").all():
        select.select_option(index=1)
    quiz.locator("#n5-q5 input[type=text]").fill("Augmentation")
    quiz.get_by_role("button", name="Antworten prüfen").click()


def _studio(browser, live_server, width: int, height: int):
    """The coordinator's browser window of `width` px, logged in."""
    context = browser.new_context(locale="de-DE", viewport={"width": width, "height": height})
    studio = context.new_page()
    log_in(studio, live_server, "coordinator@example.org")
    return context, studio


def test_what_a_learner_does_shows_on_the_analysis_page(
    page, browser, live_server, platform, registered, released
):
    db.session.rollback()
    context, studio = _studio(browser, live_server, 1440, 900)
    studio.goto(f"{live_server}/designs/{released.id}/analysis#learner-results")
    empty = studio.locator("#learner-results")
    assert "Noch niemand hat dieses Kurskonzept in einem LMS bearbeitet" in empty.inner_text()
    assert "1 LMS ist mit dem Arbeitsbereich verbunden" in empty.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    empty.screenshot(path=str(SHOTS / "1440-learner-results-empty.png"))
    context.close()

    platform.tool = live_server.replace("127.0.0.1", "localhost")
    platform.design_id = released.id
    db.session.rollback()
    page.clock.install()
    frame, tool = open_launched(page, platform, "[data-kw-task]")

    tool.evaluate("location.hash = 'n2'")
    page.clock.fast_forward("02:00")  # two minutes on the page nugget
    frame.locator("#n2").get_by_role("button", name="Als erledigt markieren").click()
    _wait(page, lambda: _rows(LtiNuggetResult, nugget_key=PAGE_KEY), "the nugget's row")

    tool.evaluate("location.hash = 'n5'")
    page.clock.fast_forward("03:00:00")  # the tab forgotten for three hours
    _answer_the_quiz(frame)
    _wait(page, lambda: len(_rows(LtiAnswer)) == 5, "the quiz's answers")
    [done] = _rows(LtiNuggetResult, nugget_key=PAGE_KEY)
    assert (done.launches, done.completed_at is not None) == (1, True)
    # The two fast-forwarded minutes, and the few real seconds the steps took (rounded).
    assert 120 <= done.seconds <= 125
    [quiz] = _rows(LtiNuggetResult, nugget_key=QUIZ_KEY)
    assert (quiz.seconds, quiz.completed_at is not None) == (1800, True)  # capped
    rights = [a.correct for a in sorted(_rows(LtiAnswer), key=lambda a: a.question_index)]
    assert rights[4] is True and rights.count(True) >= 1

    # Leaving the page sends the time since the last report.
    page.clock.fast_forward("01:00")
    page.goto(platform.base + "/elsewhere")  # the LMS shows another page
    _wait(page, lambda: _rows(LtiNuggetResult, nugget_key=QUIZ_KEY)[0].seconds == 1860, "left")

    for width, height in ((1440, 900), (390, 844)):
        context, studio = _studio(browser, live_server, width, height)
        studio.goto(f"{live_server}/designs/{released.id}/analysis#learner-results")
        section = studio.locator("#learner-results")
        text = " ".join(section.inner_text().replace("\xa0", " ").split())
        assert "Lernergebnisse" in text and re.search(r"Lernende\s*1\b", text), text
        page_row = section.locator("tr", has_text="Input: Lernzielgruppen im Betrieb")
        assert "100 %" in page_row.inner_text().replace("\xa0", " ")
        assert "2 min" in page_row.inner_text().replace("\xa0", " ")
        quiz_row = section.locator("tr", has_text="Selbsttest: Medien und Methoden").first
        assert "31 min" in quiz_row.inner_text().replace("\xa0", " ")
        short = section.locator("tr", has_text="Wofür steht das A in SAMR?")
        assert "100 %" in short.inner_text().replace("\xa0", " ")
        assert "Test-LMS" in text and "nicht gemeldet" in text
        assert "user-7" not in studio.content()
        assert overflow(studio) == 0, f"{width}px: the page is wider than the window"
        section.scroll_into_view_if_needed()
        studio.screenshot(path=str(SHOTS / f"{width}-learner-results.png"), full_page=True)
        section.screenshot(path=str(SHOTS / f"{width}-learner-results-section.png"))
        context.close()
