"""The studio's board in a real Chromium: add nuggets, drag one to another module, move
one by keyboard, watch the totals, reload and find everything saved; axe-core on each page.

Runs against a live server on 127.0.0.1 (random port) with CSRF protection on."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from designer.extensions import db
from designer.models import Nugget, Placement
from designer.services import designs, placements
from tests.browser import serious_violations
from tests.canvas.conftest import module_ids
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e


@pytest.fixture
def csp_errors(page):
    """Console messages about the Content Security Policy (there must be none)."""
    found: list[str] = []
    page.on(
        "console",
        lambda msg: found.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    return found


def _log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def _add_nugget(page, module_id: int, title: str, minutes: int) -> None:
    column = page.locator(f"#module-{module_id}")
    column.locator("details.add-nugget > summary").click()
    page.fill(f"#add-{module_id}-title", title)
    page.select_option(f"#add-{module_id}-learning_type", "practice")
    page.select_option(f"#add-{module_id}-delivery_mode", "live_online")
    page.fill(f"#add-{module_id}-duration_minutes", str(minutes))
    column.locator("details.add-nugget button[type=submit]").click()
    page.locator(f"#module-{module_id} .nugget-card", has_text=title).wait_for()


def _titles(page, module_id: int) -> list[str]:
    return page.locator(f"#module-{module_id} .card-title").all_inner_texts()


def test_canvas_in_the_browser(
    page, live_server, csp_errors, workspace, make_user, app
):  # fmt: skip
    user = make_user("browser@example.org", workspace=workspace, role="designer")
    design = designs.create_design(user, workspace, "Moderation im Browser")
    designs.add_module(user, design, "Start")
    designs.add_module(user, design, "Praxis")
    design.planned_workload_minutes = 120
    db.session.commit()
    start, praxis = module_ids(design)

    _log_in(page, live_server, user.email)
    page.goto(f"{live_server}/designs/{design.id}/canvas")
    assert "Summe: 0 min" in page.inner_text("#totals")

    for title, minutes in (("Eins", 10), ("Zwei", 20), ("Drei", 30)):
        _add_nugget(page, start, title, minutes)
    assert _titles(page, start) == ["Eins", "Zwei", "Drei"]
    assert "Summe: 60 min" in page.inner_text("#totals")
    assert "Live online: 60 min" in page.inner_text("#totals")

    # Drag "Drei" into "Praxis" with the mouse (SortableJS, fallback mode).
    handle = page.locator(f"#module-{start} .nugget-card", has_text="Drei").locator(".drag-handle")
    target = page.locator(f"#module-{praxis} ol.cards")
    source_box, target_box = handle.bounding_box(), target.bounding_box()
    page.mouse.move(source_box["x"] + 4, source_box["y"] + 4)
    page.mouse.down()
    page.mouse.move(target_box["x"] + 40, target_box["y"] + 20, steps=25)
    page.mouse.move(target_box["x"] + 50, target_box["y"] + 25, steps=5)
    page.mouse.up()
    expect(page.locator("#announce")).to_contain_text("Praxis")
    assert _titles(page, praxis) == ["Drei"]
    assert "30 min" in page.inner_text(f"#module-{praxis} .lane-total")

    # Move "Zwei" up with the keyboard; focus stays on the moved card.
    page.locator(f"#module-{start} .card-title a", has_text="Zwei").focus()
    page.keyboard.press("ArrowUp")
    expect(page.locator("#announce")).to_contain_text("Position 1 von 2")
    assert _titles(page, start) == ["Zwei", "Eins"]
    moved = page.locator(f"#module-{start} .nugget-card", has_text="Zwei").get_attribute("id")
    expect(page.locator(f"#{moved} :focus")).to_have_count(1)

    page.reload()
    assert _titles(page, start) == ["Zwei", "Eins"]
    assert _titles(page, praxis) == ["Drei"]
    assert "Summe: 60 min" in page.inner_text("#totals")
    assert serious_violations(page) == []

    # Someone else moves "Eins" meanwhile: the stale keyboard move is refused (409), the
    # page says so and shows the board as it is now.
    db.session.expire_all()
    eins = db.session.scalars(
        db.select(Placement)
        .join(Nugget, Nugget.id == Placement.nugget_id)
        .where(Nugget.title == "Eins")
    ).one()
    placements.move_placement(user, design, eins.id, start, 0, eins.lock_version)
    db.session.commit()
    page.focus(f"#card-{eins.id}-title")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#announce")).to_contain_text("inzwischen geändert")
    expect(page.locator(f"#module-{start} .card-title")).to_have_text(["Eins", "Zwei"])

    title = page.locator(f"#module-{start} .card-title a", has_text="Zwei")
    full_page = title.get_attribute("href")
    title.click()
    page.wait_for_selector("#inspector form.editor")
    assert serious_violations(page) == []
    page.goto(f"{live_server}{full_page}")  # the same form on a page of its own
    page.wait_for_selector("form.editor")
    assert serious_violations(page) == []

    page.goto(f"{live_server}/w/{workspace.slug}/library")
    assert page.locator("table.library tbody tr").count() == 3
    assert serious_violations(page) == []
    assert csp_errors == []


def test_canvas_shows_another_persons_change_without_reload(
    page, live_server, workspace, make_user
):  # fmt: skip
    """Live updates: the open canvas learns of a colleague's change from the event feed."""
    viewer = make_user("browser@example.org", workspace=workspace, role="designer")
    colleague = make_user("colleague@example.org", workspace=workspace, role="designer")
    design = designs.create_design(viewer, workspace, "Gemeinsam planen")
    designs.add_module(viewer, design, "Start")
    db.session.commit()
    _log_in(page, live_server, viewer.email)
    page.goto(f"{live_server}/designs/{design.id}/canvas")
    page.wait_for_timeout(500)  # the first poll learns where the feed stands
    module = designs.add_module(colleague, design, "Transfer am Arbeitsplatz")
    placements.add_new_nugget(colleague, design, module.id, {"title": "Praxisauftrag"})
    db.session.commit()
    expect(page.locator(f"#module-{module.id}")).to_contain_text("Praxisauftrag", timeout=15000)
    assert page.url.endswith("/canvas")


