"""Every page fits the screen in a real Chromium (issue 13, item 6).

All GET pages of a seeded workspace with the example design: no sideways scroll of the page
at 1280 and 1440 px, nor at 390 px (`document.documentElement.scrollWidth <= innerWidth`; wide
content scrolls inside its own box); at 390 px the header navigation sits behind a menu button
and the overview's tables become one card per row. axe-core finds no serious or critical violation
on the pages this work changed, menu open included. Screenshots at 1440 and 390 px go to
test-artifacts/screenshots/ (gitignored) for a person to look at.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from designer.extensions import db
from designer.models import DesignMember, Module, Offer, Placement, SignOnProvider, User
from designer.quality.checklists import builtin_checklists
from designer.services import reviews as review_service
from designer.services.offers import clean_terms, publish_offer
from designer.services.sign_on import add_provider
from designer.web.wizard_steps import STEPS
from tests.browser import serious_violations
from tests.conftest import PASSWORD
from tests.paths import ROOT

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "test-artifacts" / "screenshots"

# GET routes that are no page: streams, downloads, images, fragments, and links that need a
# one-time token from an e-mail or a sign-on in progress (their pages are covered where
# those flows are tested).
NOT_PAGES = {
    "collab.events",
    "collab.ledger_csv",
    "designs.download",
    "editor.placement_image",
    "editor.library_image",
    "quality.panel",
    "canvas.picker",
    "collab.invitation",
    "auth.login_link",
    "auth.reset",
    "auth.verify",
    "seal.show",
    "plan_import.mapping",
    "plan_import.preview",
    "notices.unsubscribe",
    "account.confirm_email",
    "account.download",
    "offers.atom",
    "offers.json_feed",
    "preview.asset",
    "canvas.inspector",
    "sign_on.start",
    "sign_on.callback",
    "sign_on.confirm_link",
    # Files, keys and JSON for machines, and secret links; the pages among them (a request,
    # an award's verification, a badge's criteria) are checked for fit by their own browser
    # tests (tests/offers/test_requests_browser.py, tests/badges/test_badge_browser.py).
    "lti.register",
    "lti_launch.asset",
    "requests.show",
    "badges.badge_class",
    "badges.criteria_page",
    "badges.public_png",
    "badges.public_svg",
    "awards.verify",
    "awards.assertion",
    "awards.credential",
    "awards.baked_png",
    "awards.public_key",
    "awards.profile",
    "awards.jwks",
    "awards.revocations",
    "badges.design_svg",
    "badges.design_png",
    "badges.issuer",
    "awards.manage",
    "lti.jwks",
    "lti_launch.login",
}
# Pages that need a query: compare the revision stored on submitting with the current state.
QUERIES = {"collab.compare": "?a=1"}


@pytest.fixture
def demo(app, workspace, make_user, example_design):
    """The example design in its workspace, a review asked of a guest, and the owner."""
    owner = db.session.scalar(db.select(User).filter_by(email="coordinator@example.org"))
    designer = make_user("demo-designer@example.org", workspace=workspace, role="designer")
    guest = make_user("demo-reviewer@example.org")
    db.session.add(DesignMember(design_id=example_design.id, user_id=guest.id, role="reviewer"))
    example_design.created_by_id = designer.id
    db.session.commit()
    (review,) = review_service.submit_for_review(designer, example_design, [guest.id], ["legal"])
    # The owner also looks after the instance, so that the admin pages are in the round.
    owner.is_admin = True
    publish_offer(owner, example_design, clean_terms("Hamburg", "490", "EUR"))
    add_provider(owner, "Firmen-Login", "https://login.example.org", "kurswerk", "geheim")
    db.session.commit()
    return owner, example_design, review


def page_urls(app, workspace, design, review) -> list[str]:
    """Every GET page of the app, filled in with the demo's ids."""
    module = db.session.scalars(db.select(Module).filter_by(design_id=design.id)).first()
    placement = db.session.scalars(
        db.select(Placement).filter_by(module_id=module.id).order_by(Placement.id)
    ).first()
    values = {
        "offer_slug": db.session.scalar(db.select(Offer.slug)),
        "provider_id": db.session.scalar(db.select(SignOnProvider.id)),
        "workspace_id": workspace.id,
        "slug": workspace.slug,
        "design_id": design.id,
        "placement_id": placement.id,
        "module_id": module.id,
        "nugget_id": placement.nugget_id,
        "review_id": review.id,
        "key": builtin_checklists()[0].key,
    }
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in NOT_PAGES:
            continue
        if rule.rule.startswith(("/api", "/static")) or "checklist_id" in rule.arguments:
            continue
        url = rule.rule
        for name in rule.arguments - {"step_key"}:
            url = re.sub(rf"<(?:[a-z]+:)?{name}>", str(values[name]), url)
        if "step_key" in rule.arguments:
            urls += [url.replace("<step_key>", step.key) for step in STEPS]
        else:
            urls.append(url + QUERIES.get(rule.endpoint, ""))
    return sorted(set(urls))


