"""Dashboard, workspaces and members through the browser's routes."""

from designer.extensions import db
from designer.models import Membership, Workspace


def test_create_workspace_makes_me_coordinator(client, make_user, login):
    user = make_user("anna@example.org")
    login(user)
    response = client.post("/workspaces/new", data={"name": "Verbund Süd", "kind": "partnership"})
    assert response.status_code == 302
    workspace = db.session.query(Workspace).filter_by(name="Verbund Süd").one()
    assert workspace.slug == "verbund-sud" and workspace.kind == "partnership"
    assert (
        db.session.query(Membership).filter_by(workspace_id=workspace.id).one().role
        == "coordinator"
    )
    assert "Verbund Süd" in client.get("/").get_data(as_text=True)


def test_add_change_and_remove_members(client, workspace, make_user, login):
    coordinator = db.session.query(Membership).filter_by(workspace_id=workspace.id).one().user
    bert = make_user("bert@example.org")
    login(coordinator)
    url = f"/w/{workspace.slug}/members"
    page = client.post(url, data={"email": "nobody@example.org", "role": "designer"}).get_data(
        as_text=True
    )
    assert "nobody@example.org" in page and ("no account" in page or "kein Konto" in page)
    assert (
        client.post(url, data={"email": "bert@example.org", "role": "reviewer"}).status_code == 302
    )
    membership = db.session.query(Membership).filter_by(user_id=bert.id).one()
    assert membership.role == "reviewer"
    client.post(f"{url}/role", data={"membership_id": membership.id, "role": "designer"})
    db.session.refresh(membership)
    assert membership.role == "designer"
    client.post(f"{url}/remove", data={"membership_id": membership.id})
    assert db.session.query(Membership).filter_by(user_id=bert.id).count() == 0


def test_last_coordinator_cannot_leave_or_step_down(client, workspace, login):
    membership = db.session.query(Membership).filter_by(workspace_id=workspace.id).one()
    login(membership.user)
    url = f"/w/{workspace.slug}/members"
    client.post(f"{url}/remove", data={"membership_id": membership.id})
    client.post(f"{url}/role", data={"membership_id": membership.id, "role": "viewer"})
    db.session.refresh(membership)
    assert membership.role == "coordinator"
    page = client.get(url).get_data(as_text=True)
    assert "at least one coordinator" in page or "mindestens eine Koordination" in page


def test_members_cannot_manage_and_outsiders_see_nothing(client, workspace, make_user, login):
    designer = make_user("d@example.org", workspace=workspace, role="designer")
    outsider = make_user("o@example.org")
    login(designer)
    target = db.session.query(Membership).filter_by(role="coordinator").one()
    assert (
        client.post(
            f"/w/{workspace.slug}/members/remove", data={"membership_id": target.id}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"/w/{workspace.slug}/members", data={"email": "o@example.org", "role": "viewer"}
        ).status_code
        == 403
    )
    client.post("/logout")
    login(outsider)
    assert client.get(f"/w/{workspace.slug}").status_code == 403


def test_new_design_and_overview(client, workspace, make_user, login):
    designer = make_user("d@example.org", workspace=workspace, role="designer")
    viewer = make_user("v@example.org", workspace=workspace, role="viewer")
    login(viewer)
    assert (
        client.post(
            f"/w/{workspace.slug}/designs/new", data={"title": "X", "language": "de"}
        ).status_code
        == 403
    )
    client.post("/logout")
    login(designer)
    response = client.post(
        f"/w/{workspace.slug}/designs/new", data={"title": "Neuer Kurs", "language": "en"}
    )
    assert response.status_code == 302
    # The gallery starts a blank design when no template is chosen and opens the wizard.
    page = client.get(response.headers["Location"], follow_redirects=True).get_data(as_text=True)
    assert "Neuer Kurs" in page


def test_import_page_refuses_bad_files_with_the_reason(client, workspace, make_user, login):
    import io

    designer = make_user("d@example.org", workspace=workspace, role="designer")
    login(designer)
    data = {"file": (io.BytesIO(b'{"format": "other"}'), "plan.json")}
    page = client.post(f"/w/{workspace.slug}/import", data=data, content_type="multipart/form-data")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "format: must be &#39;kurswerk-design&#39;" in text
