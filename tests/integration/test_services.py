"""Services: permission, lock version, write, event — and nothing half-done on error."""

import pytest
from sqlalchemy import select

from designer.extensions import db
from designer.models import Design, Event, Nugget, NuggetRevision, Placement
from designer.services import designs, nuggets, placements
from designer.services.errors import Conflict, Invalid, PermissionDenied


@pytest.fixture
def designer_user(workspace, make_user):
    return make_user("d@example.org", workspace=workspace, role="designer")


def kinds(design_id):
    return [e.kind for e in db.session.scalars(select(Event).where(Event.design_id == design_id))]


def test_stale_grobkonzept_write_is_a_conflict_with_the_current_state(
    designer_user, example_design
):
    version = example_design.lock_version
    designs.update_grobkonzept(designer_user, example_design, {"target_group": "Neu"}, version)
    db.session.commit()
    with pytest.raises(Conflict) as err:
        designs.update_grobkonzept(designer_user, example_design, {"target_group": "Alt"}, version)
    assert err.value.current["target_group"] == "Neu"
    assert err.value.current["lock_version"] == version + 1
    assert "design.updated" in kinds(example_design.id)


def test_conflict_is_http_409_with_the_current_state(app, client):
    from flask import Blueprint

    bp = Blueprint("probe", __name__)

    @bp.get("/probe-conflict")
    def probe():
        raise Conflict(1, {"title": "Jetzt", "lock_version": 2})

    app.register_blueprint(bp)
    response = client.get("/probe-conflict", headers={"Accept": "application/json"})
    assert response.status_code == 409
    assert response.json["current"] == {"title": "Jetzt", "lock_version": 2}


def test_invalid_values_are_named_and_nothing_changes(designer_user, example_design):
    with pytest.raises(Invalid) as err:
        designs.update_grobkonzept(
            designer_user,
            example_design,
            {"participants_min": 20, "participants_max": 5, "start_date": "morgen"},
            None,
        )
    assert err.value.errors == {"participants_max": "below_min", "start_date": "not_a_date"}
    db.session.rollback()
    assert db.session.get(Design, example_design.id).participants_min == 8


def test_viewer_cannot_write(workspace, make_user, example_design):
    viewer = make_user("v@example.org", workspace=workspace, role="viewer")
    with pytest.raises(PermissionDenied):
        designs.add_module(viewer, example_design, "Modul X")


def test_a_change_makes_an_approval_outdated(designer_user, example_design):
    example_design.status = "approved"
    db.session.commit()
    designs.add_module(designer_user, example_design, "Nachtrag")
    db.session.commit()
    assert example_design.status == "draft"
    assert "design.approval_outdated" in kinds(example_design.id)


def test_editing_a_nugget_keeps_other_designs_pinned(workspace, designer_user, example_design):
    other = designs.create_design(designer_user, workspace, "Zweiter Kurs")
    module = designs.add_module(designer_user, other, "Modul")
    nugget = db.session.scalar(select(Nugget).where(Nugget.title == "Das SAMR-Modell"))
    placed = placements.place_nugget(designer_user, other, module.id, nugget)
    db.session.commit()
    nuggets.update_nugget(
        designer_user, nugget, {"duration_minutes": 25}, nugget.lock_version, via=example_design
    )
    db.session.commit()
    assert nugget.revision == 2
    revisions = db.session.scalars(
        select(NuggetRevision).where(NuggetRevision.nugget_id == nugget.id)
    ).all()
    assert sorted(r.revision for r in revisions) == [1, 2]
    assert placed.nugget_revision == 1  # the other design shows "update available"
    pinned = db.session.scalar(
        select(Placement.nugget_revision).where(
            Placement.design_id == example_design.id, Placement.nugget_id == nugget.id
        )
    )
    assert pinned == 2
    placements.pull_update(designer_user, other, placed.id)
    assert placed.nugget_revision == 2


def test_moves_within_and_across_modules_keep_positions_dense(designer_user, example_design):
    first, second = designs.live_modules(example_design)[:2]
    placement = first.placements[0]
    placements.move_placement(
        designer_user, example_design, placement.id, second.id, 1, placement.lock_version
    )
    db.session.commit()
    db.session.expire_all()
    assert [p.position for p in first.placements] == [0, 1]
    assert [p.position for p in second.placements] == [0, 1, 2, 3]
    assert second.placements[1].id == placement.id
    with pytest.raises(Conflict):
        placements.move_placement(designer_user, example_design, placement.id, first.id, 0, 1)


def test_nugget_content_is_sanitised(workspace, designer_user):
    nugget = nuggets.create_nugget(
        designer_user,
        workspace,
        {"title": "X", "content_html": '<p onclick="alert(1)">Hi<script>alert(2)</script></p>'},
    )
    assert nugget.content_html == "<p>Hi</p>"


def test_canvas_changes_leave_the_grobkonzept_version_alone(designer_user, example_design):
    """Someone moving nuggets must not make another person's Grobkonzept edit stale."""
    version = example_design.lock_version
    module = designs.live_modules(example_design)[0]
    designs.update_module(designer_user, example_design, module.id, {"title": "Neu"}, None)
    placements.move_placement(
        designer_user, example_design, module.placements[0].id, module.id, 2, None
    )
    db.session.commit()
    assert example_design.lock_version == version
    designs.update_grobkonzept(designer_user, example_design, {"target_group": "Alle"}, version)
    db.session.commit()
    assert example_design.lock_version == version + 1


def test_a_nugget_cannot_use_another_workspaces_file(app, workspace, designer_user, make_user):
    from designer.models import Asset
    from designer.services import workspaces

    other = workspaces.create_workspace(make_user("x@example.org"), "Andere")
    foreign = Asset(
        workspace_id=other.id, sha256="0" * 64, filename="x.pdf", mimetype="application/pdf", size=1
    )
    db.session.add(foreign)
    db.session.commit()
    with pytest.raises(Invalid) as err:
        nuggets.create_nugget(designer_user, workspace, {"title": "X", "asset_ids": [foreign.id]})
    assert err.value.errors == {"asset_ids": "unknown"}


def test_secret_key_is_made_once_and_kept(tmp_path, monkeypatch):
    from designer.config import load

    monkeypatch.delenv("SECRET_KEY", raising=False)
    first = load({"DATA_DIR": str(tmp_path)})["SECRET_KEY"]
    assert len(first) == 64 and load({"DATA_DIR": str(tmp_path)})["SECRET_KEY"] == first
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".secret")] == []


def test_copy_into_another_workspace_brings_its_files_along(app, example_design, make_user):
    from designer.models import Asset
    from designer.services import workspaces

    owner = make_user("y@example.org")
    other = workspaces.create_workspace(owner, "Partner GmbH")
    source = db.session.scalar(select(Nugget).where(Nugget.title.like("Input:%")))
    copy = nuggets.copy_nugget(owner, source, other)
    db.session.commit()
    (asset,) = [db.session.get(Asset, i) for i in copy.asset_ids]
    original = db.session.get(Asset, source.asset_ids[0])
    assert asset.workspace_id == other.id and asset.id != original.id
    assert (asset.sha256, asset.license) == (original.sha256, original.license)
