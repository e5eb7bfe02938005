import pytest

from tests.quality.builders import design, example, findings, nugget, with_grobkonzept


def test_planned_mismatch_reports_direction_and_numbers():
    found = findings(
        with_grobkonzept(example(), planned_workload_minutes=900), "workload.planned_mismatch"
    )
    assert "1140 Minuten" in found[0].message_de and "27 % mehr" in found[0].message_de
    found = findings(
        with_grobkonzept(example(), planned_workload_minutes=1500), "workload.planned_mismatch"
    )
    assert "24 % less" in found[0].message_en


@pytest.mark.parametrize(("tolerance", "count"), [(5.0, 0), (4, 1)])
def test_planned_mismatch_tolerance_is_a_parameter(tolerance, count):
    # the example sums to 1140 of 1200 planned minutes: 5 % less
    found = findings(example(), "workload.planned_mismatch", tolerance_percent=tolerance)
    assert len(found) == count


def test_no_planned_workload_is_left_to_the_transparency_rule():
    snap = with_grobkonzept(example(), planned_workload_minutes=None)
    assert findings(snap, "workload.planned_mismatch") == []
    assert findings(snap, "transparency.learner_info")


def test_module_share_needs_two_modules_with_time():
    assert findings(design({"M1": [nugget("N1")]}), "workload.module_share") == []
    found = findings(example(), "workload.module_share", max_share_percent=25.0)
    assert [f.target_key for f in found] == ["M3", "M4"]
    assert "630 von 1140 Minuten (55 %" in found[1].message_de


def test_learner_info_fields_are_a_parameter():
    snap = with_grobkonzept(example(), evaluation_plan="")
    assert findings(snap, "transparency.learner_info") == []
    found = findings(snap, "transparency.learner_info", fields=["evaluation_plan"])
    assert [f.target_key for f in found] == ["evaluation_plan"]
    assert "die Evaluation" in found[0].message_de
