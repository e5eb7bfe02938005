"""Two people in two Chromium contexts at the same time: presence on the overview, and the
conflict view when both save the Grobkonzept (nothing typed is lost)."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import Design
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def two_people(browser, live_server, people):
    """Anna (designer) and Carl (coordinator), each logged in in their own context."""
    pages = []
    for user in (people["designer"], people["coordinator"]):
        context = browser.new_context(locale="de-DE")
        page = context.new_page()
        page.refused = []  # Content-Security-Policy refusals reported on the console
        page.on(
            "console", lambda m, p=page: p.refused.append(m.text) if "Refused" in m.text else None
        )
        page.goto(f"{live_server}/login")
        page.fill("#email", user.email)
        page.fill("#password", PASSWORD)
        page.click("button[type=submit].primary")
        page.wait_for_url(f"{live_server}/")
        pages.append(page)
    yield pages
    assert [p.refused for p in pages] == [[], []]
    for page in pages:
        page.context.close()


def test_each_sees_the_other_on_the_overview(two_people, live_server, people, example_design):
    anna, carl = two_people
    url = f"{live_server}/designs/{example_design.id}"
    anna.goto(url)
    carl.goto(url)
    anna.wait_for_selector("[data-presence]:not([hidden]) .avatar", timeout=10_000)
    assert anna.locator("[data-presence] .avatar").inner_text().strip().startswith("CM")
    assert people["coordinator"].display_name in anna.locator("[data-presence]").inner_text()


def test_conflicting_saves_show_both_versions_and_merge_field_by_field(
    two_people, live_server, example_design
):
    anna, carl = two_people
    url = f"{live_server}/designs/{example_design.id}/grobkonzept/edit"
    anna.goto(url)
    carl.goto(url)

    anna.fill("#target_group", "Teamleitungen (Anna)")
    anna.fill("#prerequisites", "Keine (Anna)")
    anna.click("form[data-conflict-form] button[type=submit]")
    anna.wait_for_url(f"{live_server}/designs/{example_design.id}")

    carl.fill("#target_group", "Ausbilderinnen (Carl)")
    carl.fill("#didactic_approach", "Flipped Classroom (Carl)")
    carl.click("form[data-conflict-form] button[type=submit]")
    panel = carl.locator("[data-conflict-panel]")
    panel.wait_for(state="visible")
    rows = panel.locator("tr[data-field]")
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.field)")) == [
        "prerequisites",
        "target_group",
    ]
    target = panel.locator('tr[data-field="target_group"]')
    assert "Ausbilderinnen (Carl)" in target.inner_text()
    assert "Teamleitungen (Anna)" in target.inner_text()
    # Carl typed the target group: his own text is preselected; Anna's prerequisites win
    # where Carl left the field alone.
    assert target.locator('input[value="mine"]').is_checked()
    assert panel.locator('tr[data-field="prerequisites"] input[value="theirs"]').is_checked()
    target.locator('input[value="theirs"]').check()
    panel.locator("[data-conflict-apply]").click()
    carl.wait_for_url(f"{live_server}/designs/{example_design.id}")

    db.session.expire_all()
    design = db.session.get(Design, example_design.id)
    assert design.target_group == "Teamleitungen (Anna)"
    assert design.prerequisites == "Keine (Anna)"
    assert design.didactic_approach == "Flipped Classroom (Carl)"


def test_the_nugget_editor_shows_who_else_works_on_the_design(
    two_people, live_server, people, example_design
):
    from sqlalchemy import select

    from designer.models import Placement

    anna, carl = two_people
    placement = db.session.scalar(
        select(Placement).where(Placement.design_id == example_design.id).limit(1)
    )
    with carl.expect_response(lambda r: "/events" in r.url):  # the first poll: alone
        carl.goto(f"{live_server}/designs/{example_design.id}/nuggets/{placement.id}/edit")
    assert carl.locator("[data-presence]").is_hidden()
    anna.goto(f"{live_server}/designs/{example_design.id}/canvas")
    carl.wait_for_selector("[data-presence]:not([hidden]) .avatar", timeout=15_000)
    assert people["designer"].display_name in carl.locator("[data-presence]").inner_text()
