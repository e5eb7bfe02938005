"""The revision diff: a pure function of two snapshots, and its sentences in both languages."""

from dataclasses import replace
from pathlib import Path

import pytest

from designer.core import snapshot as s
from designer.core.revision_diff import FieldChange, describe, describe_nugget, diff
from tests.paths import EXAMPLE_JSON


@pytest.fixture(scope="module")
def example() -> s.DesignSnapshot:
    return s.from_json(Path(EXAMPLE_JSON).read_bytes())


def nugget(key, title, minutes=30, **kw):
    return s.Nugget(key=key, title=title, duration_minutes=minutes, **kw)


def design(modules, nuggets, objectives=(), **kw):
    return s.DesignSnapshot(
        title=kw.pop("title", "Kurs"),
        objectives=tuple(objectives),
        modules=tuple(modules),
        nuggets=tuple(nuggets),
        **kw,
    )


def module(key, title, *nugget_keys, **kw):
    return s.Module(
        key=key, title=title, placements=tuple(s.Placement(nugget=k) for k in nugget_keys), **kw
    )


A, B, C, D = (nugget(f"N{i}", t) for i, t in enumerate(["Einstieg", "Input", "Übung", "Quiz"], 1))


def test_identical_snapshots_have_no_changes(example):
    result = diff(example, example)
    assert result.empty
    assert result.nuggets == ()


def test_added_and_removed_nuggets():
    old = design([module("M1", "Start", "N1", "N2")], [A, B])
    new = design([module("M1", "Start", "N1", "N3")], [A, C])
    result = diff(old, new)
    assert [(c.kind, c.key, c.title) for c in result.nuggets] == [
        ("removed", "N2", "Input"),
        ("added", "N3", "Übung"),
    ]
    assert not result.empty


def test_inserting_above_does_not_move_the_nuggets_below():
    old = design([module("M1", "Start", "N1", "N2")], [A, B])
    new = design([module("M1", "Start", "N3", "N1", "N2")], [A, B, C])
    result = diff(old, new)
    assert [c.kind for c in result.nuggets] == ["added"]


def test_swapping_two_nuggets_moves_one():
    old = design([module("M1", "Start", "N1", "N2", "N3")], [A, B, C])
    new = design([module("M1", "Start", "N1", "N3", "N2")], [A, B, C])
    moved = diff(old, new).of_kind("moved")
    assert len(moved) == 1
    assert moved[0].key in {"N2", "N3"}
    assert describe_nugget(moved[0], "de").endswith("verschoben innerhalb von Start")


def test_moving_to_another_module_names_both_modules():
    old = design([module("M1", "Tag 1", "N1", "N2"), module("M2", "Tag 2", "N3")], [A, B, C])
    new = design([module("M1", "Tag 1", "N1"), module("M2", "Tag 2", "N2", "N3")], [A, B, C])
    (moved,) = diff(old, new).of_kind("moved")
    assert (moved.key, moved.old_module, moved.new_module) == ("N2", "Tag 1", "Tag 2")
    assert describe_nugget(moved, "de") == "»Input« verschoben: Tag 1 → Tag 2"
    assert describe_nugget(moved, "en") == "“Input” moved: Tag 1 → Tag 2"


def test_changed_duration_reads_as_a_sentence_in_both_languages():
    old = design([module("M1", "Start", "N1")], [A])
    new = design([module("M1", "Start", "N1.2")], [replace(A, key="N1.2", duration_minutes=45)])
    (changed,) = diff(old, new).of_kind("changed")
    assert changed.key == "N1"
    assert changed.changes == (FieldChange("duration_minutes", 30, 45),)
    assert describe(changed.changes[0], "de") == "Dauer: 30 → 45 Minuten"
    assert describe(changed.changes[0], "en") == "Duration: 30 → 45 minutes"


def test_override_on_the_canvas_counts_as_a_change():
    old = design([module("M1", "Start", "N1")], [A])
    placement = s.Placement(nugget="N1", duration_minutes=10, delivery_mode="on_site")
    new = design([s.Module(key="M1", title="Start", placements=(placement,))], [A])
    (changed,) = diff(old, new).of_kind("changed")
    texts = [describe(c, "de") for c in changed.changes]
    assert "Dauer: 30 → 10 Minuten" in texts
    assert "Durchführungsform: Online im eigenen Tempo → Präsenz" in texts


