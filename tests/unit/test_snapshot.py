import json

import pytest

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
