"""From a built-in template to a filled-in nugget without leaving the studio (issue 13, item 9).

A subject expert who has never seen Kurswerk chooses a template in the gallery, lands in the
studio with a to-do list instead of a wall of warnings, adds a nugget from the library drawer,
drags a card, moves one by keyboard and back, fills a placeholder nugget in the inspector with
bold text and a link through the editor's toolbar, and watches the card, the totals and the
quality light change, all in one document. The saved content reaches the learner sanitised.
axe-core runs on every studio state at 1440 and 390 px; screenshots go to
test-artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from designer.extensions import db
from designer.models import Design, Nugget, Placement
from designer.services.nuggets import create_nugget
from tests.browser import serious_violations
from tests.canvas.conftest import module_ids
from tests.canvas.test_browser_canvas import _log_in, csp_errors  # noqa: F401
from tests.paths import ROOT

pytestmark = pytest.mark.e2e

SHOTS = ROOT / "test-artifacts" / "screenshots"


def _shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def _fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def _titles(page, module_id: int) -> list[str]:
    return page.locator(f"#module-{module_id} .card-title").all_inner_texts()


@pytest.fixture
def expert(workspace, make_user):
    """A subject expert of the workspace and one nugget in its library."""
    user = make_user("expertin@example.org", workspace=workspace, role="expert")
    coordinator = make_user("lib@example.org", workspace=workspace, role="designer")
    create_nugget(
        coordinator,
        workspace,
        {
            "title": "Blitzlicht zum Abschluss",
            "duration_minutes": 10,
            "delivery_mode": "on_site",
            "license": "CC0-1.0",
            "attribution": "Akademie Nord",
        },
    )
    db.session.commit()
    return user


def _make_from_template(page, live_server, workspace) -> int:
    """Chooses the built-in blended-learning template in the gallery; returns the new
    design's id."""
    page.goto(f"{live_server}/w/{workspace.slug}/designs/new")
    page.locator(".template-card", has=page.locator("input[value='builtin:blended']")).locator(
        "label"
    ).click()
    page.fill("#title", "Digitale Medien im Unterricht")
    page.click("form button[type=submit].primary")
    page.wait_for_url(re.compile(r"/designs/\d+/"))
    db.session.expire_all()
    return int(re.search(r"/designs/(\d+)/", page.url).group(1))


def _quality_words(page) -> str:
    words = page.locator("nav.design-nav .nav-quality .quality-words")
    expect(words).to_be_visible()
    return words.inner_text()


