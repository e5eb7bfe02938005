"""The trash: restore within 30 days, coordinators empty it, old items are purged."""

from datetime import timedelta

from click.testing import CliRunner
from flask.cli import ScriptInfo

from designer.cli import main
from designer.extensions import db
from designer.models import Design, Event, Module, Nugget, Placement, Revision
from designer.services import designs as design_service
from designer.services import nuggets as nugget_service
from designer.services import trash


def test_deleted_design_appears_in_the_trash_and_comes_back(
    client, people, example_design, workspace, login_as
):
    login_as(people["designer"])
    client.post(f"/designs/{example_design.id}/delete")
    page = client.get(f"/w/{workspace.slug}/trash").get_data(as_text=True)
    assert example_design.title in page
    response = client.post(
        f"/w/{workspace.slug}/trash/restore/design", data={"item_id": example_design.id}
    )
    assert response.status_code == 302
    assert db.session.get(Design, example_design.id).deleted_at is None
    assert client.get(f"/designs/{example_design.id}").status_code == 200


def test_module_and_nugget_restore(client, people, example_design, workspace, login_as):
    designer = people["designer"]
    module = design_service.live_modules(example_design)[0]
    design_service.delete_module(designer, example_design, module.id)
    nugget = nugget_service.create_nugget(designer, workspace, {"title": "Lose"})
    trash.delete_nugget(designer, nugget)
    db.session.commit()
    login_as(designer)
    client.post(f"/w/{workspace.slug}/trash/restore/module", data={"item_id": module.id})
    client.post(f"/w/{workspace.slug}/trash/restore/nugget", data={"item_id": nugget.id})
    assert db.session.get(Module, module.id).deleted_at is None
    assert db.session.get(Nugget, nugget.id).deleted_at is None


def test_items_older_than_30_days_cannot_be_restored(
    client, people, example_design, workspace, login_as
):
    design_service.delete_design(people["designer"], example_design)
    example_design.deleted_at -= timedelta(days=31)
    db.session.commit()
    login_as(people["designer"])
    page = client.post(
        f"/w/{workspace.slug}/trash/restore/design",
        data={"item_id": example_design.id},
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "30" in page
    assert db.session.get(Design, example_design.id).deleted_at is not None


def test_only_coordinators_empty_the_trash(client, people, example_design, workspace, login_as):
    design_id = example_design.id
    design_service.delete_design(people["designer"], example_design)
    db.session.commit()
    login_as(people["designer"])
    assert client.post(f"/w/{workspace.slug}/trash/empty").status_code == 403
    assert db.session.get(Design, design_id) is not None
    login_as(people["coordinator"])
    assert client.post(f"/w/{workspace.slug}/trash/empty").status_code == 302
    db.session.expire_all()
    assert db.session.get(Design, design_id) is None
    for model in (Placement, Module, Revision):
        assert db.session.query(model).filter_by(design_id=design_id).count() == 0
    assert db.session.query(Event).filter_by(kind="trash.emptied").count() == 1


def test_a_nugget_still_placed_is_never_purged(people, example_design, workspace):
    placed = db.session.query(Placement).filter_by(design_id=example_design.id).first()
    nugget = db.session.get(Nugget, placed.nugget_id)
    trash.delete_nugget(people["designer"], nugget)
    db.session.commit()
    purged = trash.empty_trash(people["coordinator"], workspace)
    db.session.commit()
    assert purged.nuggets == 0
    assert db.session.get(Nugget, placed.nugget_id) is not None


def test_purge_trash_command_drops_only_old_items(app, people, example_design, workspace):
    fresh = design_service.create_design(people["designer"], workspace, "Frisch gelöscht")
    design_service.delete_design(people["designer"], fresh)
    design_service.delete_design(people["designer"], example_design)
    example_design.deleted_at -= timedelta(days=31)
    db.session.commit()
    fresh_id, old_id = fresh.id, example_design.id
    result = CliRunner().invoke(main, ["purge-trash"], obj=_script_info(app))
    assert result.exit_code == 0, result.output
    assert "purged 1 designs" in result.output
    db.session.expire_all()
    assert db.session.get(Design, old_id) is None
    assert db.session.get(Design, fresh_id) is not None


def _script_info(app):
    return ScriptInfo(create_app=lambda: app)
