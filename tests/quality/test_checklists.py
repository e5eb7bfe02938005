import copy
import json
from dataclasses import replace

import pytest

from designer.quality import (
    AutomaticCriterion,
    ChecklistError,
    ConfigError,
    ManualCriterion,
    UnknownChecklist,
    builtin_checklists,
    checklist_from_dict,
    checklist_to_dict,
    copy_checklist,
    evaluate,
    get_builtin,
)
from tests.quality.builders import example, with_nugget

KEYS = ["didactic_basics", "blended_interaction", "accessibility", "legal"]


def test_builtin_checklists():
    checklists = builtin_checklists()
    assert [c.key for c in checklists] == KEYS
    assert get_builtin("legal").name_de == "Recht, Lizenzen und Datenschutz"
    assert get_builtin("accessibility").name("en") == "Accessibility and ergonomics"
    for checklist in checklists:
        assert checklist.builtin and checklist.automatic and checklist.manual
        for manual in checklist.manual:
            assert manual.help_de and manual.help_en
    with pytest.raises(UnknownChecklist):
        get_builtin("nope")


@pytest.mark.parametrize("key", KEYS)
def test_example_course_has_no_errors(key):
    """The demo course is a good course: no built-in checklist finds an error in it."""
    result = evaluate(example(), get_builtin(key))
    assert [f for f in result.findings if f.severity == "error"] == []
    assert result.blocking_findings == []


def test_example_under_didactic_basics():
    result = evaluate(example(), get_builtin("didactic_basics"))
    assert [(f.rule, f.target_key) for f in result.findings] == [("workload.module_share", "M4")]
    met = {r.criterion.key: r.met for r in result.automatic}
    assert met["objective.no_nugget"] and not met["workload.module_share"]
    assert [m.key for m in result.manual][:2] == ["need", "assessment_fit"]


def test_blocking_findings_follow_the_criteria():
    snap = with_nugget(example(), "N5", questions=())
    result = evaluate(snap, get_builtin("didactic_basics"))
    assert [(f.rule, f.target_key) for f in result.blocking_findings] == [
        ("activity.quiz_questions", "N5")
    ]


def test_accessibility_checklist_makes_missing_captions_an_error():
    snap = with_nugget(example(), "N2", has_video=True)
    result = evaluate(snap, get_builtin("accessibility"))
    assert [(f.rule, f.severity, f.blocking) for f in result.blocking_findings] == [
        ("accessibility.video_captions", "error", True)
    ]


@pytest.mark.parametrize("key", KEYS)
def test_round_trip_through_json(key):
    builtin = get_builtin(key)
    stored = json.loads(json.dumps(checklist_to_dict(builtin)))
    assert checklist_from_dict(stored) == replace(builtin, builtin=False)


def test_edited_copy_changes_what_blocks():
    data = checklist_to_dict(get_builtin("didactic_basics"))
    share = next(c for c in data["criteria"] if c["key"] == "workload.module_share")
    share.update(severity="error", blocking=True, params={"max_share_percent": 55.5})
    data["criteria"] = [c for c in data["criteria"] if c["key"] != "objective.no_bloom"]
    data["criteria"].append(
        {
            "key": "customer_ok",
            "kind": "manual",
            "category": "organisation",
            "question": {"de": "Hat der Kunde zugestimmt?", "en": "Has the customer agreed?"},
        }
    )
    edited = checklist_from_dict(data)
    assert "objective.no_bloom" not in [c.key for c in edited.criteria]
    assert edited.criterion("customer_ok").help_de == ""
    assert evaluate(example(), edited).blocking_findings == []  # 55.3 % ≤ 55.5 %
    share_c = edited.criterion("workload.module_share")
    stricter = replace(
        edited,
        criteria=tuple(
            replace(c, params={"max_share_percent": 50}) if c is share_c else c
            for c in edited.criteria
        ),
    )
    blocking = evaluate(example(), stricter).blocking_findings
    assert [(f.rule, f.severity) for f in blocking] == [("workload.module_share", "error")]


def test_same_rule_twice_with_different_thresholds():
    data = checklist_to_dict(get_builtin("didactic_basics"))
    data["criteria"].append(
        {
            "key": "module_share_hard",
            "kind": "automatic",
            "category": "workload",
            "rule": "workload.module_share",
            "severity": "error",
            "params": {"max_share_percent": 70},
        }
    )
    checklist = checklist_from_dict(data)
    assert checklist.criterion("module_share_hard").blocking is True
    assert evaluate(example(), checklist).blocking_findings == []


def test_copy_is_editable_and_keeps_criteria():
    mine = copy_checklist(get_builtin("legal"), "legal_acme", "Recht ACME", "Law ACME")
    assert not mine.builtin and mine.key == "legal_acme"
    assert mine.criteria == get_builtin("legal").criteria


