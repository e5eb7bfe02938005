"""In a real Chromium against a live server (CSRF and CSP on): from the gallery through
the whole wizard, with accessibility checks by axe-core on every page on the way, and the
print view as an A4 PDF."""

from __future__ import annotations

import subprocess

import pytest

from designer.extensions import db
from tests.browser import serious_violations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e

OBJECTIVES = (
    ("Die Teilnehmenden analysieren die Lernvoraussetzungen ihrer Zielgruppe.", "analyze"),
    ("Die Teilnehmenden erstellen ein Erklärvideo von höchstens fünf Minuten.", "create"),
)


@pytest.fixture
def account(live_server, make_user):
    from designer.services import workspaces

    user = make_user("anna@example.org", name="Anna Berg")
    workspace = workspaces.create_workspace(user, "Akademie Nord")
    db.session.commit()
    return live_server, workspace.slug


def test_blended_design_through_gallery_and_wizard(page, account, tmp_path):
    base, slug = account
    csp_errors: list[str] = []
    page.on(
        "console",
        lambda msg: csp_errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )

    def check_accessible():
        assert serious_violations(page) == [], page.url

    page.goto(f"{base}/login")
    page.fill("#email", "anna@example.org")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(f"{base}/")
    check_accessible()

    # The gallery
    page.goto(f"{base}/w/{slug}/designs/new")
    check_accessible()
    page.check("input[value='builtin:blended']")
    page.fill("#title", "Digitale Lernangebote entwickeln")
    page.select_option("#language", "de")
    page.click("main form button.primary")
    page.wait_for_url("**/wizard/audience")
    design_url = page.url.rsplit("/wizard/", 1)[0]

    # Step 1: target group and need
    assert page.inner_text("#step-count") == "Schritt 1 von 6"
    assert page.get_attribute("a[aria-current=step]", "href").endswith("/wizard/audience")
    check_accessible()
    page.fill("#target_group", "Ausbilder*innen aus KMU eines Technologie-Clusters")
    page.fill("#initial_situation", "Schulungen sind bisher Präsenzvorträge.")
    page.click("button[name=go][value=next]")

    # Step 2: prerequisites
    page.wait_for_url("**/wizard/prerequisites")
    check_accessible()
    page.fill("#prerequisites", "Sicherer Umgang mit Office-Programmen")
    page.click("button[name=go][value=next]")

    # Step 3: objectives, with the vague-verb warning while typing
    page.wait_for_url("**/wizard/objectives")
    check_accessible()
    page.fill("#new-objective-text", "Die Teilnehmenden verstehen ihre Zielgruppe.")
    assert "verstehen" in page.inner_text("#new-objective-vague")
    for text, level in OBJECTIVES:
        page.fill("#new-objective-text", text)
        assert page.inner_text("#new-objective-vague") == ""
        page.select_option("#new-objective-level", level)
        assert page.inner_text("#new-objective-verbs").startswith("Vorgeschlagene Verben:")
        page.click("form.objective-new button[type=submit]")
        page.wait_for_url("**/wizard/objectives")
    check_accessible()
    page.click(".wizard-nav a.primary")

    # Step 4: format and frame; the template filled in the format
    page.wait_for_url("**/wizard/frame")
    check_accessible()
    assert page.input_value("#format_summary").startswith("Blended Learning")
    page.fill("#planned_workload_minutes", "1200")
    page.fill("#start_date", "2027-02-01")
    page.fill("#end_date", "2027-03-26")
    page.fill("#participants_min", "8")
    page.fill("#participants_max", "16")
    page.fill("#framework_conditions", "Lernplattform des Clusters")
    page.click("button[name=go][value=next]")

    # Step 5 and 6
    page.wait_for_url("**/wizard/assessment")
    check_accessible()
    page.fill("#assessment_concept", "Arbeitsprobe mit Präsentation")
    page.fill("#evaluation_plan", "Feedbackbogen nach jedem Modul")
    page.click("button[name=go][value=next]")
    page.wait_for_url("**/wizard/offer")
    check_accessible()
    page.fill("#offer_description", "In acht Wochen zum eigenen Lernangebot.")
    page.click("button[name=go][value=next]")
    page.wait_for_url(design_url)

    # Reload: everything is there.
    page.goto(f"{design_url}/wizard/frame")
    page.reload()
    assert page.input_value("#planned_workload_minutes") == "1200"
    assert page.input_value("#participants_max") == "16"
    assert page.input_value("#start_date") == "2027-02-01"
    page.goto(f"{design_url}/wizard/objectives")
    texts = page.locator("ol.objective-list input[name=text]")
    assert [texts.nth(i).input_value() for i in range(texts.count())] == [t for t, _ in OBJECTIVES]
    levels = page.locator("ol.objective-list select[name=bloom_level]")
    assert [levels.nth(i).input_value() for i in range(levels.count())] == [
        lv for _, lv in OBJECTIVES
    ]
    page.goto(f"{design_url}/grobkonzept")
    assert page.input_value("#offer_description") == "In acht Wochen zum eigenen Lernangebot."
    check_accessible()
    overview = page.goto(design_url)
    assert overview.ok
    body = page.inner_text("main")
    for expected in (
        "Ausbilder*innen aus KMU",
        "Sicherer Umgang mit Office-Programmen",
        "Arbeitsprobe mit Präsentation",
        "Feedbackbogen nach jedem Modul",
        "In acht Wochen zum eigenen Lernangebot.",
        "Transfer am Arbeitsplatz",
    ):
        assert expected in body
    assert csp_errors == []

    # The print view as an A4 PDF
    page.goto(f"{design_url}/print")
    check_accessible()
    pdf = tmp_path / "design.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in (
        "Digitale Lernangebote entwickeln",
        "Verlaufsplan",
        "Kennenlernen und Erwartungen",
        "Blitzlicht",
        "Feedbackrunde",
        OBJECTIVES[1][0][:40],
        "Online im eigenen Tempo",
    ):
        assert expected in " ".join(text.split()), expected


def test_quality_panel_on_the_grobkonzept_pages(page, account):
    base, slug = account
    page.goto(f"{base}/login")
    page.fill("#email", "anna@example.org")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{base}/w/{slug}/designs/new")
    page.check("input[value='builtin:blank']")
    page.fill("#title", "Ohne Zielgruppe")
    page.click("main form button.primary")
    page.wait_for_url("**/wizard/audience")
    panel = page.locator("#quality-panel")
    panel.locator("h2").wait_for(timeout=10000)
    before = panel.inner_text()
    assert "Zielgruppe" in before  # the learner-information rule names the missing field
    page.fill("#target_group", "Ausbilder*innen aus KMU")
    page.fill("#initial_situation", "Schulungen sind bisher Präsenzvorträge.")
    page.click("button[name=go][value=stay]")
    panel.locator("h2").wait_for(timeout=10000)
    assert panel.inner_text() != before
