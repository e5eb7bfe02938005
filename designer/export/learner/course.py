"""What a learner meets in a course: the overview, then the modules' nuggets as units.

A unit is one view of the course player. Its kind says how it is shown: the overview
(`start`), learning content to work through (`content`), a quiz to answer (`quiz`) or
information about a part that does not happen in the player (`info`: a live session, a
day on site, or any delivery mode the export does not treat as content).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from designer.core.snapshot import DesignSnapshot, PlacedNugget
from designer.export.learner.quiz import answerable
from designer.export.learner.texts import text

START, CONTENT, QUIZ, INFO = "start", "content", "quiz", "info"
DEFAULT_CONTENT_MODES = frozenset({"self_paced_online"})


@dataclass(frozen=True)
class Unit:
    anchor: str
    kind: str
    title: str
    placed: PlacedNugget | None = None

    @property
    def tracked(self) -> bool:
        """Whether the learner finishes the unit in the player (done button or quiz)."""
        return self.kind != INFO


@dataclass(frozen=True)
class Chapter:
    """A module and its units, in the player's navigation."""

    key: str
    title: str
    units: tuple[Unit, ...]


@dataclass(frozen=True)
class Course:
    snap: DesignSnapshot
    start: Unit
    chapters: tuple[Chapter, ...]

    @property
    def title(self) -> str:
        return self.snap.title.strip() or text("course", self.snap.language)

    def units(self) -> list[Unit]:
        """The overview, then every nugget in course order."""
        return [self.start, *(u for c in self.chapters for u in c.units)]

    def unit(self, anchor: str) -> Unit:
        return next(u for u in self.units() if u.anchor == anchor)

    def chapters_of(self, units: Collection[Unit]) -> list[Chapter]:
        """The chapters holding some of `units`, each with only those."""
        shown = {u.anchor for u in units}
        found = [
            Chapter(c.key, c.title, tuple(u for u in c.units if u.anchor in shown))
            for c in self.chapters
        ]
        return [c for c in found if c.units]


def unit_kind(placed: PlacedNugget, content_modes: Collection[str]) -> str:
    nugget = placed.nugget
    if nugget.activity_kind == "live_session" or placed.delivery_mode not in content_modes:
        return INFO
    if nugget.activity_kind == "quiz" and answerable(nugget.questions):
        return QUIZ
    return CONTENT


def course_of(
    snap: DesignSnapshot, content_modes: Collection[str] = DEFAULT_CONTENT_MODES
) -> Course:
    """The course as learners meet it; `content_modes` are the delivery modes whose
    nuggets are worked through in the player (the others become information units)."""
    lang = snap.language
    start = Unit("start", START, text("overview", lang))
    chapters = []
    for module in snap.modules:
        units = tuple(
            Unit(
                f"n{p.position + 1}",
                unit_kind(p, content_modes),
                p.nugget.title.strip() or text("untitled", lang),
                p,
            )
            for p in snap.module_placed(module)
        )
        if units:
            chapters.append(Chapter(module.key, module.title.strip() or module.key, units))
    return Course(snap, start, tuple(chapters))
