"""snapshot(design): same content as the example, a constant number of queries."""

import json
import re

from sqlalchemy import event

from designer.core.snapshot import to_dict
from designer.extensions import db
from designer.queries.read_model import snapshot
from designer.services import designs, placements
from tests.paths import EXAMPLE_JSON


def renumber(doc: dict) -> dict:
    """Replace keys by their order of appearance, so two documents compare ids aside."""
    text = json.dumps(doc, ensure_ascii=False)
    mapping: dict[str, str] = {}
    counters: dict[str, int] = {}
    design = doc["design"]
    for kind, items in (("O", design["objectives"]), ("M", design["modules"]),
                        ("N", design["nuggets"]), ("A", design["assets"])):  # fmt: skip
        for item in items:
            counters[kind] = counters.get(kind, 0) + 1
            mapping[item["key"]] = f"{kind}{counters[kind]}"
    text = re.sub(
        r'"([OMNA]\d+(?:\.\d+)?)"', lambda m: f'"{mapping.get(m.group(1), m.group(1))}"', text
    )
    out = json.loads(text)
    for module in out["design"]["modules"]:
        for placement in module["placements"]:
            placement["objectives"].sort()  # links are a set; stored in objective order
    for asset in out["design"]["assets"]:
        asset.pop("sha256", None)
        asset.pop("size", None)
    return out


def test_imported_example_reads_back_as_the_same_document(example_design):
    original = json.loads(EXAMPLE_JSON.read_text(encoding="utf-8"))
    assert renumber(to_dict(snapshot(example_design))) == renumber(original)


def test_asset_bytes_are_in_the_store_not_the_database(app, example_design):
    snap = snapshot(example_design)
    store = app.extensions["file_store"]
    for asset in snap.assets:
        assert store.exists(asset.sha256)
        assert store.path(asset.sha256).stat().st_size == asset.size


def count_queries(fn) -> int:
    statements = []

    def listener(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        fn()
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    return len(statements)


def make_design(workspace, user, nugget_count: int):
    design = designs.create_design(user, workspace, f"Groß {nugget_count}")
    objective = designs.add_objective(user, design, "Die Teilnehmenden wenden X an.", "apply")
    modules = [designs.add_module(user, design, f"Modul {i}") for i in range(3)]
    for i in range(nugget_count):
        placement = placements.add_new_nugget(
            user, design, modules[i % 3].id, {"title": f"Nugget {i}", "duration_minutes": 10}
        )
        placements.update_placement(
            user, design, placement.id, {"objective_ids": [objective.id]}, None
        )
    db.session.commit()
    db.session.expire_all()
    return design


def test_snapshot_query_count_does_not_grow(workspace, make_user):
    user = make_user("designer@example.org", workspace=workspace)
    small = make_design(workspace, user, 3)
    large = make_design(workspace, user, 300)
    small_count = count_queries(lambda: snapshot(small))
    large_count = count_queries(lambda: snapshot(large))
    assert small_count == large_count <= 8
    assert len(list(snapshot(large).placed())) == 300