def test_vocabulary_and_flag_values_use_labels():
    old = design([module("M1", "Start", "N1")], [A])
    new = design(
        [module("M1", "Start", "N1")],
        [replace(A, learning_type="practice", has_video=True, tags=("KI", "Recht"))],
    )
    (changed,) = diff(old, new).of_kind("changed")
    texts = {describe(c, "en") for c in changed.changes}
    assert texts == {
        "Learning type: Acquisition → Practice",
        "Has a video: no → yes",
        "Tags: — → KI, Recht",
    }


def test_long_texts_say_changed_only():
    old = design([module("M1", "Start", "N1")], [A])
    new = design([module("M1", "Start", "N1")], [replace(A, content_html="<p>neu</p>")])
    (changed,) = diff(old, new).of_kind("changed")
    assert [describe(c, "de") for c in changed.changes] == ["Inhalt: geändert"]


def test_a_nugget_placed_twice_is_matched_occurrence_by_occurrence():
    old = design([module("M1", "Start", "N1", "N2", "N1")], [A, B])
    new = design([module("M1", "Start", "N1", "N2")], [A, B])
    result = diff(old, new)
    assert [(c.kind, c.key) for c in result.nuggets] == [("removed", "N1")]


def test_objective_links_are_compared_by_text():
    objective = s.Objective("O1", "Risiken benennen")
    old = design([module("M1", "Start", "N1")], [A], objectives=[objective])
    linked = s.Placement(nugget="N1", objectives=("O1",))
    new = design([s.Module("M1", "Start", placements=(linked,))], [A], objectives=[objective])
    (changed,) = diff(old, new).of_kind("changed")
    assert describe(changed.changes[0], "de") == "Lernziele: — → Risiken benennen"


def test_grobkonzept_design_objectives_and_modules():
    old = design(
        [module("M1", "Tag 1"), module("M2", "Tag 2")],
        [],
        objectives=[s.Objective("O1", "Erklären"), s.Objective("O2", "Anwenden")],
        grobkonzept=s.Grobkonzept(planned_workload_minutes=120, target_group="HR"),
    )
    new = design(
        [module("M1", "Tag eins"), module("M3", "Tag 3")],
        [],
        title="Kurs neu",
        objectives=[s.Objective("O1", "Erklären", "understand"), s.Objective("O3", "Bewerten")],
        grobkonzept=s.Grobkonzept(planned_workload_minutes=180, target_group="HR und IT"),
    )
    result = diff(old, new)
    assert [describe(c, "de") for c in result.design] == ["Titel: Kurs → Kurs neu"]
    assert [describe(c, "de") for c in result.grobkonzept] == [
        "Zielgruppe: geändert",
        "Geplanter Aufwand: 120 → 180 Minuten",
    ]
    assert [(c.kind, c.title) for c in result.objectives] == [
        ("removed", "Anwenden"),
        ("changed", "Erklären"),
        ("added", "Bewerten"),
    ]
    assert describe(result.objectives[1].changes[0], "en") == "Bloom level: — → Understand"
    assert [(c.kind, c.title) for c in result.modules] == [
        ("removed", "Tag 2"),
        ("changed", "Tag eins"),
        ("added", "Tag 3"),
    ]


def test_restored_keys_are_matched_by_title():
    """After a restore, modules may have new ids; equal titles are the same module."""
    old = design([module("M1", "Tag 1", "N1", "N2")], [A, B])
    new = design([module("M9", "Tag 1", "N1", "N2")], [A, B])
    result = diff(old, new)
    assert result.empty


def test_example_course_against_a_reordered_copy(example):
    first, *rest = example.modules
    reordered = replace(first, placements=tuple(reversed(first.placements)))
    changed = replace(example, modules=(reordered, *rest))
    result = diff(example, changed)
    assert len(first.placements) >= 2
    assert len(result.of_kind("moved")) == len(first.placements) - 1
    assert not result.of_kind("added") and not result.of_kind("removed")
