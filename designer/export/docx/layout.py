"""Page setup, styles, header/footer, title page and tables shared by the Word documents.

python-docx starts from a US Letter template: every section here is set to A4
explicitly. Fonts are Arial (LibreOffice substitutes the metric-compatible Liberation
Sans), headings use the real "Heading n" styles so that Word's navigation pane and
table of contents work, tables use the "Table Grid" style with a repeated header row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.styles import CT_Style
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from designer.core.snapshot import DesignSnapshot
from designer.export.docx.texts import t

FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
HEADER_SHADE = "DCE3EC"
A4_SHORT, A4_LONG = Cm(21.0), Cm(29.7)
MARGIN = Cm(2.0)
LANDSCAPE_MARGIN = Cm(1.5)
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
LANGUAGE_TAGS = {"de": "de-DE", "en": "en-GB"}
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def new_document(snap: DesignSnapshot, kind: str, title_page: bool = True) -> Document:
    """An A4 portrait document with styles, properties, header and footer set."""
    doc = docx.Document()
    _drop_styles_with_effects(doc)
    _styles(doc, snap.language)
    section = doc.sections[0]
    set_page(section, landscape=False)
    section.different_first_page_header_footer = title_page
    _header(section, snap.title, t(kind, snap.language))
    _footer(section, snap.language)
    props = doc.core_properties
    props.title = snap.title[:255]  # the core properties hold at most 255 characters
    props.subject = t(kind, snap.language)
    props.language = LANGUAGE_TAGS.get(snap.language, snap.language)
    props.author = "Kurswerk"
    return doc


def _drop_styles_with_effects(doc: Document) -> None:
    """The template's Word 2010 `stylesWithEffects` part disagrees with its own styles,
    which Word may report as unreadable content; Word does not need the part."""
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            doc.part.drop_rel(r_id)


def _styles(doc: Document, language: str) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    _set_language(doc, LANGUAGE_TAGS.get(language, language))
    for name, size in (("Title", 26), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        _plain_font(style.element, FONT)
    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(8)
        styles[name].font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _plain_font(style_element: CT_Style, font: str) -> None:
    """Heading styles name theme fonts; replace them so every script uses `font`."""
    fonts = style_element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), font)


def _set_language(doc: Document, tag: str) -> None:
    """The document language in the defaults, for spelling and hyphenation."""
    r_pr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)


def set_page(section: Section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    )
    margin = LANDSCAPE_MARGIN if landscape else MARGIN
    section.left_margin = section.right_margin = margin
    section.top_margin = section.bottom_margin = margin
    section.header_distance = section.footer_distance = Cm(0.8)


def new_section(doc: Document, landscape: bool) -> Section:
    """A section on a new page; header and footer continue from the first section."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(section, landscape)
    section.different_first_page_header_footer = False
    return section


def usable_width(section: Section) -> int:
    return section.page_width - section.left_margin - section.right_margin


def _header(section: Section, course: str, kind: str) -> None:
    paragraph = section.header.paragraphs[0]
    paragraph.text = f"{course} · {kind}"


def _footer(section: Section, language: str) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(f"{t('page', language)} ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(f" {t('of', language)} ")
    add_field(paragraph, "NUMPAGES", "1")


def add_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (begin, instruction, separate, cached result, end)."""

    def char(kind: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        paragraph.add_run()._r.append(element)

    char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def title_page(
    doc: Document, snap: DesignSnapshot, kind: str, facts: Sequence[tuple[str, str]]
) -> None:
    """Course title, document kind and a few facts, then a page break."""
    lang = snap.language
    for _ in range(4):
        doc.add_paragraph()
    doc.add_paragraph(snap.title, style="Title")
    subtitle = doc.add_paragraph(t(kind, lang))
    subtitle.runs[0].font.size = Pt(16)
    subtitle.runs[0].font.color.rgb = ACCENT
    doc.add_paragraph()
    if facts:
        label_table(doc, facts, (Cm(5), Cm(11)))
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def table(
    doc: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    font_size: float = 9,
) -> Table:
    """A grid table with a bold, shaded header row that repeats on every page."""
    tbl = doc.add_table(rows=1, cols=len(headers))
    tbl.style = doc.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.LEFT
    tbl.autofit = False
    for cell, text in zip(tbl.rows[0].cells, headers, strict=True):
        write_cell(cell, text, font_size, bold=True)
        shade(cell, HEADER_SHADE)
    _repeat_header(tbl)
    for values in rows:
        cells = tbl.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            write_cell(cell, value, font_size)
    set_widths(tbl, widths)
    return tbl


def label_table(doc: Document, pairs: Sequence[tuple[str, str]], widths: Sequence[int]) -> Table:
    """Two columns, label | value, labels bold on a shaded background."""
    tbl = doc.add_table(rows=0, cols=2)
    tbl.style = doc.styles["Table Grid"]
    tbl.autofit = False
    for label, value in pairs:
        cells = tbl.add_row().cells
        write_cell(cells[0], label, 9.5, bold=True)
        shade(cells[0], HEADER_SHADE)
        write_cell(cells[1], value, 9.5)
    set_widths(tbl, widths)
    return tbl


def write_cell(cell: _Cell, text: str, size: float, bold: bool = False) -> None:
    """Cell text; each line becomes its own paragraph."""
    lines = text.split("\n") if text else [""]
    paragraph = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            paragraph = cell.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.font.size = Pt(size)
        run.bold = bold


def shade(cell: _Cell, fill: str) -> None:
    """Background colour of a cell, hex without '#'."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def set_widths(tbl: Table, widths: Sequence[int]) -> None:
    """Column widths on the grid and on every cell (Word reads the one, LibreOffice the other)."""
    for column, width in zip(tbl.columns, widths, strict=True):
        column.width = width
    for row in tbl.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _repeat_header(tbl: Table) -> None:
    tr_pr = tbl.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


def share_widths(total: int, parts: Sequence[float]) -> list[int]:
    """Split `total` (EMU) in the proportions `parts`."""
    whole = sum(parts)
    return [int(total * p / whole) for p in parts]


def minutes_text(minutes: int, language: str) -> str:
    """ "90 min (1,5 h)" / "90 min (1.5 h)"."""
    if minutes < 60:
        return f"{minutes} min"
    hours = f"{minutes / 60:.1f}".rstrip("0").rstrip(".")
    if language != "en":
        hours = hours.replace(".", ",")
    return f"{minutes} min ({hours} h)"


def date_text(iso: str, language: str) -> str:
    """ "01.02.2027" in German, "1 Feb 2027" in English; "" stays ""."""
    if not iso:
        return ""
    day = date.fromisoformat(iso)
    if language == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    return day.strftime("%d.%m.%Y")


def period_text(start: str, end: str, language: str) -> str:
    if start and end:
        return f"{date_text(start, language)} – {date_text(end, language)}"
    return date_text(start or end, language)
