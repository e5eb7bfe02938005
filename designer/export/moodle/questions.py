"""questions.xml: each quiz's own question bank (module context, level 70).

Moodle 4.x stores a question as bank entry → version → question with its qtype data.
A quiz owns a "top" category and one category below it holding its questions; the
quiz's slots point at the bank entries (`question_reference`), and the quiz's
inforef.xml names both categories so that restore brings them along.

The qtype data is written as Moodle 4.5's backup writes it: `multichoice` and
`truefalse` with answers and options, `shortanswer` with answers and its `usecase`
option (backup_qtype_extrafields_plugin), `match` with its options and one `match` row
per pair or distractor (backup_qtype_match_plugin; no answers).
"""

from __future__ import annotations

from designer.core.snapshot import Question
from designer.export.moodle.html import paragraph
from designer.export.moodle.ids import Ids
from designer.export.moodle.plan import (
    Activity,
    Plan,
    PlannedAnswer,
    PlannedQuestion,
    QuestionBank,
)
from designer.export.moodle.texts import text
from designer.export.moodle.xml import Element, decimal, fields, group, root, to_bytes

CONTEXT_MODULE = 70
# The answer a true/false question's design names as "true", in the words people use.
_TRUE_WORDS = {"wahr", "true", "richtig", "ja", "yes", "stimmt"}
# Restore gives questions of a foreign site to the restoring user; any id will do here.
_AUTHOR_ID = 2
_NAME_LENGTH = 80
# Moodle's question type of each kind; single and multi are multichoice.
_QTYPES = {"truefalse": "truefalse", "match": "match", "shortanswer": "shortanswer"}


def plan_bank(ids: Ids, quiz: Activity, questions: tuple[Question, ...], lang: str) -> QuestionBank:
    planned = []
    for slot, question in enumerate(questions, start=1):
        qtype = _QTYPES.get(question.kind, "multichoice")
        answers = _answers(question, lang)
        planned.append(
            PlannedQuestion(
                id=ids.next("question"),
                slot=slot,
                name=_name(question.text),
                qtype=qtype,
                question=question,
                answers=tuple(PlannedAnswer(ids.next("answer"), *a) for a in answers),
                options_id=ids.next(qtype),
            )
        )
    return QuestionBank(
        contextid=quiz.contextid,
        cmid=quiz.cmid,
        top_id=ids.next("question_category"),
        category_id=ids.next("question_category"),
        name=text("question_category", lang).format(quiz.title),
        questions=tuple(planned),
    )


def _answers(q: Question, lang: str) -> list[tuple[str, float, str]]:
    """(text, fraction, feedback) per answer in Moodle's terms; for a matching question one
    per pair or distractor, whose texts `_match_rows` writes (Moodle grades the pairs)."""
    if q.kind == "truefalse":
        return _truefalse(q, lang)
    if q.kind == "match":
        return [("", 0.0, "") for _ in q.answers]
    if q.kind == "shortanswer":
        return [(_literal(a.text), 1.0, a.feedback) for a in q.answers]
    if q.kind == "single":
        return [(a.text, 1.0 if a.correct else 0.0, a.feedback) for a in q.answers]
    right = sum(a.correct for a in q.answers) or 1
    wrong = (len(q.answers) - right) or 1
    return [(a.text, 1 / right if a.correct else -1 / wrong, a.feedback) for a in q.answers]


def _truefalse(q: Question, lang: str) -> list[tuple[str, float, str]]:
    """Moodle keeps "True" then "False"; the design's answers may come in any order."""
    true_answer = next(
        (a for a in q.answers if a.text.strip().casefold() in _TRUE_WORDS),
        q.answers[0] if q.answers else None,
    )
    others = [a for a in q.answers if a is not true_answer]
    statement_true = true_answer.correct if true_answer else True
    true_feedback = true_answer.feedback if true_answer else ""
    false_feedback = others[0].feedback if others else ""
    return [
        (text("true", lang), 1.0 if statement_true else 0.0, true_feedback),
        (text("false", lang), 0.0 if statement_true else 1.0, false_feedback),
    ]


def _literal(answer: str) -> str:
    """An accepted short answer as Moodle reads it: "*" is Moodle's wildcard, "\\*" a star."""
    return answer.replace("*", "\\*")


def _name(value: str) -> str:
    value = " ".join(value.split())
    if len(value) <= _NAME_LENGTH:
        return value
    return value[: _NAME_LENGTH - 1].rsplit(" ", 1)[0] + "…"


def stamp(plan: Plan, kind: str, item_id: int) -> str:
    """Moodle's unique stamp of a category or question (host+time+random in Moodle)."""
    return f"kurswerk+{plan.now}+{kind}{item_id}"


def write_questions(plan: Plan) -> bytes:
    doc = root("question_categories")
    for bank in plan.banks:
        _category(plan, doc, bank, bank.top_id, "top", parent=0)
        entries = _category(plan, doc, bank, bank.category_id, bank.name, parent=bank.top_id)
        for q in bank.questions:
            _entry(plan, entries, bank, q)
    return to_bytes(doc)


