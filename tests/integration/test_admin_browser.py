"""The admin area and the account page in Chromium: axe-core finds no serious or critical
problem at desktop and phone width, the header links only administrators to the area, and
deactivating someone by its button shows them as deactivated. Screenshots go to
test-artifacts/screenshots/ (not kept in git) for a person to look at."""

from __future__ import annotations

import pytest

from designer.extensions import db
from tests.browser import serious_violations
from tests.conftest import PASSWORD
from tests.paths import ROOT

SHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = {"desktop": (1440, 900), "phone": (390, 844)}
PAGES = {
    "admin-health": "/admin",
    "admin-accounts": "/admin/accounts",
    "admin-workspaces": "/admin/workspaces",
    "admin-mail": "/admin/mail",
    "admin-sign-on": "/admin/sign-on",
    "account": "/account",
}


@pytest.fixture
def people(make_user, workspace, example_design):
    admin = make_user("ada@example.org", name="Ada Admin")
    admin.is_admin = True
    bea = make_user("bea@example.org", workspace=workspace, role="designer", name="Bea Beispiel")
    db.session.commit()
    return {"admin": admin, "bea": bea}


def log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def test_admin_area_in_chromium(browser, live_server, people, workspace):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    log_in(page, live_server, people["admin"].email)
    page.click("header >> text=Administration")
    page.wait_for_url(f"{live_server}/admin")
    pages = {**PAGES, "admin-workspace": f"/admin/workspaces/{workspace.id}"}
    for width_name, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        for name, path in pages.items():
            page.goto(f"{live_server}{path}")
            assert serious_violations(page) == [], (name, width_name)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth > document.documentElement.clientWidth"
            )
            assert not overflow, f"{name} scrolls sideways at {width} px"
            page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)

    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{live_server}/admin/accounts")
    page.fill("#q", "bea")
    page.click("form[role=search] button")
    page.click("button:has-text('Deaktivieren')")
    page.wait_for_url(f"{live_server}/admin/accounts**")
    row = page.locator("tr", has_text="bea@example.org")
    assert "deaktiviert" in row.inner_text()
    assert "ist deaktiviert und überall abgemeldet" in page.inner_text("main")
    assert serious_violations(page) == []
    page.screenshot(path=str(SHOTS / "admin-accounts-deactivated-1440.png"), full_page=True)
    context.close()


def test_members_see_no_admin_link(browser, live_server, people):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    log_in(page, live_server, people["bea"].email)
    assert page.locator("header >> text=Administration").count() == 0
    response = page.goto(f"{live_server}/admin")
    assert response.status == 403
    context.close()
