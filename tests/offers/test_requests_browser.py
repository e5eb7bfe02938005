"""A request for training in Chromium: an anonymous visitor finds an offer, sends a
request; the coordinator sees it arrive and turns it into a design. The form and the
coordinator's pages have no serious accessibility fault and no sideways scroll at 390
and 1440 px. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from designer.extensions import db
from designer.models import TrainingRequest, User
from designer.services import offers
from tests.browser import serious_violations
from tests.conftest import PASSWORD

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def check(page, name: str, width: int) -> None:
    """No sideways scroll, no serious or critical axe finding, and a screenshot."""
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), name
    assert serious_violations(page) == [], name
    page.screenshot(path=str(SHOTS / f"{width}-{name}.png"), full_page=True)


def test_a_visitor_requests_a_training_and_the_coordinator_makes_a_design(
    browser, live_server, app, workspace, example_design
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    offers.publish_offer(
        coordinator, example_design, offers.clean_terms("Hamburg, Bildungszentrum", "490", "EUR")
    )
    db.session.commit()

    for width in (390, 1440):
        visitor = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
        page = visitor.new_page()
        page.goto(f"{live_server}/offers/{workspace.slug}")
        page.get_by_role("link", name=example_design.title).click()
        page.get_by_role("link", name="Diese Schulung anfragen").click()
        page.get_by_role("heading", level=1, name="Bildungsanfrage").wait_for()
        assert page.get_by_label("Thema").input_value() == example_design.title
        assert not page.locator("#website").is_visible()  # the honeypot
        check(page, "request-form", width)
        page.get_by_label("Zahl der Personen (optional)").fill("12")
        page.get_by_label("Gewünschte Durchführungsform").select_option("live_online")
        page.get_by_label("Ihr Name").fill(f"Frau Müller {width}")
        page.get_by_label("Organisation (optional)").fill("Hafenlogistik GmbH")
        page.get_by_label("E-Mail-Adresse").fill("mueller@example.org")
        page.get_by_label("Nachricht (optional)").fill("Gern vormittags.")
        page.wait_for_timeout(3000)  # a person takes a few seconds; faster is refused
        page.get_by_role("button", name="Anfrage senden").click()
        page.get_by_role("heading", level=1, name="Vielen Dank für Ihre Anfrage").wait_for()
        check(page, "request-sent", width)
        visitor.close()
    assert db.session.scalar(select(TrainingRequest.name).order_by(TrainingRequest.id)) == (
        "Frau Müller 390"
    )

    for width in (390, 1440):
        context = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(f"{live_server}/login")
        page.fill("#email", coordinator.email)
        page.fill("#password", PASSWORD)
        page.click("form button[type=submit].primary")
        page.wait_for_url(f"{live_server}/")
        page.goto(f"{live_server}/w/{workspace.slug}")
        page.get_by_role("link", name="Bildungsanfragen").click()
        page.get_by_role("heading", level=1, name="Bildungsanfragen").wait_for()
        check(page, "requests", width)
        page.get_by_role("link", name=example_design.title).first.click()
        page.get_by_role("heading", level=1, name=example_design.title).wait_for()
        assert page.get_by_role("link", name="mueller@example.org").is_visible()
        check(page, "request", width)
        if width == 1440:
            page.get_by_label("Vorlage").select_option("builtin:blank")
            page.get_by_role("button", name="Kurskonzept anlegen").click()
            page.wait_for_url("**/designs/*")
            assert page.locator("h1").first.inner_text() == example_design.title
            page.go_back()
            page.reload()
            page.get_by_text("Aus dieser Anfrage erstelltes Kurskonzept:").wait_for()
            check(page, "request-with-design", width)
        context.close()
