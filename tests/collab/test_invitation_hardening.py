"""Invitation links under pressure (issue 15, item 10): a single-use link accepted by two
accounts at the same moment, and a link opened while logged out that has to survive
registration and log-in."""

from __future__ import annotations

import threading

from sqlalchemy.exc import OperationalError

from designer.extensions import db
from designer.models import DesignMember, Invitation, Membership, User
from designer.services import invitations
from designer.services.errors import Invalid

NEW_PASSWORD = "ein-langes-passwort"


def _link(workspace, design=None, role="viewer") -> str:
    coordinator = db.session.query(User).filter_by(email="coordinator@example.org").one()
    _invitation, token = invitations.create_invitation(coordinator, workspace, design, role, 7)
    db.session.commit()
    return token


def test_a_single_use_link_holds_when_two_accept_at_once(app, workspace, make_user, monkeypatch):
    """Both requests have read the link as valid before either writes (a barrier holds
    them there); the database lets exactly one of them join."""
    token = _link(workspace)
    people = [make_user(f"racer{i}@example.org").id for i in range(2)]
    barrier = threading.Barrier(2)
    real_status = invitations.status

    def status_then_wait(invitation):
        state = real_status(invitation)
        barrier.wait(timeout=10)
        return state

    monkeypatch.setattr(invitations, "status", status_then_wait)
    outcomes: dict[int, str] = {}

    def accept(user_id: int) -> None:
        with app.app_context():
            try:
                invitations.accept(db.session.get(User, user_id), token)
                db.session.commit()
                outcomes[user_id] = "joined"
            except Invalid as exc:
                db.session.rollback()
                outcomes[user_id] = exc.errors["invitation"]
            except OperationalError:  # the database refused the write outright
                db.session.rollback()
                outcomes[user_id] = "refused by the database"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=accept, args=(uid,)) for uid in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    db.session.expire_all()
    assert list(outcomes.values()).count("joined") == 1, outcomes
    joined = (
        db.session.query(Membership)
        .filter(Membership.workspace_id == workspace.id, Membership.user_id.in_(people))
        .all()
    )
    assert len(joined) == 1
    invitation = db.session.query(Invitation).one()
    assert invitation.accepted_by_id == joined[0].user_id


def test_the_loser_of_the_race_is_told_the_link_was_used(client, workspace, make_user):
    token = _link(workspace)
    first, second = make_user("erste@example.org"), make_user("zweite@example.org")
    invitations.accept(first, token)
    db.session.commit()
    client.post("/login", data={"email": second.email, "password": "correct horse battery"})
    page = client.post(f"/invite/{token}").get_data(as_text=True)
    assert "bereits verwendet" in page
    assert db.session.query(Membership).filter_by(user_id=second.id).count() == 0


def test_an_invitation_survives_registration_and_log_in(client, workspace, example_design):
    """Opened while logged out, the link leads through registration and log-in back to
    itself, not to "create a workspace first"."""
    token = _link(workspace, example_design, "expert")
    response = client.get(f"/invite/{token}")
    assert response.status_code == 302 and token not in response.location
    login_page = client.get(response.location).get_data(as_text=True)
    assert "Sie haben eine Einladung" in login_page
    registered = client.post(
        "/register",
        data={
            "display_name": "Neue Expertin",
            "email": "neu@example.org",
            "password": NEW_PASSWORD,
            "confirm": NEW_PASSWORD,
        },
        follow_redirects=True,
    )
    page = registered.get_data(as_text=True)
    assert "Sie haben eine Einladung" in page, "the page after registering remembers it"
    assert "noch in keinem Arbeitsbereich" not in page
    logged_in = client.post(
        "/login",
        data={"email": "neu@example.org", "password": NEW_PASSWORD},
        follow_redirects=True,
    )
    page = logged_in.get_data(as_text=True)
    assert f"/invite/{token}" == logged_in.request.path
    assert example_design.title in page and "Einladung annehmen" in page
    accepted = client.post(f"/invite/{token}", follow_redirects=True)
    assert accepted.request.path == f"/designs/{example_design.id}"
    user = db.session.query(User).filter_by(email="neu@example.org").one()
    member = db.session.query(DesignMember).filter_by(user_id=user.id).one()
    assert member.role == "expert"
    after = client.post("/login", data={"email": user.email, "password": NEW_PASSWORD})
    assert after.location == "/", "once accepted, the invitation is forgotten"


def test_a_stale_pending_invitation_is_dropped(client, workspace, make_user):
    token = _link(workspace)
    client.get(f"/invite/{token}")
    invitations.accept(make_user("schneller@example.org"), token)
    db.session.commit()
    user = make_user("langsam@example.org")
    response = client.post(
        "/login", data={"email": user.email, "password": "correct horse battery"}
    )
    page = client.get(response.location).get_data(as_text=True)
    assert "bereits verwendet" in page
    again = client.post("/login", data={"email": user.email, "password": "correct horse battery"})
    assert again.location == "/"
