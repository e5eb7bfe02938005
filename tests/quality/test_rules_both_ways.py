"""Every rule both ways: one snapshot where it fires (at the expected targets) and one
where it stays quiet. Detailed behaviour is tested per theme in the other files. A rule
that reads learner results is given a snapshot with its results."""

from collections.abc import Callable
from dataclasses import replace

import pytest

from designer.core.learner_results import NO_RESULTS, LearnerResults, QuestionResult
from designer.core.snapshot import DesignSnapshot, Objective, Schedule
from designer.quality import RULES
from tests.quality.builders import (
    design,
    example,
    findings,
    nugget,
    targets,
    with_grobkonzept,
    with_nugget,
    with_objective,
)

HARD_GERMAN = (
    "Die Implementierung organisationsübergreifender Qualifizierungsmaßnahmen erfordert "
    "eine kontinuierliche Berücksichtigung unterschiedlichster betriebswirtschaftlicher "
    "Rahmenbedingungen, arbeitsorganisatorischer Voraussetzungen sowie individueller "
    "Lernbiografien der beteiligten Beschäftigten unter Einbeziehung fachspezifischer "
    "Kompetenzanforderungen."
)


def _extra_objective() -> DesignSnapshot:
    snap = example()
    extra = Objective("O5", "Die Teilnehmenden planen eine Evaluation.", "apply")
    return replace(snap, objectives=(*snap.objectives, extra))


def _unassessed_o4() -> DesignSnapshot:
    return with_nugget(with_nugget(example(), "N9", assessment="none"), "N11", assessment="none")


def _no_exchange() -> DesignSnapshot:
    snap = with_nugget(example(), "N1", learning_type="practice")
    snap = with_nugget(snap, "N6", learning_type="practice")
    return with_nugget(snap, "N11", learning_type="production")


def _shorter_final_day() -> DesignSnapshot:
    return with_nugget(example(), "N11", duration_minutes=300)


def _live(key: str, kind: str, minutes: int, **fields) -> object:
    return nugget(
        key, learning_type=kind, delivery_mode="live_online", duration_minutes=minutes, **fields
    )


def _scheduled_live_sessions() -> DesignSnapshot:
    when = Schedule(date="2027-02-01", start="09:00", end="10:00")
    snap = with_nugget(example(), "N1", schedule=when)
    return with_nugget(snap, "N7", schedule=when)


def _quiz_answered(correct: int) -> tuple[DesignSnapshot, LearnerResults]:
    return example(), LearnerResults(learners=20, questions=(QuestionResult("N5", 0, 20, correct),))


