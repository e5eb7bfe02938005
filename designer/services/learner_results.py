"""Recording what a learner does in a launched page (LTI): per nugget the launches, the
seconds spent and the completion, per quiz question the latest answer (right or wrong).

The launched page (static/js/lti-lms.js) reports by the player's anchors (`n3`) and
question identifiers (`n5-q2`). They are mapped to nugget keys and to question positions
in the nugget of the revision the learner was shown, which the signed results address
names. A report is read strictly: anything malformed, too large or not part of the
launched link is refused as a whole and nothing of it is recorded."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import func
from sqlalchemy.dialects import postgresql, sqlite

from designer.export.learner.course import QUIZ, Course, Unit, course_of
from designer.export.learner.quiz import asked_positions, quiz_questions
from designer.models import LtiAnswer, LtiLearner, LtiNuggetResult, Revision, db
from designer.models.columns import utcnow
from designer.queries.read_model import revision_snapshot
from designer.services.errors import Invalid

MAX_SECONDS = 1800  # per unit and report: a tab left open does not count for hours
MAX_UNITS = 100  # units per report
MAX_ANSWERS = 200  # answers per report
REPORT_KEYS = frozenset({"completed", "percent", "units", "answers"})
UNIT_KEYS = frozenset({"opened", "seconds", "done"})
_NAME = re.compile(r"[a-z][a-z0-9-]{0,39}")
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


@dataclass(frozen=True)
class LaunchedLink:
    """What a launched page shows: a design's revision, whole or one module or nugget;
    `teacher` when a teacher launched it (their trials are no learner results)."""

    design_id: int
    revision_id: int
    module_key: str = ""
    nugget_key: str = ""
    teacher: bool = False


@dataclass(frozen=True)
class UnitActivity:
    opened: bool = False
    seconds: int = 0
    done: bool = False


@dataclass(frozen=True)
class Report:
    """A report as the page sent it. `score` is (completed, percent) for the LMS's
    gradebook, None when the report carries only activity."""

    score: tuple[bool, float | None] | None = None
    units: dict[str, UnitActivity] = field(default_factory=dict)
    answers: dict[str, bool] = field(default_factory=dict)


def linked_units(course: Course, module_key: str, nugget_key: str) -> list[Unit] | None:
    """The units a link names: the whole course, one module or one nugget of a module;
    None when the link names nothing of the course."""
    if not module_key:
        return course.units()
    chapter = next((c for c in course.chapters if c.key == module_key), None)
    if chapter is None:
        return None
    if not nugget_key:
        return list(chapter.units)
    unit = next((u for u in chapter.units if u.placed and u.placed.nugget.key == nugget_key), None)
    return [unit] if unit else None


def read_report(body: object) -> Report:
    """The report of a request body, or Invalid when anything in it is malformed."""
    if not isinstance(body, dict) or not body or not set(body) <= REPORT_KEYS:
        raise Invalid({"report": "malformed"})
    return Report(_score(body), _units(body.get("units", {})), _answers(body.get("answers", {})))


def _score(body: dict) -> tuple[bool, float | None] | None:
    if "completed" not in body and "percent" not in body:
        return None
    completed = body.get("completed")
    percent = body.get("percent", "missing")
    number = isinstance(percent, int | float) and not isinstance(percent, bool)
    if not isinstance(completed, bool) or not (percent is None or (number and 0 <= percent <= 100)):
        raise Invalid({"score": "malformed"})
    return completed, percent


def _units(raw: object) -> dict[str, UnitActivity]:
    if not isinstance(raw, dict) or len(raw) > MAX_UNITS:
        raise Invalid({"units": "malformed"})
    units = {}
    for anchor, value in raw.items():
        if not _NAME.fullmatch(anchor) or not isinstance(value, dict):
            raise Invalid({"units": "malformed"})
        if not set(value) <= UNIT_KEYS:
            raise Invalid({"units": "malformed"})
        opened, done = value.get("opened", False), value.get("done", False)
        seconds = value.get("seconds", 0)
        if not isinstance(opened, bool) or not isinstance(done, bool):
            raise Invalid({"units": "malformed"})
        if type(seconds) is not int or not 0 <= seconds <= MAX_SECONDS:
            raise Invalid({"units": "malformed"})
        units[anchor] = UnitActivity(opened, seconds, done)
    return units


def _answers(raw: object) -> dict[str, bool]:
    if not isinstance(raw, dict) or len(raw) > MAX_ANSWERS:
        raise Invalid({"answers": "malformed"})
    if not all(_NAME.fullmatch(k) and isinstance(v, bool) for k, v in raw.items()):
        raise Invalid({"answers": "malformed"})
    return dict(raw)


def _questions(unit: Unit) -> dict[str, int]:
    """A quiz unit's question identifiers and their positions in the nugget's questions
    (the player leaves out questions a learner cannot answer)."""
    questions = unit.placed.nugget.questions
    positions = asked_positions(questions)
    shown = quiz_questions(unit.anchor, questions)
    return {q.ident: position for q, position in zip(shown, positions, strict=True)}


def activity(
    units: Sequence[Unit], report: Report
) -> tuple[dict[str, UnitActivity], dict[tuple[str, int], bool]]:
    """The report by nugget key and by (nugget key, question position); Invalid when it
    names a unit or question the launched page does not show."""
    by_anchor = {u.anchor: u for u in units}
    nuggets: dict[str, UnitActivity] = {}
    for anchor, done in report.units.items():
        unit = by_anchor.get(anchor)
        if unit is None:
            raise Invalid({"units": "unknown"})
        if unit.placed is None or not (unit.tracked or done.done):
            # The overview is no nugget; a live session or work elsewhere is not done in
            # the player, so only the learner's confirmation of it (the badge's criteria
            # count it) makes a row: one merely opened would read as left unfinished.
            continue
        key = unit.placed.nugget.key
        before = nuggets.get(key, UnitActivity())
        nuggets[key] = UnitActivity(
            before.opened or done.opened, before.seconds + done.seconds, before.done or done.done
        )
    questions = {
        ident: (u.placed.nugget.key, position)
        for u in units
        if u.kind == QUIZ
        for ident, position in _questions(u).items()
    }
    answers = {}
    for ident, right in report.answers.items():
        if ident not in questions:
            raise Invalid({"answers": "unknown"})
        answers[questions[ident]] = right
    return nuggets, answers


def shown_units(link: LaunchedLink) -> list[Unit] | None:
    """The units of the launched page; None when its revision no longer exists."""
    revision = db.session.get(Revision, link.revision_id)
    if revision is None or revision.design_id != link.design_id:
        return None
    course = course_of(revision_snapshot(revision))
    return linked_units(course, link.module_key, link.nugget_key)


def record(learner: LtiLearner, link: LaunchedLink, report: Report) -> None:
    """Add the report to the learner's results in the design: launches and seconds add
    up, a nugget stays completed once it was, a question keeps the latest answer. Nothing
    is written when the report names anything the page does not show, nor for a teacher."""
    units = shown_units(link)
    if units is None:
        return
    nuggets, answers = activity(units, report)
    if link.teacher:
        return
    if nuggets:
        _add_up(learner, link, nuggets)
    if answers:
        _keep_latest(learner, link, answers)


def _add_up(learner: LtiLearner, link: LaunchedLink, nuggets: dict[str, UnitActivity]) -> None:
    """One statement, safe when two reports of the learner arrive at once."""
    now = utcnow()
    rows = _INSERTS[db.engine.dialect.name](LtiNuggetResult).values(
        [
            {
                "learner_id": learner.id,
                "design_id": link.design_id,
                "nugget_key": key,
                "launches": int(done.opened),
                "seconds": done.seconds,
                "completed_at": now if done.done else None,
                "updated_at": now,
            }
            for key, done in sorted(nuggets.items())
        ]
    )
    db.session.execute(
        rows.on_conflict_do_update(
            index_elements=["learner_id", "design_id", "nugget_key"],
            set_={
                "launches": LtiNuggetResult.launches + rows.excluded.launches,
                "seconds": LtiNuggetResult.seconds + rows.excluded.seconds,
                "completed_at": func.coalesce(
                    LtiNuggetResult.completed_at, rows.excluded.completed_at
                ),
                "updated_at": now,
            },
        )
    )


def _keep_latest(
    learner: LtiLearner, link: LaunchedLink, answers: dict[tuple[str, int], bool]
) -> None:
    now = utcnow()
    rows = _INSERTS[db.engine.dialect.name](LtiAnswer).values(
        [
            {
                "learner_id": learner.id,
                "design_id": link.design_id,
                "revision_id": link.revision_id,
                "nugget_key": key,
                "question_index": index,
                "correct": right,
                "answered_at": now,
            }
            for (key, index), right in sorted(answers.items())
        ]
    )
    db.session.execute(
        rows.on_conflict_do_update(
            index_elements=["learner_id", "design_id", "nugget_key", "question_index"],
            set_={
                "correct": rows.excluded.correct,
                "revision_id": rows.excluded.revision_id,
                "answered_at": now,
            },
        )
    )
