"""What learners did with a released design in LTI deliveries, summed up per nugget, per
quiz question and per platform. Pure data: `queries/learner_results.py` builds it from the
recorded results, the studio's analytics show it and quality rules read it. No learner is
named here; only counts."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NuggetResult:
    """One nugget: how many learners opened it (`learners`), how often it was launched,
    how many finished it and the time they spent in it."""

    nugget_key: str
    learners: int = 0
    launches: int = 0
    completed: int = 0
    seconds: int = 0

    @property
    def completion_rate(self) -> float | None:
        return self.completed / self.learners if self.learners else None

    @property
    def average_minutes(self) -> float | None:
        return self.seconds / 60 / self.learners if self.learners else None


@dataclass(frozen=True)
class QuestionResult:
    """One question of a quiz nugget, by its position in the nugget (from 0): how many
    learners answered it and how many of them answered it right (their latest attempt).
    `number` and `text` are the question as learners saw it in the released revision
    (0 and "" when that revision no longer has it)."""

    nugget_key: str
    index: int
    answered: int = 0
    correct: int = 0
    number: int = 0
    text: str = ""

    @property
    def share_correct(self) -> float | None:
        return self.correct / self.answered if self.answered else None


@dataclass(frozen=True)
class PlatformResult:
    """One platform (LMS) the design is delivered to: learners who launched it and, where
    the platform offers the Names and Roles service, how many are enrolled."""

    platform_id: int
    name: str
    learners: int = 0
    enrolled: int | None = None


@dataclass(frozen=True)
class LearnerResults:
    """All results of one design (every platform, every released revision)."""

    learners: int = 0
    nuggets: tuple[NuggetResult, ...] = ()
    questions: tuple[QuestionResult, ...] = ()
    platforms: tuple[PlatformResult, ...] = field(default_factory=tuple)

    def nugget(self, key: str) -> NuggetResult | None:
        return next((n for n in self.nuggets if n.nugget_key == key), None)

    def questions_of(self, nugget_key: str) -> tuple[QuestionResult, ...]:
        return tuple(q for q in self.questions if q.nugget_key == nugget_key)


NO_RESULTS = LearnerResults()
