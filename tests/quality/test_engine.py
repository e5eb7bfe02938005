import json

import pytest

import designer.quality.rules as registry
from designer.quality import (
    RULES,
    SEVERITIES,
    AutomaticCriterion,
    ConfigError,
    Finding,
    check,
    findings_json,
    get_rule,
    has_blocking,
)
from designer.quality.definitions import CATEGORIES
from tests.quality.builders import example, with_nugget


def test_registry_has_every_rule_once_and_documents_it():
    assert len(RULES) >= 18
    for rule_id, rule in RULES.items():
        assert rule.id == rule_id and rule.severity in SEVERITIES
        assert rule.category in CATEGORIES and rule.title_de and rule.title_en
        assert rule_id in registry.__doc__


def test_unknown_rule_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown rule 'objective.nope'"):
        get_rule("objective.nope")


def test_check_runs_every_rule_with_defaults():
    found = check(example())
    assert {f.rule for f in found} == {"workload.module_share", "activity.live_session_date"}
    assert all(f.severity == "warning" and not f.blocking for f in found)


def test_errors_block_by_default():
    snap = with_nugget(example(), "N5", questions=())
    found = check(snap)
    blocking = [f for f in found if f.blocking]
    assert [(f.rule, f.severity) for f in blocking] == [("activity.quiz_questions", "error")]
    assert has_blocking(found) and not has_blocking([f for f in found if not f.blocking])


def test_criteria_set_severity_blocking_and_parameters():
    criteria = [
        AutomaticCriterion("workload.module_share", {"max_share_percent": 60}, severity="hint"),
        AutomaticCriterion("activity.live_session_date", severity="error", blocking=False),
        AutomaticCriterion("workload.planned_mismatch", {"tolerance_percent": 4}),
    ]
    found = check(example(), criteria)
    assert [(f.rule, f.severity, f.blocking) for f in found] == [
        ("activity.live_session_date", "error", False),
        ("activity.live_session_date", "error", False),
        ("workload.planned_mismatch", "warning", False),
    ]


def test_finding_in_both_languages_and_as_data():
    finding = check(example(), [AutomaticCriterion("workload.module_share")])[0]
    assert finding.message("de").startswith("Das Modul „Kursraum")
    assert finding.message("en").startswith("Module “Kursraum")
    assert finding.to_dict("en") == {
        "rule": "workload.module_share",
        "severity": "warning",
        "message": finding.message_en,
        "target": {"kind": "module", "key": "M4"},
        "blocking": False,
    }


def test_findings_json_is_what_the_cli_prints():
    found = [
        Finding("a.b", "error", "kaputt", "broken", "nugget", "N1", blocking=True),
        Finding("c.d", "hint", "Hinweis", "hint", "design", ""),
    ]
    data = json.loads(findings_json(found, "de"))
    assert [d["message"] for d in data] == ["kaputt", "Hinweis"]
    assert data[0]["target"] == {"kind": "nugget", "key": "N1"}
    assert json.loads(findings_json([], "en")) == []


@pytest.mark.parametrize(
    ("criterion", "message"),
    [
        (lambda: AutomaticCriterion("objective.vague"), "unknown rule 'objective.vague'"),
        (
            lambda: AutomaticCriterion("workload.module_share", {"share": 40}),
            "has no parameter 'share' \\(parameters: max_share_percent\\)",
        ),
        (
            lambda: AutomaticCriterion("workload.module_share", {"max_share_percent": "viel"}),
            "must be a number",
        ),
        (lambda: AutomaticCriterion("balance.few_types", {"min_types": 2.5}), "whole number"),
        (
            lambda: AutomaticCriterion(
                "workload.module_share", {"max_share_percent": float("nan")}
            ),
            "must be a number",
        ),
        (
            lambda: AutomaticCriterion("balance.no_exchange", {"exchange_types": ["chat"]}),
            "unknown value\\(s\\) 'chat'",
        ),
        (lambda: AutomaticCriterion("objective.no_bloom", severity="fatal"), "severity must be"),
        (lambda: AutomaticCriterion("objective.no_bloom", category="misc"), "unknown category"),
        (lambda: AutomaticCriterion("objective.no_bloom", blocking="yes"), "blocking must be"),
    ],
)
def test_bad_settings_are_refused(criterion, message):
    with pytest.raises(ConfigError, match=message):
        criterion()


def test_criterion_defaults_come_from_the_rule():
    c = AutomaticCriterion("objective.no_nugget")
    assert (c.key, c.category, c.severity, c.blocking) == (
        "objective.no_nugget",
        "objectives",
        "error",
        True,
    )
    words = AutomaticCriterion("legal.license", {"link_kinds": ["url", "file"]})
    assert words.params == {"link_kinds": ("url", "file")}
    assert words.resolved_params() == {"link_kinds": ("url", "file")}


def test_rule_catalogue_for_the_editor():
    described = get_rule("balance.no_exchange").to_dict("de")
    assert described["title"] == "Kein Austausch in einem längeren Kurs"
    assert described["params"][0] == {
        "name": "min_course_minutes",
        "kind": "int",
        "default": 480,
        "label": "Ab dieser Gesamtdauer in Minuten (mehr als ein Tag)",
        "choices": [],
    }
    assert described["params"][1]["kind"] == "words"
    json.dumps([r.to_dict("en") for r in RULES.values()])
