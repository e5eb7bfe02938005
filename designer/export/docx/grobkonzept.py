"""The Grobkonzept as a Word document: key facts, objectives, modules, workload."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt, RGBColor
from docx.table import Table

from designer.core.analytics import Analytics, Share, analyse
from designer.core.snapshot import DesignSnapshot
from designer.core.vocab import LEARNING_TYPE_COLOURS, label
from designer.export.docx.facts import add_badge, course_facts, grobkonzept_rows, workload_sentence
from designer.export.docx.layout import (
    label_table,
    new_document,
    period_text,
    shade,
    share_widths,
    table,
    title_page,
    usable_width,
)
from designer.export.docx.texts import t

BAR_CELLS = 30  # the longest bar (100 %) in block characters


def build(snap: DesignSnapshot) -> Document:
    doc = new_document(snap, "grobkonzept")
    title_page(doc, snap, "grobkonzept", course_facts(snap))
    width = usable_width(doc.sections[0])
    lang = snap.language
    doc.add_heading(t("frame", lang), level=1)
    label_table(doc, grobkonzept_rows(snap), share_widths(width, (1, 2.4)))
    _objectives(doc, snap, width)
    add_badge(doc, snap, level=1)
    _modules(doc, snap, width)
    _workload(doc, snap, analyse(snap), width)
    return doc


def _objectives(doc: Document, snap: DesignSnapshot, width: int) -> None:
    lang = snap.language
    doc.add_heading(t("objectives", lang), level=1)
    if not snap.objectives:
        doc.add_paragraph(t("no_objectives", lang))
        return
    rows = [
        (str(i), o.text, label("bloom_level", o.bloom_level, lang))
        for i, o in enumerate(snap.objectives, start=1)
    ]
    headers = (t("no", lang), t("objective", lang), t("bloom", lang))
    table(doc, headers, rows, share_widths(width, (0.6, 6, 1.6)))


def _modules(doc: Document, snap: DesignSnapshot, width: int) -> None:
    lang = snap.language
    doc.add_heading(t("modules", lang), level=1)
    if not snap.modules:
        doc.add_paragraph(t("no_modules", lang))
        return
    rows = []
    for i, module in enumerate(snap.modules, start=1):
        placed = snap.module_placed(module)
        when = period_text(module.schedule.date, "", lang) if module.schedule else ""
        minutes = sum(p.duration_minutes for p in placed)
        rows.append(
            (str(i), module.title, module.description, str(len(placed)), str(minutes), when)
        )
    headers = [t(k, lang) for k in ("no", "module", "description", "nuggets", "minutes", "date")]
    table(doc, headers, rows, share_widths(width, (0.6, 3, 4, 1.2, 1.2, 1.6)))


def _workload(doc: Document, snap: DesignSnapshot, stats: Analytics, width: int) -> None:
    lang = snap.language
    doc.add_heading(t("workload_heading", lang), level=1)
    doc.add_paragraph(workload_sentence(stats, lang))
    doc.add_heading(t("by_delivery_mode", lang), level=2)
    _share_table(doc, lang, "delivery_mode", stats.by_delivery_mode, width)
    doc.add_heading(t("by_learning_type", lang), level=2)
    tbl = _share_table(doc, lang, "learning_type", stats.by_learning_type, width)
    _colour_learning_types(tbl, stats.by_learning_type)
    doc.add_heading(t("by_module", lang), level=2)
    _module_table(doc, snap, stats, width)


def _share_table(
    doc: Document, lang: str, vocabulary: str, shares: tuple[Share, ...], width: int
) -> Table:
    """Minutes, hours and share per value, with a bar of block characters as the chart."""
    headers = (t(vocabulary, lang), t("minutes", lang), t("share", lang), "")
    rows = [
        (
            label(vocabulary, s.key, lang),
            str(s.minutes),
            f"{s.percent:.0f} %",
            "█" * round(BAR_CELLS * s.percent / 100),
        )
        for s in shares
    ]
    return table(doc, headers, rows, share_widths(width, (2.4, 1, 1, 4)))


def _colour_learning_types(tbl: Table, shares: tuple[Share, ...]) -> None:
    """Each learning type's name cell and bar take its fixed colour, as on the canvas."""
    for row, share in zip(tbl.rows[1:], shares, strict=True):
        colour = LEARNING_TYPE_COLOURS[share.key]
        shade(row.cells[0], colour.lstrip("#"))
        for run in row.cells[0].paragraphs[0].runs:
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            run.bold = True
        for run in row.cells[3].paragraphs[0].runs:
            run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
            run.font.size = Pt(8)


def _module_table(doc: Document, snap: DesignSnapshot, stats: Analytics, width: int) -> None:
    lang = snap.language
    if not stats.by_module:
        doc.add_paragraph(t("no_modules", lang))
        return
    modes = [s.key for s in stats.by_delivery_mode]
    headers = [t("module", lang), *(label("delivery_mode", m, lang) for m in modes)]
    headers.append(t("total", lang))
    rows = [
        [m.title, *(str(s.minutes) for s in m.by_delivery_mode), str(m.minutes)]
        for m in stats.by_module
    ]
    rows.append(
        [t("total", lang), *(str(s.minutes) for s in stats.by_delivery_mode)]
        + [str(stats.total_minutes)]
    )
    tbl = table(doc, headers, rows, share_widths(width, (3.2, 1.3, 1.3, 1.3, 1.3, 1)))
    for cell in tbl.rows[-1].cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True