def test_quality_panel_and_comments_on_the_canvas(page, live_server, workspace, make_user):
    """The quality panel follows the canvas's own changes; cards show their open comments."""
    from designer.services import comments

    user = make_user("browser@example.org", workspace=workspace, role="designer")
    design = designs.create_design(user, workspace, "Qualität im Blick")
    module = designs.add_module(user, design, "Start")
    placement = placements.add_new_nugget(
        user, design, module.id, {"title": "Quiz ohne Fragen", "activity_kind": "quiz"}
    )
    comments.add_comment(user, design, "Bitte Fragen ergänzen.", "placement", placement.id, None)
    db.session.commit()
    _log_in(page, live_server, user.email)
    page.goto(f"{live_server}/designs/{design.id}/canvas")
    panel = page.locator("#quality-panel")
    expect(panel).to_contain_text("Quiz ohne Fragen", timeout=10000)
    card = page.locator(f"#card-{placement.id}")
    expect(card.locator(".count-comments")).to_contain_text("1")
    card.locator(".card-menu-button").click()
    page.click("#card-menu-comments")
    expect(page.locator("#inspector-comments-heading")).to_be_focused()
    expect(page.locator("#inspector .inspector-thread")).to_contain_text("Bitte Fragen ergänzen.")
    _add_nugget(page, module.id, "Zweites Quiz", 10)
    expect(panel).to_contain_text("Zweites Quiz", timeout=10000)


def test_two_people_save_the_same_nugget_and_nothing_is_lost(
    browser, live_server, workspace, make_user
):
    """Two real browser contexts at the same time edit one nugget; the later save is
    merged and shown, the person checks it and saves, and both changes are there."""
    anna = make_user("anna@example.org", workspace=workspace, role="designer")
    bert = make_user("bert@example.org", workspace=workspace, role="designer")
    design = designs.create_design(anna, workspace, "Zu zweit")
    module = designs.add_module(anna, design, "Start")
    placement = placements.add_new_nugget(
        anna, design, module.id, {"title": "Einstieg", "duration_minutes": 15}
    )
    db.session.commit()
    url = f"{live_server}/designs/{design.id}/nuggets/{placement.id}/edit"
    pages = {}
    for user in (anna, bert):
        pg = browser.new_context(locale="de-DE").new_page()
        _log_in(pg, live_server, user.email)
        pg.goto(url)
        pages[user.email] = pg
    first, second = pages[bert.email], pages[anna.email]
    first.fill("#title", "Einstieg mit Blitzlicht")
    first.click("form.editor button[type=submit].primary")
    first.wait_for_url("**/canvas")
    second.fill("#summary", "Jede Person nennt ihre Erwartung.")
    second.click("form.editor button[type=submit].primary")
    expect(second.locator("section.conflict")).to_be_visible()
    assert second.input_value("#title") == "Einstieg mit Blitzlicht"
    assert second.input_value("#summary") == "Jede Person nennt ihre Erwartung."
    second.click("form.editor button[type=submit].primary")
    second.wait_for_url("**/canvas")
    nugget = db.session.get(Nugget, placement.nugget_id)
    db.session.refresh(nugget)
    assert (nugget.title, nugget.summary) == (
        "Einstieg mit Blitzlicht",
        "Jede Person nennt ihre Erwartung.",
    )
    for pg in pages.values():
        pg.context.close()


def test_a_refused_move_names_who_moved_first(page, live_server, csp_errors, workspace, make_user):
    user = make_user("browser@example.org", workspace=workspace, role="designer")
    other = make_user("olga@example.org", workspace=workspace, role="designer", name="Olga Ost")
    design = designs.create_design(user, workspace, "Zwei Hände")
    module = designs.add_module(user, design, "Start")
    for title in ("Eins", "Zwei"):
        placements.add_new_nugget(
            user, design, module.id, {"title": title, "learning_type": "practice"}
        )
    db.session.commit()
    _log_in(page, live_server, user.email)
    page.goto(f"{live_server}/designs/{design.id}/canvas")
    zwei = db.session.scalars(db.select(Placement).join(Nugget).where(Nugget.title == "Zwei")).one()
    placements.move_placement(other, design, zwei.id, module.id, 0, zwei.lock_version)
    db.session.commit()
    page.focus(f"#card-{zwei.id}-title")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#announce")).to_contain_text("Olga Ost hat das inzwischen geändert.")
    assert csp_errors == []
