"""The nugget content in a real Chromium: a WYSIWYG editor (Quill, vendored) that never shows
HTML unless asked, formats with buttons, inserts an attached image with its alt text, cleans
text pasted from Word, and posts HTML the server sanitises and shows again as formatted text."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from designer.extensions import db
from designer.models import Nugget
from designer.services import designs, placements
from designer.services.assets import attach_upload
from tests.browser import serious_violations
from tests.conftest import PASSWORD

pytestmark = pytest.mark.e2e

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)

# What Word puts on the clipboard, shortened: Office namespaces, conditional comments,
# mso styles, classes, fonts and empty <o:p> paragraphs.
WORD_HTML = (Path(__file__).parent / "word_paste.html").read_text(encoding="utf-8")


def _paste(page, html: str) -> None:
    page.locator(".ql-editor").evaluate(
        """(root, html) => {
            const data = new DataTransfer();
            data.setData('text/html', html);
            data.setData('text/plain', 'Wichtig ist die Übung. Erster Punkt');
            const init = {clipboardData: data, bubbles: true, cancelable: true};
            root.dispatchEvent(new ClipboardEvent('paste', init));
        }""",
        html,
    )


@pytest.fixture
def made(app, workspace, make_user):
    """A designer, a design with one nugget whose content is a paragraph, and a PNG attached."""
    user = make_user("rich@example.org", workspace=workspace, role="designer")
    design = designs.create_design(user, workspace, "Reich an Text")
    module = designs.add_module(user, design, "Start")
    placement = placements.add_new_nugget(
        user, design, module.id, {"title": "Einstieg", "content_html": "<p>Vorher</p>"}
    )
    nugget = db.session.get(Nugget, placement.nugget_id)
    asset = attach_upload(
        user,
        nugget,
        io.BytesIO(PNG),
        "modell.png",
        {"alt_text": "Das SAMR-Modell in vier Stufen", "license": "CC0-1.0", "attribution": ""},
        app.extensions["file_store"],
        10_000_000,
        nugget.lock_version,
        via=design,
    )
    db.session.commit()
    return user, f"/designs/{design.id}/nuggets/{placement.id}", placement.nugget_id, asset.id


@pytest.fixture
def editing(page, live_server, made):
    user, base, nugget_id, _asset_id = made
    page.goto(f"{live_server}/login")
    page.fill("#email", user.email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{live_server}/")
    url = f"{live_server}{base}/edit"
    page.goto(url)
    expect(page.locator(".ql-editor")).to_be_visible()
    return url, nugget_id


def _stored(nugget_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Nugget, nugget_id).content_html


def test_formats_links_tables_and_images_arrive_as_sanitised_html(page, editing):
    url, nugget_id = editing
    editor = page.locator(".ql-editor")
    # The editor shows text, not tags; the textarea with the HTML is hidden.
    expect(editor).to_have_text("Vorher")
    expect(page.locator("#content_html")).to_be_hidden()
    expect(page.get_by_role("textbox", name="Inhalt")).to_be_visible()
    assert serious_violations(page) == []

    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.type("Lernziele")
    page.get_by_role("button", name="Überschrift", exact=True).click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Fett")
    page.keyboard.press("Shift+Home")
    page.get_by_role("button", name="Fett").click()
    page.keyboard.press("End")
    page.get_by_role("button", name="Fett").click()
    page.keyboard.type(" und ")
    page.once("dialog", lambda dialog: dialog.accept("https://example.org/samr"))
    page.get_by_role("button", name="Link").click()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Aufzählung").click()
    page.keyboard.type("Punkt eins")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Aufzählung").click()
    page.get_by_role("button", name="Bild").click()
    dialog = page.get_by_role("dialog", name="Bild einfügen")
    expect(dialog.get_by_label("Alternativtext")).to_have_value("Das SAMR-Modell in vier Stufen")
    dialog.get_by_label("Alternativtext").fill("Vier Stufen: Ersetzen bis Neugestalten")
    dialog.get_by_role("button", name="Einfügen").click()
    expect(editor.locator("img")).to_have_attribute("alt", "Vier Stufen: Ersetzen bis Neugestalten")
    # The image is shown from the nugget's files, not a broken link.
    assert editor.locator("img").evaluate("img => img.complete && img.naturalWidth") == 1
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Tabelle", exact=True).click()
    page.keyboard.type("A1")
    page.get_by_role("button", name="Zeile hinzufügen").click()
    assert editor.locator("tr").count() == 3

    page.click("form.editor button[type=submit].primary")
    page.wait_for_url("**/canvas")
    stored = _stored(nugget_id)
    assert "<h2>Lernziele</h2>" in stored
    assert "<strong>Fett</strong>" in stored
    link = '<a href="https://example.org/samr" rel="noopener noreferrer">'
    assert link + "https://example.org/samr</a>" in stored
    assert "<ul><li>Punkt eins</li></ul>" in stored
    assert '<img src="modell.png" alt="Vier Stufen: Ersetzen bis Neugestalten">' in stored
    assert "<table>" in stored and "<td>A1</td>" in stored
    assert "data-row" not in stored and "ql-" not in stored and "&nbsp;" not in stored

    # Opened again, the editor shows the formatting, still without tags.
    page.goto(url)
    expect(editor.locator("h2")).to_have_text("Lernziele")
    expect(editor.locator("strong")).to_have_text("Fett")
    expect(editor.locator("a")).to_have_attribute("href", "https://example.org/samr")
    assert "<" not in editor.inner_text()


def test_word_paste_arrives_clean(page, editing):
    _url, nugget_id = editing
    editor = page.locator(".ql-editor")
    editor.click()
    page.keyboard.press("Control+a")
    page.keyboard.press("Delete")
    _paste(page, WORD_HTML)
    expect(editor).to_contain_text("Wichtig ist die Übung.")
    html = page.locator("#content_html").input_value()
    for residue in ("mso", "Mso", "style", "class", "o:p", "font", "Calibri", "color", "<!--"):
        assert residue not in html, (residue, html)
    assert "<strong>Wichtig</strong>" in html
    page.click("form.editor button[type=submit].primary")
    page.wait_for_url("**/canvas")
    stored = _stored(nugget_id)
    assert stored.startswith("<p><strong>Wichtig</strong> ist die Übung.</p>")
    assert "mso" not in stored.lower() and "style" not in stored


def test_html_only_on_request_and_edits_there_count(page, editing):
    _url, nugget_id = editing
    area = page.locator("#content_html")
    toggle = page.get_by_role("button", name="HTML")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    expect(area).to_be_hidden()
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "true")
    expect(area).to_be_visible()
    expect(page.locator(".ql-editor")).to_be_hidden()
    expect(area).to_have_value("<p>Vorher</p>")
    area.fill("<p>Nachher <em>kursiv</em></p><script>alert(1)</script>")
    page.click("form.editor button[type=submit].primary")
    page.wait_for_url("**/canvas")
    assert _stored(nugget_id) == "<p>Nachher <em>kursiv</em></p>"


def test_a_textarea_swapped_in_by_htmx_becomes_an_editor_too(page, editing):
    """The studio's inspector arrives by htmx: its content field gets the editor as well, and
    typing there fills the textarea and fires `input`, so an autosave can pick it up."""
    page.evaluate(
        """() => {
            const box = document.createElement('div');
            box.innerHTML = '<label for="swapped">Inhalt</label>' +
                '<textarea id="swapped" name="content_html" data-rich-text><p>Neu</p></textarea>';
            document.querySelector('main').append(box);
            window.inputs = 0;
            box.querySelector('textarea').addEventListener('input', () => window.inputs++);
            box.dispatchEvent(new CustomEvent('htmx:load', {bubbles: true}));
        }"""
    )
    editor = page.get_by_role("textbox", name="Inhalt").nth(1)
    expect(editor).to_have_text("Neu")
    expect(page.locator("#swapped")).to_be_hidden()
    editor.click()
    page.keyboard.press("End")
    page.keyboard.type(" und mehr")
    expect(page.locator("#swapped")).to_have_value("<p>Neu und mehr</p>")
    assert page.evaluate("window.inputs") >= 1
    # The page's own editor is still the only one for its textarea.
    assert page.locator(".rich-text").count() == 2
