"""Facts about a course as the Word documents print them (dates, workload, participants)."""

from __future__ import annotations

from docx.document import Document

from designer.core.analytics import Analytics, analyse
from designer.core.badges import competences, criteria_lines
from designer.core.office_labels import GROBKONZEPT_LABELS, pick
from designer.core.snapshot import DesignSnapshot, Grobkonzept, Nugget
from designer.core.texts import N_, translate
from designer.export.docx.layout import date_text, minutes_text, period_text
from designer.export.docx.texts import t


def participants_text(g: Grobkonzept, language: str) -> str:
    low, high = g.participants_min, g.participants_max
    if low is not None and high is not None:
        return t("participants_range", language, low=low, high=high)
    if low is None and high is None:
        return ""
    return str(low if low is not None else high)


def workload_text(stats: Analytics, language: str) -> str:
    """The workload the nuggets add up to; where it differs from the planned one, that
    one too ("405 min (6,75 h), geplant 360 min (6 h)")."""
    text = minutes_text(stats.workload_minutes, language)
    planned = stats.planned_minutes
    if planned is not None and planned != stats.workload_minutes:
        return t(
            "workload_with_plan", language, workload=text, planned=minutes_text(planned, language)
        )
    return text


def course_facts(snap: DesignSnapshot) -> list[tuple[str, str]]:
    """The few facts of a title page; unset ones say so."""
    lang = snap.language
    g = snap.grobkonzept
    return [
        (t("period", lang), period_text(g.start_date, g.end_date, lang) or t("open", lang)),
        (t("workload", lang), workload_text(analyse(snap), lang)),
        (t("participants", lang), participants_text(g, lang) or t("open", lang)),
        (t("modules_count", lang), str(len(snap.modules))),
    ]


def grobkonzept_rows(snap: DesignSnapshot) -> list[tuple[str, str]]:
    """Every Grobkonzept field with its label; empty ones are marked as not filled in."""
    lang = snap.language
    g = snap.grobkonzept
    rows = []
    for name, pair in GROBKONZEPT_LABELS.items():
        value = getattr(g, name)
        if name == "planned_workload_minutes" and value is not None:
            shown = minutes_text(value, lang)
        elif name == "pass_mark_percent":
            shown = f"{value} %"
        elif name.endswith("_date"):
            shown = date_text(value, lang)
        else:
            shown = "" if value is None else str(value)
        rows.append((pick(pair, lang), shown or t("not_filled", lang)))
    return rows


def workload_sentence(stats: Analytics, language: str) -> str:
    """ "Planned: … Sum of the nuggets: … (deviation +5 %)."."""
    planned = stats.planned_minutes
    deviation = stats.deviation_percent
    return t(
        "planned_vs_total",
        language,
        planned=minutes_text(planned, language) if planned else t("not_planned", language),
        total=minutes_text(stats.total_minutes, language),
        deviation=t("deviation", language, percent=deviation) if deviation is not None else "",
    )


def quizzes(snap: DesignSnapshot) -> list[Nugget]:
    """Each placed nugget with quiz questions once, in canvas order."""
    return list({p.nugget.key: p.nugget for p in snap.placed() if p.nugget.questions}.values())


def pass_mark_text(snap: DesignSnapshot, nugget: Nugget) -> str:
    """ "Bestanden ab 80 % richtigen Antworten." for one quiz."""
    sentence = translate(N_("Passed with %(percent)s %% right answers or more."), snap.language)
    return sentence % {"percent": snap.pass_mark(nugget)}


def pass_marks_text(snap: DesignSnapshot) -> str:
    """The design's pass mark for quizzes and the quizzes with one of their own; "" for a
    course without quizzes."""
    lang = snap.language
    found = quizzes(snap)
    if not found:
        return ""
    design = snap.grobkonzept.pass_mark_percent
    sentence = translate(N_("Quizzes are passed with %(percent)s %% right answers or more."), lang)
    own = [f"{n.title}: {snap.pass_mark(n)} %" for n in found if snap.pass_mark(n) != design]
    if not own:
        return sentence % {"percent": design}
    others = translate(N_("Quizzes with a pass mark of their own: %(quizzes)s."), lang)
    return f"{sentence % {'percent': design}} {others % {'quizzes': '; '.join(own)}}"


def add_badge(doc: Document, snap: DesignSnapshot, level: int) -> None:
    """The badge by name, its criteria and the competences it stands for (nothing when the
    design has no badge)."""
    badge = snap.badge
    if badge is None:
        return
    lang = snap.language
    doc.add_heading(t("badge", lang), level=level)
    issuer = badge.issuer or snap.title
    doc.add_paragraph(t("badge_earned", lang, name=badge.name, issuer=issuer))
    if badge.description:
        doc.add_paragraph(badge.description)
    doc.add_paragraph(t("badge_criteria", lang) + ":")
    for line in criteria_lines(snap):
        doc.add_paragraph(line, style="List Bullet")
    found = competences(snap)
    if found:
        doc.add_paragraph(t("badge_competences", lang) + ":")
        for c in found:
            text = f"{c.text} ({c.bloom_label})" if c.bloom_label else c.text
            doc.add_paragraph(text, style="List Bullet")
