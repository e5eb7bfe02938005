"""Guests on one design, invitation links (shown once, expiring, revocable), workspace links."""

import re
from datetime import timedelta

from designer.extensions import db
from designer.models import DesignMember, Invitation, Membership, Workspace
from designer.services import invitations


def link_in(html: str) -> str:
    match = re.search(r'id="new-link"[^>]*value="(http[^"]+)"', html) or re.search(
        r'value="(http[^"]+/invite/[^"]+)"', html
    )
    assert match, html[:2000]
    return match.group(1).replace("http://localhost", "")


def test_add_an_existing_account_as_guest_of_one_design(
    client, people, example_design, workspace, make_user, login_as
):
    hr = make_user("hr@kunde.example", name="Hanna HR")
    login_as(people["designer"])
    url = f"/designs/{example_design.id}/people"
    assert (
        client.post(url, data={"email": "hr@kunde.example", "role": "reviewer"}).status_code == 302
    )
    member = db.session.query(DesignMember).filter_by(user_id=hr.id).one()
    assert member.role == "reviewer"
    login_as(hr)
    dashboard = client.get("/").get_data(as_text=True)
    assert example_design.title in dashboard
    assert client.get(f"/designs/{example_design.id}").status_code == 200
    assert client.get(f"/w/{workspace.slug}").status_code == 403
    # Removing access takes effect on the very next request.
    login_as(people["designer"])
    client.post(f"{url}/remove", data={"item_id": member.id})
    login_as(hr)
    assert client.get(f"/designs/{example_design.id}").status_code == 403


def test_unknown_email_is_reported_at_the_field(client, people, example_design, login_as):
    login_as(people["designer"])
    page = client.post(
        f"/designs/{example_design.id}/people",
        data={"email": "niemand@example.org", "role": "viewer"},
    ).get_data(as_text=True)
    assert "no account" in page or "kein Konto" in page


def test_a_design_link_is_shown_once_and_works_once(
    client, people, example_design, make_user, login_as
):
    login_as(people["designer"])
    page = client.post(
        f"/designs/{example_design.id}/people/links",
        data={"role": "expert", "days": "7", "note": "Freie Trainerin"},
    ).get_data(as_text=True)
    link = link_in(page)
    token = link.rsplit("/", 1)[1]
    stored = db.session.query(Invitation).one()
    assert token not in stored.token_hash and stored.token_hash == invitations.token_hash(token)
    assert token not in client.get(f"/designs/{example_design.id}/people").get_data(as_text=True)

    trainer = make_user("trainer@frei.example")
    login_as(None)
    assert "/login" in client.get(link).headers["Location"]
    login_as(trainer)
    assert "Freie" not in client.get(link).get_data(as_text=True)  # the note is internal
    assert client.post(link).status_code == 302
    assert db.session.query(DesignMember).filter_by(user_id=trainer.id).one().role == "expert"
    assert client.get(f"/designs/{example_design.id}").status_code == 200

    second = make_user("zweite@frei.example")
    login_as(second)
    again = client.post(link).get_data(as_text=True)
    assert "used already" in again or "bereits verwendet" in again
    assert db.session.query(DesignMember).filter_by(user_id=second.id).count() == 0


def test_expired_and_revoked_links_say_so(client, people, example_design, make_user, login_as):
    ws = db.session.get(Workspace, example_design.workspace_id)
    old, old_token = invitations.create_invitation(
        people["coordinator"], ws, example_design, "viewer", 1
    )
    revoked, revoked_token = invitations.create_invitation(
        people["coordinator"], ws, None, "viewer", 5
    )
    old.expires_at -= timedelta(days=2)
    invitations.revoke(people["coordinator"], revoked.id, ws)
    db.session.commit()
    visitor = make_user("besuch@example.org")
    login_as(visitor)
    expired_page = client.get(f"/invite/{old_token}").get_data(as_text=True)
    assert "expired" in expired_page or "abgelaufen" in expired_page
    revoked_page = client.post(f"/invite/{revoked_token}").get_data(as_text=True)
    assert "revoked" in revoked_page or "zurückgezogen" in revoked_page
    assert db.session.query(Membership).filter_by(user_id=visitor.id).count() == 0
    login_as(None)
    unknown = client.get("/invite/gibt-es-nicht").get_data(as_text=True)
    assert "not valid" in unknown or "nicht gültig" in unknown


def test_workspace_link_makes_a_member(client, people, workspace, make_user, login_as):
    login_as(people["coordinator"])
    members = client.get(f"/w/{workspace.slug}/members").get_data(as_text=True)
    assert f"/w/{workspace.slug}/invitations" in members
    page = client.post(
        f"/w/{workspace.slug}/invitations", data={"role": "reviewer", "days": "3"}
    ).get_data(as_text=True)
    link = link_in(page)
    newcomer = make_user("neu@example.org")
    login_as(newcomer)
    client.post(link)
    assert (
        db.session.query(Membership)
        .filter_by(user_id=newcomer.id, workspace_id=workspace.id)
        .one()
        .role
        == "reviewer"
    )


def test_only_member_managers_create_workspace_links(client, people, workspace, login_as):
    login_as(people["designer"])
    url = f"/w/{workspace.slug}/invitations"
    assert client.get(url).status_code == 403
    assert client.post(url, data={"role": "coordinator", "days": "3"}).status_code == 403
    assert db.session.query(Invitation).count() == 0


def test_days_out_of_range_are_refused(client, people, example_design, login_as):
    login_as(people["designer"])
    response = client.post(
        f"/designs/{example_design.id}/people/links", data={"role": "viewer", "days": "400"}
    )
    assert response.status_code == 400
    assert db.session.query(Invitation).count() == 0
