"""The earned badge on a page launched in the LMS's frame, in a real Chromium: the learner
confirms a live session there, and once Kurswerk has awarded the badge the page says so
and its verification page opens in a new window (it may not be framed). Screenshots go
to test-artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from designer.models import LtiLearner, db
from designer.services import earning, issuing
from tests.browser import serious_violations
from tests.lti.test_auto_badges import EARNED, _record, badged  # noqa: F401

pytestmark = pytest.mark.e2e
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _open(page, platform, title: str):
    """The LMS's course page with Kurswerk launched in its frame."""
    page.goto(platform.base + "/course")
    frame = page.frame_locator("iframe[name=kurswerk]")
    heading = frame.get_by_role("heading", level=1, name=title)
    for _ in range(600):  # up to a minute on a loaded machine
        if heading.count():
            break
        page.wait_for_timeout(100)
    assert heading.count(), page.frame(name="kurswerk").content()[:2000]
    return frame, page.frame(name="kurswerk")


def test_the_launched_page_shows_the_earned_badge(
    app,
    page,
    live_server,
    platform,
    registered,
    badged,  # noqa: F811
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    platform.tool = live_server.replace("127.0.0.1", "localhost")
    platform.design_id = badged.id
    db.session.rollback()  # no read transaction that holds off the server's writes
    frame, tool = _open(page, platform, badged.title)
    assert frame.locator(".kw-earned").count() == 0
    tool.evaluate("location.hash = 'n1'")
    confirm = frame.locator("#n1").get_by_role("button", name="Ich habe teilgenommen")
    confirm.click()
    assert confirm.get_attribute("aria-pressed") == "true"

    learner = db.session.scalar(select(LtiLearner))
    _record(learner, badged)
    context = issuing.Issuing(live_server, app.config["SECRET_KEY"])
    award = earning.issue_earned(learner, badged, context)
    db.session.commit()
    public_id = award.public_id
    db.session.rollback()

    frame, tool = _open(page, platform, badged.title)
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