def test_from_a_template_to_a_filled_nugget_in_the_studio(
    page,
    live_server,
    csp_errors,  # noqa: F811
    workspace,
    expert,
):
    page.set_viewport_size({"width": 1440, "height": 900})
    _log_in(page, live_server, expert.email)
    design_id = _make_from_template(page, live_server, workspace)
    design = db.session.get(Design, design_id)
    first, second = module_ids(design)[:2]
    _shot(page, "e2e-1440-wizard-after-gallery")

    # From the Grobkonzept wizard to the studio through the design's navigation.
    page.locator("nav.design-nav").get_by_role("link", name="Studio").click()
    page.wait_for_url(f"{live_server}/designs/{design_id}/canvas")
    page.evaluate("window.__studioMarker = 'kept'")
    # No wall of warnings: the light is not red, the template's gaps are a to-do list.
    light = page.locator("nav.design-nav .nav-quality .light")
    expect(light).to_have_count(1)
    expect(light).not_to_have_class(re.compile(r"light-error"))
    before_quality = _quality_words(page)
    page.locator("details.studio-quality > summary").click()
    expect(page.locator("#quality-panel details.to-fill summary")).to_contain_text(
        "Noch zu füllen:"
    )
    expect(page.locator("#quality-panel .finding-group.group-error")).to_have_count(0)
    placeholders = page.locator(".nugget-card:has(.placeholder-tag)")
    assert placeholders.count() >= 3
    _shot(page, "e2e-1440-studio-from-template")
    page.locator("details.studio-quality > summary").click()

    # Add from the drawer into the first module.
    totals_before = page.locator("#totals").inner_text()
    count_before = page.locator(f"#module-{first} .nugget-card").count()
    page.click("#drawer-toggle")
    expect(page.locator("#drawer-q")).to_be_focused()
    page.fill("#drawer-q", "Blitzlicht")
    item = page.locator("#drawer-results .drawer-item", has_text="Blitzlicht zum Abschluss")
    expect(item).to_have_count(1)
    page.select_option("#drawer-module", str(first))
    item.locator("button").click()
    expect(page.locator(f"#module-{first} .nugget-card")).to_have_count(count_before + 1)
    expect(page.locator("#totals")).not_to_have_text(totals_before)
    page.click(".drawer-close")
    expect(page.locator("#drawer")).to_be_hidden()

    # Drag the added card into the second module.
    card = page.locator(f"#module-{first} .nugget-card", has_text="Blitzlicht zum Abschluss")
    second_count = page.locator(f"#module-{second} .nugget-card").count()
    handle, target = card.locator(".drag-handle"), page.locator(f"#module-{second} ol.cards")
    target.scroll_into_view_if_needed()
    source_box, target_box = handle.bounding_box(), target.bounding_box()
    page.mouse.move(source_box["x"] + 4, source_box["y"] + 4)
    page.mouse.down()
    page.mouse.move(target_box["x"] + 40, target_box["y"] + 20, steps=25)
    page.mouse.move(target_box["x"] + 50, target_box["y"] + 25, steps=5)
    page.mouse.up()
    expect(page.locator(f"#module-{second} .nugget-card")).to_have_count(second_count + 1)
    expect(
        page.locator(f"#module-{second} .nugget-card", has_text="Blitzlicht zum Abschluss")
    ).to_have_count(1)

    # Keyboard: ↓ then ↑ (and → then ←) restore the order.
    before = {first: _titles(page, first), second: _titles(page, second)}
    pid = page.locator(f"#module-{first} .nugget-card").first.get_attribute("data-pid")
    page.focus(f"#card-{pid}-title")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#announce")).to_contain_text("Position 2")
    expect(page.locator(f"#card-{pid}-title")).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(page.locator("#announce")).to_contain_text("Position 1")
    page.keyboard.press("ArrowRight")
    expect(page.locator(f"#module-{second} #card-{pid}")).to_have_count(1)
    page.keyboard.press("ArrowLeft")
    expect(page.locator(f"#module-{first} #card-{pid}")).to_have_count(1)
    assert {first: _titles(page, first), second: _titles(page, second)} == before

    # Open a placeholder card in the inspector and fill it through the toolbar.
    placeholder = page.locator(".nugget-card:has(.placeholder-tag)").first
    ppid = placeholder.get_attribute("data-pid")
    page.click(f"#card-{ppid}-title")
    inspector = page.locator("#inspector")
    expect(page.locator("#inspector-heading")).to_be_focused()
    editor = inspector.locator(".ql-editor")
    expect(editor).to_be_visible()
    expect(inspector.locator("#content_html")).to_be_hidden()
    totals_before = page.locator("#totals").inner_text()
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Wichtig")
    page.keyboard.press("Shift+Home")
    inspector.get_by_role("button", name="Fett").click()
    page.keyboard.press("End")
    inspector.get_by_role("button", name="Fett").click()
    page.keyboard.type(" ist die ")
    page.keyboard.type("Quelle")
    for _ in "Quelle":
        page.keyboard.press("Shift+ArrowLeft")
    page.once("dialog", lambda dialog: dialog.accept("https://example.org/quelle"))
    inspector.get_by_role("button", name="Link").click()
    expect(editor.locator("strong")).to_have_text("Wichtig")
    expect(editor.locator("a")).to_have_text("Quelle")
    # Dates and times with the browser's pickers (30.11.2026 in German), not ISO text.
    expect(inspector.locator("#schedule_date")).to_have_attribute("type", "date")
    expect(inspector.locator("#schedule_start")).to_have_attribute("type", "time")
    inspector.locator("#license").fill("CC0-1.0")
    inspector.locator("#attribution").fill("Eigene Ausarbeitung")
    inspector.locator("#duration_override").fill("37")
    inspector.locator("button[type=submit].primary").click()
    expect(page.locator("#announce")).to_contain_text("gespeichert")
    expect(page.locator(f"#card-{ppid} .placeholder-tag")).to_have_count(0)
    expect(page.locator(f"#card-{ppid}")).to_contain_text("37 min")
    expect(page.locator("#totals")).not_to_have_text(totals_before)
    expect(page.locator("nav.design-nav .nav-quality .quality-words")).not_to_have_text(
        before_quality
    )
    after_quality = _quality_words(page)
    expect(light).not_to_have_class(re.compile(r"light-error"))
    assert page.evaluate("window.__studioMarker") == "kept"
    _shot(page, "e2e-1440-inspector-saved")

    # The content arrived sanitised and reaches the learner as formatted text.
    db.session.expire_all()
    nugget = db.session.get(Nugget, db.session.get(Placement, int(ppid)).nugget_id)
    assert "<strong>Wichtig</strong>" in nugget.content_html
    assert '<a href="https://example.org/quelle"' in nugget.content_html
    assert not nugget.placeholder
    page.goto(f"{live_server}/designs/{design_id}/preview/nuggets/{ppid}")
    expect(page.locator("main strong", has_text="Wichtig")).to_be_visible()
    expect(page.locator("main a", has_text="Quelle")).to_have_attribute(
        "href", "https://example.org/quelle"
    )
    # The same light on every page of the design, with or without htmx on the page.
    for section in ("quality/report", "revisions", "analysis", "export", "wizard/audience"):
        page.goto(f"{live_server}/designs/{design_id}/{section}")
        expect(page.locator("nav.design-nav .nav-quality .quality-words")).to_have_text(
            after_quality
        )
    assert csp_errors == []


