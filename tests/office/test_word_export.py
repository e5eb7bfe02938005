import io
import json
import re
import shutil
import subprocess
from dataclasses import dataclass

import docx
import pytest
from docx.enum.section import WD_ORIENT

from designer.core.assets import NoAssets
from designer.core.office_labels import GROBKONZEPT_LABELS
from designer.core.vocab import LEARNING_TYPE_COLOURS
from designer.export.docx import quality as quality_doc
from designer.export.formats import get_format
from designer.export.options import InvalidOptions
from designer.export.registry import ExportContext
from tests.office.conftest import KINDS

A4 = {(21.0, 29.7), (29.7, 21.0)}


def _texts(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_registry_offers_one_word_format_with_a_document_choice():
    fmt = get_format("docx")
    (option,) = fmt.options
    assert option.name == "document"
    assert [c[0] for c in option.choices] == ["grobkonzept", "feinkonzept", "quality", "offer"]
    assert option.default == "feinkonzept"


def test_unknown_document_kind_is_refused():
    with pytest.raises(InvalidOptions) as refused:
        get_format("docx").read_options({"document": "memo"})
    (problem,) = refused.value.problems
    assert (problem.name, problem.code, problem.value) == ("document", "unknown", "memo")
    assert problem.allowed == ("grobkonzept", "feinkonzept", "quality", "offer")


def test_default_document_is_the_feinkonzept(example):
    out = io.BytesIO()
    fmt = get_format("docx")
    fmt.write(example, out, ExportContext(NoAssets(), fmt.read_options({})))
    assert docx.Document(io.BytesIO(out.getvalue())).core_properties.subject == (
        "Feinkonzept mit Verlaufsplan"
    )


@pytest.mark.parametrize("design", ["example", "empty"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_document_reopens_on_a4_with_header_and_page_fields(word_files, design, kind):
    document = docx.Document(word_files[design, kind])
    for section in document.sections:
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) in A4
    first = document.sections[0]
    assert first.orientation == WD_ORIENT.PORTRAIT
    title = "Empty course" if design == "empty" else "Lernen mit digitalen Medien"
    assert title in first.header.paragraphs[0].text
    footer_xml = first.footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert ("Page" if design == "empty" else "Seite") in first.footer.paragraphs[0].text
    assert document.styles["Normal"].font.name == "Arial"


def test_feinkonzept_has_a_landscape_verlaufsplan_per_module(word_files, example):
    document = docx.Document(word_files["example", "feinkonzept"])
    orientations = [s.orientation for s in document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:4] == [m.title for m in example.modules]
    plans = document.tables[1:5]  # table 0 holds the facts of the title page
    assert [len(t.rows) - 1 for t in plans] == [len(m.placements) for m in example.modules]
    first = [row.cells[0].text for row in plans[0].rows[1:]]
    assert first == ["0:00–0:30\n30 min", "0:30–0:50\n20 min", "0:50–1:50\n60 min"]
    # the closing day has a schedule: its clock times win over counting on
    assert plans[3].rows[-1].cells[0].text == "09:00–16:00\n420 min"
    assert plans[0].rows[0].cells[2].text == "Aktivität (Trainer / Teilnehmende)"
    assert plans[0].rows[1].cells[2].text.endswith("Methode: Blitzlicht")
    assert "persona.png" in plans[0].rows[2].cells[6].text


def test_feinkonzept_appendix_marks_correct_answers_and_lists_licences(word_files):
    text = _texts(docx.Document(word_files["example", "feinkonzept"]))
    assert "☑ Substitution – richtig" in text
    assert "☐ Modification" in text
    assert "Anhang B: Materialien" in text
    assert re.search(r"persona-vorlage\.pdf", text)
    assert "Schulungsraum des Clusters" in text  # live-session place


def test_grobkonzept_lists_every_field_objectives_and_coloured_learning_types(word_files):
    document = docx.Document(word_files["example", "grobkonzept"])
    text = _texts(document)
    for de, _ in GROBKONZEPT_LABELS.values():
        assert de in text
    assert "Analysieren" in text  # Bloom level of O1
    assert "Abweichung -5 %" in text  # 1140 of 1200 planned minutes
    xml = document.element.xml
    for colour in LEARNING_TYPE_COLOURS.values():
        assert f'w:fill="{colour.lstrip("#")}"' in xml


def test_empty_design_says_what_is_missing_in_english(word_files):
    text = _texts(docx.Document(word_files["empty", "grobkonzept"]))
    assert "– not filled in yet –" in text
    assert "No learning objectives yet." in text
    text = _texts(docx.Document(word_files["empty", "feinkonzept"]))
    assert "No modules planned yet." in text and "No quiz questions." in text


def test_quality_report_without_data_says_so_and_invents_nothing(word_files):
    text = _texts(docx.Document(word_files["example", "quality"]))
    assert "keine Daten der automatischen Qualitätsprüfung übergeben" in text
    assert "keine Freigaben übergeben" in text
    assert "Abdeckung der Lernziele" in text


@dataclass(frozen=True)
class _Finding:
    rule: str
    severity: str
    message: str
    target: str
    rule_title: str


@dataclass(frozen=True)
class _Version:
    number: int
    stored_on: str


@dataclass(frozen=True)
class _Review:
    reviewer: str
    decision: str
    signed_at: str
    version: _Version
    comment: str


@dataclass(frozen=True)
class _Quality:
    findings: tuple
    reviews: tuple
    version: _Version | None = None
    changed_since: bool = False


def test_quality_report_prints_supplied_findings_and_sign_offs(example):
    data = _Quality(
        (_Finding("workload.x", "warning", "Workload weicht 5 % ab", "Kurs", "Aufwand passt"),),
        (
            _Review(
                "Dr. Weber", "approved", "2027-01-20T09:30", _Version(7, "2027-01-20"), "Passt."
            ),
        ),
        _Version(7, "2027-01-20"),
    )
    text = _texts(quality_doc.build(example, data))
    assert "Warnung" in text and "Workload weicht 5 % ab" in text and "Aufwand passt" in text
    assert "Dr. Weber" in text and "freigegeben" in text and "20.01.2027 09:30" in text
    assert text.count("Fassung 7 vom 20.01.2027") == 2  # the report's state and the sign-off
    assert "workload.x" not in text and "Prüfsumme" not in text
    assert "keine Daten" not in text
    changed = _texts(quality_doc.build(example, _Quality((), (), _Version(8, "2027-02-01"), True)))
    assert "Fassung 8 vom 01.02.2027, seither geändert" in changed
    assert "keine Auffälligkeiten" in changed


# --------------------------------------------------------------------------- rendered


def _page_sizes(pdf) -> list[tuple[float, float]]:
    pages = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", pdf))[1])
    info = _run("pdfinfo", "-f", "1", "-l", str(pages), pdf)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts \(A4\)", info)
    assert len(sizes) == pages, info
    return [(float(w), float(h)) for w, h in sizes]


def _run(*args) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def _page_text(pdf, page: int) -> str:
    text = _run("pdftotext", "-layout", "-f", str(page), "-l", str(page), pdf, "-")
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("design", ["example", "empty"])
@pytest.mark.parametrize("kind", KINDS)
def test_pdf_is_a4_with_landscape_pages_only_for_the_verlaufsplan(pdfs, design, kind):
    pdf = pdfs[design, kind]
    for page, (width, height) in enumerate(_page_sizes(pdf), start=1):
        text = _page_text(pdf, page)
        landscape = width > height
        is_plan = (
            "Phase / Nugget" in text
            or "Phase / nugget" in text
            or (design == "empty" and kind == "feinkonzept" and "No modules planned yet" in text)
        )
        assert landscape == is_plan, f"page {page} of {pdf.name}"
        if page > 1 or kind == "offer":  # title pages have no header and footer
            assert f"{'Page' if design == 'empty' else 'Seite'} {page} " in text


def test_pdf_page_counts(pdfs):
    assert len(_page_sizes(pdfs["example", "offer"])) == 1
    assert len(_page_sizes(pdfs["empty", "offer"])) == 1
    assert len(_page_sizes(pdfs["example", "feinkonzept"])) >= 6  # title, 4 modules, appendix


def test_pdf_shows_the_table_texts(pdfs, example):
    pdf = pdfs["example", "feinkonzept"]
    text = re.sub(r"\s+", " ", _run("pdftotext", pdf, "-")).replace("– ", "–")
    for nugget in example.nuggets:
        assert nugget.title in text
    for expected in ("0:00–0:30", "09:00–16:00", "Peer-Feedback im Forum", "Substitution"):
        assert expected in text
    grob = re.sub(r"\s+", " ", _run("pdftotext", pdfs["example", "grobkonzept"], "-"))
    assert "Zielgruppe" in grob and "Zusammenarbeit" in grob


def test_openxml_audit_finds_no_schema_error(word_files):
    if not shutil.which("openxml-audit"):
        pytest.skip("openxml-audit is not installed (pip install openxml-audit)")
    folder = next(iter(word_files.values())).parent
    result = subprocess.run(
        ["openxml-audit", "-o", "json", "-r", "-m", "0", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    reports = json.loads(result.stdout)
    assert len(reports) == len(word_files)
    schema = [
        (r["file"], e["description"], e.get("path"))
        for r in reports
        for e in r["errors"]
        if e["type"] == "schema"
    ]
    assert schema == []
