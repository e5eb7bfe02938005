"""The note for authors in a real Chromium: its own box, set apart from the learner
content, saved and shown again, with no serious axe-core violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from designer.extensions import db
from designer.models import Nugget
from designer.services import designs, placements
from tests.browser import serious_violations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e


def test_the_note_box_is_set_apart_and_saves(page, live_server, workspace, make_user):
    user = make_user("notes@example.org", workspace=workspace, role="designer")
    design = designs.create_design(user, workspace, "Mit Hinweisen")
    module = designs.add_module(user, design, "Start")
    placement = placements.add_new_nugget(
        user,
        design,
        module.id,
        {"title": "Quiz", "duration_minutes": 15, "author_note": "Fünf Fragen anlegen."},
    )
    db.session.commit()
    page.goto(f"{live_server}/login")
    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{live_server}/")
    url = f"{live_server}/designs/{design.id}/nuggets/{placement.id}/edit"
    page.goto(url)

    box = page.locator("fieldset.author-note")
    expect(box.locator("legend")).to_have_text("Nur für Autor*innen")
    expect(
        box.get_by_label("Hinweis für Autor*innen (nur für Autor*innen sichtbar)")
    ).to_have_value("Fünf Fragen anlegen.")
    content = page.locator("fieldset", has=page.locator("#content_html"))
    style = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).borderStyle]"
    assert box.evaluate(style) != content.evaluate(style)
    assert serious_violations(page) == []

    page.fill("#author_note", "Zehn Fragen anlegen.\nFeedback je Antwort.")
    page.click("form.editor button[type=submit].primary")
    page.wait_for_url("**/canvas")
    page.goto(url)
    expect(page.locator("#author_note")).to_have_value("Zehn Fragen anlegen.\nFeedback je Antwort.")
    expect(page.locator("#summary")).to_have_value("")
    nugget = db.session.get(Nugget, placement.nugget_id)
    db.session.refresh(nugget)
    assert nugget.author_note == "Zehn Fragen anlegen.\nFeedback je Antwort."
