"""A one-page offer for buyers: goals, target group, format, workload, dates, participants."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt

from designer.core.analytics import analyse
from designer.core.snapshot import DesignSnapshot
from designer.core.vocab import label
from designer.export.docx.facts import add_badge, participants_text, pass_marks_text, workload_text
from designer.export.docx.layout import ACCENT, date_text, minutes_text, new_document, period_text
from designer.export.docx.texts import t


def build(snap: DesignSnapshot) -> Document:
    doc = new_document(snap, "offer", title_page=False)
    lang = snap.language
    g = snap.grobkonzept
    doc.add_paragraph(snap.title, style="Title")
    kind = doc.add_paragraph(t("offer", lang))
    kind.runs[0].font.color.rgb = ACCENT
    kind.runs[0].font.size = Pt(13)
    if g.offer_description:
        doc.add_paragraph(g.offer_description)
    if snap.objectives:
        doc.add_heading(t("goals", lang), level=2)
        for objective in snap.objectives:
            doc.add_paragraph(objective.text, style="List Bullet")
    _section(doc, t("target_group", lang), g.target_group)
    _section(doc, t("prerequisites", lang), g.prerequisites)
    doc.add_heading(t("format", lang), level=2)
    if g.format_summary:
        doc.add_paragraph(g.format_summary)
    doc.add_paragraph(_workload_line(snap))
    passing = pass_marks_text(snap)
    if passing:
        doc.add_paragraph(passing)
    _dates(doc, snap)
    participants = participants_text(g, lang)
    if participants:
        doc.add_heading(t("participants", lang), level=2)
        doc.add_paragraph(participants)
    add_badge(doc, snap, level=2)
    return doc


def _section(doc: Document, heading: str, text: str) -> None:
    if text:
        doc.add_heading(heading, level=2)
        doc.add_paragraph(text)


def _workload_line(snap: DesignSnapshot) -> str:
    """ "1200 min (20 h) – Präsenz 420 min (7 h), …": only modes that occur; they add up
    to the workload stated first."""
    lang = snap.language
    stats = analyse(snap)
    parts = [
        f"{label('delivery_mode', s.key, lang)} {minutes_text(s.minutes, lang)}"
        for s in stats.by_delivery_mode
        if s.minutes
    ]
    return f"{t('workload', lang)}: {workload_text(stats, lang)}" + (
        f" – {', '.join(parts)}" if parts else ""
    )


def _dates(doc: Document, snap: DesignSnapshot) -> None:
    lang = snap.language
    g = snap.grobkonzept
    period = period_text(g.start_date, g.end_date, lang)
    sessions = [
        (p.nugget.title, p.nugget.schedule)
        for p in snap.placed()
        if p.nugget.schedule and p.nugget.schedule.date
    ]
    if not period and not sessions:
        return
    doc.add_heading(t("dates", lang), level=2)
    if period:
        doc.add_paragraph(f"{t('period', lang)}: {period}")
    for title, s in sessions:
        times = f", {s.start}–{s.end}" if s.start and s.end else ""
        place = f", {s.place}" if s.place else ""
        doc.add_paragraph(f"{date_text(s.date, lang)}{times}: {title}{place}", style="List Bullet")
