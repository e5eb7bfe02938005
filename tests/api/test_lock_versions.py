"""Every change of a placement raises its lock_version, its objective links too; web forms
must send the version they were loaded with, as the API must."""

from __future__ import annotations

from sqlalchemy import select

from designer.extensions import db
from designer.models import LearningObjective, Nugget, Placement
from designer.web.messages import error_text
from tests.canvas.test_editor_conflicts import form_data, save_as


def _placement_and_objectives(design) -> tuple[Placement, list[int]]:
    placement = db.session.scalars(
        select(Placement).where(Placement.design_id == design.id).order_by(Placement.id)
    ).first()
    objectives = db.session.scalars(
        select(LearningObjective.id).where(LearningObjective.design_id == design.id)
    ).all()
    return placement, list(objectives)


def test_two_link_changes_on_one_version_conflict(call, example_design):
    placement, objectives = _placement_and_objectives(example_design)
    url = f"/designs/{example_design.id}/placements/{placement.id}"
    version = placement.lock_version
    first = call("PATCH", url, json={"lock_version": version, "objective_ids": objectives[:1]})
    assert first.status_code == 200
    assert first.json["lock_version"] == version + 1
    second = call("PATCH", url, json={"lock_version": version, "objective_ids": objectives[1:3]})
    assert second.status_code == 409
    listed = call("GET", f"/designs/{example_design.id}/placements").json
    shown = next(p for p in listed if p["id"] == placement.id)
    assert shown["objective_ids"] == objectives[:1] and shown["lock_version"] == version + 1


def test_saving_the_same_links_keeps_the_version(call, example_design):
    placement, _objectives = _placement_and_objectives(example_design)
    url = f"/designs/{example_design.id}/placements/{placement.id}"
    same = sorted(o.id for o in placement.objectives)
    version = placement.lock_version
    answer = call("PATCH", url, json={"lock_version": version, "objective_ids": same})
    assert answer.status_code == 200 and answer.json["lock_version"] == version


def test_editor_form_without_its_version_is_refused_with_a_message(
    app, workspace, make_user, example_design
):
    anna = make_user("anna@example.org", workspace=workspace, role="designer")
    nugget = db.session.scalar(select(Nugget).where(Nugget.title == "Das SAMR-Modell"))
    placement = db.session.scalar(select(Placement).where(Placement.nugget_id == nugget.id))
    url = f"/designs/{example_design.id}/nuggets/{placement.id}/edit"
    data = {**form_data(nugget, placement), "title": "Ohne Version"}
    for broken in ("", "abc", "1e3", "²", "9" * 30):
        answer = save_as(app, anna, url, {**data, "placement_lock_version": broken})
        assert answer.status_code in (200, 422), broken
        with app.test_request_context():
            assert error_text("form_outdated") in answer.get_data(as_text=True), broken
        db.session.expire_all()
        assert db.session.get(Nugget, nugget.id).title == "Das SAMR-Modell", broken
    saved = save_as(app, anna, url, data)
    assert saved.status_code == 302
    page = save_as(app, anna, url, data)  # the same version again: stale now
    assert page.status_code == 409
    db.session.expire_all()
    assert db.session.get(Nugget, nugget.id).title == "Ohne Version"


def test_objective_form_without_its_version_is_refused(
    app, client, login, workspace, make_user, example_design
):
    login(make_user("anna@example.org", workspace=workspace, role="designer"))
    objective = db.session.scalars(
        select(LearningObjective).where(LearningObjective.design_id == example_design.id)
    ).first()
    url = f"/designs/{example_design.id}/objectives/{objective.id}"
    page = client.post(url, data={"text": "Ohne Version", "bloom_level": "apply"})
    assert page.status_code in (200, 422)
    with app.test_request_context():
        assert error_text("form_outdated") in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(LearningObjective, objective.id).text != "Ohne Version"
    saved = client.post(
        url,
        data={
            "text": "Mit Version",
            "bloom_level": "apply",
            "lock_version": objective.lock_version,
        },
    )
    assert saved.status_code == 302
    db.session.expire_all()
    assert db.session.get(LearningObjective, objective.id).text == "Mit Version"