Build = Callable[[], DesignSnapshot | tuple[DesignSnapshot, LearnerResults]]
CASES: dict[str, tuple[Build, list[tuple[str, str]], Build]] = {
    "objective.no_nugget": (_extra_objective, [("objective", "O5")], example),
    "objective.not_assessed": (_unassessed_o4, [("objective", "O4")], example),
    "objective.nugget_unlinked": (
        lambda: with_nugget(example(), "N1", title="Erwartungen sammeln", tags=()),
        [("nugget", "N1")],
        example,
    ),
    "objective.vague_verb": (
        lambda: with_objective(example(), "O1", text="Die Teilnehmenden verstehen SAMR."),
        [("objective", "O1")],
        example,
    ),
    "objective.no_bloom": (
        lambda: with_objective(example(), "O2", bloom_level=""),
        [("objective", "O2")],
        example,
    ),
    "transparency.learner_info": (
        lambda: with_grobkonzept(example(), prerequisites=" ", planned_workload_minutes=None),
        [("design", "prerequisites"), ("design", "planned_workload_minutes")],
        example,
    ),
    "workload.planned_mismatch": (
        lambda: with_grobkonzept(example(), planned_workload_minutes=900),
        [("design", "planned_workload_minutes")],
        example,
    ),
    "workload.module_share": (example, [("module", "M4")], _shorter_final_day),
    "balance.dominant_type": (
        lambda: design(
            {
                "M1": [
                    nugget("N1", learning_type="acquisition", duration_minutes=70),
                    nugget("N2", learning_type="practice", duration_minutes=15),
                    nugget("N3", learning_type="discussion", duration_minutes=15),
                ]
            }
        ),
        [("design", "")],
        example,
    ),
    "balance.few_types": (
        lambda: design(
            {"M1": [nugget("N1", learning_type="acquisition"), nugget("N2")]},
        ),
        [("design", "")],
        example,
    ),
    "balance.no_exchange": (_no_exchange, [("design", "")], example),
    "sequence.long_input": (
        lambda: design(
            {
                "M1": [
                    _live("N1", "acquisition", 30),
                    nugget("N2", delivery_mode="self_paced_online"),
                ]
            }
        ),
        [("nugget", "N1")],
        lambda: design({"M1": [_live("N1", "acquisition", 30), _live("N2", "practice", 20)]}),
    ),
    "sequence.live_online_break": (
        lambda: design({"M1": [_live("N1", "practice", 60), _live("N2", "discussion", 60)]}),
        [("nugget", "N1")],
        lambda: design(
            {
                "M1": [
                    _live("N1", "practice", 60),
                    _live("P", "practice", 10, title="Pause"),
                    _live("N2", "discussion", 60),
                ]
            }
        ),
    ),
    "sequence.self_paced_no_feedback": (
        lambda: with_nugget(example(), "N9", assessment="none"),
        [("module", "M4")],
        example,
    ),
    "accessibility.image_alt": (
        lambda: replace(
            with_nugget(example(), "N2", content_html='<p>Bild:</p><img src="persona.png">'),
            assets=tuple(replace(a, alt_text="") for a in example().assets),
        ),
        [("asset", "A1"), ("nugget", "N2")],
        example,
    ),
    "accessibility.video_captions": (
        lambda: with_nugget(example(), "N2", has_video=True),
        [("nugget", "N2")],
        lambda: with_nugget(example(), "N2", has_video=True, captions_available=True),
    ),
    "accessibility.readability": (
        lambda: with_nugget(example(), "N4", content_html=f"<p>{HARD_GERMAN}</p>" * 5),
        [("nugget", "N4")],
        example,
    ),
    "legal.license": (
        lambda: with_nugget(example(), "N4", license=""),
        [("nugget", "N4")],
        example,
    ),
    "legal.ai_unchecked": (
        lambda: with_nugget(example(), "N4", ai_generated=True),
        [("nugget", "N4")],
        lambda: with_nugget(example(), "N4", ai_generated=True, ai_checked=True),
    ),
    "media.no_rationale": (
        lambda: with_nugget(example(), "N4", rationale=""),
        [("nugget", "N4")],
        example,
    ),
    "activity.quiz_questions": (
        lambda: with_nugget(example(), "N5", questions=()),
        [("nugget", "N5")],
        example,
    ),
    "activity.url_invalid": (
        lambda: with_nugget(example(), "N10", url="docs.moodle.org/405/de"),
        [("nugget", "N10")],
        example,
    ),
    "activity.live_session_date": (
        example,
        [("nugget", "N1"), ("nugget", "N7")],
        _scheduled_live_sessions,
    ),
    "results.learners_struggle": (
        lambda: _quiz_answered(3),
        [("nugget", "N5")],
        lambda: _quiz_answered(4),
    ),
}


def _built(build: Build) -> tuple[DesignSnapshot, LearnerResults]:
    built = build()
    return built if isinstance(built, tuple) else (built, NO_RESULTS)


def test_every_rule_has_a_case():
    assert sorted(CASES) == sorted(RULES)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires(rule_id):
    build, expected, _quiet = CASES[rule_id]
    snap, results = _built(build)
    found = findings(snap, rule_id, results)
    assert targets(found) == expected
    for f in found:
        assert f.rule == rule_id and f.severity == RULES[rule_id].severity
        assert f.message_de and f.message_en and f.message_de != f.message_en


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_quiet(rule_id):
    _fires, _expected, build = CASES[rule_id]
    snap, results = _built(build)
    assert findings(snap, rule_id, results) == []
