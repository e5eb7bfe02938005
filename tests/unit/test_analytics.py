from designer.core.analytics import analyse
from designer.core.snapshot import DesignSnapshot, from_json
from tests.paths import EXAMPLE_JSON


def test_example_workload_and_balance():
    a = analyse(from_json(EXAMPLE_JSON.read_bytes()))
    assert a.total_minutes == 1140
    assert a.planned_minutes == 1200
    assert round(a.deviation_percent, 1) == -5.0
    shares = {s.key: s.minutes for s in a.by_learning_type}
    assert shares == {
        "acquisition": 35,
        "inquiry": 30,
        "practice": 190,
        "production": 390,
        "discussion": 75,
        "collaboration": 420,
    }
    modes = {s.key: s.minutes for s in a.by_delivery_mode}
    assert modes["on_site"] == 420 and modes["at_workplace"] == 300
    assert [m.minutes for m in a.by_module] == [110, 70, 330, 630]
    assert round(sum(s.percent for s in a.by_learning_type)) == 100


def test_alignment_lists_nuggets_and_assessing_nuggets():
    a = analyse(from_json(EXAMPLE_JSON.read_bytes()))
    o1 = a.alignment[0]
    assert o1.nuggets == ("N2", "N3", "N11")
    assert o1.assessed_by == ("N3", "N11")


def test_empty_design_has_no_division_by_zero():
    a = analyse(DesignSnapshot(title="leer"))
    assert a.total_minutes == 0 and a.deviation_percent is None
    assert all(s.percent == 0 for s in a.by_learning_type)


def test_stated_workload_is_what_the_delivery_modes_add_up_to():
    from dataclasses import replace

    snap = from_json(EXAMPLE_JSON.read_bytes())
    a = analyse(snap)
    assert a.workload_minutes == sum(s.minutes for s in a.by_delivery_mode) == 1140
    # With nothing placed yet the plan is all there is to state.
    empty = replace(snap, modules=tuple(replace(m, placements=()) for m in snap.modules))
    assert analyse(empty).workload_minutes == 1200
    assert analyse(DesignSnapshot(title="Leer")).workload_minutes == 0
