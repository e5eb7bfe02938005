from designer.extensions import db
from designer.models import Design, Event


def test_lists_workspaces_and_designs(call, workspace, example_design):
    response = call("GET", "/workspaces")
    assert response.status_code == 200
    assert response.json == [
        {"slug": workspace.slug, "name": workspace.name, "kind": "organisation", "role": "designer"}
    ]
    listed = call("GET", f"/workspaces/{workspace.slug}/designs").json
    assert [d["id"] for d in listed] == [example_design.id]


def test_reads_a_design_as_snapshot_json(call, example_design):
    body = call("GET", f"/designs/{example_design.id}").json
    assert body["id"] == example_design.id
    assert body["status"] == "draft"
    assert body["lock_version"] == example_design.lock_version
    assert body["format"] == "kurswerk-design"
    assert body["design"]["title"] == example_design.title
    assert body["design"]["modules"]


def test_creates_and_updates_a_design_with_lock_version(call, workspace):
    created = call("POST", f"/workspaces/{workspace.slug}/designs", json={"title": "API-Kurs"})
    assert created.status_code == 201
    design_id = created.json["id"]
    assert created.headers["Location"].endswith(f"/api/v1/designs/{design_id}")
    version = created.json["lock_version"]
    changed = call(
        "PATCH",
        f"/designs/{design_id}",
        json={"lock_version": version, "target_group": "Azubis", "participants_max": 12},
    )
    assert changed.status_code == 200
    assert changed.json["design"]["grobkonzept"]["target_group"] == "Azubis"
    assert changed.json["lock_version"] > version
    stale = call("PATCH", f"/designs/{design_id}", json={"lock_version": version, "title": "X"})
    assert stale.status_code == 409
    assert stale.json["current"]["target_group"] == "Azubis"
    assert db.session.get(Design, design_id).title == "API-Kurs"


def test_invalid_fields_are_422_with_field_errors_and_nothing_saved(call, example_design):
    version, end_date = example_design.lock_version, example_design.end_date
    response = call(
        "PATCH",
        f"/designs/{example_design.id}",
        json={"lock_version": version, "start_date": "2030-05-01", "end_date": "2030-04-01"},
    )
    assert response.status_code == 422
    assert response.json["errors"] == {"end_date": "before_start"}
    assert response.json["messages"]["end_date"]
    wrong_type = call(
        "PATCH", f"/designs/{example_design.id}", json={"lock_version": version, "title": 5}
    )
    assert wrong_type.status_code == 422
    assert wrong_type.json["errors"] == {"title": "wrong_type"}
    db.session.expire_all()
    assert db.session.get(Design, example_design.id).end_date == end_date


def test_body_that_is_not_a_json_object_is_422(call, example_design):
    response = call("PATCH", f"/designs/{example_design.id}", data="[1]")
    assert response.status_code == 422
    assert response.json["errors"] == {"body": "not_json"}


def test_delete_moves_to_trash_and_records_an_event(call, example_design):
    assert call("DELETE", f"/designs/{example_design.id}").status_code == 204
    assert db.session.get(Design, example_design.id).deleted_at is not None
    kinds = {e.kind for e in db.session.query(Event).filter_by(design_id=example_design.id)}
    assert "design.deleted" in kinds


def test_unknown_and_out_of_range_ids_are_404(call):
    assert call("GET", "/designs/999999").status_code == 404
    assert call("GET", f"/designs/{2**63}").status_code == 404


def test_viewer_may_read_but_not_write(call, token_for, workspace, make_user, example_design):
    viewer = make_user("viewer@example.org", workspace=workspace, role="viewer")
    token = token_for(viewer)
    assert call("GET", f"/designs/{example_design.id}", token=token).status_code == 200
    response = call(
        "PATCH",
        f"/designs/{example_design.id}",
        token=token,
        json={"lock_version": example_design.lock_version, "title": "Neu"},
    )
    assert response.status_code == 403


def test_outsider_gets_403_for_another_workspace(call, token_for, make_user, example_design):
    outsider = make_user("outsider@example.org")
    response = call("GET", f"/designs/{example_design.id}", token=token_for(outsider))
    assert response.status_code == 403


def test_quality_findings_of_a_design(call, example_design):
    findings = call("GET", f"/designs/{example_design.id}/quality").json
    assert findings and {f["severity"] for f in findings} <= {"error", "warning", "hint"}
    assert all(set(f) >= {"rule", "severity", "message", "target"} for f in findings)
    assert not [f for f in findings if f["severity"] == "error"]
    assert call("GET", "/designs/9999/quality").status_code == 404


def test_reviews_of_a_design(call, example_design):
    from designer.models import Review

    assert call("GET", f"/designs/{example_design.id}/reviews").json == []
    db.session.add(
        Review(design_id=example_design.id, submitted_revision=1, checklist_keys=["legal"])
    )
    db.session.commit()
    (review,) = call("GET", f"/designs/{example_design.id}/reviews").json
    assert review["checklists"] == ["legal"] and review["decision"] is None
    assert review["outdated"] is False


def test_pass_mark_of_a_design_is_read_checked_and_written(call, example_design):
    url = f"/designs/{example_design.id}"
    assert call("GET", url).json["design"]["grobkonzept"]["pass_mark_percent"] == 80
    version = example_design.lock_version
    for wrong in (0, 101, "abc", None):
        refused = call("PATCH", url, json={"lock_version": version, "pass_mark_percent": wrong})
        assert refused.status_code == 422, wrong
        assert list(refused.json["errors"]) == ["pass_mark_percent"]
        assert refused.json["messages"]["pass_mark_percent"]
    changed = call("PATCH", url, json={"lock_version": version, "pass_mark_percent": 70})
    assert changed.status_code == 200
    assert changed.json["design"]["grobkonzept"]["pass_mark_percent"] == 70
    db.session.expire_all()
    assert db.session.get(Design, example_design.id).pass_mark_percent == 70
