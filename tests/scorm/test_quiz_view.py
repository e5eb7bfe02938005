"""Quiz questions as the player shows them: identifiers, targets, accepted answers."""

from __future__ import annotations

from designer.core.snapshot import Answer, Question
from designer.export.learner.quiz import answerable, quiz_questions

MATCH = Question(
    "match",
    "Zuordnen",
    (
        Answer("Forum", False, match="Austausch"),
        Answer("Test", False, match="Wissen prüfen"),
        Answer("", False, match="abgabe"),
    ),
)
SHORT = Question("shortanswer", "Plattform?", (Answer(" Moodle ", True, "Gut."), Answer("", True)))


def test_match_targets_are_sorted_and_include_distractors():
    [question] = quiz_questions("n3", (MATCH,))
    assert question.ident == "n3-q1" and question.interaction == "matching"
    assert [(o.ident, o.text) for o in question.options] == [
        ("a", "abgabe"),
        ("b", "Austausch"),
        ("c", "Wissen prüfen"),
    ]
    assert [(p.ident, p.text, p.right) for p in question.pairs] == [
        ("a", "Forum", "b"),
        ("b", "Test", "c"),
    ]


def test_short_answers_are_trimmed_and_blank_ones_dropped():
    [question] = quiz_questions("n1", (SHORT,))
    assert question.interaction == "fill-in"
    assert [(o.ident, o.text, o.feedback) for o in question.options] == [("a", "Moodle", "Gut.")]


def test_only_questions_a_learner_can_answer_are_asked():
    one_pair = Question("match", "Zuordnen", (Answer("Forum", False, match="Austausch"),))
    no_text = Question("shortanswer", "Plattform?", (Answer(" ", True),))
    no_right = Question("single", "Welche?", (Answer("a", False), Answer("b", False)))
    right = Question("single", "Welche?", (Answer("a", True), Answer("b", False)))
    asked = answerable((one_pair, no_text, no_right, right, MATCH, SHORT))
    assert asked == [right, MATCH, SHORT]
    numbers = [q.number for q in quiz_questions("n1", (no_right, right, SHORT))]
    assert numbers == [1, 2]
