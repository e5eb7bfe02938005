"""A learner passes the quiz of a launched design in a real Chromium, inside the LMS's
frame: the player shows the result (it asks lti-lms.js whether Kurswerk took the report)
and the score reaches the platform's line item, without a script error on the page."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from designer.models import db
from tests.lti.conftest import open_launched

pytestmark = pytest.mark.e2e

# Answers every question of the visible quiz rightly, as the page marks them, and sends it.
ANSWER_RIGHTLY = r"""
(quiz) => {
  const form = document.querySelector(`[data-kw-quiz="${quiz}"]`);
  for (const input of form.querySelectorAll("input[type=radio], input[type=checkbox]")) {
    if ((input.dataset.kwCorrect === "1") !== input.checked) input.click();
  }
  for (const text of form.querySelectorAll("input[type=text]")) {
    text.value = JSON.parse(text.dataset.kwAccept || "[]")[0] || "";
  }
  for (const select of form.querySelectorAll("select")) select.value = select.dataset.kwRight;
  form.requestSubmit();
}
"""


def _wait(page, ready, seconds: int = 60) -> None:
    for _ in range(seconds * 10):  # long enough for a loaded machine
        if ready():
            return
        page.wait_for_timeout(100)


def test_a_passed_quiz_shows_its_result_and_reaches_the_gradebook(
    page, live_server, platform, registered, released, example_design
):
    platform.tool = live_server.replace("127.0.0.1", "localhost")
    platform.design_id = example_design.id
    db.session.rollback()  # end this thread's read transaction (SQLite)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    frame, tool = open_launched(page, platform, "[data-kw-quiz]")
    quizzes = frame.locator("[data-kw-quiz]")
    assert quizzes.count() == 1, "the example design has one quiz"
    quiz = quizzes.first.get_attribute("data-kw-quiz")
    tool.evaluate(f"location.hash = '{quiz}'")
    tool.evaluate(ANSWER_RIGHTLY, quiz)
    result = frame.locator(f'[data-kw-quiz="{quiz}"] .kw-result')
    _wait(page, lambda: "Bestanden" in result.inner_text())
    assert "Bestanden" in result.inner_text()
    assert "(100 %)" in result.inner_text()
    _wait(page, lambda: any("scoreGiven" in s["body"] for s in platform.scores))
    graded = [s["body"] for s in platform.scores if "scoreGiven" in s["body"]]
    assert graded and graded[-1]["scoreGiven"] == 100 and graded[-1]["scoreMaximum"] == 100
    assert graded[-1]["gradingProgress"] == "FullyGraded"
    assert errors == []


def test_a_result_kurswerk_did_not_take_is_said_so(
    page, live_server, platform, registered, released, example_design
):
    platform.tool = live_server.replace("127.0.0.1", "localhost")
    platform.design_id = example_design.id
    db.session.rollback()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # Kurswerk refuses every report of this page (as when its results address expired).
    page.route(
        lambda url: urlparse(url).path.startswith("/lti/results/"),
        lambda route: route.fulfill(status=404),
    )
    frame, tool = open_launched(page, platform, "[data-kw-quiz]")
    quizzes = frame.locator("[data-kw-quiz]")
    # A nugget marked done sends a first report, which is refused.
    tool.evaluate("location.hash = 'n2'")
    frame.locator("#n2").get_by_role("button", name="Als erledigt markieren").click()
    refused = frame.locator("[data-kw-refused]")
    _wait(page, lambda: tool.evaluate("!window.KurswerkLms.connected()"))
    quiz = quizzes.first.get_attribute("data-kw-quiz")
    tool.evaluate(f"location.hash = '{quiz}'")
    tool.evaluate(ANSWER_RIGHTLY, quiz)
    result = frame.locator(f'[data-kw-quiz="{quiz}"] .kw-result')
    _wait(page, lambda: "nicht an die Lernplattform" in result.inner_text())
    assert "nicht an die Lernplattform übermittelt" in result.inner_text()
    assert "Bestanden" not in result.inner_text()
    assert refused.is_visible()
    assert platform.scores == []
    assert errors == []
