"""The backup plan: every record of the course with its ids, before any XML is written.

Like Moodle's own backup plan, one pass decides the ids and relations (sections,
course modules, contexts, files, grade items, question banks); the writers in the other
modules of this package only turn the plan into files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from designer.core.snapshot import Asset, Badge, DesignSnapshot, PlacedNugget, Question, Schedule
from designer.export.moodle.html import shows_something
from designer.export.moodle.ids import Ids

# Schedules in a design are local times of the German-speaking market Kurswerk serves.
TIMEZONE = ZoneInfo("Europe/Berlin")
QUIZ_GRADE = 10.0
ASSIGN_GRADE = 100.0


@dataclass(frozen=True)
class Completion:
    """Activity completion of a course module: 0 none, 1 manual, 2 automatic."""

    tracking: int = 0
    view: bool = False
    passgrade: bool = False
    submit: bool = False


NO_COMPLETION = Completion()
ON_VIEW = Completion(2, view=True)
ON_SUBMIT = Completion(2, submit=True)
ON_PASS = Completion(2, passgrade=True)


@dataclass(frozen=True)
class FileEntry:
    """One row of files.xml; `asset` None is the "." entry Moodle keeps for each area."""

    id: int
    contextid: int
    component: str
    filearea: str
    asset: Asset | None
    sortorder: int = 0
    itemid: int = 0

    @property
    def filename(self) -> str:
        return self.asset.filename if self.asset else "."


@dataclass(frozen=True)
class GradeItem:
    id: int
    name: str
    modname: str
    instance: int
    grademax: float
    gradepass: float
    sortorder: int


@dataclass(frozen=True)
class PlannedAnswer:
    id: int
    text: str
    fraction: float
    feedback: str


@dataclass(frozen=True)
class PlannedQuestion:
    """A question with its bank entry, version and question record (one id for all three)."""

    id: int
    slot: int
    name: str
    qtype: str
    question: Question
    answers: tuple[PlannedAnswer, ...]
    options_id: int


@dataclass(frozen=True)
class QuestionBank:
    """The quiz's own question bank: a top category and one category holding the questions."""

    contextid: int
    cmid: int
    top_id: int
    category_id: int
    name: str
    questions: tuple[PlannedQuestion, ...]


@dataclass
class Activity:
    modname: str
    cmid: int
    instance: int
    contextid: int
    title: str
    section_id: int
    section_number: int
    intro: str
    completion: Completion
    content: str = ""
    url: str = ""
    duedate: int = 0
    assessment: str = "none"
    files: list[FileEntry] = field(default_factory=list)
    grade_item: GradeItem | None = None
    bank: QuestionBank | None = None

    @property
    def name(self) -> str:
        """The directory basename and settings key, e.g. `page_12`."""
        return f"{self.modname}_{self.cmid}"

    @property
    def directory(self) -> str:
        return f"activities/{self.name}"

    @property
    def component(self) -> str:
        return f"mod_{self.modname}"

    @property
    def showdescription(self) -> bool:
        """Whether the course page shows the intro under the activity's name.

        A label always shows its text (Moodle's label form sets the flag, hidden); the
        other modules show their description when they have one.
        """
        return self.modname == "label" or shows_something(self.intro)


@dataclass(frozen=True)
class PlannedBadge:
    """The design's badge as a course badge: an overall criterion ("all of") and one
    activity-completion criterion naming each activity a learner has to complete."""

    id: int
    badge: Badge
    overall_criterion_id: int
    activity_criterion_id: int
    modules: tuple[tuple[int, int], ...]  # (parameter id, course module id)
    files: tuple[FileEntry, ...]


@dataclass
class Section:
    id: int
    number: int
    name: str | None
    summary: str
    activities: list[Activity] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"section_{self.id}"

    @property
    def directory(self) -> str:
        return f"sections/{self.key}"


@dataclass
class Plan:
    snapshot: DesignSnapshot
    now: int
    course_id: int
    course_contextid: int
    fullname: str
    shortname: str
    summary: str
    startdate: int
    enddate: int
    sections: list[Section]
    grade_category_id: int
    course_grade_item_id: int
    badge: PlannedBadge | None = None

    @property
    def lang(self) -> str:
        """The design's language; its codes (de, en) are Moodle's language pack names."""
        return self.snapshot.language

    @property
    def activities(self) -> list[Activity]:
        return [a for s in self.sections for a in s.activities]

    @property
    def files(self) -> list[FileEntry]:
        badge_files = list(self.badge.files) if self.badge else []
        return [f for a in self.activities for f in a.files] + badge_files

    @property
    def grade_items(self) -> list[GradeItem]:
        return [a.grade_item for a in self.activities if a.grade_item]

    @property
    def banks(self) -> list[QuestionBank]:
        return [a.bank for a in self.activities if a.bank]


# A last day belongs to the course: its dates end at the day's last second.
END_OF_DAY = "23:59:59"


def timestamp(day: str, clock: str = "00:00") -> int:
    """Seconds since the epoch of a local date and HH:MM[:SS] time."""
    local = datetime.combine(date.fromisoformat(day), time.fromisoformat(clock), TIMEZONE)
    return int(local.timestamp())


def modname_for(placed: PlacedNugget) -> str:
    """The Moodle module of a nugget (design.md §9); a file or link nugget that lacks
    its file or address becomes a page, as Moodle cannot show an empty one."""
    nugget = placed.nugget
    kind = nugget.activity_kind
    if kind == "file":
        return "resource" if nugget.assets else "page"
    if kind == "url":
        return "url" if nugget.url else "page"
    return {
        "page": "page",
        "quiz": "quiz",
        "assignment": "assign",
        "forum": "forum",
        "live_session": "label",
        "label": "label",
    }[kind]


def schedule_of(placed: PlacedNugget) -> Schedule | None:
    """The nugget's own schedule, else its module's."""
    return placed.nugget.schedule or placed.module.schedule


def shortname(snap: DesignSnapshot) -> str:
    """Initials of the title's longer words, with the start year: `LDMBG-2027`."""
    words = ["".join(c for c in w if c.isalnum()) for w in snap.title.split()]
    initials = "".join(w[0].upper() for w in words if len(w) > 3)[:8] or snap.title[:20]
    year = snap.grobkonzept.start_date[:4]
    return f"{initials}-{year}" if year else initials


class Allocator:
    """Hands out the ids of one backup and the file entries of each file area."""

    def __init__(self) -> None:
        self.ids = Ids()

    def file_entries(
        self,
        contextid: int,
        component: str,
        filearea: str,
        assets: list[Asset],
        main: bool,
        itemid: int = 0,
    ) -> list[FileEntry]:
        """The files of one area, then its "." entry; `main` marks the first file as the
        one a resource shows (sortorder 1)."""
        if not assets:
            return []
        out = [
            FileEntry(
                self.ids.next("file"),
                contextid,
                component,
                filearea,
                asset,
                1 if main and i == 0 else 0,
                itemid,
            )
            for i, asset in enumerate(assets)
        ]
        out.append(
            FileEntry(self.ids.next("file"), contextid, component, filearea, None, 0, itemid)
        )
        return out
