"""Matching and short-answer questions in a real Chromium: choosing the kind shows its
answer fields at once, the pairs are saved and shown again, no serious axe-core violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from designer.extensions import db
from designer.models import Nugget
from designer.services import designs, placements
from tests.browser import serious_violations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e


def test_choosing_matching_shows_the_pairs_and_saves_them(page, live_server, workspace, make_user):
    user = make_user("quiz@example.org", workspace=workspace, role="designer")
    design = designs.create_design(user, workspace, "Mit Zuordnung")
    module = designs.add_module(user, design, "Start")
    placement = placements.add_new_nugget(
        user, design, module.id, {"title": "Test", "duration_minutes": 15, "activity_kind": "quiz"}
    )
    db.session.commit()
    page.goto(f"{live_server}/login")
    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{live_server}/")
    url = f"{live_server}/designs/{design.id}/nuggets/{placement.id}/edit"
    page.goto(url)
    page.click("button[value=add_question]")

    expect(page.locator("button[value=show_question_fields]")).to_have_count(0)
    expect(page.locator("#q-0-a-0-correct")).to_be_visible()
    expect(page.locator("#q-0-a-0-match")).to_be_hidden()
    page.select_option("#q-0-kind", "match")
    expect(page.locator("#q-0-a-0-correct")).to_be_hidden()
    expect(page.locator("#q-0-a-0-feedback")).to_be_hidden()
    pair = page.get_by_role("textbox", name="Passende Antwort 1")
    expect(pair).to_be_visible()
    assert serious_violations(page) == []

    page.fill("#q-0-text", "Ordnen Sie zu.")
    page.get_by_role("textbox", name="Element 1").fill("Hund")
    pair.fill("bellt")
    page.fill("#q-0-a-1-text", "Katze")
    page.fill("#q-0-a-1-match", "miaut")
    page.fill("#q-0-a-2-match", "quakt")
    page.click("form.editor button[type=submit].primary")
    page.wait_for_url("**/canvas")
    page.goto(url)
    expect(page.locator("#q-0-kind")).to_have_value("match")
    expect(page.locator("#q-0-a-0-match")).to_have_value("bellt")
    expect(page.locator("#q-0-a-2-match")).to_be_visible()
    page.select_option("#q-0-kind", "shortanswer")
    expect(page.get_by_role("textbox", name="Akzeptierte Antwort 1")).to_have_value("Hund")
    expect(page.locator("#q-0-a-0-match")).to_be_hidden()
    nugget = db.session.get(Nugget, placement.nugget_id)
    db.session.refresh(nugget)
    assert [a.get("match") for a in nugget.questions[0]["answers"]] == ["bellt", "miaut", "quakt"]
