"""Rules on what learners did with the delivered design (LTI learner results)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from designer.core.learner_results import LearnerResults, NuggetResult, QuestionResult
from designer.core.snapshot import DesignSnapshot, Nugget
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue
from designer.quality.text import quote


def _percents(part: int, whole: int) -> tuple[str, str]:
    """The share in German and English, whole where it is whole, else to one decimal
    (so 49 of 246 reads 19,9 %, not a rounded 20 % that equals the limit)."""
    share = 100.0 * part / whole
    text = f"{share:.0f}" if share == round(share) else f"{share:.1f}"
    return f"{text.replace('.', ',')} %", f"{text} %"


def _number_de(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def _question_issue(nugget: Nugget, result: QuestionResult, limit: float) -> Issue:
    number = result.number or result.index + 1
    name_de, name_en = f"Frage {number}", f"question {number}"
    if result.text:
        name_de += f" ({quote(result.text, 'de')})"
        name_en += f" ({quote(result.text, 'en')})"
    share_de, share_en = _percents(result.correct, result.answered)
    limit_de = _number_de(limit)
    return Issue(
        "nugget",
        nugget.key,
        f"{name_de} im Nugget {quote(nugget.title, 'de')} haben nur {result.correct} von "
        f"{result.answered} Lernenden richtig beantwortet ({share_de}, Grenze {limit_de} %). "
        "Prüfen Sie, ob die Frage missverständlich ist, ob die richtige Antwort stimmt und "
        "ob der Inhalt davor vermittelt, was sie verlangt.",
        f"Only {result.correct} of {result.answered} learners answered {name_en} in the "
        f"nugget {quote(nugget.title, 'en')} correctly ({share_en}, limit {limit:g} %). Check "
        "whether the question is ambiguous, whether the right answer is marked as correct "
        "and whether the content before it teaches what it asks.",
    )


def _unfinished_issue(nugget: Nugget, result: NuggetResult, limit: float) -> Issue:
    unfinished = result.learners - result.completed
    share_de, share_en = _percents(unfinished, result.learners)
    limit_de = _number_de(limit)
    return Issue(
        "nugget",
        nugget.key,
        f"{unfinished} von {result.learners} Lernenden, die das Nugget "
        f"{quote(nugget.title, 'de')} geöffnet haben, haben es nicht abgeschlossen "
        f"({share_de}, Grenze {limit_de} %). Prüfen Sie, ob es zu lang oder zu schwer ist und "
        "ob klar ist, wann es erledigt ist.",
        f"{unfinished} of the {result.learners} learners who opened the nugget "
        f"{quote(nugget.title, 'en')} left it unfinished ({share_en}, limit {limit:g} %). Check "
        "whether it is too long or too hard and whether it is clear when it is done.",
    )


@rule(
    "results.learners_struggle",
    severity="warning",
    category="evaluation",
    title_de="Lernende scheitern an einer Frage oder brechen ein Nugget ab",
    title_en="Learners fail a question or leave a nugget unfinished",
    params=(
        Param(
            "min_learners",
            20,
            "Erst ab so vielen Lernenden im Kurskonzept prüfen",
            "Judge only once the design has this many learners",
        ),
        Param(
            "min_correct_percent",
            20.0,
            "Mindestanteil richtiger Antworten je Frage in Prozent",
            "Smallest share of right answers per question, in percent",
        ),
        Param(
            "max_unfinished_percent",
            50.0,
            "Höchster Anteil Lernender, die ein Nugget nicht abschließen, in Prozent",
            "Largest share of learners who leave a nugget unfinished, in percent",
        ),
    ),
    reads_results=True,
)
def learners_struggle(
    snap: DesignSnapshot, params: Mapping[str, Any], results: LearnerResults
) -> Iterator[Issue]:
    """Judged only once the design has `min_learners` learners in LTI deliveries (fewer
    say little). A question fires when strictly fewer than `min_correct_percent` of its
    answerers got it right (4 of 20 at 20 % is quiet); a nugget fires when strictly more
    than `max_unfinished_percent` of the learners who opened it did not finish it (10 of
    20 at 50 % is quiet). Questions are numbered and quoted as in the released revision
    the learners took (the only one whose answers count), even if the design changed
    since; a nugget that is no longer in the design is not reported."""
    if results.learners < params["min_learners"]:
        return
    for nugget in snap.nuggets:
        yield from _struggles(nugget, results, params)


def _struggles(
    nugget: Nugget, results: LearnerResults, params: Mapping[str, Any]
) -> Iterator[Issue]:
    correct_limit = params["min_correct_percent"]
    for question in results.questions_of(nugget.key):
        if question.answered and 100 * question.correct < correct_limit * question.answered:
            yield _question_issue(nugget, question, correct_limit)
    opened = results.nugget(nugget.key)
    unfinished_limit = params["max_unfinished_percent"]
    unfinished = opened.learners - opened.completed if opened else 0
    if opened and 100 * unfinished > unfinished_limit * opened.learners:
        yield _unfinished_issue(nugget, opened, unfinished_limit)


RULES = (learners_struggle,)
