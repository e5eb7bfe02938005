"""Who may import a plan into a workspace: every role, a guest on one design, an outsider
and an anonymous visitor, on the upload step (the later steps also need the user's own
staged upload)."""

import pytest

from designer.extensions import db
from designer.models import DesignMember
from designer.services import workspaces

EXPECTED = {
    "coordinator": 200,
    "designer": 200,
    "expert": 200,
    "reviewer": 403,
    "viewer": 403,
    "guest-designer": 403,
    "outsider": 403,
    "anonymous": 302,
}


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_upload_step_by_role(who, client, workspace, make_user, login, example_design):
    if who == "guest-designer":
        guest = make_user("guest@example.org")
        db.session.add(DesignMember(design_id=example_design.id, user_id=guest.id, role="designer"))
        db.session.commit()
        login(guest)
    elif who == "outsider":
        outsider = make_user("outsider@example.org")
        workspaces.create_workspace(outsider, "Andere GmbH")
        db.session.commit()
        login(outsider)
    elif who != "anonymous":
        login(make_user(f"{who}-member@example.org", workspace=workspace, role=who))
    response = client.get(f"/w/{workspace.slug}/import/plan")
    assert response.status_code == EXPECTED[who]
    if who == "anonymous":
        assert "/login" in response.headers["Location"]
