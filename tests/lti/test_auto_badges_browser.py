"""A learner earns the badge in a real Chromium, in a page launched in the LMS's frame:
they mark the nuggets done, confirm the live sessions and pass the quiz; the page's
reports make Kurswerk award the badge, the next launch says so, and its verification
page opens in a new window (it may not be framed). Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from designer.models import BadgeAward, LtiAnswer, db
from tests.browser import serious_violations
from tests.lti.conftest import open_launched
from tests.lti.test_auto_badges import EARNED, badged  # noqa: F401

pytestmark = pytest.mark.e2e
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _wait(page, found, what: str) -> None:
    for _ in range(600):  # up to a minute on a loaded machine
        if found():
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"waited in vain for {what}")


def _award() -> BadgeAward | None:
    """The award as the server wrote it (this thread's read transaction ends at once: on
    SQLite it would hold off the server's writes)."""
    try:
        return db.session.scalar(select(BadgeAward))
    finally:
        db.session.rollback()


def _count(model) -> int:
    try:
        return db.session.scalar(select(func.count()).select_from(model))
    finally:
        db.session.rollback()


def _pass_the_quiz(quiz) -> None:
    """Every answer right, as the page itself marks them."""
    for choice in quiz.locator("input[data-kw-correct='1']").all():
        choice.check()
    for select_ in quiz.locator("select[data-kw-right]").all():
        select_.select_option(select_.get_attribute("data-kw-right"))
    for text in quiz.locator("input[data-kw-accept]").all():
        text.fill(text.evaluate("input => JSON.parse(input.dataset.kwAccept)[0]"))
    quiz.get_by_role("button", name="Antworten prüfen").click()


def test_a_learner_earns_the_badge_in_the_launched_page(
    page,
    live_server,
    platform,
    registered,
    badged,  # noqa: F811
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    platform.tool = live_server.replace("127.0.0.1", "localhost")
    platform.design_id = badged.id
    db.session.rollback()
    frame, tool = open_launched(page, platform, "[data-kw-task]")
    assert frame.locator(".kw-earned").count() == 0
    anchors = [b.get_attribute("data-kw-task") for b in frame.locator("[data-kw-task]").all()]
    assert {"n1", "n3", "n7", "n11"} <= set(anchors)  # live sessions, work at the workplace
    for anchor in anchors:
        tool.evaluate(f"location.hash = '{anchor}'")
        button = frame.locator(f"[data-kw-task='{anchor}']")
        if anchor != "n7":  # the second live session comes last
            button.click()
            assert button.get_attribute("aria-pressed") == "true"
    tool.evaluate("location.hash = 'n5'")
    _pass_the_quiz(frame.locator("#n5"))
    _wait(page, lambda: _count(LtiAnswer) == 5, "the quiz's answers")
    assert _award() is None  # one live session is not confirmed yet

    tool.evaluate("location.hash = 'n7'")
    frame.locator("#n7").get_by_role("button", name="Ich habe teilgenommen").click()
    _wait(page, lambda: _award() is not None, "the award")
    public_id = _award().public_id

    frame, tool = open_launched(page, platform, "[data-kw-task]")
    notice = frame.locator(".kw-earned")
    assert EARNED in notice.inner_text()
    # The learner's phone: the LMS gives the frame 390 px.
    page.set_viewport_size({"width": 420, "height": 900})
    page.evaluate("document.querySelector('iframe').width = 390")
    page.wait_for_timeout(200)
    assert tool.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert serious_violations(tool) == []
    page.screenshot(path=str(SHOTS / "390-lti-earned-badge.png"), full_page=True)

    with page.expect_popup() as opened:
        notice.get_by_role("link", name="Prüfseite").click()
    verify = opened.value
    verify.wait_for_load_state()
    assert verify.url.endswith(f"/awards/{public_id}")
    assert "Gültig" in verify.locator("[role=status]").inner_text()
