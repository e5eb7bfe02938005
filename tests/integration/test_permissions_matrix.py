"""The role × action matrix: every role of the workspace, a guest on one design, an
outsider and an anonymous visitor, against every action."""

import pytest

from designer.extensions import db
from designer.models import DesignMember
from designer.services import designs as design_service
from designer.services.permissions import Action, can

ALL_DESIGN_ACTIONS = [
    a for a in Action if a.value.startswith("design.") and a != Action.DESIGN_CREATE
]

READ = {Action.DESIGN_VIEW, Action.DESIGN_EXPORT}
EXPECTED_DESIGN = {
    "coordinator": set(ALL_DESIGN_ACTIONS),
    "designer": {
        Action.DESIGN_VIEW, Action.DESIGN_EDIT, Action.DESIGN_DELETE, Action.DESIGN_EXPORT,
        Action.DESIGN_COMMENT, Action.DESIGN_MEMBERS,
    },
    "expert": {Action.DESIGN_VIEW, Action.DESIGN_EXPORT, Action.DESIGN_COMMENT},
    "reviewer": {*READ, Action.DESIGN_COMMENT, Action.DESIGN_REVIEW},
    "viewer": READ,
    "guest-expert": {*READ, Action.DESIGN_EDIT, Action.DESIGN_COMMENT},
    "guest-reviewer": {*READ, Action.DESIGN_COMMENT, Action.DESIGN_REVIEW},
    "guest-viewer": {Action.DESIGN_VIEW, Action.DESIGN_EXPORT},
    "outsider": set(),
    "anonymous": set(),
}  # fmt: skip

WORKSPACE_ACTIONS = [
    Action.WORKSPACE_VIEW, Action.WORKSPACE_MANAGE, Action.MEMBERS_MANAGE,
    Action.LIBRARY_VIEW, Action.NUGGET_EDIT, Action.DESIGN_CREATE,
]  # fmt: skip
EXPECTED_WORKSPACE = {
    "coordinator": set(WORKSPACE_ACTIONS),
    "designer": {
        Action.WORKSPACE_VIEW,
        Action.LIBRARY_VIEW,
        Action.NUGGET_EDIT,
        Action.DESIGN_CREATE,
    },
    "expert": {Action.WORKSPACE_VIEW, Action.LIBRARY_VIEW, Action.DESIGN_CREATE},
    "reviewer": {Action.WORKSPACE_VIEW, Action.LIBRARY_VIEW},
    "viewer": {Action.WORKSPACE_VIEW, Action.LIBRARY_VIEW},
    "guest-expert": set(),
    "guest-reviewer": set(),
    "guest-viewer": set(),
    "outsider": set(),
    "anonymous": set(),
}


@pytest.fixture
def people(app, workspace, make_user, example_design):
    from designer.services import workspaces

    other = workspaces.create_workspace(make_user("other@example.org"), "Andere GmbH")
    people = {"anonymous": None, "outsider": make_user("outsider@example.org", workspace=other)}
    for role in ("coordinator", "designer", "expert", "reviewer", "viewer"):
        people[role] = make_user(f"{role}-member@example.org", workspace=workspace, role=role)
    for role in ("expert", "reviewer", "viewer"):
        guest = make_user(f"guest-{role}@example.org")
        db.session.add(DesignMember(design_id=example_design.id, user_id=guest.id, role=role))
        people[f"guest-{role}"] = guest
    db.session.commit()
    return people


def test_design_matrix(people, example_design):
    """Every person × every design action, compared as one table."""
    actual = {
        who: {a for a in ALL_DESIGN_ACTIONS if can(user, a, example_design)}
        for who, user in people.items()
    }
    assert actual == EXPECTED_DESIGN


def test_workspace_matrix(people, workspace):
    actual = {
        who: {a for a in WORKSPACE_ACTIONS if can(user, a, workspace)}
        for who, user in people.items()
    }
    assert actual == EXPECTED_WORKSPACE


def test_expert_edits_the_design_they_started(people, workspace):
    expert = people["expert"]
    design = design_service.create_design(expert, workspace, "Eigenes Konzept")
    db.session.commit()
    assert can(expert, Action.DESIGN_EDIT, design)
    assert not can(people["viewer"], Action.DESIGN_EDIT, design)


def test_trashed_design_is_visible_only_to_coordinators(people, example_design):
    design_service.delete_design(people["designer"], example_design)
    db.session.commit()
    assert can(people["coordinator"], Action.DESIGN_VIEW, example_design)
    assert not can(people["designer"], Action.DESIGN_VIEW, example_design)
    assert not can(people["coordinator"], Action.DESIGN_EDIT, example_design)
