"""Named versions, comparing them in words, restoring one as a new version."""

from sqlalchemy import select

from designer.core.snapshot import snapshot_hash
from designer.extensions import db
from designer.models import Design, Module, Nugget, Placement, Revision, User, Workspace
from designer.queries.read_model import snapshot
from designer.services import designs as design_service
from designer.services import nuggets as nugget_service
from designer.services import placements as placement_service
from designer.services import trash
from designer.services.restoring import restore_revision


def revisions(design):
    return db.session.scalars(
        select(Revision).where(Revision.design_id == design.id).order_by(Revision.number)
    ).all()


def first_placed_nugget(design) -> Nugget:
    placement = db.session.scalars(
        select(Placement).where(Placement.design_id == design.id).order_by(Placement.id)
    ).first()
    return db.session.get(Nugget, placement.nugget_id)


def test_save_a_named_version_from_the_overview(client, people, example_design, login_as):
    login_as(people["designer"])
    response = client.post(
        f"/designs/{example_design.id}/revisions", data={"message": "Vor dem Workshop"}
    )
    assert response.status_code == 302
    assert [r.message for r in revisions(example_design)][-1] == "Vor dem Workshop"
    page = client.get(f"/designs/{example_design.id}/revisions").get_data(as_text=True)
    assert "Vor dem Workshop" in page


def test_viewers_cannot_save_or_restore(client, people, example_design, login_as):
    login_as(people["viewer"])
    url = f"/designs/{example_design.id}/revisions"
    assert client.post(url, data={"message": "x"}).status_code == 403
    assert client.post(f"{url}/restore", data={"item_id": "1"}).status_code == 403
    assert client.get(url).status_code == 200


def test_compare_reads_in_the_users_language(client, people, example_design, login_as):
    nugget = first_placed_nugget(example_design)
    old_minutes = nugget.duration_minutes
    nugget_service.update_nugget(
        people["designer"],
        nugget,
        {"duration_minutes": old_minutes + 15},
        nugget.lock_version,
        via=example_design,
    )
    db.session.commit()
    designer = db.session.get(User, people["designer"].id)
    login_as(designer)
    url = f"/designs/{example_design.id}/revisions/compare?a=1&b=current"
    html = client.get(url).get_data(as_text=True)
    assert f"Dauer: {old_minutes} → {old_minutes + 15} Minuten" in html
    designer.locale = "en"
    db.session.commit()
    html = client.get(url).get_data(as_text=True)
    assert f"Duration: {old_minutes} → {old_minutes + 15} minutes" in html


def test_restore_brings_back_the_old_state_and_loses_nothing(people, example_design):
    original = snapshot_hash(snapshot(example_design))
    designer = people["designer"]
    nugget = first_placed_nugget(example_design)
    nugget_service.update_nugget(
        designer, nugget, {"title": "Neu"}, nugget.lock_version, via=example_design
    )
    module = design_service.add_module(designer, example_design, "Zusatztag")
    design_service.update_grobkonzept(
        designer, example_design, {"target_group": "Alle"}, example_design.lock_version
    )
    first_module = design_service.live_modules(example_design)[0]
    design_service.delete_module(designer, example_design, first_module.id)
    db.session.commit()
    changed = snapshot_hash(snapshot(example_design))

    restored = restore_revision(designer, example_design, 1)
    db.session.commit()

    design = db.session.get(Design, example_design.id)
    assert snapshot_hash(snapshot(design)) == original
    assert restored.kind == "restored"
    kinds = [(r.kind, r.snapshot_hash) for r in revisions(design)]
    assert kinds[-2] == ("named", changed)  # the state before the restore is kept
    assert kinds[-1] == ("restored", original)
    # The extra module went to the trash; the deleted one is live again.
    assert db.session.get(Module, module.id).deleted_at is not None
    assert db.session.get(Module, first_module.id).deleted_at is None
    # The nugget keeps its newest revision in the library; the design pins the old one.
    assert db.session.get(Nugget, nugget.id).title == "Neu"


def test_restore_recreates_a_nugget_purged_since(people, example_design):
    original = snapshot(example_design)
    designer, coordinator = people["designer"], people["coordinator"]
    nugget = first_placed_nugget(example_design)
    nugget_id = nugget.id
    for placement in db.session.scalars(select(Placement).where(Placement.nugget_id == nugget_id)):
        placement_service.remove_placement(designer, example_design, placement.id)
    trash.delete_nugget(designer, nugget)
    db.session.commit()
    trash.empty_trash(coordinator, db.session.get(Workspace, example_design.workspace_id))
    db.session.commit()
    assert db.session.get(Nugget, nugget_id) is None

    restore_revision(designer, example_design, 1)
    db.session.commit()
    again = snapshot(db.session.get(Design, example_design.id))
    assert [p.nugget.title for p in again.placed()] == [p.nugget.title for p in original.placed()]
    assert len(again.nuggets) == len(original.nuggets)


def test_restore_via_the_page(client, people, example_design, login_as):
    design_service.add_module(people["designer"], example_design, "Zusatztag")
    db.session.commit()
    login_as(people["designer"])
    response = client.post(f"/designs/{example_design.id}/revisions/restore", data={"item_id": "1"})
    assert response.status_code == 302
    titles = [m.title for m in snapshot(db.session.get(Design, example_design.id)).modules]
    assert "Zusatztag" not in titles