def log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0: it fits)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def slug_of(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "dashboard"


def test_every_page_fits_390_1280_and_1440(page, live_server, app, workspace, demo):
    owner, design, review = demo
    urls = page_urls(app, workspace, design, review)
    assert len(urls) > 30, urls
    log_in(page, live_server, owner.email)
    too_wide = []
    for width in (390, 1280, 1440):
        page.set_viewport_size({"width": width, "height": 900})
        for url in urls:
            response = page.goto(live_server + url)
            assert response.status == 200, (url, response.status)
            if (extra := overflow(page)) > 0:
                too_wide.append(f"{url} at {width}: {extra}px too wide")
            if width in (390, 1440):
                shot(page, f"{width}-{slug_of(url)}")
    assert too_wide == []


def test_logged_out_pages_fit(page, live_server):
    for width in (390, 1280, 1440):
        page.set_viewport_size({"width": width, "height": 800})
        for url in ("/login", "/register", "/forgot-password"):
            page.goto(live_server + url)
            assert overflow(page) <= 0, (url, width)
    shot(page, "390-forgot-password")


def test_phone_menu_and_overview(page, live_server, app, workspace, demo):
    owner, design, _review = demo
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, owner.email)
    page.goto(f"{live_server}/designs/{design.id}")
    menu = page.get_by_role("button", name="Menü")
    nav = page.get_by_role("navigation", name="Hauptnavigation")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    assert overflow(page) <= 0
    header = page.locator("header.topbar").bounding_box()
    assert header["height"] < 80, header
    shot(page, "390-overview")
    shot(page, "390-overview-top", full_page=False)
    assert serious_violations(page) == []

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Übersicht")).to_be_visible()
    assert overflow(page) <= 0
    shot(page, "390-overview-menu-open", full_page=False)
    assert serious_violations(page) == []
    page.keyboard.press("Escape")
    expect(nav).to_be_hidden()
    expect(menu).to_be_focused()

    # At 1440 the navigation shows without a menu button.
    page.set_viewport_size({"width": 1440, "height": 900})
    expect(menu).to_be_hidden()
    expect(nav).to_be_visible()
    # One primary next step; the sections are in the design's navigation, not in rows of
    # buttons and links above it.
    head = page.locator(".page-head")
    expect(head.locator(".button.primary")).to_have_count(1)
    expect(head.locator(".button.primary")).to_have_text("Studio öffnen")
    expect(head.locator("a.button")).to_have_count(1)
    for section in ("Qualität", "Qualitätsbericht", "Versionen", "Personen"):
        links = page.get_by_role("link", name=re.compile(f"^{section}( |$)"))
        in_nav = page.locator("nav.design-nav").get_by_role("link", name=re.compile(f"^{section}"))
        expect(links).to_have_count(in_nav.count())


@pytest.mark.parametrize("width", [390, 1440])
def test_changed_pages_have_no_serious_axe_violation(page, live_server, workspace, demo, width):
    owner, design, _review = demo
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, live_server, owner.email)
    placement = db.session.scalars(
        db.select(Placement)
        .join(Module, Module.id == Placement.module_id)
        .filter(Module.design_id == design.id)
    ).first()
    for url in (
        "/",
        f"/w/{workspace.slug}",
        f"/designs/{design.id}",
        f"/designs/{design.id}/nuggets/{placement.id}/edit",
        f"/designs/{design.id}/revisions",
    ):
        page.goto(live_server + url)
        if url.endswith("/edit"):
            page.locator(".ql-editor").wait_for()
        assert serious_violations(page) == [], url
        assert overflow(page) <= 0, (url, width)
        shot(page, f"{width}-axe-{slug_of(url)}")
