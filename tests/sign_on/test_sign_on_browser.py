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


def log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def fits(page, selector: str) -> bool:
    """Whether the element neither reaches beyond the window nor scrolls sideways inside
    (the members table itself is wider on phones, which is not this feature's part)."""
    return page.evaluate(
        """selector => {
          const part = document.querySelector(selector);
          const width = document.documentElement.clientWidth;
          return part.getBoundingClientRect().right <= width && part.scrollWidth <= width;
        }""",
        selector,
    )


def test_provider_list_and_join_rules_in_chromium(page, sso, sso_server, make_user):
    """The admin's provider list (the environment's and a stored one) and a workspace's
    join rules: no serious accessibility problem, nothing wider than the window at 390 px;
    a rule added with the form shows in the list."""
    from designer.services import sign_on, workspaces

    carla = make_user("carla@firma.example", name="Carla")
    carla.is_admin = True
    workspace = workspaces.create_workspace(carla, "Firma Akademie")
    sign_on.add_provider(carla, "Zweites Firmenkonto", sso.issuer + "/", "kurswerk", "geheim")
    db.session.commit()
    log_in(page, sso_server, carla.email)
    page.goto(f"{sso_server}/w/{workspace.slug}/members")
    page.select_option("#join-kind", "domain")
    page.fill("#join-value", "firma.example")
    page.select_option("#join-role", "reviewer")
    page.click("#join-rules button:has-text('Regel hinzufügen')")
    page.wait_for_url(f"{sso_server}/w/{workspace.slug}/members**")
    assert "E-Mail-Domain: firma.example" in page.inner_text("#join-rules")
    page.goto(f"{sso_server}/admin/sign-on")
    assert "Zweites Firmenkonto" in page.inner_text("main") and "Firmen-Login" in page.inner_text(
        "main"
    )
    for width in (1440, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for path in ("/admin/sign-on", f"/w/{workspace.slug}/members"):
            page.goto(f"{sso_server}{path}")
            assert serious_violations(page) == [], (path, width)
            part = "html" if path.startswith("/admin") else "#join-rules"
            assert fits(page, part), f"{part} of {path} is wider than {width} px"
