"""One pass mark: a quiz passes at the same percentage in the SCORM packages, the Moodle
backup and the Word documents; a quiz nugget's own pass mark wins for that quiz only."""

from __future__ import annotations

import dataclasses
import io
from fractions import Fraction

import docx
import pytest
from lxml import html as lxml_html

from designer.core.snapshot import DesignSnapshot, Placement
from designer.export.formats import get_format
from designer.export.registry import ExportContext
from tests.moodle.reader import export as moodle_export
from tests.scorm.helpers import example, export, launch_hrefs, manifest, open_zip

QUIZ = "Selbsttest: Medien und Methoden"
SECOND = "Selbsttest: Videos"


def with_second_quiz(snap: DesignSnapshot, own: int | None) -> DesignSnapshot:
    """The example with a second quiz (a copy of the first) in the same module, with
    `own` as its pass mark."""
    first = next(n for n in snap.nuggets if n.title == QUIZ)
    second = dataclasses.replace(first, key="N99", title=SECOND, pass_mark_percent=own)
    modules = tuple(
        dataclasses.replace(m, placements=(*m.placements, Placement("N99")))
        if any(p.nugget == first.key for p in m.placements)
        else m
        for m in snap.modules
    )
    return dataclasses.replace(snap, nuggets=(*snap.nuggets, second), modules=modules)


def with_design_mark(snap: DesignSnapshot, percent: int) -> DesignSnapshot:
    grobkonzept = dataclasses.replace(snap.grobkonzept, pass_mark_percent=percent)
    return dataclasses.replace(snap, grobkonzept=grobkonzept)


# --------------------------------------------------------------------------- readers


def scorm_marks(snap: DesignSnapshot, version: str) -> dict[str, Fraction]:
    """Quiz title → the pass mark its SCO declares in the manifest and its page carries
    (one SCO per nugget, so that each quiz has its own)."""
    package = export(snap, version, {"packaging": "per_nugget"})
    root = manifest(package)
    hrefs = launch_hrefs(package)
    out = {}
    for item in root.iterfind(".//{*}item[@identifierref]"):
        title = item.findtext("{*}title")
        declared = item.findtext("{*}masteryscore") or item.findtext(".//{*}minNormalizedMeasure")
        if not declared:
            continue
        value = Fraction(declared) / (100 if version == "scorm12" else 1)
        page = lxml_html.fromstring(open_zip(package).read(hrefs[title]))
        [form] = page.findall(".//form[@data-kw-quiz]")
        assert Fraction(page.find(".//main").get("data-kw-mastery")) == value
        assert Fraction(form.get("data-kw-mastery")) == value
        percent = value * 100
        assert f"ab {percent} % richtigen Antworten" in form.findtext(".//p[@class='kw-mastery']")
        out[title] = value
    return out


def moodle_marks(snap: DesignSnapshot) -> dict[str, Fraction]:
    """Quiz title → gradepass / grademax of its grade item, which is the quiz's grade."""
    backup = moodle_export(snap)
    info = backup.xml("moodle_backup.xml").find("information")
    out = {}
    for activity in info.findall("contents/activities/activity"):
        if activity.findtext("modulename") != "quiz":
            continue
        folder = activity.findtext("directory")
        quiz = backup.xml(f"{folder}/quiz.xml").find("quiz")
        item = backup.xml(f"{folder}/grades.xml").find("grade_items/grade_item")
        assert item.findtext("itemmodule") == "quiz"
        assert item.findtext("grademax") == quiz.findtext("grade")
        module = backup.xml(f"{folder}/module.xml")
        assert module.findtext("completionpassgrade") == "1"
        out[quiz.findtext("name")] = Fraction(item.findtext("gradepass")) / Fraction(
            item.findtext("grademax")
        )
    return out


def word_text(snap: DesignSnapshot, document: str) -> list[str]:
    out = io.BytesIO()
    fmt = get_format("docx")
    fmt.write(snap, out, ExportContext(None, fmt.read_options({"document": document})))
    doc = docx.Document(io.BytesIO(out.getvalue()))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return [p.text for p in doc.paragraphs] + cells


def feinkonzept_marks(snap: DesignSnapshot) -> dict[str, str]:
    """Quiz title (heading of the appendix) → the sentence below it."""
    paragraphs = word_text(snap, "feinkonzept")
    return {
        title: paragraphs[paragraphs.index(title) + 1]
        for title in (QUIZ, SECOND)
        if title in paragraphs
    }


