"""The studio in a real Chromium, as a trainer uses it: add from the library drawer, drag,
move by keyboard and back, edit in the inspector and watch the totals change, all without
a page load; axe-core with the drawer, the inspector and a card menu open; screenshots
at 1440 and 390 px in test-artifacts/screenshots/ (looked at by people, not asserted).

Runs against a live server on 127.0.0.1 (random port) with CSRF protection on."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from designer.extensions import db
from designer.models import Nugget, Placement
from designer.services import designs, placements
from designer.services.nuggets import create_nugget
from tests.browser import serious_violations
from tests.canvas.conftest import module_ids
from tests.canvas.test_browser_canvas import _log_in, csp_errors  # noqa: F401

pytestmark = pytest.mark.e2e

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _titles(page, module_id: int) -> list[str]:
    return page.locator(f"#module-{module_id} .card-title").all_inner_texts()


def _no_page_load(page) -> None:
    """Marks the document; `_still_same_document` fails if the page was loaded again."""
    page.evaluate("window.__studioMarker = 'kept'")


def _still_same_document(page) -> bool:
    return page.evaluate("window.__studioMarker") == "kept"


@pytest.fixture
def studio(workspace, make_user):
    """A designer, a design with two modules and planned 120 minutes, and a library with
    two nuggets of the same title (from two organisations) and one other."""
    user = make_user("browser@example.org", workspace=workspace, role="designer")
    design = designs.create_design(user, workspace, "Moderation im Studio")
    designs.add_module(user, design, "Start")
    designs.add_module(user, design, "Praxis")
    design.planned_workload_minutes = 120
    other = designs.create_design(user, workspace, "Andere Planung")
    elsewhere = designs.add_module(user, other, "M")
    twins = []
    for organisation, minutes in (("Akademie Nord", 15), ("Volkshochschule Süd", 40)):
        nugget = create_nugget(
            user,
            workspace,
            {
                "title": "Feedback geben",
                "duration_minutes": minutes,
                "learning_type": "practice",
                "delivery_mode": "live_online",
            },
        )
        nugget.organisation = organisation
        twins.append(nugget)
    create_nugget(user, workspace, {"title": "Rollenklärung", "duration_minutes": 20})
    placements.place_nugget(user, other, elsewhere.id, twins[1])
    db.session.commit()
    return user, design, twins


def test_studio_from_the_drawer_to_the_inspector(page, live_server, csp_errors, studio):  # noqa: F811
    user, design, twins = studio
    start, praxis = module_ids(design)
    page.set_viewport_size({"width": 1440, "height": 900})
    _log_in(page, live_server, user.email)
    page.goto(f"{live_server}/designs/{design.id}/canvas")
    _no_page_load(page)
    expect(page.locator("nav.design-nav a[aria-current=page]")).to_have_text("Studio")

    # The drawer lists the library at once; the twins tell themselves apart.
    page.click("#drawer-toggle")
    expect(page.locator("#drawer-q")).to_be_focused()
    items = page.locator("#drawer-results .drawer-item")
    expect(items).to_have_count(3)
    twin_rows = items.filter(has_text="Feedback geben")
    expect(twin_rows).to_have_count(2)
    # the one used elsewhere comes first ("Zuletzt verwendet"), with its organisation
    expect(page.locator(".drawer-group").first).to_have_text("Zuletzt verwendet")
    expect(twin_rows.nth(0)).to_contain_text("Volkshochschule Süd")
    expect(twin_rows.nth(0)).to_contain_text("40 min")
    expect(twin_rows.nth(0)).to_contain_text("in 1 Kurskonzept verwendet")
    expect(twin_rows.nth(1)).to_contain_text("Akademie Nord")
    expect(twin_rows.nth(1)).to_contain_text("15 min")
    assert serious_violations(page) == []
    _shot(page, "studio-1440-drawer")

    # Typing filters as one types; "Add" places into the chosen module.
    page.fill("#drawer-q", "Rollen")
    expect(items).to_have_count(1)
    page.fill("#drawer-q", "Feedback")
    expect(items).to_have_count(2)
    page.select_option("#drawer-module", str(start))
    items.filter(has_text="Akademie Nord").locator("button").click()
    expect(page.locator(f"#module-{start} .nugget-card")).to_have_count(1)
    expect(page.locator("#totals")).to_contain_text("Summe: 15 min")
    items.filter(has_text="Volkshochschule Süd").locator("button").click()
    expect(page.locator(f"#module-{start} .nugget-card")).to_have_count(2)
    expect(page.locator("#totals")).to_contain_text("Summe: 55 min")
    expect(page.locator("#announce")).to_contain_text("Start")
    page.click(".drawer-close")
    expect(page.locator("#drawer")).to_be_hidden()
    expect(page.locator("#drawer-toggle")).to_be_focused()
    # A lane's "From the library" opens the drawer aimed at that lane; Escape closes it.
    page.click(f"#module-{praxis} a.from-library")
    expect(page.locator("#drawer-module")).to_have_value(str(praxis))
    page.keyboard.press("Escape")
    expect(page.locator("#drawer")).to_be_hidden()

    # A new nugget straight into a lane.
    lane = page.locator(f"#module-{start}")
    lane.locator("details.add-nugget > summary").click()
    page.fill(f"#add-{start}-title", "Blitzlicht")
    page.select_option(f"#add-{start}-delivery_mode", "on_site")
    page.fill(f"#add-{start}-duration_minutes", "10")
    lane.locator("details.add-nugget button[type=submit]").click()
    expect(page.locator(f"#module-{start} .nugget-card")).to_have_count(3)
    assert _titles(page, start) == ["Feedback geben", "Feedback geben", "Blitzlicht"]

    # Drag "Blitzlicht" into "Praxis" with the mouse (SortableJS, fallback mode).
    card = page.locator(f"#module-{start} .nugget-card", has_text="Blitzlicht")
    handle, target = card.locator(".drag-handle"), page.locator(f"#module-{praxis} ol.cards")
    source_box, target_box = handle.bounding_box(), target.bounding_box()
    page.mouse.move(source_box["x"] + 4, source_box["y"] + 4)
    page.mouse.down()
    page.mouse.move(target_box["x"] + 40, target_box["y"] + 20, steps=25)
    page.mouse.move(target_box["x"] + 50, target_box["y"] + 25, steps=5)
    page.mouse.up()
    expect(page.locator(f"#module-{praxis} .nugget-card")).to_have_count(1)
    expect(page.locator("#announce")).to_contain_text("Praxis")
    expect(page.locator(f"#module-{praxis} .lane-total")).to_contain_text("10 min")

    # Keyboard: → then ← brings the second card back to where it was; ↑ then ↓ too.
    before = {start: _titles(page, start), praxis: _titles(page, praxis)}
    second = page.locator(f"#module-{start} .nugget-card").nth(1)
    pid = second.get_attribute("data-pid")
    page.focus(f"#card-{pid}-title")
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"#module-{praxis} #card-{pid}")).to_have_count(1)
    expect(page.locator("#announce")).to_contain_text("Praxis, Position 2 von 2")
    expect(page.locator(f"#card-{pid}-title")).to_be_focused()
    page.keyboard.press("ArrowLeft")
    expect(page.locator(f"#module-{start} #card-{pid}")).to_have_count(1)
    expect(page.locator("#announce")).to_contain_text("Start, Position 2 von 2")
    assert {start: _titles(page, start), praxis: _titles(page, praxis)} == before
    page.keyboard.press("ArrowUp")
    expect(page.locator("#announce")).to_contain_text("Start, Position 1 von 2")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#announce")).to_contain_text("Start, Position 2 von 2")
    assert _titles(page, start) == before[start]
    order = [p.id for p in _placements(start)]
    assert order[1] == int(pid)

    # The card menu: one ⋯ per card, a disclosure that Escape closes.
    menu_button = page.locator(f"#card-{pid}-menu")
    menu_button.click()
    expect(page.locator("#card-menu")).to_be_visible()
    expect(menu_button).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#card-menu-down")).to_be_hidden()  # the last card cannot go down
    assert serious_violations(page) == []
    _shot(page, "studio-1440-card-menu")
    page.keyboard.press("Escape")
    expect(page.locator("#card-menu")).to_be_hidden()
    expect(menu_button).to_be_focused()
    menu_button.click()
    page.click("#card-menu-duplicate")
    expect(page.locator(f"#module-{start} .nugget-card")).to_have_count(3)
    expect(page.locator("#totals")).to_contain_text("Summe: 105 min")

    # The inspector: every field beside the board; saving updates card and totals in place.
    page.click(f"#card-{pid}-title")
    expect(page.locator("#inspector-heading")).to_be_focused()
    expect(page.locator(f"#card-{pid}")).to_have_class("nugget-card ltb-practice selected")
    inspector = page.locator("#inspector")
    assert inspector.locator("#title").input_value() == "Feedback geben"
    assert serious_violations(page) == []
    _shot(page, "studio-1440-inspector")
    inspector.locator("#title").fill("Feedback geben im Plenum")
    inspector.locator("#duration_override").fill("25")
    inspector.locator("button[type=submit].primary").click()
    expect(page.locator(f"#card-{pid}-title")).to_have_text("Feedback geben im Plenum")
    expect(page.locator("#totals")).to_contain_text("Summe: 90 min")
    expect(page.locator(f"#card-{pid}")).to_contain_text("25 min")
    expect(inspector.locator("#inspector-heading")).to_contain_text("Feedback geben im Plenum")
    expect(page.locator("#announce")).to_contain_text("gespeichert")
    assert _still_same_document(page)

    # Invalid input: the message beside the field, nothing saved, the board untouched.
    inspector.locator("#title").fill("")
    inspector.locator("button[type=submit].primary").click()
    expect(inspector.locator("#title-error")).to_be_visible()
    expect(page.locator(f"#card-{pid}-title")).to_have_text("Feedback geben im Plenum")
    page.click(".inspector-close")
    expect(inspector).to_be_hidden()
    expect(page.locator(f"#card-{pid}-title")).to_be_focused()
    assert _still_same_document(page)

    page.reload()
    assert _titles(page, start) == ["Feedback geben", "Feedback geben im Plenum", "Feedback geben"]
    assert _titles(page, praxis) == ["Blitzlicht"]
    expect(page.locator("#totals")).to_contain_text("Summe: 90 min")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    _shot(page, "studio-1440")

    # At 390 px: one stacked list per module, the inspector full-screen.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    boxes = [page.locator(f"#module-{m}").bounding_box() for m in (start, praxis)]
    assert boxes[1]["y"] > boxes[0]["y"] + boxes[0]["height"] - 1  # stacked, not side by side
    assert boxes[0]["width"] > 300
    _shot(page, "studio-390")
    page.click(f"#card-{pid}-title")
    expect(page.locator("#inspector-heading")).to_be_visible()
    box = page.locator("#inspector").bounding_box()
    assert box["x"] == 0 and box["width"] == 390
    page.screenshot(path=str(SHOTS / "studio-390-inspector.png"))
    page.click(".inspector-close")
    page.click("#drawer-toggle")
    expect(page.locator("#drawer-results .drawer-item").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "studio-390-drawer.png"))
    assert csp_errors == []


def _placements(module_id: int) -> list[Placement]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            db.select(Placement)
            .where(Placement.module_id == module_id)
            .order_by(Placement.position)
        )
    )


def test_two_people_save_the_same_nugget_in_the_inspector(
    browser, live_server, workspace, make_user
):
    """Two browsers edit one nugget in their inspectors; the later save is merged and
    shown in place, the person checks it and saves, and both changes are kept."""
    anna = make_user("anna@example.org", workspace=workspace, role="designer")
    bert = make_user("bert@example.org", workspace=workspace, role="designer")
    design = designs.create_design(anna, workspace, "Zu zweit")
    module = designs.add_module(anna, design, "Start")
    placement = placements.add_new_nugget(
        anna, design, module.id, {"title": "Einstieg", "duration_minutes": 15}
    )
    db.session.commit()
    pages = {}
    for user in (anna, bert):
        pg = browser.new_context(locale="de-DE").new_page()
        _log_in(pg, live_server, user.email)
        pg.goto(f"{live_server}/designs/{design.id}/canvas")
        pg.click(f"#card-{placement.id}-title")
        expect(pg.locator("#inspector #title")).to_have_value("Einstieg")
        pages[user.email] = pg
    first, second = pages[bert.email], pages[anna.email]
    first.fill("#inspector #title", "Einstieg mit Blitzlicht")
    first.click("#inspector button[type=submit].primary")
    expect(first.locator(f"#card-{placement.id}-title")).to_have_text("Einstieg mit Blitzlicht")
    second.fill("#inspector #summary", "Jede Person nennt ihre Erwartung.")
    second.click("#inspector button[type=submit].primary")
    expect(second.locator("#inspector section.conflict")).to_be_visible()
    assert second.input_value("#inspector #title") == "Einstieg mit Blitzlicht"
    assert second.input_value("#inspector #summary") == "Jede Person nennt ihre Erwartung."
    second.click("#inspector button[type=submit].primary")
    expect(second.locator("#inspector section.conflict")).to_have_count(0)
    expect(second.locator(f"#card-{placement.id}-title")).to_have_text("Einstieg mit Blitzlicht")
    nugget = db.session.get(Nugget, placement.nugget_id)
    db.session.refresh(nugget)
    assert (nugget.title, nugget.summary) == (
        "Einstieg mit Blitzlicht",
        "Jede Person nennt ihre Erwartung.",
    )
    for pg in pages.values():
        pg.context.close()


def test_modules_are_added_renamed_moved_and_deleted_in_place(page, live_server, studio):
    user, design, _ = studio
    start, praxis = module_ids(design)
    _log_in(page, live_server, user.email)
    page.goto(f"{live_server}/designs/{design.id}/canvas")
    _no_page_load(page)
    page.fill("#new-module-title", "Transfer")
    page.click("#module-new button[type=submit]")
    lanes = page.locator("#lanes > section.lane h2")
    expect(lanes).to_have_text(["Start", "Praxis", "Transfer", "Neues Modul"])
    expect(page.locator("#lanes section.lane h2").nth(2)).to_be_focused()
    expect(page.locator("#new-module-title")).to_have_value("")
    new = page.locator("#lanes section.lane").nth(2).get_attribute("id").split("-")[1]
    page.click(f"#module-{new}-menu")
    page.fill(f"#rename-{new}-title", "Transfer in den Alltag")
    page.click(f"#module-{new} .lane-menu-body button:has-text('Umbenennen')")
    expect(lanes).to_have_text(["Start", "Praxis", "Transfer in den Alltag", "Neues Modul"])
    page.click(f"#module-{new}-menu")
    page.click(f"#module-{new}-left")
    expect(lanes).to_have_text(["Start", "Transfer in den Alltag", "Praxis", "Neues Modul"])
    expect(page.locator("#announce")).to_contain_text("Spalte 2 von 3")
    page.click(f"#module-{praxis}-menu")
    page.click(f"#module-{praxis} .lane-menu-body button.danger")
    expect(lanes).to_have_text(["Start", "Transfer in den Alltag", "Neues Modul"])
    assert _still_same_document(page)
    assert serious_violations(page) == []


def test_the_example_course_in_the_studio(page, live_server, workspace, make_user, example_design):
    """The example course as a trainer meets it, at 1440 and 390 px (screenshots)."""
    user = make_user("trainer@example.org", workspace=workspace, role="designer")
    _log_in(page, live_server, user.email)
    for width, height in ((1440, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server}/designs/{example_design.id}/canvas")
        expect(page.locator(".nugget-card")).to_have_count(11)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert serious_violations(page) == []
        _shot(page, f"example-{width}")
