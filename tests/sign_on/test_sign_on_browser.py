"""Single sign-on in Chromium, through the real OpenID provider's log-in and consent
pages (tests/sign_on/conftest.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from designer.extensions import db
from designer.models import SignOnIdentity, User
from tests.browser import serious_violations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e


def through_provider(page, provider, login: str) -> None:
    """The provider's development pages: log in with any password, then allow access."""
    page.wait_for_url(f"{provider.issuer}/interaction/**")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "beliebig")
    page.click("button[type=submit]")
    page.wait_for_url(f"{provider.issuer}/interaction/**")
    page.click("button[type=submit]:has-text('Continue')")


def test_first_sign_on_in_chromium_ends_on_the_overview(page, sso, sso_server):
    page.goto(f"{sso_server}/login")
    button = page.get_by_role("link", name="Mit Firmen-Login anmelden")
    assert serious_violations(page) == []
    button.click()
    through_provider(page, sso, "nina")
    page.wait_for_url(f"{sso_server}/")
    assert "Nina Neumann" in page.inner_text("body")
    assert page.get_by_role("button", name="Abmelden").count() == 1
    nina = db.session.scalar(select(User).where(User.email == "nina@firma.example"))
    assert nina.email_verified_at is not None
    assert db.session.scalar(select(SignOnIdentity.user_id)) == nina.id


def test_linking_in_chromium_after_the_password(page, sso, sso_server, make_user):
    dora = make_user("dora@example.org", name="Dora")
    page.goto(f"{sso_server}/login")
    page.get_by_role("link", name="Mit Firmen-Login anmelden").click()
    through_provider(page, sso, "dora")
    page.wait_for_url(f"{sso_server}/sign-on/link")
    assert "dora@example.org" in page.inner_text("main")
    assert serious_violations(page) == []
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{sso_server}/")
    assert "Ab jetzt können Sie sich mit Firmen-Login anmelden." in page.inner_text("main")
    assert db.session.scalar(select(SignOnIdentity.user_id)) == dora.id
