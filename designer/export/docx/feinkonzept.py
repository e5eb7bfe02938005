"""The Feinkonzept as a Word document: a Verlaufsplan per module (landscape), live
sessions, and an appendix with the quiz questions and the materials."""

from __future__ import annotations

from docx.document import Document
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from designer.core.snapshot import Answer, DesignSnapshot, Module, Nugget, PlacedNugget
from designer.core.verlaufsplan import breaks_before
from designer.core.vocab import label
from designer.export.docx.facts import course_facts, pass_mark_text, quizzes
from designer.export.docx.layout import (
    date_text,
    minutes_text,
    new_document,
    new_section,
    share_widths,
    table,
    title_page,
    usable_width,
)
from designer.export.docx.texts import t

# The last two columns are for planners and authors: the rationale and the note for
# authors (which no learner-facing export carries).
PLAN_COLUMNS = (
    ("col_time", 1.9),
    ("col_phase", 3.2),
    ("col_activity", 4.8),
    ("col_objective", 3.6),
    ("col_social", 2.2),
    ("col_method", 2.6),
    ("col_media", 2.8),
    ("col_comment", 3.4),
    ("col_author_note", 3.6),
)
FEEDBACK_GREY = RGBColor(0x55, 0x55, 0x55)


def build(snap: DesignSnapshot) -> Document:
    doc = new_document(snap, "feinkonzept")
    title_page(doc, snap, "feinkonzept", course_facts(snap))
    section = new_section(doc, landscape=True)
    _plans(doc, snap, usable_width(section))
    section = new_section(doc, landscape=False)
    width = usable_width(section)
    _live_sessions(doc, snap, width)
    _questions(doc, snap)
    _materials(doc, snap, width)
    return doc


# --------------------------------------------------------------------------- Verlaufsplan


def _plans(doc: Document, snap: DesignSnapshot, width: int) -> None:
    lang = snap.language
    if not snap.modules:
        doc.add_heading(t("plan", lang), level=1)
        doc.add_paragraph(t("no_modules", lang))
        return
    widths = share_widths(width, [w for _, w in PLAN_COLUMNS])
    headers = [t(key, lang) for key, _ in PLAN_COLUMNS]
    for i, module in enumerate(snap.modules):
        heading = doc.add_heading(module.title, level=1)
        heading.paragraph_format.page_break_before = i > 0
        if module.description:
            doc.add_paragraph(module.description)
        if module.schedule and module.schedule.date:
            when = _when(module.schedule.date, module.schedule.start, module.schedule.end, lang)
            doc.add_paragraph(t("module_date", lang, when=when))
        placed = snap.module_placed(module)
        table(doc, headers, _plan_rows(snap, module, placed), widths, font_size=8)
        total = sum(p.duration_minutes for p in placed)
        doc.add_paragraph(t("module_total", lang, minutes=minutes_text(total, lang)))


def _clock(value: str) -> int | None:
    if not value:
        return None
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def _plan_rows(snap: DesignSnapshot, module: Module, placed: list[PlacedNugget]) -> list[list[str]]:
    """The module's rows with their time from–to: from the nugget's schedule when it has
    one, else counted on from the previous row (clock times when the module has a start
    time, else h:mm from the module's beginning); its breaks are rows of their own."""
    start = _clock(module.schedule.start) if module.schedule else None
    absolute = start is not None
    cursor = start or 0
    out = []
    pauses = breaks_before(module, len(placed))
    for index, p in enumerate([*placed, None]):
        for pause in pauses.get(index, ()):
            fmt = _hh_mm if absolute else _h_mm
            slot = f"{fmt(cursor)}–{fmt(cursor + pause.minutes)}\n{pause.minutes} min"
            blank = [""] * (len(PLAN_COLUMNS) - 2)
            out.append([slot, pause.title or t("break", snap.language), *blank])
            cursor += pause.minutes
        if p is None:
            break
        s = p.nugget.schedule
        if s and s.start and s.end:
            begin, end = _clock(s.start), _clock(s.end)
            absolute = True
        else:
            begin, end = cursor, cursor + p.duration_minutes
        cursor = end
        fmt = _hh_mm if absolute else _h_mm
        out.append(_plan_row(snap, p, f"{fmt(begin)}–{fmt(end)}\n{p.duration_minutes} min"))
    return out