# ----------------------------------------------------------------------------- tests


def test_the_example_quiz_passes_at_80_percent_everywhere():
    snap = example()
    assert snap.grobkonzept.pass_mark_percent == 80
    eighty = Fraction(4, 5)
    assert scorm_marks(snap, "scorm12") == {QUIZ: eighty}
    assert scorm_marks(snap, "scorm2004") == {QUIZ: eighty}
    assert moodle_marks(snap) == {QUIZ: eighty}
    assert feinkonzept_marks(snap) == {QUIZ: "Bestanden ab 80 % richtiger Antworten."}
    assert "Tests sind ab 80 % richtiger Antworten bestanden." in word_text(snap, "offer")
    grobkonzept = word_text(snap, "grobkonzept")
    label = "Bestehensgrenze für Tests (Prozent richtiger Antworten)"
    assert grobkonzept[grobkonzept.index(label) + 1] == "80 %"


@pytest.mark.parametrize("percent", [1, 55, 100])
def test_the_design_pass_mark_reaches_every_format(percent):
    snap = with_design_mark(example(), percent)
    mark = Fraction(percent, 100)
    assert scorm_marks(snap, "scorm12") == scorm_marks(snap, "scorm2004") == {QUIZ: mark}
    assert moodle_marks(snap) == {QUIZ: mark}
    assert feinkonzept_marks(snap) == {QUIZ: f"Bestanden ab {percent} % richtiger Antworten."}


def test_a_quiz_with_its_own_pass_mark_wins_for_that_quiz_only():
    snap = with_second_quiz(with_design_mark(example(), 75), own=60)
    expected = {QUIZ: Fraction(3, 4), SECOND: Fraction(3, 5)}
    assert scorm_marks(snap, "scorm12") == expected
    assert scorm_marks(snap, "scorm2004") == expected
    assert moodle_marks(snap) == expected
    assert feinkonzept_marks(snap) == {
        QUIZ: "Bestanden ab 75 % richtiger Antworten.",
        SECOND: "Bestanden ab 60 % richtiger Antworten.",
    }
    offer = word_text(snap, "offer")
    assert (
        "Tests sind ab 75 % richtiger Antworten bestanden. "
        f"Tests mit eigener Bestehensgrenze: {SECOND}: 60 %." in offer
    )


def test_a_quiz_whose_own_pass_mark_equals_the_design_is_no_exception():
    snap = with_second_quiz(example(), own=80)
    assert moodle_marks(snap) == {QUIZ: Fraction(4, 5), SECOND: Fraction(4, 5)}
    assert "Tests sind ab 80 % richtiger Antworten bestanden." in word_text(snap, "offer")


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_one_sco_with_quizzes_of_different_pass_marks_declares_none(version):
    """The LMS would apply a declared pass mark to the whole SCO; each quiz keeps its own."""
    snap = with_second_quiz(example(), own=60)
    package = export(snap, version, {"packaging": "single"})
    root = manifest(package)
    assert root.find(".//{*}masteryscore") is None
    assert root.find(".//{*}minNormalizedMeasure") is None
    page = lxml_html.fromstring(open_zip(package).read("index.html"))
    assert page.find(".//main").get("data-kw-mastery") is None
    forms = page.findall(".//form[@data-kw-quiz]")
    assert [f.get("data-kw-mastery") for f in forms] == ["0.8", "0.6"]


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_one_sco_with_quizzes_of_one_pass_mark_declares_it(version):
    snap = with_second_quiz(example(), own=None)
    root = manifest(export(snap, version, {"packaging": "single"}))
    declared = root.findtext(".//{*}masteryscore") or root.findtext(".//{*}minNormalizedMeasure")
    assert declared == ("80" if version == "scorm12" else "0.8")


def test_a_design_without_quizzes_states_no_pass_mark():
    snap = example()
    snap = dataclasses.replace(
        snap, nuggets=tuple(dataclasses.replace(n, questions=()) for n in snap.nuggets)
    )
    offer = word_text(snap, "offer")
    assert not any("bestanden" in p for p in offer)
    assert "Keine Testfragen." in word_text(snap, "feinkonzept")
