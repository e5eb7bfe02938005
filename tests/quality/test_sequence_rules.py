from dataclasses import replace

from tests.quality.builders import design, example, findings, nugget, targets, with_nugget


def live(key, kind, minutes, mode="live_online", **fields):
    return nugget(key, learning_type=kind, delivery_mode=mode, duration_minutes=minutes, **fields)


def test_long_input_adds_up_consecutive_inputs():
    snap = design(
        {"M1": [live("A", "acquisition", 15, "on_site"), live("B", "acquisition", 10, "on_site")]}
    )
    found = findings(snap, "sequence.long_input")
    assert targets(found) == [("nugget", "B")]
    assert "„Nugget A“, „Nugget B“ 25 Minuten" in found[0].message_de


def test_short_input_and_self_paced_input_are_fine():
    short = design({"M1": [live("A", "acquisition", 20)]})
    assert findings(short, "sequence.long_input") == []
    self_paced = design({"M1": [live("A", "acquisition", 45, "self_paced_online")]})
    assert findings(self_paced, "sequence.long_input") == []
    assert findings(short, "sequence.long_input", max_minutes=10)


def test_long_input_at_the_end_of_a_module_is_reported():
    snap = design({"M1": [live("A", "acquisition", 30)], "M2": [live("B", "practice", 30)]})
    assert targets(findings(snap, "sequence.long_input")) == [("nugget", "A")]


def test_live_online_limit_is_inclusive():
    assert findings(example(), "sequence.live_online_break") == []  # N7 takes exactly 90
    found = findings(example(), "sequence.live_online_break", max_minutes=60)
    assert targets(found) == [("nugget", "N7")]
    assert "90 Minuten ohne Pause" in found[0].message_de


def test_break_is_found_by_tag_and_other_modes_interrupt():
    tagged = live("P", "practice", 10, title="Durchatmen", tags=("Pause",))
    snap = design({"M1": [live("A", "practice", 60), tagged, live("B", "practice", 60)]})
    assert findings(snap, "sequence.live_online_break") == []
    site = live("S", "practice", 10, "on_site")
    snap = design({"M1": [live("A", "practice", 60), site, live("B", "practice", 60)]})
    assert findings(snap, "sequence.live_online_break") == []


def test_self_paced_phase_with_feedback_or_short_is_fine():
    reading = nugget("R", delivery_mode="self_paced_online", assessment="none", duration_minutes=20)
    assert findings(design({"M1": [reading]}), "sequence.self_paced_no_feedback") == []
    long_reading = replace(reading, duration_minutes=30)
    found = findings(design({"M1": [long_reading]}), "sequence.self_paced_no_feedback")
    assert targets(found) == [("module", "M1")]
    forum = nugget("F", delivery_mode="self_paced_online", assessment="none", activity_kind="forum")
    assert findings(design({"M1": [long_reading, forum]}), "sequence.self_paced_no_feedback") == []


def test_self_paced_phases_are_split_by_other_modes():
    snap = with_nugget(example(), "N5", delivery_mode="on_site")
    snap = with_nugget(snap, "N6", delivery_mode="on_site")
    found = findings(snap, "sequence.self_paced_no_feedback", min_minutes=15)
    assert targets(found) == [("module", "M1"), ("module", "M2")]
    assert "„Das SAMR-Modell“" in found[1].message_de
