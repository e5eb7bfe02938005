"""results.learners_struggle: questions few answer right and nuggets most leave unfinished,
judged from hand-built learner results once the design has enough learners."""

from designer.core.learner_results import NO_RESULTS, LearnerResults, NuggetResult, QuestionResult
from designer.quality import AutomaticCriterion, check, evaluate, get_builtin
from tests.quality.builders import example, findings, targets

RULE = "results.learners_struggle"
QUIZ = "N5"  # "Selbsttest: Medien und Methoden", five questions
ASKED = "Welche Formate eignen sich für asynchrones Lernen?"  # its second question


def _results(
    learners: int = 20,
    correct: int | None = None,
    answered: int = 20,
    unfinished: int | None = None,
    opened: int = 20,
    nugget: str = QUIZ,
) -> LearnerResults:
    questions = ()
    if correct is not None:
        questions = (QuestionResult(QUIZ, 1, answered, correct, number=2, text=ASKED),)
    nuggets = ()
    if unfinished is not None:
        nuggets = (
            NuggetResult(nugget, learners=opened, launches=opened, completed=opened - unfinished),
        )
    return LearnerResults(learners=learners, nuggets=nuggets, questions=questions)


def test_a_question_three_of_twenty_answer_right_is_named_with_the_numbers():
    [finding] = findings(example(), RULE, _results(correct=3))
    assert (finding.target_kind, finding.target_key, finding.severity) == (
        "nugget",
        QUIZ,
        "warning",
    )
    assert not finding.blocking
    assert finding.message_de.startswith(
        "Frage 2 („Welche Formate eignen sich für asynchrones Lernen?“) im Nugget "
        "„Selbsttest: Medien und Methoden“ haben nur 3 von 20 Lernenden richtig beantwortet "
        "(15 %, Grenze 20 %)."
    )
    assert "Prüfen Sie" in finding.message_de
    assert finding.message_en.startswith(
        "Only 3 of 20 learners answered question 2 (“Welche Formate eignen sich für "
        "asynchrones Lernen?”) in the nugget “Selbsttest: Medien und Methoden” correctly "
        "(15 %, limit 20 %)."
    )


def test_exactly_the_limit_is_quiet_fewer_than_is_strict():
    assert findings(example(), RULE, _results(correct=4)) == []


def test_nineteen_learners_say_too_little():
    assert (
        findings(example(), RULE, _results(learners=19, correct=0, unfinished=19, opened=19)) == []
    )


def test_no_delivery_is_quiet():
    assert findings(example(), RULE) == []
    assert findings(example(), RULE, NO_RESULTS) == []
    assert [f for f in check(example()) if f.rule == RULE] == []


def test_a_nugget_eleven_of_twenty_leave_unfinished_fires():
    [finding] = findings(example(), RULE, _results(unfinished=11, nugget="N4"))
    assert targets([finding]) == [("nugget", "N4")]
    assert finding.message_de.startswith(
        "11 von 20 Lernenden, die das Nugget „Das SAMR-Modell“ geöffnet haben, haben es "
        "nicht abgeschlossen (55 %, Grenze 50 %)."
    )
    assert finding.message_en.startswith(
        "11 of the 20 learners who opened the nugget “Das SAMR-Modell” left it unfinished "
        "(55 %, limit 50 %)."
    )


def test_half_unfinished_is_quiet():
    assert findings(example(), RULE, _results(unfinished=10, nugget="N4")) == []


def test_question_and_nugget_both_reported():
    found = findings(example(), RULE, _results(correct=0, unfinished=15))
    assert targets(found) == [("nugget", QUIZ), ("nugget", QUIZ)]
    assert "0 von 20" in found[0].message_de and "15 von 20" in found[1].message_de


def test_a_share_just_under_the_limit_is_not_rounded_up_to_it():
    [finding] = findings(example(), RULE, _results(learners=246, correct=49, answered=246))
    assert "(19,9 %, Grenze 20 %)" in finding.message_de
    assert "(19.9 %, limit 20 %)" in finding.message_en


def test_a_question_the_design_no_longer_has_is_named_by_its_number():
    results = LearnerResults(learners=20, questions=(QuestionResult(QUIZ, 7, 20, 1),))
    [finding] = findings(example(), RULE, results)
    assert finding.message_de.startswith("Frage 8 im Nugget „Selbsttest")


def test_a_nugget_no_longer_in_the_design_is_not_reported():
    results = LearnerResults(
        learners=30,
        nuggets=(NuggetResult("gone", learners=30, completed=0),),
        questions=(QuestionResult("gone", 0, 30, 0),),
    )
    assert findings(example(), RULE, results) == []


def test_parameters_change_the_outcome():
    few = _results(learners=10, correct=1, answered=10)
    assert findings(example(), RULE, few) == []
    assert len(findings(example(), RULE, few, min_learners=10)) == 1
    assert findings(example(), RULE, _results(correct=4), min_correct_percent=25) != []
    assert findings(example(), RULE, _results(correct=3), min_correct_percent=10) == []
    assert findings(example(), RULE, _results(unfinished=11), max_unfinished_percent=60) == []
    found = findings(example(), RULE, _results(unfinished=8), max_unfinished_percent=25.5)
    assert "(40 %, Grenze 25,5 %)" in found[0].message_de


def test_runs_in_the_default_criteria_and_the_didactic_basics():
    results = _results(correct=3)
    assert [f.rule for f in check(example(), results=results) if f.rule == RULE] == [RULE]
    basics = evaluate(example(), get_builtin("didactic_basics"), results)
    [criterion] = [r for r in basics.automatic if r.criterion.rule == RULE]
    assert criterion.criterion.category == "evaluation" and not criterion.met


def test_a_checklist_criterion_sets_severity_and_parameters():
    criterion = AutomaticCriterion(RULE, {"min_learners": 5}, severity="error")
    found = check(example(), [criterion], _results(learners=5, correct=0, answered=5))
    assert [(f.severity, f.blocking) for f in found] == [("error", True)]