@pytest.mark.parametrize("width", [1440, 390])
def test_every_studio_state_passes_axe_and_fits(page, live_server, workspace, expert, width):
    """Drawer, inspector with the editor, card menu and lane menu open: no serious or
    critical axe violation and no sideways scroll of the page; a screenshot of each."""
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 844})
    _log_in(page, live_server, expert.email)
    design_id = _make_from_template(page, live_server, workspace)
    first = module_ids(db.session.get(Design, design_id))[0]
    page.goto(f"{live_server}/designs/{design_id}/canvas")
    expect(page.locator(".nugget-card").first).to_be_visible()
    # The design's sections are one row (on a phone it scrolls sideways inside itself).
    links = page.locator("nav.design-nav a").all()
    assert len({round(link.bounding_box()["y"]) for link in links}) == 1
    assert serious_violations(page) == []
    assert _fits(page)
    _shot(page, f"e2e-{width}-studio")

    page.click("#drawer-toggle")
    expect(page.locator("#drawer-results .drawer-item").first).to_be_visible()
    assert serious_violations(page) == []
    assert _fits(page)
    _shot(page, f"e2e-{width}-drawer", full_page=False)
    page.click(".drawer-close")

    pid = page.locator(f"#module-{first} .nugget-card").first.get_attribute("data-pid")
    page.click(f"#card-{pid}-menu")
    expect(page.locator("#card-menu")).to_be_visible()
    assert serious_violations(page) == []
    assert _fits(page)
    _shot(page, f"e2e-{width}-card-menu", full_page=False)
    page.keyboard.press("Escape")
    expect(page.locator("#card-menu")).to_be_hidden()

    page.click(f"#module-{first}-menu")
    expect(page.locator(f"#module-{first} .lane-menu-body")).to_be_visible()
    assert serious_violations(page) == []
    assert _fits(page)
    _shot(page, f"e2e-{width}-lane-menu", full_page=False)
    page.click(f"#module-{first}-menu")

    page.click(f"#card-{pid}-title")
    expect(page.locator("#inspector .ql-editor")).to_be_visible()
    assert serious_violations(page) == []
    assert _fits(page)
    _shot(page, f"e2e-{width}-inspector", full_page=False)
