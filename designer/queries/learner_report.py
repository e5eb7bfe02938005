"""The learner-results view of a design's analytics: the `LearnerResults` summary next to
the released revision's nuggets and quiz questions (titles and texts), in course order,
and the platforms to filter by. A fixed number of statements, however many learners."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from designer.core.learner_results import (
    LearnerResults,
    NuggetResult,
    PlatformResult,
    QuestionResult,
)
from designer.export.learner.course import QUIZ, course_of
from designer.export.learner.quiz import asked_positions
from designer.models import Design, LtiPlatform, db
from designer.queries.learner_results import learner_results
from designer.queries.lti import release_of
from designer.queries.read_model import revision_snapshot


@dataclass(frozen=True)
class NuggetRow:
    """A nugget of the released revision; `tracked` when learners finish it in the
    player (a done button or a quiz), not a live session or work elsewhere."""

    title: str
    module: str
    tracked: bool
    result: NuggetResult


@dataclass(frozen=True)
class QuestionRow:
    quiz: str
    number: int
    text: str
    result: QuestionResult


@dataclass(frozen=True)
class LearnerReport:
    released_number: int | None  # the released version, None when none is released
    platform_choices: tuple[tuple[int, str], ...]  # the workspace's LMSs, for the filter
    platform_id: int | None  # the chosen one, None for all
    results: LearnerResults
    nuggets: tuple[NuggetRow, ...] = ()
    questions: tuple[QuestionRow, ...] = ()

    @property
    def platforms(self) -> tuple[PlatformResult, ...]:
        return self.results.platforms


def learner_report(design: Design, platform_id: int | None = None) -> LearnerReport:
    """The view of every platform's learners, or of one platform's (an LMS of another
    workspace counts as none chosen)."""
    choices = tuple(
        (pid, name or issuer)
        for pid, name, issuer in db.session.execute(
            select(LtiPlatform.id, LtiPlatform.name, LtiPlatform.issuer)
            .where(LtiPlatform.workspace_id == design.workspace_id)
            .order_by(LtiPlatform.name, LtiPlatform.id)
        )
    )
    if platform_id not in {pid for pid, _name in choices}:
        platform_id = None
    release = release_of(design)
    if release is None:
        return LearnerReport(None, choices, platform_id, LearnerResults())
    results = learner_results(design, platform_id)
    course = course_of(revision_snapshot(release[1]))
    nuggets, questions = [], []
    for chapter in course.chapters:
        for unit in chapter.units:
            nugget = unit.placed.nugget
            found = results.nugget(nugget.key) or NuggetResult(nugget.key)
            nuggets.append(NuggetRow(unit.title, chapter.title, unit.tracked, found))
            if unit.kind != QUIZ:
                continue
            answered = {q.index: q for q in results.questions_of(nugget.key)}
            for number, index in enumerate(asked_positions(nugget.questions), 1):
                result = answered.get(index) or QuestionResult(nugget.key, index)
                text = nugget.questions[index].text
                questions.append(QuestionRow(unit.title, number, text, result))
    return LearnerReport(
        release[1].number, choices, platform_id, results, tuple(nuggets), tuple(questions)
    )