def _category(
    plan: Plan, doc: Element, bank: QuestionBank, cat_id: int, name: str, parent: int
) -> Element:
    cat = group(doc, "question_category", id=cat_id)
    fields(
        cat,
        [
            ("name", name),
            ("contextid", bank.contextid),
            ("contextlevel", CONTEXT_MODULE),
            ("contextinstanceid", bank.cmid),
            ("info", ""),
            ("infoformat", 0 if parent == 0 else 1),
            ("stamp", stamp(plan, "category", cat_id)),
            ("parent", parent),
            ("sortorder", 0 if parent == 0 else 999),
            ("idnumber", None),
        ],
    )
    return group(cat, "question_bank_entries")


def _entry(plan: Plan, entries: Element, bank: QuestionBank, q: PlannedQuestion) -> None:
    entry = group(entries, "question_bank_entry", id=q.id)
    fields(
        entry,
        [("questioncategoryid", bank.category_id), ("idnumber", None), ("ownerid", _AUTHOR_ID)],
    )
    version = group(group(entry, "question_version"), "question_versions", id=q.id)
    fields(version, [("version", 1), ("status", "ready")])
    question = group(group(version, "questions"), "question", id=q.id)
    penalty = 1.0 if q.qtype == "truefalse" else 1 / 3
    fields(
        question,
        [
            ("parent", 0),
            ("name", q.name),
            ("questiontext", paragraph(q.question.text)),
            ("questiontextformat", 1),
            ("generalfeedback", paragraph(q.question.feedback)),
            ("generalfeedbackformat", 1),
            ("defaultmark", decimal(1, 7)),
            ("penalty", decimal(penalty, 7)),
            ("qtype", q.qtype),
            ("length", 1),
            ("stamp", stamp(plan, "question", q.id)),
            ("timecreated", plan.now),
            ("timemodified", plan.now),
            ("createdby", _AUTHOR_ID),
            ("modifiedby", _AUTHOR_ID),
        ],
    )
    qtype_data = group(question, f"plugin_qtype_{q.qtype}_question")
    if q.qtype == "match":
        _match_options(qtype_data, q, plan.lang)
        _match_rows(qtype_data, q)
    else:
        _answer_list(qtype_data, q)
    if q.qtype == "truefalse":
        _truefalse_options(qtype_data, q)
    elif q.qtype == "shortanswer":
        # Accepted answers are compared ignoring case, as the learner view does.
        fields(group(qtype_data, "shortanswer", id=q.options_id), [("usecase", 0)])
    elif q.qtype == "multichoice":
        _multichoice_options(qtype_data, q, plan.lang)
    group(group(question, "plugin_qbank_comment_question"), "comments")
    group(group(question, "plugin_qbank_customfields_question"), "customfields")
    group(question, "question_hints")
    group(question, "tags")


def _answer_list(parent: Element, q: PlannedQuestion) -> None:
    answers = group(parent, "answers")
    html = q.qtype == "multichoice"
    for a in q.answers:
        fields(
            group(answers, "answer", id=a.id),
            [
                ("answertext", paragraph(a.text) if html else a.text),
                ("answerformat", 1 if html else 0),
                ("fraction", decimal(a.fraction, 7)),
                ("feedback", paragraph(a.feedback)),
                ("feedbackformat", 1),
            ],
        )


def _multichoice_options(parent: Element, q: PlannedQuestion, lang: str) -> None:
    fields(
        group(parent, "multichoice", id=q.options_id),
        [
            ("layout", 0),
            ("single", 1 if q.question.kind == "single" else 0),
            ("shuffleanswers", 1),
            ("correctfeedback", paragraph(text("correct", lang))),
            ("correctfeedbackformat", 1),
            ("partiallycorrectfeedback", paragraph(text("partially", lang))),
            ("partiallycorrectfeedbackformat", 1),
            ("incorrectfeedback", paragraph(text("incorrect", lang))),
            ("incorrectfeedbackformat", 1),
            ("answernumbering", "abc"),
            ("shownumcorrect", 1),
            ("showstandardinstruction", 0),
        ],
    )


def _match_options(parent: Element, q: PlannedQuestion, lang: str) -> None:
    fields(
        group(parent, "matchoptions", id=q.options_id),
        [
            ("shuffleanswers", 1),
            ("correctfeedback", paragraph(text("correct", lang))),
            ("correctfeedbackformat", 1),
            ("partiallycorrectfeedback", paragraph(text("partially", lang))),
            ("partiallycorrectfeedbackformat", 1),
            ("incorrectfeedback", paragraph(text("incorrect", lang))),
            ("incorrectfeedbackformat", 1),
            ("shownumcorrect", 1),
        ],
    )


def _match_rows(parent: Element, q: PlannedQuestion) -> None:
    """One row per pair: the item (HTML, empty for a distractor) and its answer (plain)."""
    rows = group(parent, "matches")
    for planned, answer in zip(q.answers, q.question.answers, strict=True):
        fields(
            group(rows, "match", id=planned.id),
            [
                ("questiontext", paragraph(answer.text)),
                ("questiontextformat", 1),
                ("answertext", answer.match),
            ],
        )


def _truefalse_options(parent: Element, q: PlannedQuestion) -> None:
    true_answer, false_answer = q.answers
    fields(
        group(parent, "truefalse", id=q.options_id),
        [
            ("trueanswer", true_answer.id),
            ("falseanswer", false_answer.id),
            ("showstandardinstruction", 0),
        ],
    )


def quiz_category_ids(activity: Activity) -> list[int]:
    bank = activity.bank
    return [bank.top_id, bank.category_id] if bank else []
