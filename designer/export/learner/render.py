"""The learner view as HTML, from the templates in `templates/learner/`.

One renderer for every place a learner (or an author as one) sees the course: the
in-app preview, the pages of a SCORM package and the text of a Moodle page. The caller
says where the files are (`Links`); the texts are in the design's language, never the
viewer's. Only learner content is rendered: a nugget's author note never is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from lxml import html
from markupsafe import Markup, escape

from designer import resource_dir
from designer.core.analytics import analyse
from designer.core.snapshot import Asset, PlacedNugget, Schedule
from designer.core.vocab import label
from designer.export.learner import content
from designer.export.learner.course import QUIZ, Course, Unit
from designer.export.learner.quiz import QuizQuestion, quiz_questions
from designer.export.learner.texts import day, duration, script_texts, text

STATIC_DIR = resource_dir("static") / "learner"
STYLESHEET = STATIC_DIR / "learner.css"
PLAYER_SCRIPT = STATIC_DIR / "player.js"
MEETING_MODES = frozenset({"on_site", "live_online"})


@dataclass(frozen=True)
class Links:
    """Where a rendered page finds its style sheet, scripts and the design's files.
    `asset` gives a file's address, or None where the file is not available."""

    stylesheet: str
    scripts: tuple[str, ...]
    asset: Callable[[Asset], str | None]


@dataclass(frozen=True)
class Notice:
    """A line above the player for the author looking at the preview (in their language)."""

    text: str
    back_url: str
    back_text: str


@dataclass(frozen=True)
class Earned:
    """A line above the player telling a learner of an LTI delivery about the badge they
    were awarded (in their language): what it says, and its links (address, caption)."""

    text: str
    links: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Material:
    url: str
    asset: Asset

    @property
    def is_image(self) -> bool:
        return self.asset.mimetype.startswith("image/")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(resource_dir("templates")) / "learner"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(label=label, day=day, duration=duration, QUIZ=QUIZ)
    return env


def render_player(
    course: Course,
    units: Sequence[Unit],
    links: Links,
    *,
    sco: str = "",
    notice: Notice | None = None,
    earned: Earned | None = None,
    confirm_info: bool = False,
) -> str:
    """A whole page: the player with `units` (its navigation when there are several).

    `sco` names the SCORM resource the page is (the page script then reports to the LMS).
    `confirm_info`: information units (a live session, a day on site, work at the
    workplace) get a button too, for the learner to confirm they took part or did it (an
    LTI delivery, where a badge's criteria count what the learner marked).
    """
    view = View(course, links, confirm_info=confirm_info)
    return (
        _environment()
        .get_template("player.html")
        .render(
            v=view,
            course=course,
            units=list(units),
            chapters=course.chapters_of(units),
            sco=sco,
            mastery=view.page_pass_mark(units),
            notice=notice,
            earned=earned,
            texts=json.dumps(script_texts(course.snap.language), ensure_ascii=False),
        )
    )


def render_fragment(course: Course, unit: Unit, links: Links, top_heading: int = 3) -> str:
    """A nugget's learner content without the page around it (the text of an LMS page)."""
    view = View(course, links, top_heading)
    return _environment().get_template("fragment.html").render(v=view, unit=unit).strip()


