"""The preview in a real Chromium under the app's Content-Security-Policy: the player runs
(navigation, a quiz, progress), images load, no serious axe-core violation on a phone."""

from __future__ import annotations

import pytest

from tests.browser import serious_violations
from tests.conftest import PASSWORD
from tests.paths import ROOT

pytestmark = pytest.mark.e2e

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"


def test_author_takes_the_course_in_the_preview(
    page, live_server, workspace, make_user, example_design
):
    user = make_user("viewer@example.org", workspace=workspace, role="viewer")
    refused: list[str] = []
    page.goto(f"{live_server}/login")
    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{live_server}/")
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: refused.append(r.url) if r.status >= 400 else None)

    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"{live_server}/designs/{example_design.id}/preview#n2")
    page.get_by_role("heading", level=2, name="Input: Lernzielgruppen im Betrieb").wait_for()
    assert page.locator("#n2 img").evaluate("img => img.complete && img.naturalWidth > 0")
    page.locator("#n2").get_by_role("button", name="Als erledigt markieren").click()
    assert page.locator(".kw-progress-text").inner_text() == "1 von 7 erledigt"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "preview-1440-n2.png", full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Inhalt").click()
    page.locator(".kw-nav").get_by_role("link", name="Selbsttest: Medien und Methoden").click()
    quiz = page.locator("#n5")
    quiz.get_by_label("Substitution").check()
    quiz.get_by_label("Lernvideo").check()
    quiz.get_by_label("Forum").check()
    quiz.get_by_label("Falsch").check()
    quiz.get_by_role("button", name="Antworten prüfen").click()
    assert quiz.locator(".kw-result").inner_text().startswith("3 von 3 Fragen richtig")
    assert serious_violations(page) == []
    page.screenshot(path=SCREENSHOTS / "preview-390-n5.png", full_page=True)
    assert refused == []
