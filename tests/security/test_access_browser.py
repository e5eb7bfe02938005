"""The changed pages in Chromium: an invitation opened while logged out leads through
registration and log-in back to itself, and a coordinator's one-time log-in link lets a
locked-out member set a new password. Every page on the way has no serious axe finding."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import DesignMember, User
from designer.services import invitations
from tests.browser import serious_violations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "Feldweg am Bach 7"


def _coordinator() -> User:
    return db.session.query(User).filter_by(email="coordinator@example.org").one()


def test_an_invitation_leads_through_registration(page, live_server, workspace, example_design):
    _invitation, token = invitations.create_invitation(
        _coordinator(), workspace, example_design, "reviewer", 7
    )
    db.session.commit()
    page.goto(f"{live_server}/invite/{token}")
    page.wait_for_url(f"{live_server}/login")
    assert "Sie haben eine Einladung" in page.inner_text("main")
    assert serious_violations(page) == []
    page.click("text=Registrieren")
    page.fill("#display_name", "Rita Review")
    page.fill("#email", "rita@example.org")
    page.fill("#password", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{live_server}/login")
    assert "Sie haben eine Einladung" in page.inner_text("main")
    assert page.input_value("#email") == "rita@example.org"
    page.fill("#password", NEW_PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{live_server}/invite/{token}")
    page.click("text=Einladung annehmen")
    page.wait_for_url(f"{live_server}/designs/{example_design.id}")
    rita = db.session.query(User).filter_by(email="rita@example.org").one()
    assert db.session.query(DesignMember).filter_by(user_id=rita.id).one().role == "reviewer"


def test_a_coordinators_link_lets_a_member_back_in(
    browser, page, live_server, workspace, make_user
):
    member = make_user("bea@example.org", workspace=workspace, role="designer", name="Bea")
    page.goto(f"{live_server}/login")
    page.fill("#email", _coordinator().email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{live_server}/")
    page.goto(f"{live_server}/w/{workspace.slug}/members")
    page.locator("tr", has_text=member.email).get_by_role(
        "button", name="Einmal-Anmeldelink"
    ).click()
    link = page.get_by_label("Einmal-Anmeldelink").input_value()
    assert "/login-link/" in link
    assert serious_violations(page) == []
    context = browser.new_context(locale="de-DE")
    bea = context.new_page()
    bea.goto(link)
    assert "bea@example.org" in bea.inner_text("main")
    assert serious_violations(bea) == []
    bea.fill("#new_password", NEW_PASSWORD)
    bea.fill("#confirm", NEW_PASSWORD)
    bea.click("button[type=submit].primary")
    bea.wait_for_url(f"{live_server}/")
    assert "Akademie Nord" in bea.inner_text("main")
    context.close()