def _broken(change):
    data = copy.deepcopy(checklist_to_dict(get_builtin("didactic_basics")))
    change(data)
    with pytest.raises(ChecklistError) as err:
        checklist_from_dict(data)
    return err.value.problems


def test_validation_names_every_problem_with_its_place():
    def change(data):
        data["criteria"][0]["rule"] = "objective.nope"
        data["criteria"][1]["severity"] = "fatal"
        data["criteria"][6]["params"] = {"tolerance": 10}
        data["criteria"][7]["params"] = {"max_share_percent": -1}

    problems = _broken(change)
    assert problems == [
        "criteria[0]: unknown rule 'objective.nope'",
        "criteria[1]: severity must be one of error, warning, hint, not 'fatal'",
        "criteria[6]: rule 'workload.planned_mismatch' has no parameter 'tolerance' "
        "(parameters: tolerance_percent)",
        "criteria[7]: parameter 'max_share_percent' must be a number ≥ 0, not -1",
    ]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(key=3), "key: must be text"),
        (lambda d: d.update(key=" "), "a checklist needs a key"),
        (lambda d: d.update(name={"de": "x"}), "needs its name in German and English"),
        (lambda d: d.update(name="x"), "name: must be an object with texts de and en"),
        (lambda d: d.update(criteria={}), "criteria: must be a list"),
        (lambda d: d["criteria"].append(7), "criteria[20]: must be an object"),
        (lambda d: d["criteria"][0].update(kind="auto"), "kind must be 'automatic' or 'manual'"),
        (lambda d: d["criteria"][0].update(params=[1]), "params of 'objective.no_nugget' must"),
        (lambda d: d["criteria"][14].update(question={"de": "", "en": "?"}), "question in"),
        (lambda d: d["criteria"][14].update(category="misc"), "unknown category 'misc'"),
        (lambda d: d["criteria"][14].update(help="?"), "criteria[14]: help: must be an object"),
        (lambda d: d["criteria"][2].update(params={"organisational_terms": [""]}), "non-empty"),
        (lambda d: d["criteria"][1].update(key="objective.no_nugget"), "duplicate criterion"),
    ],
)
def test_validation_problems(change, problem):
    problems = _broken(change)
    assert len(problems) == 1 and problem in problems[0]


def test_manual_and_automatic_criteria_validate_on_edit():
    manual = get_builtin("legal").criterion("recording")
    assert isinstance(manual, ManualCriterion)
    with pytest.raises(ConfigError):
        replace(manual, question_en="")
    auto = get_builtin("legal").criterion("legal.license")
    assert isinstance(auto, AutomaticCriterion)
    with pytest.raises(ConfigError):
        replace(auto, params={"link_kinds": ["website"]})


def test_result_as_data_for_the_review_page():
    data = evaluate(example(), get_builtin("didactic_basics")).to_dict("en")
    assert data["checklist"] == {"key": "didactic_basics", "name": "Basic didactic quality"}
    assert data["blocking"] == 0
    share = next(c for c in data["automatic"] if c["key"] == "workload.module_share")
    assert share["met"] is False and share["category_label"] == "Workload"
    assert share["findings"][0]["target"] == {"kind": "module", "key": "M4"}
    assert data["manual"][0]["question"] == "Are the objectives derived from a described need?"
    json.dumps(data)


def test_the_strictest_checklist_judges_a_shared_finding_everywhere():
    from designer.core.snapshot import from_json
    from designer.quality import applicable_findings, evaluate_all
    from designer.quality.criteria import AutomaticCriterion, Checklist
    from tests.paths import EXAMPLE_JSON

    snap = from_json(EXAMPLE_JSON.read_bytes())
    mild = Checklist("mild", "Mild", "Mild", (AutomaticCriterion("workload.module_share"),))
    strict = Checklist(
        "strict",
        "Streng",
        "Strict",
        (AutomaticCriterion("workload.module_share", severity="error"),),
    )
    results = evaluate_all(snap, [mild, strict])
    judged = {(r.severity, r.blocking) for result in results for r in result.automatic}
    assert judged == {("error", True)}
    shared = [
        f for f in applicable_findings(snap, [mild, strict]) if f.rule == "workload.module_share"
    ]
    assert shared and {(f.severity, f.blocking) for f in shared} == {("error", True)}
    # Alone, the mild checklist keeps its warning; rules it lacks are hints that block nothing.
    alone = applicable_findings(snap, [mild])
    assert {f.severity for f in alone if f.rule == "workload.module_share"} == {"warning"}
    assert {(f.severity, f.blocking) for f in alone if f.rule != "workload.module_share"} == {
        ("hint", False)
    }
