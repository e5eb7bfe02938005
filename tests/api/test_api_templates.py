"""Designs through the API start from templates the way people start them in the gallery."""

from __future__ import annotations

from designer.core import didactic_templates
from designer.extensions import db
from designer.models import Design
from designer.services import workspaces
from designer.services.design_templates import save_as_template
from designer.services.designs import create_design


def _keys(response) -> list[str]:
    return [t["key"] for t in response.json]


def test_templates_list_the_builtin_ones_in_the_callers_language(call, workspace):
    german = call("GET", f"/workspaces/{workspace.slug}/templates")
    assert german.status_code == 200
    assert _keys(german) == [f"builtin:{t.key}" for t in didactic_templates.TEMPLATES]
    english = call(
        "GET", f"/workspaces/{workspace.slug}/templates", headers={"Accept-Language": "en"}
    )
    flipped = next(t for t in english.json if t["key"] == german.json[1]["key"])
    assert flipped["title"] != german.json[1]["title"]
    assert all(t["builtin"] and t["description"] for t in german.json)


def test_a_saved_workspace_template_is_listed_and_used(
    call, workspace, example_design, designer_user
):
    template = save_as_template(
        designer_user, example_design, "Unser Blended-Format", "für alle Kurse"
    )
    db.session.commit()
    listed = call("GET", f"/workspaces/{workspace.slug}/templates").json
    own = next(t for t in listed if not t["builtin"])
    assert own == {
        "key": f"workspace:{template.id}",
        "title": "Unser Blended-Format",
        "description": "für alle Kurse",
        "builtin": False,
        "modules": len(example_design.modules),
        "nuggets": own["nuggets"],
        "minutes": own["minutes"],
    }
    assert own["nuggets"] > 0
    made = call(
        "POST",
        f"/workspaces/{workspace.slug}/designs",
        json={"title": "Kopie", "template": own["key"]},
    )
    assert made.status_code == 201
    assert len(made.json["design"]["modules"]) == own["modules"]


def test_a_design_from_a_builtin_template_has_its_modules_and_nuggets(call, workspace):
    key = next(
        t for t in call("GET", f"/workspaces/{workspace.slug}/templates").json if t["nuggets"]
    )
    made = call(
        "POST",
        f"/workspaces/{workspace.slug}/designs",
        json={"title": "Aus der Vorlage", "template": key["key"]},
    )
    assert made.status_code == 201
    assert made.json["design"]["title"] == "Aus der Vorlage"
    assert len(made.json["design"]["modules"]) == key["modules"]
    assert len(made.json["design"]["nuggets"]) == key["nuggets"]
    read = call("GET", f"/designs/{made.json['id']}")
    assert read.json["design"]["modules"] == made.json["design"]["modules"]


def test_without_a_template_the_design_is_blank(call, workspace):
    made = call("POST", f"/workspaces/{workspace.slug}/designs", json={"title": "Leer"})
    assert made.status_code == 201
    assert made.json["design"]["modules"] == [] and made.json["design"]["nuggets"] == []


def test_an_unknown_template_is_422_and_nothing_is_created(call, workspace):
    before = db.session.query(Design).count()
    for key in ("builtin:nope", "workspace:999999", "something"):
        refused = call(
            "POST", f"/workspaces/{workspace.slug}/designs", json={"title": "X", "template": key}
        )
        assert refused.status_code == 422
        assert refused.json["errors"] == {"template": "unknown"}
        assert refused.json["messages"]["template"]
    assert db.session.query(Design).count() == before


def test_a_template_of_another_workspace_is_unknown(call, workspace, designer_user):
    other = workspaces.create_workspace(designer_user, "Andere Akademie")
    elsewhere = create_design(designer_user, other, "Fremdes Format", "de")
    template = save_as_template(designer_user, elsewhere, "Fremd")
    db.session.commit()
    key = f"workspace:{template.id}"
    assert key in _keys(call("GET", f"/workspaces/{other.slug}/templates"))
    assert key not in _keys(call("GET", f"/workspaces/{workspace.slug}/templates"))
    refused = call(
        "POST", f"/workspaces/{workspace.slug}/designs", json={"title": "X", "template": key}
    )
    assert refused.status_code == 422


def test_a_viewer_may_list_templates_but_not_create(call, workspace, make_user, token_for):
    viewer = make_user("viewer@example.org", workspace=workspace, role="viewer")
    token = token_for(viewer)
    assert call("GET", f"/workspaces/{workspace.slug}/templates", token=token).status_code == 200
    refused = call(
        "POST",
        f"/workspaces/{workspace.slug}/designs",
        json={"title": "X", "template": "builtin:blank"},
        token=token,
    )
    assert refused.status_code == 403
