"""Personal access tokens: the account page, bearer authentication, scopes, CSRF."""

import re

from designer import create_app
from designer.extensions import db
from designer.models import ApiToken
from designer.services import tokens
from tests.conftest import PASSWORD


def test_token_page_creates_shows_once_and_revokes(client, login, designer_user):
    login(designer_user)
    page = client.post("/account/tokens", data={"name": "Skript", "scope": "write"})
    assert page.status_code == 200
    secret = re.search(r'value="(kw_[^"]+)"', page.get_data(as_text=True)).group(1)
    row = db.session.query(ApiToken).one()
    assert row.token_hash == tokens.hash_token(secret)
    assert secret not in row.token_hash
    again = client.get("/account/tokens").get_data(as_text=True)
    assert "Skript" in again
    assert secret not in again
    headers = {"Authorization": f"Bearer {secret}"}
    assert client.get("/api/v1/workspaces", headers=headers).status_code == 200
    assert client.post(f"/account/tokens/{row.id}/revoke").status_code == 302
    assert client.get("/api/v1/workspaces", headers=headers).status_code == 401


def test_someone_elses_token_cannot_be_revoked(client, login, designer_user, make_user):
    row, _secret = tokens.create_token(designer_user, "mine", "read")
    db.session.commit()
    login(make_user("intruder@example.org"))
    assert client.post(f"/account/tokens/{row.id}/revoke").status_code == 404
    assert db.session.get(ApiToken, row.id).revoked_at is None


def test_missing_wrong_and_malformed_credentials_are_401(client):
    assert client.get("/api/v1/workspaces").status_code == 401
    wrong = client.get("/api/v1/workspaces", headers={"Authorization": "Bearer kw_nope"})
    assert wrong.status_code == 401
    assert wrong.headers["WWW-Authenticate"].startswith("Bearer")
    basic = client.get("/api/v1/workspaces", headers={"Authorization": "Basic eDp5"})
    assert basic.status_code == 401


def test_read_scope_refuses_writes(call, read_token, workspace):
    assert call("GET", "/workspaces", token=read_token).status_code == 200
    response = call(
        "POST", f"/workspaces/{workspace.slug}/designs", token=read_token, json={"title": "X"}
    )
    assert response.status_code == 403
    assert response.json["error"] == "insufficient_scope"


def test_last_use_is_recorded(call, designer_user, write_token):
    assert db.session.query(ApiToken).one().last_used_at is None
    call("GET", "/workspaces")
    db.session.expire_all()
    assert db.session.query(ApiToken).one().last_used_at is not None


def _csrf_app(app):
    """A second app on the same database, with CSRF protection on."""
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "csrf-test",
            "DATA_DIR": app.config["DATA_DIR"],
            "FILE_STORE": app.config["FILE_STORE"],
            "WTF_CSRF_ENABLED": True,
        }
    )


def test_session_writes_need_the_csrf_header_bearer_writes_do_not(
    app, designer_user, workspace, write_token
):
    csrf_app = _csrf_app(app)
    with csrf_app.app_context():
        browser = csrf_app.test_client()
        page = browser.get("/login").get_data(as_text=True)
        token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        logged_in = browser.post(
            "/login",
            data={"email": designer_user.email, "password": PASSWORD, "csrf_token": token},
        )
        assert logged_in.status_code == 302
        url = f"/api/v1/workspaces/{workspace.slug}/designs"
        assert browser.get(url).status_code == 200
        refused = browser.post(url, json={"title": "Ohne Token"})
        assert refused.status_code == 403
        assert refused.json["error"] == "csrf"
        accepted = browser.post(url, json={"title": "Mit Token"}, headers={"X-CSRFToken": token})
        assert accepted.status_code == 201
        bearer = csrf_app.test_client().post(
            url, json={"title": "Per Token"}, headers={"Authorization": f"Bearer {write_token}"}
        )
        assert bearer.status_code == 201
        db.session.remove()
        db.engine.dispose()
