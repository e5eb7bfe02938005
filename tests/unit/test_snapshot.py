import json
from dataclasses import replace

import pytest

from designer.core import snapshot as snapshot_module
from designer.core.snapshot import (
    FormatError,
    from_dict,
    from_json,
    snapshot_hash,
    to_dict,
)
from tests.paths import EXAMPLE_JSON


def example_dict():
    return json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))


def test_example_round_trips_exactly():
    snap = from_json(EXAMPLE_JSON.read_bytes())
    assert to_dict(snap) == example_dict()


def test_placed_applies_overrides_and_canvas_order():
    data = example_dict()
    data["design"]["modules"][0]["placements"][0]["duration_minutes"] = 45
    data["design"]["modules"][0]["placements"][0]["delivery_mode"] = "on_site"
    snap = from_dict(data)
    placed = list(snap.placed())
    assert [p.nugget.key for p in placed] == [f"N{i}" for i in range(1, 12)]
    assert placed[0].duration_minutes == 45
    assert placed[0].delivery_mode == "on_site"
    assert snap.total_minutes() == 1140 + 15


def test_hash_changes_with_content():
    snap = from_json(EXAMPLE_JSON.read_bytes())
    data = example_dict()
    data["design"]["nuggets"][0]["title"] = "Anders"
    assert snapshot_hash(snap) != snapshot_hash(from_dict(data))
    assert snapshot_hash(snap) == snapshot_hash(from_json(EXAMPLE_JSON.read_bytes()))


def test_syntax_error_names_line():
    with pytest.raises(FormatError) as err:
        from_json('{"format": "kurswerk-design",\n "format_version": 1,\n oops}')
    assert "line 3" in str(err.value)


def test_unknown_version_is_refused():
    data = example_dict()
    data["format_version"] = 7
    with pytest.raises(FormatError, match="version 7 is not supported"):
        from_dict(data)


def test_every_problem_is_named_with_its_path():
    data = example_dict()
    data["design"]["nuggets"][2]["learning_type"] = "lecture"
    data["design"]["nuggets"][3]["duration_minutes"] = "zehn"
    data["design"]["modules"][1]["placements"][0]["nugget"] = "N99"
    data["design"]["objectives"][0]["bloom_level"] = "know"
    with pytest.raises(FormatError) as err:
        from_dict(data)
    problems = err.value.problems
    assert any("nuggets[2].learning_type: unknown value 'lecture'" in p for p in problems)
    assert any("nuggets[3].duration_minutes" in p for p in problems)
    assert any(
        "modules[1].placements[0].nugget: refers to unknown nugget 'N99'" in p for p in problems
    )
    assert any("objectives[0].bloom_level: unknown value 'know'" in p for p in problems)


def test_asset_filename_must_be_plain():
    data = example_dict()
    data["design"]["assets"][0]["filename"] = "../../etc/passwd"
    with pytest.raises(FormatError, match="plain file name"):
        from_dict(data)


def test_look_ups_build_each_index_once(monkeypatch):
    """nugget(), asset() and objective() answer from an index built on first use, not
    from one rebuilt per call (counted, not timed)."""
    snap = from_json(EXAMPLE_JSON.read_bytes())
    built = []
    real_index = snapshot_module._index
    monkeypatch.setattr(
        snapshot_module, "_index", lambda items: built.append(len(items)) or real_index(items)
    )
    for _round in range(3):
        assert all(snap.nugget(n.key) is n for n in snap.nuggets)
        assert all(snap.asset(a.key) is a for a in snap.assets)
        assert all(snap.objective(o.key) is o for o in snap.objectives)
    assert sorted(built) == sorted([len(snap.nuggets), len(snap.assets), len(snap.objectives)])
    with pytest.raises(KeyError):
        snap.nugget("no such key")


def test_module_placed_walks_the_canvas_once(monkeypatch):
    snap = from_json(EXAMPLE_JSON.read_bytes())
    made = []
    real_placed = snapshot_module.PlacedNugget

    def counting(*args):
        made.append(args)
        return real_placed(*args)

    monkeypatch.setattr(snapshot_module, "PlacedNugget", counting)
    per_module = [snap.module_placed(m) for m in snap.modules]
    again = [snap.module_placed(m) for m in snap.modules]
    everything = list(snap.placed())
    assert len(made) == len(everything) == sum(len(m.placements) for m in snap.modules)
    assert [p for placed in per_module for p in placed] == everything
    assert again == per_module
    assert [p.position for p in everything] == list(range(len(everything)))
    per_module[0].clear()  # a caller's list is its own
    assert snap.module_placed(snap.modules[0]) == again[0]


def test_cached_indexes_stay_out_of_equality_and_replace():
    snap = from_json(EXAMPLE_JSON.read_bytes())
    fresh = from_json(EXAMPLE_JSON.read_bytes())
    snap.nugget(snap.nuggets[0].key)
    list(snap.placed())
    assert snap == fresh and hash(snap) == hash(fresh)
    renamed = replace(snap.nuggets[0], key="NEW")
    changed = replace(snap, nuggets=(renamed, *snap.nuggets[1:]))
    assert changed.nugget("NEW") is renamed
    with pytest.raises(KeyError):
        changed.nugget(snap.nuggets[0].key)


def test_a_document_without_pass_marks_reads_with_the_default():
    """Files written before designs had a pass mark: 80 %, and no quiz has its own."""
    data = example_dict()
    del data["design"]["grobkonzept"]["pass_mark_percent"]
    snap = from_dict(data)
    assert snap.grobkonzept.pass_mark_percent == 80
    assert all(n.pass_mark_percent is None for n in snap.nuggets)
    assert to_dict(snap) == example_dict()  # written back with the default stated


def test_pass_marks_round_trip():
    data = example_dict()
    data["design"]["grobkonzept"]["pass_mark_percent"] = 65
    quiz = next(n for n in data["design"]["nuggets"] if n["activity_kind"] == "quiz")
    quiz["pass_mark_percent"] = 90
    snap = from_dict(data)
    assert snap.pass_mark(snap.nugget(quiz["key"])) == 90
    assert snap.pass_mark(snap.nugget("N1")) == 65
    assert from_dict(to_dict(snap)) == snap
    assert "pass_mark_percent" not in to_dict(snap)["design"]["nuggets"][0]
