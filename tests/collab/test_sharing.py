"""Sharing nuggets: the visibility rule, competition-sensitive nuggets, copies with origin."""

import pytest

from designer.extensions import db
from designer.models import Nugget
from designer.queries.sharing import visible_elsewhere
from designer.services import nuggets as nugget_service
from designer.services import sharing, workspaces
from designer.services.errors import Invalid, NotFound, PermissionDenied


@pytest.fixture
def world(app, make_user):
    """Nord (organisation) with Nora; Verbund (partnership) with Nora and Paul; Fremd with
    Frieda, who shares no partnership with Nord."""
    nora = make_user("nora@nord.example")
    paul = make_user("paul@partner.example")
    frieda = make_user("frieda@fremd.example")
    nord = workspaces.create_workspace(nora, "Nord", "organisation", "Akademie Nord")
    verbund = workspaces.create_workspace(paul, "Verbund", "partnership", "Partner AG")
    workspaces.enrol(verbund, nora, "designer")
    fremd = workspaces.create_workspace(frieda, "Fremd")
    nugget = nugget_service.create_nugget(
        nora,
        nord,
        {"title": "Datenschutz kompakt", "license": "CC BY 4.0", "attribution": "Akademie Nord"},
    )
    db.session.commit()
    return {"nora": nora, "paul": paul, "frieda": frieda, "nord": nord, "verbund": verbund,
            "fremd": fremd, "nugget": nugget}  # fmt: skip


def visible(user) -> list[str]:
    return [n.title for n in db.session.scalars(visible_elsewhere(user))]


def test_workspace_visibility_keeps_nuggets_at_home(world):
    assert visible(world["paul"]) == [] and visible(world["frieda"]) == []


def test_partnership_visibility_reaches_partners_of_members_only(world):
    sharing.set_sharing(world["nora"], world["nugget"], "partnership", False)
    db.session.commit()
    assert visible(world["paul"]) == ["Datenschutz kompakt"]
    assert visible(world["frieda"]) == []
    assert visible(world["nora"]) == []  # her own workspace's library, not the catalogue


def test_catalogue_visibility_reaches_everyone(world):
    sharing.set_sharing(world["nora"], world["nugget"], "catalogue", False)
    db.session.commit()
    assert visible(world["frieda"]) == ["Datenschutz kompakt"]


def test_competition_sensitive_nuggets_stay_home(world):
    with pytest.raises(Invalid):
        sharing.set_sharing(world["nora"], world["nugget"], "catalogue", True)
    sharing.set_sharing(world["nora"], world["nugget"], "workspace", True)
    world["nugget"].visibility = "catalogue"  # even if the row said otherwise
    db.session.commit()
    assert visible(world["frieda"]) == []


def test_only_sharers_may_change_visibility(world, make_user):
    viewer = make_user("v@nord.example", workspace=world["nord"], role="viewer")
    with pytest.raises(PermissionDenied):
        sharing.set_sharing(viewer, world["nugget"], "catalogue", False)


def test_copy_keeps_licence_attribution_and_origin(world):
    sharing.set_sharing(world["nora"], world["nugget"], "catalogue", False)
    db.session.commit()
    copy = sharing.copy_to_workspace(world["frieda"], world["nugget"], world["fremd"])
    db.session.commit()
    assert copy.workspace_id == world["fremd"].id
    assert (copy.license, copy.attribution) == ("CC BY 4.0", "Akademie Nord")
    assert copy.forked_from_id == world["nugget"].id
    assert copy.origin_workspace_id == world["nord"].id
    assert copy.origin_organisation == "Akademie Nord"
    assert copy.visibility == "workspace"


def test_copying_an_invisible_nugget_is_not_found(world):
    with pytest.raises(NotFound):
        sharing.copy_to_workspace(world["frieda"], world["nugget"], world["fremd"])


def test_catalogue_page_and_copy_action(client, world, login):
    sharing.set_sharing(world["nora"], world["nugget"], "partnership", False)
    db.session.commit()
    login(world["paul"])
    page = client.get("/catalogue").get_data(as_text=True)
    assert "Datenschutz kompakt" in page and "CC BY 4.0" in page
    assert "Datenschutz kompakt" in client.get("/catalogue?q=SCHUTZ").get_data(as_text=True)
    assert "Datenschutz kompakt" not in client.get("/catalogue?q=%25").get_data(as_text=True)
    response = client.post(
        "/catalogue/copy",
        data={"item_id": world["nugget"].id, "workspace_id": world["verbund"].id},
    )
    assert response.status_code == 302
    copies = db.session.query(Nugget).filter_by(workspace_id=world["verbund"].id).all()
    assert [c.title for c in copies] == ["Datenschutz kompakt"]
    # Copying into a workspace where Paul may not edit is refused.
    refused = client.post(
        "/catalogue/copy", data={"item_id": world["nugget"].id, "workspace_id": world["nord"].id}
    )
    assert refused.status_code == 403


def test_sharing_page_sets_visibility(client, world, login):
    login(world["nora"])
    response = client.post(
        f"/w/{world['nord'].slug}/sharing",
        data={"item_id": world["nugget"].id, "visibility": "catalogue"},
    )
    assert response.status_code == 302
    assert db.session.get(Nugget, world["nugget"].id).visibility == "catalogue"
