from dataclasses import replace

import pytest

from designer.core.snapshot import Answer, Module, Question, Schedule
from designer.quality.rules.activities import valid_url
from tests.quality.builders import example, findings, with_grobkonzept, with_nugget


def _quiz(*questions):
    return with_nugget(example(), "N5", questions=questions)


def test_question_without_correct_answer():
    question = Question("multi", "Welche Formate?", (Answer("Video", False), Answer("PDF", False)))
    found = findings(_quiz(question), "activity.quiz_questions")
    assert "Frage 1 („Welche Formate?“) hat keine richtige Antwort" in found[0].message_de


def test_single_choice_with_two_correct_answers_but_multi_is_fine():
    answers = (Answer("A", True), Answer("B", True))
    assert findings(_quiz(Question("single", "Was?", answers)), "activity.quiz_questions")
    assert findings(_quiz(Question("multi", "Was?", answers)), "activity.quiz_questions") == []


def test_quiz_without_questions_names_the_quiz():
    found = findings(_quiz(), "activity.quiz_questions")
    assert found[0].message_en.startswith("Quiz “Selbsttest: Medien und Methoden”: The quiz")


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://docs.moodle.org/405/de/Hauptseite", True),
        ("http://example.org", True),
        ("  https://example.org/a?b=c  ", True),
        ("", False),
        ("https://", False),
        ("ftp://example.org/file", False),
        ("javascript:alert(1)", False),
        ("www.example.org", False),
        ("https://exa mple.org", False),
        ("http://[::1", False),
    ],
)
def test_valid_url(url, valid):
    assert valid_url(url) is valid


def test_empty_url_is_named_empty():
    found = findings(with_nugget(example(), "N10", url=""), "activity.url_invalid")
    assert "(leer)" in found[0].message_de and "(empty)" in found[0].message_en


def test_live_sessions_need_dates_only_once_the_design_has_dates():
    assert findings(with_grobkonzept(example(), start_date=""), "activity.live_session_date") == []
    found = findings(example(), "activity.live_session_date")
    assert "01.02.2027" in found[0].message_de and "2027-02-01" in found[0].message_en


def test_module_schedule_covers_its_live_nuggets():
    snap = example()
    m1 = snap.modules[0]
    dated = Module(m1.key, m1.title, m1.description, m1.placements, Schedule("2027-02-01", "09:00"))
    snap = replace(snap, modules=(dated, *snap.modules[1:]))
    found = findings(snap, "activity.live_session_date")
    assert [f.target_key for f in found] == ["N7"]


def test_a_date_without_time_is_not_enough():
    snap = with_nugget(example(), "N7", schedule=Schedule(date="2027-02-15"))
    keys = [f.target_key for f in findings(snap, "activity.live_session_date")]
    assert keys == ["N1", "N7"]


def test_matching_question_needs_its_pairs():
    pair, other = Answer("Hund", False, match="bellt"), Answer("Katze", False, match="miaut")
    short = Question("match", "Zuordnen", (pair, other))
    found = findings(_quiz(short), "activity.quiz_questions")
    assert "Frage 1 („Zuordnen“) hat weniger als zwei Paare oder drei Antworten" in (
        found[0].message_de
    )
    assert "has fewer than two pairs or three answers" in found[0].message_en
    distractor = Answer("", False, match="quakt")
    complete = Question("match", "Zuordnen", (pair, other, distractor))
    assert findings(_quiz(complete), "activity.quiz_questions") == []


def test_short_answer_question_needs_an_accepted_answer():
    found = findings(_quiz(Question("shortanswer", "Wer?", ())), "activity.quiz_questions")
    assert "hat keine akzeptierte Antwort" in found[0].message_de
    accepted = Question("shortanswer", "Wer?", (Answer("Ich", True),))
    assert findings(_quiz(accepted), "activity.quiz_questions") == []
