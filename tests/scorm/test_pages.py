"""The HTML pages of a package: language, outline, alt texts, labels, content and texts."""

from __future__ import annotations

import dataclasses
import json

import pytest
from lxml import etree, html

from tests.scorm.helpers import example, export, open_zip

PER_NUGGET = {"packaging": "per_nugget"}


def pages(package: bytes) -> dict[str, html.HtmlElement]:
    zf = open_zip(package)
    return {
        name: html.document_fromstring(zf.read(name))
        for name in zf.namelist()
        if name.endswith(".html")
    }


def english():
    snap = example()
    return dataclasses.replace(snap, language="en")


@pytest.mark.parametrize("packaging", ["per_nugget", "single"])
def test_every_page_is_accessible_html(packaging):
    package = export(example(), "scorm2004", {"packaging": packaging})
    found = pages(package)
    assert found
    for name, doc in found.items():
        assert doc.get("lang") == "de", name
        assert doc.find(".//meta[@name='viewport']") is not None, name
        assert doc.findtext(".//title").strip(), name
        levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1 and levels[0] == 1, name
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), (name, levels)
        assert all(img.get("alt") is not None for img in doc.iter("img")), name
        labelled = {label.get("for") for label in doc.iter("label")}
        assert all(i.get("id") in labelled for i in doc.iter("input")), name
        assert all(b.text_content().strip() for b in doc.iter("button")), name
        assert doc.find(".//a[@href='#main']") is not None, name


def test_images_point_at_packaged_files():
    package = export(example(), "scorm12")
    doc = pages(package)["index.html"]
    img = doc.get_element_by_id("n2").find(".//img")
    assert img.get("src") == "files/persona.png"
    assert img.get("alt") == "Beispiel-Persona einer Maschinenbedienerin"
    assert open_zip(package).read("files/persona.png")[:4] == b"\x89PNG"


def test_materials_are_linked_and_unknown_images_become_text():
    snap = example()
    n3 = snap.nugget("N3")
    broken = dataclasses.replace(
        n3, content_html=n3.content_html + '<p><img src="gone.png" alt="Skizze"></p>'
    )
    snap = dataclasses.replace(snap, nuggets=tuple(broken if n is n3 else n for n in snap.nuggets))
    package = export(
        snap, "scorm12", {"content_modes": "self_paced_online,at_workplace", **PER_NUGGET}
    )
    doc = pages(package)["03-Persona-fuer-die-eigene-Zielgruppe.html"]
    assert doc.find(".//a[@href='files/persona-vorlage.pdf']").text == "persona-vorlage.pdf"
    assert doc.find(".//img") is None
    assert "Skizze" in doc.find(".//div[@class='kw-content']").text_content()


def test_content_headings_follow_the_page_outline():
    per_nugget = pages(export(example(), "scorm12", PER_NUGGET))
    page = per_nugget["02-Input-Lernzielgruppen-im-Betrieb.html"]
    assert page.find(".//h1").text == example().title
    assert page.find(".//h2").text == "Input: Lernzielgruppen im Betrieb"
    assert page.find(".//div[@class='kw-content']/h3").text == "Wer lernt bei uns?"
    single = pages(export(example(), "scorm12"))["index.html"]
    section = single.get_element_by_id("n2")
    assert section.find("h2").text == "Input: Lernzielgruppen im Betrieb"
    assert section.find(".//div[@class='kw-content']/h3").text == "Wer lernt bei uns?"


def test_start_page_shows_objectives_and_workload():
    doc = pages(export(example(), "scorm12", PER_NUGGET))["start.html"]
    body = doc.text_content()
    assert doc.find(".//h1").text == example().title
    headings = [h.text for h in doc.iter("h3")]
    assert headings[:3] == ["Lernziele", "Arbeitsaufwand", "Ablauf"]
    for objective in example().objectives:
        assert objective.text in body
    facts = {dt.text: dt.getnext().text for dt in doc.iter("dt")}
    assert facts["Insgesamt"] == "19 Std."  # 1140 minutes placed
    assert facts["Geplant"] == "20 Std."
    assert facts["Präsenz"] == "7 Std."
    assert facts["Zeitraum"] == "01.02.2027–26.03.2027"
    assert doc.find(".//button[@data-kw-task='start']").text == "Überblick gelesen"


