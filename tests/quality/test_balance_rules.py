from tests.quality.builders import design, example, findings, nugget


def _mix(*types_and_minutes):
    return design(
        {
            "M1": [
                nugget(f"N{i}", learning_type=kind, duration_minutes=minutes)
                for i, (kind, minutes) in enumerate(types_and_minutes)
            ]
        }
    )


def test_dominant_type_limit_is_exclusive_and_a_parameter():
    even = _mix(("acquisition", 60), ("practice", 20), ("discussion", 20))
    assert findings(even, "balance.dominant_type") == []
    found = findings(even, "balance.dominant_type", max_share_percent=50.0)
    assert "Aneignung nimmt 60 %" in found[0].message_de
    assert "Acquisition takes 60 %" in found[0].message_en


def test_few_types_counts_types_with_time():
    snap = _mix(("acquisition", 30), ("practice", 30), ("discussion", 0))
    found = findings(snap, "balance.few_types")
    assert "nur 2 Lernform(en) (Aneignung, Übung)" in found[0].message_de
    assert findings(snap, "balance.few_types", min_types=2) == []


def test_empty_design_is_not_judged_on_balance():
    empty = design({})
    for rule in ("balance.dominant_type", "balance.few_types", "balance.no_exchange"):
        assert findings(empty, rule) == []


def test_no_exchange_only_for_courses_longer_than_a_day():
    one_day = _mix(("acquisition", 240), ("practice", 240))
    assert findings(one_day, "balance.no_exchange") == []
    longer = _mix(("acquisition", 240), ("practice", 241))
    assert len(findings(longer, "balance.no_exchange")) == 1
    assert findings(longer, "balance.no_exchange", exchange_types=["practice"]) == []
    assert findings(example(), "balance.no_exchange", min_course_minutes=0) == []
