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
    Action.JOIN_RULES_MANAGE, Action.LIBRARY_VIEW, Action.NUGGET_EDIT, Action.DESIGN_CREATE,
    Action.REQUESTS_MANAGE, Action.LTI_MANAGE,
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


def test_who_may_set_join_rules(people, workspace):
    """Rules for joining the workspace on signing on: coordinators of the workspace only,
    for adding and for removing."""
    from designer.services import sign_on
    from designer.services.errors import PermissionDenied

    rule = sign_on.add_join_rule(people["coordinator"], workspace, "group", "staff", "viewer")
    db.session.commit()
    allowed = set()
    for who, user in people.items():
        try:
            sign_on.add_join_rule(user, workspace, "group", f"group-of-{who}", "viewer")
            sign_on.remove_join_rule(user, workspace, rule.id)
        except PermissionDenied:
            continue
        finally:
            db.session.rollback()
        allowed.add(who)
    assert allowed == {"coordinator"}


@pytest.fixture
def instance_people(people, make_user):
    """The matrix's people plus an administrator and a deactivated administrator."""
    from designer.models.columns import utcnow

    admin = make_user("admin@example.org")
    gone = make_user("gone-admin@example.org")
    admin.is_admin = gone.is_admin = True
    gone.deactivated_at = utcnow()
    db.session.commit()
    return {**people, "admin": admin, "deactivated-admin": gone}


def test_instance_matrix(instance_people):
    """Every instance action is the (active) administrator's alone; workspace roles give none."""
    from designer.services.permissions import InstanceAction, can_administer

    actual = {
        who: {a for a in InstanceAction if can_administer(user, a)}
        for who, user in instance_people.items()
    }
    expected = {who: set() for who in instance_people}
    expected["admin"] = set(InstanceAction)
    assert actual == expected


def test_an_administrator_gets_no_design_or_workspace_rights(
    instance_people, workspace, example_design
):
    admin = instance_people["admin"]
    assert not any(can(admin, a, example_design) for a in ALL_DESIGN_ACTIONS)
    assert not any(can(admin, a, workspace) for a in WORKSPACE_ACTIONS)


ADMIN_PAGES = ["/admin", "/admin/accounts", "/admin/workspaces", "/admin/mail", "/admin/sign-on"]


def test_admin_area_routes_by_role(app, instance_people, workspace):
    """Every page and action of the admin area: 200/302 for the administrator, 403 for
    everyone else signed in, the log-in page for anonymous visitors; the refused actions
    change nothing."""
    from tests.conftest import PASSWORD

    target = instance_people["viewer"]
    posts = [
        f"/admin/accounts/{target.id}/deactivate",
        f"/admin/accounts/{target.id}/reactivate",
        f"/admin/accounts/{target.id}/reset",
        f"/admin/accounts/{target.id}/admin",
        f"/admin/workspaces/{workspace.id}",
        "/admin/mail/test",
    ]
    pages = [*ADMIN_PAGES, f"/admin/workspaces/{workspace.id}"]
    outcome = {}
    for who, user in instance_people.items():
        client = app.test_client()
        if user is not None and who != "deactivated-admin":
            client.post("/login", data={"email": user.email, "password": PASSWORD})
        statuses = {client.get(url).status_code for url in pages}
        statuses |= {
            client.post(url, data={"on": "1", "email": target.email}).status_code
            for url in posts
            if who != "admin"
        }
        outcome[who] = statuses
    assert outcome.pop("admin") == {200}
    assert outcome.pop("anonymous") == {302}
    assert outcome.pop("deactivated-admin") == {302}  # cannot log in at all
    assert all(statuses == {403} for statuses in outcome.values()), outcome
    db.session.refresh(target)
    assert target.deactivated_at is None and not target.is_admin


def test_who_may_publish_an_offer(people, example_design):
    """Publishing a design in the public catalogue (and withdrawing it): coordinators only,
    not guests of the design, whatever their role there."""
    from designer.core.offers import OfferTerms
    from designer.services import offers
    from designer.services.errors import PermissionDenied

    allowed = {who for who, u in people.items() if can(u, Action.OFFER_PUBLISH, example_design)}
    assert allowed == {"coordinator"}
    published = set()
    for who, user in people.items():
        try:
            offers.publish_offer(user, example_design, OfferTerms())
            offers.withdraw_offer(user, example_design)
        except PermissionDenied:
            continue
        finally:
            db.session.rollback()
        published.add(who)
    assert published == allowed


REQUEST_CHANGES = ("answer", "close", "design", "retention", "delete")


def _change_request(who, workspace, row, change: str, store) -> None:
    from designer.services import outbox
    from designer.services import requests as request_service

    match change:
        case "answer":
            mail = outbox.Mail(row.email, "Antwort", "Gern", "")
            request_service.answer_request(who, workspace, row, "Gern", lambda _row: mail)
        case "close":
            request_service.close_request(who, workspace, row)
        case "design":
            request_service.design_from_request(who, workspace, row, "builtin:blank", store)
        case "retention":
            request_service.set_retention(who, workspace, 30)
        case "delete":
            request_service.delete_request(who, workspace, row)


def test_request_matrix(app, people, workspace):
    """Each state change of a request for training, tried by every person: only the
    coordinator gets through; for everyone else nothing changes."""
    from designer.models import TrainingRequest
    from designer.services.errors import PermissionDenied

    actual = {}
    for who, user in people.items():
        allowed = set()
        for change in REQUEST_CHANGES:
            row = TrainingRequest(
                workspace_id=workspace.id, topic="Thema", name="Frau A", email="a@example.org"
            )
            db.session.add(row)
            db.session.flush()
            try:
                _change_request(user, workspace, row, change, app.extensions["file_store"])
                allowed.add(change)
            except PermissionDenied:
                assert (row.state, row.answer, row.design_id) == ("new", "", None)
            db.session.rollback()
        actual[who] = allowed
    expected = {who: set() for who in people}
    expected["coordinator"] = set(REQUEST_CHANGES)
    assert actual == expected


def test_who_may_award_and_revoke_a_badge(app, people, example_design):
    """Awarding a design's badge by hand and revoking an award: coordinators only, not
    guests of the design, whatever their role there."""
    from designer.services import badges, issuing
    from designer.services.errors import PermissionDenied

    coordinator = people["coordinator"]
    badges.save_badge(coordinator, example_design, "Badge", "", "circle", "blue")
    context = issuing.Issuing("http://localhost", app.config["SECRET_KEY"])
    award = issuing.award_badge(coordinator, example_design, "E", "e@example.org", context)
    db.session.commit()
    allowed = {who for who, u in people.items() if can(u, Action.BADGE_AWARD, example_design)}
    assert allowed == {"coordinator"}
    acted = set()
    for who, user in people.items():
        try:
            issuing.award_badge(user, example_design, "F", "f@example.org", context)
            issuing.revoke_award(user, example_design, award, "Grund")
        except PermissionDenied:
            continue
        finally:
            db.session.rollback()
        acted.add(who)
    assert acted == allowed
