"""A quiz nugget as an HTML form: one fieldset per question, feedback hidden until checked.

The page script scores the form in the browser (one point per question, right when the
chosen answers are exactly the correct ones) and reports the score to the LMS.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from designer.core.snapshot import Question
from designer.export.scorm.markup import el
from designer.export.scorm.texts import text


def answerable(questions: tuple[Question, ...]) -> list[Question]:
    """Questions a learner can get right: at least one answer, at least one correct."""
    return [q for q in questions if any(a.correct for a in q.answers)]


def quiz_form(anchor: str, questions: tuple[Question, ...], percent: int, lang: str) -> HtmlElement:
    """The quiz; `percent` right answers pass it (the page script reads data-kw-mastery)."""
    shown = answerable(questions)
    return el(
        "form",
        {
            "class": "kw-quiz",
            "data-kw-quiz": anchor,
            "data-kw-mastery": f"{percent / 100:g}",
            "novalidate": "",
        },
        el("p", {"class": "kw-mastery"}, text("mastery", lang, percent=percent)),
        [_question(anchor, i, len(shown), q, lang) for i, q in enumerate(shown, start=1)],
        el("p", None, el("button", {"type": "submit", "class": "kw-check"}, text("check", lang))),
        el("p", {"class": "kw-result", "role": "status", "aria-live": "polite"}),
    )


def _question(anchor: str, number: int, total: int, question: Question, lang: str) -> HtmlElement:
    name = f"{anchor}-q{number}"
    several = question.kind == "multi"
    answers = [
        _answer(name, j, several, answer.text, answer.correct, answer.feedback)
        for j, answer in enumerate(question.answers, start=1)
    ]
    return el(
        "fieldset",
        {"class": "kw-question", "data-kw-kind": question.kind},
        el(
            "legend",
            None,
            el("span", {"class": "kw-qnum"}, text("question", lang, n=number, total=total)),
            " ",
            question.text,
        ),
        el("p", {"class": "kw-hint"}, text("several", lang)) if several else None,
        answers,
        el("p", {"class": "kw-verdict"}),
        el("p", {"class": "kw-qfeedback", "hidden": ""}, question.feedback)
        if question.feedback
        else None,
    )


def _answer(
    name: str, number: int, several: bool, caption: str, correct: bool, feedback: str
) -> HtmlElement:
    ident = f"{name}-a{number}"
    return el(
        "div",
        {"class": "kw-answer"},
        el(
            "input",
            {
                "type": "checkbox" if several else "radio",
                "name": name,
                "id": ident,
                "value": str(number),
                "data-kw-correct": "1" if correct else "0",
            },
        ),
        " ",
        el("label", {"for": ident}, caption),
        el("p", {"class": "kw-feedback", "hidden": ""}, feedback) if feedback else None,
    )