class View:
    """What the templates ask of a course: texts, facts, rewritten content, materials."""

    def __init__(
        self, course: Course, links: Links, top_heading: int = 3, confirm_info: bool = False
    ):
        self.course = course
        self.confirm_info = confirm_info
        self.snap = course.snap
        self.lang = course.snap.language
        self.links = links
        self.top_heading = top_heading
        self._urls = {a.key: links.asset(a) for a in course.snap.assets}

    def t(self, key: str, **values: object) -> str:
        return text(key, self.lang, **values)

    # ---------------------------------------------------------------- the overview

    def intro(self) -> str:
        g = self.snap.grobkonzept
        return g.offer_description or g.format_summary

    def facts(self) -> list[tuple[str, str]]:
        g = self.snap.grobkonzept
        pairs = [
            (self.t("target_group"), g.target_group),
            (self.t("prerequisites"), g.prerequisites),
            (self.t("period"), self._period(g.start_date, g.end_date)),
        ]
        return [(term, value) for term, value in pairs if value]

    def _period(self, start: str, end: str) -> str:
        return "–".join(day(d, self.lang) for d in (start, end) if d)

    def workload(self) -> list[tuple[str, str]]:
        analytics = analyse(self.snap)
        lang = self.lang
        pairs = [(self.t("workload_total"), duration(analytics.total_minutes, lang))]
        if analytics.planned_minutes:
            pairs.append((self.t("workload_planned"), duration(analytics.planned_minutes, lang)))
        pairs += [
            (label("delivery_mode", share.key, self.lang), duration(share.minutes, self.lang))
            for share in analytics.by_delivery_mode
            if share.minutes
        ]
        return pairs

    # ---------------------------------------------------------------- a nugget

    def meta(self, placed: PlacedNugget) -> str:
        mode = label("delivery_mode", placed.delivery_mode, self.lang)
        minutes = duration(placed.duration_minutes, self.lang)
        return f"{self.t('duration')}: {minutes} · {self.t('delivery')}: {mode}"

    def content(self, placed: PlacedNugget) -> Markup:
        """The nugget's HTML with file references pointing at `Links.asset`."""
        by_name = {a.filename: a for a in self.snap.assets if self._urls.get(a.key)}
        paths = {name: self._urls[a.key] for name, a in by_name.items()}
        alts = {name: a.alt_text for name, a in by_name.items()}
        nodes = content.rewrite(placed.nugget.content_html, paths, alts, self.top_heading)
        return Markup("".join(_html(node) for node in nodes))

    def materials(self, placed: PlacedNugget) -> list[Material]:
        """The nugget's files not already shown in its content."""
        inline = content.referenced_names(placed.nugget.content_html)
        found = []
        for key in placed.nugget.assets:
            asset = self.snap.asset(key)
            url = self._urls.get(key)
            if url and asset.filename not in inline:
                found.append(Material(url, asset))
        return found

    def when(self, placed: PlacedNugget) -> list[tuple[str, str]]:
        """Date, time, place, duration and delivery of an information unit.

        Only a live session or a nugget on site has a date and a place to wait for ("to be
        announced"); work done at the workplace or in one's own time shows them only when
        the design names them."""
        schedule = placed.nugget.schedule or placed.module.schedule or Schedule()
        open_ = self.t("when_open") if _meets(placed) else ""
        times = "–".join(t for t in (schedule.start, schedule.end) if t)
        pairs = [
            (self.t("date"), day(schedule.date, self.lang) if schedule.date else open_),
            (self.t("time"), times),
            (self.t("place"), schedule.place or open_),
            (self.t("duration"), duration(placed.duration_minutes, self.lang)),
            (self.t("delivery"), label("delivery_mode", placed.delivery_mode, self.lang)),
        ]
        return [(term, value) for term, value in pairs if value]

    def tracked(self, unit: Unit) -> bool:
        """Whether the learner marks the unit done on this page (a button or a quiz)."""
        return unit.tracked or self.confirm_info

    def confirm_caption(self, placed: PlacedNugget) -> str:
        """The button of an information unit: a live session is taken part in."""
        live = placed.nugget.activity_kind == "live_session"
        return self.t("took_part" if live else "mark_done")

    def questions(self, unit: Unit) -> list[QuizQuestion]:
        return quiz_questions(unit.anchor, unit.placed.nugget.questions)

    def accepted(self, question: QuizQuestion) -> str:
        """The answers a short-answer question accepts, shown after a wrong one (as Moodle does)."""
        answers = [option.text for option in question.options]
        key = "expected_one" if len(answers) == 1 else "expected_several"
        return self.t(key, answers="; ".join(answers))

    def pass_mark(self, unit: Unit) -> int:
        return self.snap.pass_mark(unit.placed.nugget)

    def page_pass_mark(self, units: Sequence[Unit]) -> int | None:
        """The pass mark of a page's quizzes when they agree; None when they differ (each
        quiz then passes by its own) or the page has none."""
        marks = {self.pass_mark(u) for u in units if u.kind == QUIZ}
        return marks.pop() if len(marks) == 1 else None

    # ---------------------------------------------------------------- navigation

    def neighbours(self, units: Sequence[Unit], unit: Unit) -> tuple[Unit | None, Unit | None]:
        index = list(units).index(unit)
        before = units[index - 1] if index else None
        after = units[index + 1] if index + 1 < len(units) else None
        return before, after


def _meets(placed: PlacedNugget) -> bool:
    """Whether learners meet at a time (and a place): a live session or a nugget on site."""
    return placed.nugget.activity_kind == "live_session" or placed.delivery_mode in MEETING_MODES


def _html(node: html.HtmlElement | str) -> str:
    if isinstance(node, str):
        return str(escape(node))
    return html.tostring(node, encoding="unicode", with_tail=True)
