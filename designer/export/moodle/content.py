"""The HTML texts of the course: summary, welcome label, section summaries, intros."""

from __future__ import annotations

from html import escape

from designer.core.snapshot import DesignSnapshot, Module, PlacedNugget, Schedule
from designer.core.vocab import label
from designer.export.learner.course import Course, Unit
from designer.export.learner.render import Links, render_fragment
from designer.export.moodle.html import (
    bullet_list,
    detail_list,
    heading,
    link,
    paragraph,
    pluginfile_url,
)
from designer.export.moodle.plan import schedule_of
from designer.export.moodle.texts import day, hours, text


def course_summary(snap: DesignSnapshot) -> str:
    """Offer description, target group, workload and learning objectives."""
    lang = snap.language
    g = snap.grobkonzept
    workload = g.planned_workload_minutes or snap.total_minutes()
    parts = [
        paragraph(g.offer_description),
        detail_list(
            [
                (text("target_group", lang), escape(g.target_group)),
                (text("workload", lang), hours(workload, lang) if workload else ""),
                (text("period", lang), period(g.start_date, g.end_date, lang)),
            ]
        ),
    ]
    if snap.objectives:
        parts.append(heading(text("objectives", lang)))
        parts.append(bullet_list(o.text for o in snap.objectives))
    return "".join(parts)


def welcome(snap: DesignSnapshot) -> str:
    """The label of section 0: what the course offers and how it runs."""
    lang = snap.language
    g = snap.grobkonzept
    return "".join(
        [
            heading(f"{text('welcome', lang)}: {snap.title}", 3),
            paragraph(g.offer_description),
            paragraph(g.format_summary),
            heading(text("modules", lang)),
            bullet_list(m.title for m in snap.modules),
        ]
    )


def section_summary(module: Module, lang: str) -> str:
    return paragraph(module.description) + schedule_details(module.schedule, lang)


def schedule_details(schedule: Schedule | None, lang: str) -> str:
    if schedule is None:
        return ""
    return detail_list(_schedule_rows(schedule, lang))


def session(placed: PlacedNugget, lang: str) -> str:
    """A live session or on-site part: what, when, where, how."""
    nugget = placed.nugget
    schedule = schedule_of(placed)
    rows = _schedule_rows(schedule, lang) if schedule else []
    rows += [
        (text("delivery_mode", lang), escape(label("delivery_mode", placed.delivery_mode, lang))),
        (text("method", lang), escape(nugget.method)),
        (text("social_form", lang), escape(label("social_form", nugget.social_form, lang))),
        (
            text("duration", lang),
            text("minutes", lang).format(placed.duration_minutes)
            if placed.duration_minutes
            else "",
        ),
    ]
    return "".join(
        [
            heading(nugget.title),
            paragraph(nugget.summary),
            nugget.content_html,
            detail_list(rows),
        ]
    )


def learner_page(course: Course, placed: PlacedNugget) -> str:
    """A page's text: the nugget as the learner view shows it (summary, content, link,
    files), rendered by the one learner renderer; the nugget's files are in the page's
    file area, any other file an image names is replaced by its alt text."""
    own = set(placed.nugget.assets)
    links = Links("", (), lambda a: pluginfile_url(a.filename) if a.key in own else None)
    unit = Unit(f"n{placed.position + 1}", "content", placed.nugget.title, placed)
    return render_fragment(course, unit, links)


def intro(placed: PlacedNugget) -> str:
    """Summary and content of a nugget, for activities whose text is their intro."""
    nugget = placed.nugget
    return paragraph(nugget.summary) + nugget.content_html


def period(start: str, end: str, lang: str) -> str:
    if start and end:
        return f"{day(start, lang)} – {day(end, lang)}"
    return day(start or end, lang) if start or end else ""


def _schedule_rows(schedule: Schedule, lang: str) -> list[tuple[str, str]]:
    place = schedule.place
    is_link = place.startswith(("http://", "https://"))
    times = "–".join(t for t in (schedule.start, schedule.end) if t)
    return [
        (text("date", lang), day(schedule.date, lang) if schedule.date else ""),
        (text("time", lang), times),
        (
            text("link", lang) if is_link else text("place", lang),
            link(place) if is_link else escape(place),
        ),
    ]
