"""The catalogue as a company's visitor meets it in Chromium: found, filtered, readable on a
phone, no serious accessibility fault. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from designer.extensions import db
from designer.models import User
from designer.services import offers
from tests.browser import serious_violations

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def test_publish_then_find_as_an_anonymous_visitor(browser, live_server, workspace, example_design):
    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    offers.publish_offer(
        coordinator, example_design, offers.clean_terms("Hamburg, Bildungszentrum", "490", "EUR")
    )
    db.session.commit()
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1440, 390):
        context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{live_server}/offers/{workspace.slug}")
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert serious_violations(page) == []
        page.screenshot(path=str(SHOTS / f"{width}-offers.png"), full_page=True)
        page.select_option("#mode", "live_online")
        page.click("form[role=search] button[type=submit]")
        page.get_by_role("link", name=example_design.title).click()
        page.wait_for_url("**/offers/**/*")
        assert page.locator("h1").inner_text() == example_design.title
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert serious_violations(page) == []
        page.screenshot(path=str(SHOTS / f"{width}-offer.png"), full_page=True)
        context.close()
