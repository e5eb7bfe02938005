"""Register, log in and out, password change, rate limit, CSRF and language."""

import pytest

from designer import create_app
from designer.extensions import db
from designer.models import User
from tests.conftest import PASSWORD


def register(client, email="neu@example.org", password="ein-langes-passwort", confirm=None):
    return client.post(
        "/register",
        data={
            "display_name": "Neu",
            "email": email,
            "password": password,
            "confirm": confirm or password,
        },
    )


def test_register_hashes_the_password_and_leads_to_log_in(client):
    response = register(client)
    assert response.status_code == 302 and response.location == "/login"
    user = db.session.query(User).filter_by(email="neu@example.org").one()
    assert user.password_hash.startswith("scrypt:")
    assert "ein-langes-passwort" not in user.password_hash
    page = client.get("/login").get_data(as_text=True)
    assert 'value="neu@example.org"' in page, "the address is filled in"
    client.post("/login", data={"email": "neu@example.org", "password": "ein-langes-passwort"})
    assert client.get("/").status_code == 200


def test_register_errors_are_shown_next_to_the_field(client):
    page = register(client, password="kurz").get_data(as_text=True)
    assert 'aria-invalid="true"' in page


def test_login_logout_and_wrong_password(client, make_user):
    user = make_user("anna@example.org")
    page = client.post("/login", data={"email": user.email, "password": "falsch"}).get_data(
        as_text=True
    )
    assert "E-Mail oder Passwort ist falsch" in page or "E-mail or password is wrong" in page
    assert (
        client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 302
    )
    assert client.get("/").status_code == 200
    client.post("/logout")
    assert client.get("/").status_code == 302


def test_login_is_rate_limited_across_app_processes(app, client, make_user):
    user = make_user("anna@example.org")
    for _ in range(5):
        client.post("/login", data={"email": user.email, "password": "falsch"})
    assert (
        client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 429
    )
    # A second app (another worker process) sees the same failures: they live in the DB.
    other = create_app({**app.config, "WTF_CSRF_ENABLED": False})
    with other.app_context():
        response = other.test_client().post(
            "/login", data={"email": user.email, "password": PASSWORD}
        )
    assert response.status_code == 429


def test_change_password(client, make_user, login):
    user = make_user("anna@example.org")
    login(user)
    bad = client.post(
        "/account/password",
        data={"old_password": "falsch", "new_password": "x" * 12, "confirm": "x" * 12},
    )
    assert "aria-invalid" in bad.get_data(as_text=True)
    ok = client.post(
        "/account/password",
        data={"old_password": PASSWORD, "new_password": "x" * 12, "confirm": "x" * 12},
    )
    assert ok.status_code == 302
    client.post("/logout")
    assert (
        client.post("/login", data={"email": user.email, "password": "x" * 12}).status_code == 302
    )


def test_language_follows_browser_then_choice_and_is_remembered(client, make_user, login):
    english = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(
        as_text=True
    )
    german = client.get("/login", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert '<html lang="en">' in english and "Log in" in english
    assert '<html lang="de">' in german and "Anmelden" in german
    user = make_user("anna@example.org")
    login(user)
    client.post("/language", data={"locale": "en", "next": "/"})
    assert db.session.get(User, user.id).locale == "en"
    page = client.get("/", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert "My workspaces" in page


@pytest.fixture
def csrf_client(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app.test_client()


def test_forms_without_csrf_token_are_refused(csrf_client, make_user):
    user = make_user("anna@example.org")
    response = csrf_client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
