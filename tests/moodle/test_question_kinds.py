"""Matching and short-answer questions in the backup: written as Moodle 4.5's own backup
code writes them (backup_qtype_match_plugin, backup_qtype_extrafields_plugin for
shortanswer), in the quiz's slots with its grades and pass mark."""

from __future__ import annotations

import pytest

from tests.moodle.reader import example_dict, export, snapshot
from tests.moodle.test_content import text_of
from tests.moodle.test_reference import tags

MATCH = {
    "kind": "match",
    "text": "Ordnen Sie die Stufen zu.",
    "feedback": "SAMR beschreibt vier Stufen.",
    "answers": [
        {"text": "PDF statt Papier", "match": "Substitution", "correct": False},
        {"text": "Gemeinsames Dokument <online>", "match": "Modification", "correct": False},
        {"text": "", "match": "Redefinition", "correct": False},
    ],
}
SHORT = {
    "kind": "shortanswer",
    "text": "Wofür steht das A in SAMR?",
    "answers": [
        {"text": "Augmentation", "correct": True, "feedback": "Genau."},
        {"text": "Augment*", "correct": True},
    ],
}
# Element order of Moodle 4.5's backup structures (see the module docstring).
MATCH_OPTIONS = [
    "shuffleanswers",
    "correctfeedback",
    "correctfeedbackformat",
    "partiallycorrectfeedback",
    "partiallycorrectfeedbackformat",
    "incorrectfeedback",
    "incorrectfeedbackformat",
    "shownumcorrect",
]


@pytest.fixture(scope="module")
def backup():
    doc = example_dict()
    quiz = next(n for n in doc["design"]["nuggets"] if n["key"] == "N5")
    quiz["questions"] += [MATCH, SHORT]
    return export(snapshot(doc))


def _questions(backup):
    return {q.findtext("qtype"): q for q in backup.xml("questions.xml").iter("question")}


def test_a_matching_question_has_options_and_one_row_per_pair(backup):
    q = _questions(backup)["match"]
    assert text_of(q.findtext("questiontext")) == MATCH["text"]
    assert text_of(q.findtext("generalfeedback")) == MATCH["feedback"]
    data = q.find("plugin_qtype_match_question")
    assert tags(data) == ["matchoptions", "matches"]  # no answers: Moodle keeps none for match
    options = data.find("matchoptions")
    assert tags(options) == MATCH_OPTIONS and options.get("id")
    assert text_of(options.findtext("correctfeedback")) == "Ihre Antwort ist richtig."
    rows = data.findall("matches/match")
    assert [tags(r) for r in rows] == [["questiontext", "questiontextformat", "answertext"]] * 3
    assert [r.findtext("questiontext") for r in rows] == [
        "<p>PDF statt Papier</p>",
        "<p>Gemeinsames Dokument &lt;online&gt;</p>",
        "",  # the distractor: an answer without an item
    ]
    assert [r.findtext("answertext") for r in rows] == [
        "Substitution",
        "Modification",
        "Redefinition",
    ]
    assert len({r.get("id") for r in rows}) == 3


def test_a_short_answer_question_has_its_accepted_answers_and_ignores_case(backup):
    q = _questions(backup)["shortanswer"]
    data = q.find("plugin_qtype_shortanswer_question")
    assert tags(data) == ["answers", "shortanswer"]
    assert tags(data.find("shortanswer")) == ["usecase"]
    assert data.findtext("shortanswer/usecase") == "0"
    answers = data.findall("answers/answer")
    assert [a.findtext("answertext") for a in answers] == ["Augmentation", "Augment\\*"]
    assert [a.findtext("answerformat") for a in answers] == ["0", "0"]
    assert [float(a.findtext("fraction")) for a in answers] == [1.0, 1.0]
    assert [text_of(a.findtext("feedback")) for a in answers] == ["Genau.", ""]


def test_the_new_questions_take_their_slots_grades_and_pass_mark(backup):
    quiz_folder = next(
        n.rsplit("/", 1)[0] for n in backup.files() if n.startswith("activities/quiz_")
    )
    quiz = backup.xml(f"{quiz_folder}/quiz.xml").find("quiz")
    slots = quiz.findall("question_instances/question_instance")
    assert [s.findtext("slot") for s in slots] == ["1", "2", "3", "4", "5"]
    assert quiz.findtext("sumgrades") == "5.00000"
    entries = {
        e.get("id"): e.findtext("question_version/question_versions/questions/question/qtype")
        for e in backup.xml("questions.xml").iter("question_bank_entry")
    }
    kinds = [entries[s.findtext("question_reference/questionbankentryid")] for s in slots]
    assert kinds == ["multichoice", "multichoice", "truefalse", "match", "shortanswer"]
    grades = backup.xml(f"{quiz_folder}/grades.xml")
    assert grades.findtext("grade_items/grade_item/gradepass") == "8.00000"


def test_questions_of_other_kinds_carry_no_match_parts(backup):
    for qtype, q in _questions(backup).items():
        assert (q.find(".//matches") is not None) == (qtype == "match")
        assert (q.find(".//answers") is None) == (qtype == "match")