def test_information_pages_tell_date_time_and_place():
    found = pages(export(example(), "scorm12", PER_NUGGET))
    on_site = found["11-Abschlusstag-Praesentation-und-Feedback.html"]
    facts = {dt.text: dt.getnext().text for dt in on_site.iter("dt")}
    assert facts == {
        "Datum": "26.03.2027",
        "Uhrzeit": "09:00–16:00",
        "Ort": "Schulungsraum des Clusters",
        "Dauer": "7 Std.",
        "Durchführung": "Präsenz",
    }
    assert on_site.find(".//script") is None
    live = found["01-Kennenlernen-und-Erwartungen.html"]
    facts = {dt.text: dt.getnext().text for dt in live.iter("dt")}
    assert facts["Datum"] == facts["Ort"] == "wird noch bekannt gegeben"


def test_pages_speak_the_design_language():
    found = pages(export(english(), "scorm2004", PER_NUGGET))
    start = found["start.html"]
    assert start.get("lang") == "en"
    assert [h.text for h in start.iter("h3")][:3] == [
        "Learning objectives",
        "Workload",
        "Course outline",
    ]
    page = found["04-Das-SAMR-Modell.html"]
    assert page.find(".//button[@data-kw-task]").text == "Mark as done"
    quiz = found["05-Selbsttest-Medien-und-Methoden.html"]
    assert quiz.find(".//button[@type='submit']").text == "Check answers"
    texts = json.loads(quiz.find(".//main").get("data-kw-texts"))
    assert texts["passed"] == "Passed."
    assert "Duration: 15 min" in page.find(".//p[@class='kw-meta']").text


def test_link_nugget_opens_safely():
    doc = pages(export(example(), "scorm12", PER_NUGGET))["10-Hilfe-zur-Lernplattform.html"]
    link = doc.find(".//p[@class='kw-link']/a")
    assert link.get("href") == "https://docs.moodle.org/405/de/Hauptseite"
    assert link.get("rel") == "noopener"


def test_quiz_form_carries_every_answerable_question():
    doc = pages(export(example(), "scorm12", PER_NUGGET))["05-Selbsttest-Medien-und-Methoden.html"]
    fieldsets = list(doc.iter("fieldset"))
    assert [f.get("data-kw-kind") for f in fieldsets] == ["single", "multi", "truefalse"]
    assert [i.get("type") for i in fieldsets[1].iter("input")] == ["checkbox"] * 3
    correct = [i.get("data-kw-correct") for i in fieldsets[0].iter("input")]
    assert correct == ["1", "0", "0"]
    assert doc.find(".//main").get("data-kw-mastery") == "0.8"


def test_text_is_escaped_everywhere():
    snap = example()
    hostile = 'Tests & <script>alert("x")</script>'
    n4 = dataclasses.replace(snap.nugget("N4"), title=hostile, summary="a < b")
    snap = dataclasses.replace(
        snap, title="Kurs <b>&</b>", nuggets=tuple(n4 if n.key == "N4" else n for n in snap.nuggets)
    )
    package = export(snap, "scorm12", PER_NUGGET)
    zf = open_zip(package)
    name = next(n for n in zf.namelist() if n.startswith("04-"))
    raw = zf.read(name).decode()
    assert "<script>alert" not in raw
    doc = html.document_fromstring(raw)
    assert doc.find(".//h1").text == "Kurs <b>&</b>"
    assert doc.find(".//h2").text == hostile
    assert doc.findtext(".//title") == f"{hostile} – Kurs <b>&</b>"
    manifest = zf.read("imsmanifest.xml")
    assert b"<b>" not in manifest
    assert etree.fromstring(manifest).findtext(".//{*}organization/{*}title") == "Kurs <b>&</b>"


def test_a_top_level_heading_in_content_moves_below_the_page_title():
    snap = example()
    n4 = dataclasses.replace(snap.nugget("N4"), content_html="<h1>Vier Stufen</h1><h3>S</h3>")
    snap = dataclasses.replace(
        snap, nuggets=tuple(n4 if n.key == "N4" else n for n in snap.nuggets)
    )
    doc = pages(export(snap, "scorm12", PER_NUGGET))["04-Das-SAMR-Modell.html"]
    content = doc.find(".//div[@class='kw-content']")
    assert [h.tag for h in content] == ["h3", "h5"]
    assert [h.tag for h in doc.iter("h1")] == ["h1"]
