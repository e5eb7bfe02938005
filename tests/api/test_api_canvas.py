"""Objectives, modules, library nuggets and placements through the API."""

from designer.extensions import db
from designer.models import Nugget, NuggetRevision, Placement


def test_objectives_crud_with_lock_version(call, example_design):
    base = f"/designs/{example_design.id}/objectives"
    before = call("GET", base).json
    created = call("POST", base, json={"text": "Personas erstellen", "bloom_level": "create"})
    assert created.status_code == 201
    objective = created.json
    assert [o["id"] for o in call("GET", base).json] == [o["id"] for o in before] + [
        objective["id"]
    ]
    changed = call(
        "PATCH",
        f"{base}/{objective['id']}",
        json={"lock_version": objective["lock_version"], "text": "Personas prüfen"},
    )
    assert changed.status_code == 200
    assert changed.json["text"] == "Personas prüfen"
    assert changed.json["bloom_level"] == "create"
    stale = call(
        "PATCH", f"{base}/{objective['id']}", json={"lock_version": objective["lock_version"]}
    )
    assert stale.status_code == 409
    assert stale.json["current"]["text"] == "Personas prüfen"
    bad = call("POST", base, json={"text": "x", "bloom_level": "memorise"})
    assert bad.status_code == 422
    assert bad.json["errors"] == {"bloom_level": "unknown"}
    assert call("DELETE", f"{base}/{objective['id']}").status_code == 204
    assert len(call("GET", base).json) == len(before)


def test_modules_create_update_move_delete(call, example_design):
    base = f"/designs/{example_design.id}/modules"
    before = call("GET", base).json
    created = call("POST", base, json={"title": "Transfer"})
    assert created.status_code == 201
    module = created.json
    moved = call("POST", f"{base}/{module['id']}/move", json={"position": 0})
    assert moved.status_code == 200
    assert [m["id"] for m in moved.json] == [module["id"]] + [m["id"] for m in before]
    stale = call(
        "PATCH",
        f"{base}/{module['id']}",
        json={"lock_version": module["lock_version"], "title": "x"},
    )
    assert stale.status_code == 409, "moving the module made a new version"
    renamed = call(
        "PATCH",
        f"{base}/{module['id']}",
        json={"lock_version": stale.json["current"]["lock_version"], "title": ""},
    )
    assert renamed.status_code == 422
    assert renamed.json["errors"] == {"title": "required"}
    current = call("GET", base).json[0]
    renamed = call(
        "PATCH",
        f"{base}/{module['id']}",
        json={"lock_version": current["lock_version"], "title": "Transfer in den Alltag"},
    )
    assert renamed.json["title"] == "Transfer in den Alltag"
    assert call("DELETE", f"{base}/{module['id']}").status_code == 204
    assert [m["id"] for m in call("GET", base).json] == [m["id"] for m in before]


def test_library_nugget_create_update_conflict(call, workspace):
    base = f"/workspaces/{workspace.slug}/nuggets"
    created = call(
        "POST",
        base,
        json={
            "title": "Fallstudie",
            "learning_type": "inquiry",
            "duration_minutes": 30,
            "content_html": '<p onclick="x()">Text<script>alert(1)</script></p>',
        },
    )
    assert created.status_code == 201
    nugget = created.json
    assert nugget["content_html"] == "<p>Text</p>"
    assert nugget["revision"] == 1
    changed = call(
        "PATCH",
        f"{base}/{nugget['id']}",
        json={"lock_version": nugget["lock_version"], "duration_minutes": 45},
    )
    assert changed.status_code == 200
    assert changed.json["revision"] == 2
    assert db.session.query(NuggetRevision).filter_by(nugget_id=nugget["id"]).count() == 2
    stale = call(
        "PATCH",
        f"{base}/{nugget['id']}",
        json={"lock_version": nugget["lock_version"], "duration_minutes": 60},
    )
    assert stale.status_code == 409
    assert stale.json["current"]["duration_minutes"] == 45
    assert call("GET", f"{base}/{nugget['id']}").json["duration_minutes"] == 45
    assert any(n["id"] == nugget["id"] for n in call("GET", base).json)
    bad = call("POST", base, json={"title": "x", "learning_type": "osmosis"})
    assert bad.status_code == 422
    assert bad.json["errors"] == {"learning_type": "unknown"}


def test_placements_create_move_update_delete(call, example_design, workspace):
    design = f"/designs/{example_design.id}"
    modules = call("GET", f"{design}/modules").json
    nugget = call("POST", f"/workspaces/{workspace.slug}/nuggets", json={"title": "Quiz"}).json
    created = call(
        "POST",
        f"{design}/placements",
        json={"module_id": modules[0]["id"], "nugget_id": nugget["id"], "position": 0},
    )
    assert created.status_code == 201
    placement = created.json
    assert placement["position"] == 0
    assert placement["nugget_revision"] == 1
    moved = call(
        "POST",
        f"{design}/placements/{placement['id']}/move",
        json={
            "lock_version": placement["lock_version"],
            "module_id": modules[1]["id"],
            "position": 1,
        },
    )
    assert moved.status_code == 200
    assert (moved.json["module_id"], moved.json["position"]) == (modules[1]["id"], 1)
    objective = call("GET", f"{design}/objectives").json[0]
    updated = call(
        "PATCH",
        f"{design}/placements/{placement['id']}",
        json={
            "lock_version": moved.json["lock_version"],
            "objective_ids": [objective["id"]],
            "duration_override": 25,
            "delivery_mode_override": "on_site",
        },
    )
    assert updated.status_code == 200
    assert updated.json["objective_ids"] == [objective["id"]]
    assert updated.json["duration_override"] == 25
    listed = {p["id"]: p for p in call("GET", f"{design}/placements").json}
    assert listed[placement["id"]]["objective_ids"] == [objective["id"]]
    stale = call(
        "POST",
        f"{design}/placements/{placement['id']}/move",
        json={
            "lock_version": placement["lock_version"],
            "module_id": modules[0]["id"],
            "position": 0,
        },
    )
    assert stale.status_code == 409
    assert stale.json["current"]["module_id"] == modules[1]["id"]
    assert call("DELETE", f"{design}/placements/{placement['id']}").status_code == 204
    assert db.session.get(Placement, placement["id"]) is None


def test_placing_a_nugget_of_another_workspace_is_404(call, example_design, make_user):
    from designer.services import nuggets, workspaces

    other = make_user("other@example.org")
    foreign_ws = workspaces.create_workspace(other, "Fremd")
    foreign = nuggets.create_nugget(other, foreign_ws, {"title": "Fremd"})
    db.session.commit()
    module = call("GET", f"/designs/{example_design.id}/modules").json[0]
    response = call(
        "POST",
        f"/designs/{example_design.id}/placements",
        json={"module_id": module["id"], "nugget_id": foreign.id},
    )
    assert response.status_code == 404
    assert db.session.query(Placement).filter_by(nugget_id=foreign.id).count() == 0
    assert db.session.get(Nugget, foreign.id).workspace_id == foreign_ws.id
