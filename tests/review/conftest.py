"""Fixtures for the quality and review tests: people in every role around one design."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import DesignMember

ROLES = ("coordinator", "designer", "expert", "reviewer", "viewer")


@pytest.fixture
def people(app, workspace, make_user, example_design):
    """Every workspace role, guests on the design only and an outsider; the designer
    wrote the example design."""
    from designer.services import workspaces

    other = workspaces.create_workspace(make_user("other@example.org"), "Andere GmbH")
    people = {"outsider": make_user("outsider@example.org", workspace=other)}
    for role in ROLES:
        people[role] = make_user(f"{role}-member@example.org", workspace=workspace, role=role)
    for role in ("reviewer", "viewer"):
        guest = make_user(f"guest-{role}@example.org")
        db.session.add(DesignMember(design_id=example_design.id, user_id=guest.id, role=role))
        people[f"guest-{role}"] = guest
    example_design.created_by_id = people["designer"].id
    db.session.commit()
    return people
