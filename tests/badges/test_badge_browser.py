"""The badge page in Chromium: a designer gives the design a badge, sees its image, and
the page has no serious accessibility fault at 1440 and 390 px. Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

from pathlib import Path

from tests.browser import serious_violations
from tests.conftest import PASSWORD

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def test_give_a_design_a_badge_in_the_browser(browser, live_server, workspace, example_design):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="de-DE", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    _log_in(page, live_server, "coordinator@example.org")
    page.goto(f"{live_server}/designs/{example_design.id}")
    page.get_by_role("link", name="Badge", exact=True).click()
    page.wait_for_url(f"**/designs/{example_design.id}/badge")
    page.fill("#name", "Lernmedien-Profi für betriebliche Bildung")
    page.fill("#description", "Für alle, die Lernmedien im Betrieb planen und erstellen.")
    page.get_by_label("Rosette").check()
    page.get_by_label("Violett").check()
    page.get_by_role("button", name="Dem Kurskonzept ein Badge geben").click()
    page.wait_for_selector("text=Das Badge ist gespeichert.")
    image = page.locator(".badge-preview img")
    image.wait_for()
    image.evaluate("img => img.decode()")
    assert image.evaluate("img => img.naturalWidth") == 400
    assert "Lernmedien-Profi" in image.get_attribute("alt")
    for width in (1440, 390):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert serious_violations(page) == []
        page.screenshot(path=str(SHOTS / f"{width}-badge.png"), full_page=True)
    public = page.locator("a[download='badge.png']").get_attribute("href")
    assert public.endswith("/badge.png")
    context.close()

    visitor = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 900})
    anonymous = visitor.new_page()
    from designer.extensions import db
    from designer.models import Badge

    public_id = db.session.query(Badge.public_id).scalar()
    anonymous.goto(f"{live_server}/badges/{public_id}/criteria")
    assert anonymous.locator("h1").inner_text() == "Lernmedien-Profi für betriebliche Bildung"
    assert anonymous.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert serious_violations(anonymous) == []
    anonymous.screenshot(path=str(SHOTS / "390-badge-criteria.png"), full_page=True)
    visitor.close()


def test_award_verify_and_revoke_in_the_browser(browser, live_server, workspace, example_design):
    from sqlalchemy import select

    from designer.extensions import db
    from designer.models import BadgeAward, User
    from designer.services import badges

    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    badges.save_badge(coordinator, example_design, "Lernmedien-Profi", "", "hexagon", "green")
    db.session.commit()
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="de-DE", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    _log_in(page, live_server, "coordinator@example.org")
    page.goto(f"{live_server}/designs/{example_design.id}/badge")
    page.get_by_role("link", name="Badge vergeben und sehen, wer es hat").click()
    page.fill("#name", "Erika Muster")
    page.fill("#email", "erika@example.org")
    page.get_by_role("button", name="Badge vergeben").click()
    page.wait_for_selector("text=Das Badge ist vergeben.")
    assert serious_violations(page) == []
    page.screenshot(path=str(SHOTS / "1440-badge-awards.png"), full_page=True)
    public_id = db.session.scalar(select(BadgeAward.public_id))

    visitor = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 900})
    anonymous = visitor.new_page()
    for width in (1440, 390):
        anonymous.set_viewport_size({"width": width, "height": 900})
        anonymous.goto(f"{live_server}/awards/{public_id}")
        assert "Gültig" in anonymous.locator("[role=status]").inner_text()
        assert anonymous.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert serious_violations(anonymous) == []
        anonymous.screenshot(path=str(SHOTS / f"{width}-badge-verify.png"), full_page=True)

    page.fill(f"#reason-{public_id}", "Irrtümlich vergeben")
    page.get_by_role("button", name="Vergabe widerrufen").click()
    page.wait_for_selector("text=Das Badge ist widerrufen.")
    anonymous.goto(f"{live_server}/awards/{public_id}")
    status = anonymous.locator("[role=status]").inner_text()
    assert "Widerrufen am" in status and "Irrtümlich vergeben" in status
    assert serious_violations(anonymous) == []
    anonymous.screenshot(path=str(SHOTS / "390-badge-revoked.png"), full_page=True)
    visitor.close()
    context.close()
