"""Builds the backup plan of a design: one section per module, one activity per nugget."""

from __future__ import annotations

from designer.core.snapshot import Asset, DesignSnapshot, PlacedNugget
from designer.export.learner.course import course_of
from designer.export.moodle import content
from designer.export.moodle.html import embed_files, file_links, heading, paragraph
from designer.export.moodle.plan import (
    ASSIGN_GRADE,
    END_OF_DAY,
    NO_COMPLETION,
    ON_PASS,
    ON_SUBMIT,
    ON_VIEW,
    QUIZ_GRADE,
    Activity,
    Allocator,
    GradeItem,
    Plan,
    Section,
    modname_for,
    schedule_of,
    shortname,
    timestamp,
)
from designer.export.moodle.questions import plan_bank
from designer.export.moodle.texts import text


def build_plan(snap: DesignSnapshot, now: int) -> Plan:
    """The whole course; `now` (seconds since the epoch) stamps created/modified times."""
    planner = _Planner(snap)
    g = snap.grobkonzept
    ids = planner.alloc.ids
    course_id = ids.next("course")
    course_contextid = ids.next("context")
    grade_category_id = ids.next("grade_category")
    planner.course_grade_item = ids.next("grade_item")
    sections = [planner.front_section()]
    for number, module in enumerate(snap.modules, start=1):
        section = Section(
            ids.next("section"),
            number,
            module.title,
            content.section_summary(module, snap.language),
        )
        section.activities = [planner.activity(section, p) for p in snap.module_placed(module)]
        sections.append(section)
    return Plan(
        snapshot=snap,
        now=now,
        course_id=course_id,
        course_contextid=course_contextid,
        fullname=snap.title,
        shortname=shortname(snap),
        summary=content.course_summary(snap),
        startdate=timestamp(g.start_date) if g.start_date else now,
        enddate=timestamp(g.end_date, END_OF_DAY) if g.end_date else 0,
        sections=sections,
        grade_category_id=grade_category_id,
        course_grade_item_id=planner.course_grade_item,
    )


class _Planner:
    def __init__(self, snap: DesignSnapshot):
        self.snap = snap
        self.course = course_of(snap)
        self.lang = snap.language
        self.alloc = Allocator()
        self.course_grade_item = 0
        self.grade_sortorder = 1

    def front_section(self) -> Section:
        """Section 0 with the welcome label."""
        section = Section(self.alloc.ids.next("section"), 0, None, "")
        welcome = self._new("label", section, text("welcome", self.lang))
        welcome.intro = content.welcome(self.snap)
        welcome.completion = NO_COMPLETION
        section.activities.append(welcome)
        return section

    def activity(self, section: Section, placed: PlacedNugget) -> Activity:
        modname = modname_for(placed)
        activity = self._new(modname, section, placed.nugget.title)
        activity.assessment = placed.nugget.assessment
        getattr(self, f"_{modname}")(activity, placed)
        return activity

    def _new(self, modname: str, section: Section, title: str) -> Activity:
        ids = self.alloc.ids
        return Activity(
            modname=modname,
            cmid=ids.next("cm"),
            instance=ids.next(modname),
            contextid=ids.next("context"),
            title=title,
            section_id=section.id,
            section_number=section.number,
            intro="",
            completion=ON_VIEW,
        )

    # one method per Moodle module -------------------------------------------------
    def _page(self, a: Activity, placed: PlacedNugget) -> None:
        """The summary is the description on the course page and leads the page's
        content (the page does not print its intro)."""
        a.intro = paragraph(placed.nugget.summary)
        a.content = content.learner_page(self.course, placed)
        a.files += self.alloc.file_entries(
            a.contextid, a.component, "content", self._assets(placed), main=False
        )

    def _resource(self, a: Activity, placed: PlacedNugget) -> None:
        a.intro = content.intro(placed)
        first = self._assets(placed)[:1]
        a.files += self.alloc.file_entries(a.contextid, a.component, "content", first, main=True)

    def _label(self, a: Activity, placed: PlacedNugget) -> None:
        if placed.nugget.activity_kind == "live_session":
            markup = content.session(placed, self.lang)
        else:
            markup = content.intro(placed)
        a.intro = self._with_files(a, markup, placed, "intro")
        a.completion = NO_COMPLETION

    def _url(self, a: Activity, placed: PlacedNugget) -> None:
        a.intro = self._with_files(a, content.intro(placed), placed, "intro")
        a.url = placed.nugget.url

    def _forum(self, a: Activity, placed: PlacedNugget) -> None:
        a.intro = self._with_files(a, content.intro(placed), placed, "intro")

    def _assign(self, a: Activity, placed: PlacedNugget) -> None:
        a.intro = self._with_files(a, content.intro(placed), placed, "intro", "introattachment")
        schedule = schedule_of(placed)
        if schedule and schedule.date:
            a.duedate = timestamp(schedule.date, schedule.end or END_OF_DAY)
        a.completion = ON_SUBMIT
        a.grade_item = self._grade_item(a, ASSIGN_GRADE, 0.0)

    def _quiz(self, a: Activity, placed: PlacedNugget) -> None:
        a.intro = self._with_files(a, content.intro(placed), placed, "intro")
        a.completion = ON_PASS
        percent = self.snap.pass_mark(placed.nugget)
        a.grade_item = self._grade_item(a, QUIZ_GRADE, QUIZ_GRADE * percent / 100)
        a.bank = plan_bank(self.alloc.ids, a, placed.nugget.questions, self.lang)

    # helpers ---------------------------------------------------------------------
    def _assets(self, placed: PlacedNugget) -> list[Asset]:
        """The nugget's assets, one per file name (a file area holds each name once)."""
        by_name: dict[str, Asset] = {}
        for key in placed.nugget.assets:
            asset = self.snap.asset(key)
            by_name.setdefault(asset.filename, asset)
        return list(by_name.values())

    def _with_files(
        self,
        a: Activity,
        markup: str,
        placed: PlacedNugget,
        area: str,
        attachments: str | None = None,
    ) -> str:
        """Put the nugget's files into `area`; files the text does not show are linked
        under "Materials" (or, with `attachments`, go to that area instead)."""
        assets = self._assets(placed)
        markup, used = embed_files(markup, [x.filename for x in assets])
        shown = [x for x in assets if x.filename in used]
        rest = [x for x in assets if x.filename not in used]
        if rest and attachments is None:
            markup += heading(text("materials", self.lang)) + file_links(x.filename for x in rest)
            shown += rest
        a.files += self.alloc.file_entries(a.contextid, a.component, area, shown, main=False)
        if rest and attachments is not None:
            a.files += self.alloc.file_entries(
                a.contextid, a.component, attachments, rest, main=False
            )
        return markup

    def _grade_item(self, a: Activity, grademax: float, gradepass: float) -> GradeItem:
        self.grade_sortorder += 1
        return GradeItem(
            id=self.alloc.ids.next("grade_item"),
            name=a.title,
            modname=a.modname,
            instance=a.instance,
            grademax=grademax,
            gradepass=gradepass,
            sortorder=self.grade_sortorder,
        )
