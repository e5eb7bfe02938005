"""The role × action matrix: every role of the workspace, a guest on one design, an
outsider and an anonymous visitor, against every action."""

import pytest

from designer.extensions import db
from designer.models import DesignMember, Nugget
from designer.services import designs as design_service
from designer.services.permissions import Action, can, can_see_nugget, edits_library_nugget

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
    Action.LIBRARY_VIEW, Action.NUGGET_EDIT, Action.DESIGN_CREATE, Action.LTI_MANAGE,
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


MEMBERS = {"coordinator", "designer", "expert", "reviewer", "viewer"}
GUESTS = {"guest-expert", "guest-reviewer", "guest-viewer"}


@pytest.fixture
def nuggets(people, workspace, example_design):
    """A nugget of the library that no design uses, one that only the example design uses,
    and one that the example design and another design both use."""
    from designer.services import nuggets as nugget_service
    from designer.services import placements

    designer = people["designer"]
    module_id = example_design.modules[0].id
    library = nugget_service.create_nugget(designer, workspace, {"title": "Nur Bibliothek"})
    mine = placements.add_new_nugget(
        designer, example_design, module_id, {"title": "Nur hier"}
    ).nugget_id
    other = design_service.create_design(designer, workspace, "Zweites Konzept")
    other_module = design_service.add_module(designer, other, "Eins")
    both = placements.add_new_nugget(designer, other, other_module.id, {"title": "Beide"})
    placements.place_nugget(
        designer, example_design, module_id, db.session.get(Nugget, both.nugget_id)
    )
    db.session.commit()
    return {
        "library": library,
        "mine": db.session.get(Nugget, mine),
        "both": db.session.get(Nugget, both.nugget_id),
    }


def test_who_sees_a_nugget(people, nuggets):
    """Placing a nugget on a design needs the right to see it: the library's nuggets for
    members, a guest only those already on their design."""
    actual = {
        kind: {who for who, user in people.items() if can_see_nugget(user, nugget)}
        for kind, nugget in nuggets.items()
    }
    assert actual == {"library": MEMBERS, "mine": MEMBERS | GUESTS, "both": MEMBERS | GUESTS}


def test_whose_canvas_edits_write_the_library_nugget(people, nuggets, example_design):
    """Asked only of people who may edit the design: those who may edit the library write
    the nugget itself; the others write it only while no other design uses it."""
    editors = {w for w, u in people.items() if can(u, Action.DESIGN_EDIT, example_design)}
    assert editors == {"coordinator", "designer", "guest-expert"}
    actual = {
        kind: {w for w in editors if edits_library_nugget(people[w], nugget, example_design)}
        for kind, nugget in nuggets.items()
        if kind != "library"
    }
    assert actual == {"mine": editors, "both": {"coordinator", "designer"}}


def test_who_may_resend_a_verification_mail(people, workspace, make_user):
    """Sending a member's address confirmation again: coordinators of the workspace only."""
    from sqlalchemy import select

    from designer.models import Membership
    from designer.services import accounts
    from designer.services.errors import PermissionDenied

    pending = make_user("pending@example.org", workspace=workspace, role="viewer", verified=False)
    membership_id = db.session.scalar(select(Membership.id).where(Membership.user_id == pending.id))
    allowed = set()
    for who, user in people.items():
        try:
            accounts.resend_verification(user, workspace, membership_id)
        except PermissionDenied:
            continue
        finally:
            db.session.rollback()
        allowed.add(who)
    assert allowed == {"coordinator"}