def _hh_mm(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def _h_mm(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _plan_row(snap: DesignSnapshot, p: PlacedNugget, slot: str) -> list[str]:
    lang = snap.language
    n = p.nugget
    activity = n.summary
    if n.method:
        activity += f"\n{t('method', lang)}: {n.method}"
    media = [n.media] if n.media else []
    media += [snap.asset(key).filename for key in n.assets]
    phase = f"{n.title}\n({label('activity_kind', n.activity_kind, lang)})"
    return [
        slot,
        phase,
        activity,
        "\n".join(snap.objective(key).text for key in p.objectives),
        label("social_form", n.social_form, lang),
        n.method,
        "\n".join(media),
        n.rationale,
        n.author_note,
    ]


# --------------------------------------------------------------------------- live sessions


def _when(day: str, start: str, end: str, lang: str) -> str:
    times = f"{start}–{end}" if start and end else start
    return ", ".join(part for part in (date_text(day, lang), times) if part)


def _live_sessions(doc: Document, snap: DesignSnapshot, width: int) -> None:
    lang = snap.language
    doc.add_heading(t("live_dates", lang), level=1)
    rows = []
    for p in snap.placed():
        n = p.nugget
        if n.activity_kind != "live_session" and n.schedule is None:
            continue
        s = n.schedule
        rows.append(
            [
                p.module.title,
                n.title,
                date_text(s.date, lang) if s and s.date else t("open", lang),
                f"{s.start}–{s.end}" if s and s.start else f"{p.duration_minutes} min",
                (s.place if s and s.place else "") or label("delivery_mode", p.delivery_mode, lang),
            ]
        )
    if not rows:
        doc.add_paragraph(t("no_live_dates", lang))
        return
    headers = [t(k, lang) for k in ("module", "nugget", "date", "time", "place")]
    table(doc, headers, rows, share_widths(width, (3, 3.4, 1.6, 1.4, 2.6)))


# --------------------------------------------------------------------------- appendix


def _questions(doc: Document, snap: DesignSnapshot) -> None:
    lang = snap.language
    doc.add_heading(t("appendix_quiz", lang), level=1)
    found = quizzes(snap)
    if not found:
        doc.add_paragraph(t("no_questions", lang))
    for nugget in found:
        doc.add_heading(nugget.title, level=2)
        doc.add_paragraph(pass_mark_text(snap, nugget))
        for i, question in enumerate(nugget.questions, start=1):
            paragraph = doc.add_paragraph()
            paragraph.paragraph_format.keep_with_next = True
            paragraph.add_run(f"{i}. {question.text}").bold = True
            paragraph.add_run(f" ({label('question_kind', question.kind, lang)})")
            for answer in question.answers:
                _answer(doc, question.kind, answer, lang)
            if question.feedback:
                _feedback(doc.add_paragraph(), question.feedback)


def _answer(doc: Document, kind: str, answer: Answer, lang: str) -> None:
    """One answer line: a pair "item → answer" (a distractor "→ answer"), an accepted
    short answer, or a choice ticked when correct."""
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.left_indent = Cm(0.8)
    paragraph.paragraph_format.space_after = Pt(1)
    if kind == "match" and answer.text:
        paragraph.add_run(f"{answer.text} → {answer.match}")
    elif kind == "match":
        paragraph.add_run(f"→ {answer.match} ({t('distractor', lang)})")
    elif kind == "shortanswer":
        paragraph.add_run(f"✓ {answer.text} – {t('accepted', lang)}").bold = True
    elif answer.correct:
        paragraph.add_run(f"☑ {answer.text} – {t('correct', lang)}").bold = True
    else:
        paragraph.add_run(f"☐ {answer.text}")
    if answer.feedback:
        _feedback(paragraph, f" – {answer.feedback}")


def _feedback(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.italic = True
    run.font.color.rgb = FEEDBACK_GREY


def _placed_nuggets(snap: DesignSnapshot) -> list[Nugget]:
    """Each placed nugget once, in canvas order."""
    return list({p.nugget.key: p.nugget for p in snap.placed()}.values())


def _materials(doc: Document, snap: DesignSnapshot, width: int) -> None:
    lang = snap.language
    doc.add_heading(t("appendix_materials", lang), level=1)
    nuggets = _placed_nuggets(snap)
    if snap.assets:
        rows = [
            [
                a.filename,
                a.alt_text,
                ", ".join(n.title for n in nuggets if a.key in n.assets),
                a.license,
                a.attribution,
            ]
            for a in snap.assets
        ]
        headers = [t(k, lang) for k in ("file", "alt_text", "used_in", "license", "attribution")]
        table(doc, headers, rows, share_widths(width, (2.4, 3, 3, 1.6, 2.4)))
    else:
        doc.add_paragraph(t("no_assets", lang))
    if nuggets:
        doc.add_heading(t("nugget_licences", lang), level=2)
        rows = [[n.title, n.license, n.attribution, n.url] for n in nuggets]
        headers = [t(k, lang) for k in ("nugget", "license", "attribution", "link")]
        table(doc, headers, rows, share_widths(width, (3.4, 1.6, 2.6, 3.4)))
