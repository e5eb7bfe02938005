"""The plan import in a real Chromium against a live server with CSRF on: upload a plan,
assign the column the importer could not place, preview, confirm, find the design; axe-core
finds no serious or critical violation on the mapping and preview pages."""

from __future__ import annotations

import pytest

from designer.core.vocab import label
from designer.extensions import db
from designer.models import Design
from designer.queries.read_model import snapshot
from tests.browser import serious_violations
from tests.conftest import PASSWORD
from tests.plan_import.plans import excel_plan

pytestmark = pytest.mark.e2e


def test_import_a_plan_in_the_browser(browser, live_server, workspace, make_user, tmp_path):
    make_user("trainerin@example.org", workspace=workspace, role="designer")
    plan = excel_plan(tmp_path)
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if "Refused" in m.text else None)
    try:
        page.goto(f"{live_server}/login")
        page.fill("#email", "trainerin@example.org")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit].primary")
        page.goto(f"{live_server}/w/{workspace.slug}/import")
        page.click(f"a[href='/w/{workspace.slug}/import/plan']")
        page.set_input_files("input[type=file]", str(plan))
        page.click("form[enctype] button[type=submit]")

        page.wait_for_selector("table.mapping")
        assert page.locator("tr.unplaced label").all_inner_texts() == ["Format"]
        assert serious_violations(page) == []
        page.get_by_label("Format").select_option("delivery_mode")
        page.fill("#title", "Teamleitung im Browser")
        page.click("form.plan-mapping button[type=submit]")

        page.wait_for_selector("section.preview-module")
        live = label("delivery_mode", "live_online", "de")
        row = page.locator("tr", has_text="Fallbeispiele bearbeiten")
        assert live in row.inner_text()
        assert serious_violations(page) == []
        assert db.session.query(Design).count() == 0
        page.click("form[action$='/confirm'] button")

        page.wait_for_url("**/designs/*")
        assert "Teamleitung im Browser" in page.inner_text("h1")
        page.goto(f"{live_server}/w/{workspace.slug}")
        page.click("text=Teamleitung im Browser")
        page.wait_for_url("**/designs/*")
    finally:
        context.close()
    assert refused == []
    design = db.session.query(Design).one()
    snap = snapshot(design)
    assert [m.title for m in snap.modules] == ["Einstieg", "Vertiefung"]
    assert {n.title: n.delivery_mode for n in snap.nuggets}["Fallbeispiele bearbeiten"] == (
        "live_online"
    )
