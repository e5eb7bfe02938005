"""A quiz nugget's questions as the player shows and scores them.

Every answer gets a short identifier (a, b, c …) that the player reports to the LMS as
the learner's response; SCORM 1.2 wants single characters there, SCORM 2004 short
identifiers, and these are both. One point per question: right when the chosen answers
are exactly the correct ones (choice), every item has its answer (match), or the typed
text is one of the accepted ones, ignoring case and surrounding spaces (short answer).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from designer.core.fields import question_problem
from designer.core.snapshot import Question

_IDENTS = "abcdefghijklmnopqrstuvwxyz0123456789"


@dataclass(frozen=True)
class Option:
    """An answer to choose, a pair's target or an accepted short answer."""

    ident: str
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Pair:
    """An item of a match question and the identifier of its right target."""

    ident: str
    text: str
    right: str


@dataclass(frozen=True)
class QuizQuestion:
    ident: str
    number: int
    kind: str
    text: str
    feedback: str
    options: tuple[Option, ...] = ()
    pairs: tuple[Pair, ...] = ()

    @property
    def interaction(self) -> str:
        """The SCORM interaction type."""
        return {"match": "matching", "shortanswer": "fill-in"}.get(self.kind, "choice")


def ident(index: int) -> str:
    return _IDENTS[index] if index < len(_IDENTS) else str(index)


def answerable(questions: tuple[Question, ...]) -> list[Question]:
    """Questions a learner can answer: those the one completeness rule accepts."""
    return [questions[i] for i in asked_positions(questions)]


def asked_positions(questions: tuple[Question, ...]) -> list[int]:
    """The positions (from 0) of the questions the player asks, in order: its question
    number n is the position at n - 1 of this list."""
    return [
        i for i, q in enumerate(questions) if question_problem(q.kind, q.text, _given(q)) is None
    ]


def _given(question: Question) -> list[dict[str, object]]:
    given = [
        {"text": a.text.strip(), "correct": a.correct, "match": a.match.strip()}
        for a in question.answers
    ]
    return [a for a in given if a["text"] or a["match"]]


def quiz_questions(anchor: str, questions: tuple[Question, ...]) -> list[QuizQuestion]:
    """The answerable questions of a quiz unit, numbered from 1."""
    return [_question(f"{anchor}-q{n}", n, q) for n, q in enumerate(answerable(questions), 1)]


def _question(ident_: str, number: int, question: Question) -> QuizQuestion:
    base = QuizQuestion(ident_, number, question.kind, question.text, question.feedback)
    if question.kind == "match":
        return _match_question(base, question)
    if question.kind == "shortanswer":
        accepted = [a for a in question.answers if a.text.strip()]
        options = tuple(
            Option(ident(i), a.text.strip(), True, a.feedback) for i, a in enumerate(accepted)
        )
        return replace(base, options=options)
    options = tuple(
        Option(ident(i), a.text, a.correct, a.feedback) for i, a in enumerate(question.answers)
    )
    return replace(base, options=options)


def _match_question(base: QuizQuestion, question: Question) -> QuizQuestion:
    """Targets are every distinct answer (distractors too), sorted so that the order
    does not give the pairs away."""
    answers = [a for a in question.answers if a.match.strip()]
    names = sorted({a.match.strip() for a in answers}, key=str.casefold)
    targets = {name: ident(i) for i, name in enumerate(names)}
    pairs = tuple(
        Pair(ident(i), a.text.strip(), targets[a.match.strip()])
        for i, a in enumerate(a for a in answers if a.text.strip())
    )
    options = tuple(Option(targets[name], name) for name in names)
    return replace(base, options=options, pairs=pairs)
