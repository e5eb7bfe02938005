"""People around one design: every workspace role, guests, an outsider, anonymous."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import DesignMember, Membership
from designer.services import workspaces
from tests.conftest import PASSWORD

ROLES = ("coordinator", "designer", "expert", "reviewer", "viewer")


@pytest.fixture
def people(app, workspace, make_user, example_design):
    """name → User (None for anonymous). Members represent organisation "Nord e.V."."""
    other = workspaces.create_workspace(make_user("other@example.org"), "Andere GmbH")
    crowd = {"anonymous": None, "outsider": make_user("outsider@example.org", workspace=other)}
    for role in ROLES:
        crowd[role] = make_user(f"{role}-member@example.org", workspace=workspace, role=role)
    guest = make_user("guest@example.org", name="Gabi Gast")
    db.session.add(DesignMember(design_id=example_design.id, user_id=guest.id, role="viewer"))
    crowd["guest"] = guest
    for membership in db.session.query(Membership).filter_by(workspace_id=workspace.id):
        membership.organisation = "Nord e.V."
    db.session.commit()
    return crowd


@pytest.fixture
def login_as(client):
    """Log the test client in as someone (or stay anonymous for None)."""

    def do(user) -> None:
        client.post("/logout")
        if user is not None:
            response = client.post("/login", data={"email": user.email, "password": PASSWORD})
            assert response.status_code == 302

    return do
