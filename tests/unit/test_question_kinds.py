"""Matching and short-answer questions in the snapshot: written and read back, refused
where their shape is wrong, and judged complete by the one rule of `fields`."""

from __future__ import annotations

import json

import pytest

from designer.core import fields as f
from designer.core.snapshot import Answer, FormatError, from_dict, from_json, to_dict
from designer.core.vocab import label
from tests.paths import EXAMPLE_JSON

MATCH = {
    "kind": "match",
    "text": "Ordnen Sie zu.",
    "answers": [
        {"text": "Hund", "match": "bellt", "correct": False},
        {"text": "Katze", "match": "miaut", "correct": False},
        {"text": "", "match": "quakt", "correct": False},
    ],
}
SHORT = {
    "kind": "shortanswer",
    "text": "Hauptstadt von Frankreich?",
    "answers": [{"text": "Paris", "correct": True, "feedback": "Genau."}],
}


def _with_questions(*questions):
    data = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    nugget = data["design"]["nuggets"][0]
    nugget["questions"] = list(questions)
    return data, nugget["key"]


def test_both_kinds_round_trip_and_match_is_written_only_when_given():
    data, key = _with_questions(MATCH, SHORT)
    snap = from_dict(data)
    match, short = snap.nugget(key).questions
    assert match.answers[0] == Answer("Hund", False, "", "bellt")
    assert match.answers[2] == Answer("", False, "", "quakt")
    assert short.answers == (Answer("Paris", True, "Genau."),)
    written = to_dict(snap)["design"]["nuggets"][0]["questions"]
    assert written == [MATCH, SHORT]
    assert "match" not in written[1]["answers"][0]
    assert to_dict(from_json(json.dumps(to_dict(snap)))) == to_dict(snap)


def test_a_match_outside_a_matching_question_is_named():
    bad = {**SHORT, "answers": [{"text": "Paris", "match": "x", "correct": True}]}
    data, _ = _with_questions(bad)
    with pytest.raises(FormatError) as err:
        from_dict(data)
    assert "questions[0].answers[0].match: only an answer of a matching question" in str(err.value)


def test_an_answer_needs_a_text_unless_it_is_a_distractor():
    empty_pair = {**MATCH, "answers": [*MATCH["answers"], {"text": "", "correct": False}]}
    empty_short = {**SHORT, "answers": [{"text": " ", "correct": True}]}
    data, _ = _with_questions(empty_pair, empty_short)
    with pytest.raises(FormatError) as err:
        from_dict(data)
    problems = err.value.problems
    assert any("questions[0].answers[3].text" in p for p in problems)
    assert any("questions[1].answers[0].text: must not be empty" in p for p in problems)
    assert not any("questions[0].answers[2]" in p for p in problems)


def test_vocabulary_names_the_kinds_in_both_languages():
    assert label("question_kind", "match", "de") == "Zuordnung"
    assert label("question_kind", "match", "en") == "Matching"
    assert label("question_kind", "shortanswer", "de") == "Kurzantwort"
    assert label("question_kind", "shortanswer", "en") == "Short answer"


def _pairs(*rows):
    return [{"text": t, "match": m} if m else {"text": t} for t, m in rows]


@pytest.mark.parametrize(
    ("kind", "answers", "code"),
    [
        ("match", _pairs(("A", "1"), ("B", "2"), ("", "3")), None),
        ("match", _pairs(("A", "1"), ("B", "2"), ("C", "3")), None),
        ("match", _pairs(("A", "1"), ("B", "2")), "too_few_pairs"),
        ("match", _pairs(("A", "1"), ("", "2"), ("", "3")), "too_few_pairs"),
        ("match", _pairs(("A", "1"), ("B", ""), ("", "3")), "unmatched_item"),
        ("shortanswer", [{"text": "Paris", "correct": True}], None),
        ("shortanswer", [], "no_accepted_answer"),
        ("single", [{"text": "a", "correct": True}, {"text": "b"}], None),
        ("single", [{"text": "a", "correct": True}], "no_answers"),
        ("multi", [{"text": "a"}, {"text": "b"}], "no_correct_answer"),
        ("essay", [{"text": "a", "correct": True}, {"text": "b"}], "invalid_question"),
    ],
)
def test_question_problem_fires_and_stays_quiet(kind, answers, code):
    assert f.question_problem(kind, "Frage?", answers) == code


def test_a_question_without_text_is_invalid_whatever_its_kind():
    assert f.question_problem("shortanswer", "  ", [{"text": "x"}]) == "invalid_question"
