"""Review and sign-off in a real Chromium: a designer submits, a reviewer answers the
manual questions and approves, a later change shows the approval as outdated.

Runs against the shared live server (tests/conftest.py: 127.0.0.1, random port, CSRF
protection on)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from designer.extensions import db
from designer.models import Design, Review
from designer.quality import get_builtin
from designer.services import designs as design_service
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e


def _session(browser, base: str, email: str, csp_errors: list[str]):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.on(
        "console",
        lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{base}/")
    return context, page


def test_submit_approve_and_outdate(browser, live_server, people, example_design):
    base, design_id = live_server, example_design.id
    csp_errors: list[str] = []
    designer_ctx, designer = _session(browser, base, people["designer"].email, csp_errors)
    designer.goto(f"{base}/designs/{design_id}")
    designer.click(f"a[href='/designs/{design_id}/review/submit']")
    designer.get_by_label(people["reviewer"].display_name).check()
    expect(designer.locator("input[name=checklists][value=didactic_basics]")).to_be_checked()
    designer.click("form button[type=submit].primary")
    designer.wait_for_url(f"{base}/designs/{design_id}/reviews")
    expect(designer.locator(".status-in_review")).to_be_visible()

    reviewer_ctx, reviewer = _session(browser, base, people["reviewer"].email, csp_errors)
    reviewer.goto(f"{base}/designs/{design_id}/reviews")
    reviewer.click(f"a[href^='/designs/{design_id}/reviews/']")
    for criterion in get_builtin("didactic_basics").manual:
        reviewer.check(f"input[name='verdict:didactic_basics:{criterion.key}'][value=met]")
    reviewer.fill("#comment-didactic_basics-need", "Bedarf aus der Umfrage belegt.")
    reviewer.check("input[name=decision][value=approved]")
    reviewer.click("form button[type=submit].primary")
    expect(reviewer.locator(".approval-state.flash-success")).to_be_visible()
    review = db.session.scalar(select(Review).where(Review.design_id == design_id))
    assert review.decision == "approved"
    assert review.verdicts["didactic_basics"]["need"]["comment"] == "Bedarf aus der Umfrage belegt."

    # The designer changes the design: the approval is kept but outdated.
    db.session.expire_all()
    design = db.session.get(Design, design_id)
    design_service.update_grobkonzept(
        people["designer"], design, {"prerequisites": "Erste Erfahrung"}, None
    )
    db.session.commit()
    designer.goto(f"{base}/designs/{design_id}/reviews/{review.id}")
    expect(designer.locator(".approval-state.flash-error")).to_be_visible()
    expect(designer.locator(".decision")).to_have_text(re.compile("approved|freigegeben", re.I))
    seal = designer_ctx.new_page()
    seal.goto(f"{base}/seal/{review.seal_token}")
    expect(seal.locator(".seal-state.outdated")).to_be_visible()
    assert csp_errors == []
    designer_ctx.close()
    reviewer_ctx.close()


def test_overview_panel_reloads_when_the_design_changes(
    browser, live_server, people, example_design
):
    csp_errors: list[str] = []
    context, page = _session(browser, live_server, people["viewer"].email, csp_errors)
    page.goto(f"{live_server}/designs/{example_design.id}")
    errors = page.locator("#quality-panel .sev-error")
    expect(errors).to_have_text(re.compile(r"^0 "))
    # Someone else empties the target group: the panel shows the blocking error after
    # the page hears of the change (live.js sends designChanged).
    design_service.update_grobkonzept(
        people["designer"], db.session.get(Design, example_design.id), {"target_group": ""}, None
    )
    db.session.commit()
    page.evaluate("document.body.dispatchEvent(new CustomEvent('designChanged'))")
    expect(errors).to_have_text(re.compile(r"^1 "))
    assert csp_errors == []
    context.close()
