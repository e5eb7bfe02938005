"""Security headers on every kind of page, session cookie flags, and the log-in rate limit
through the web (kept in the database, so it holds across app processes)."""

from __future__ import annotations

import pytest

from designer import create_app
from designer.extensions import db
from tests.conftest import PASSWORD


def _directives(csp: str) -> dict[str, list[str]]:
    parts = (d.strip().split() for d in csp.split(";") if d.strip())
    return {p[0]: p[1:] for p in parts}


@pytest.fixture
def pages(client, login, workspace, example_design, make_user):
    """Paths of several kinds of page: public, signed-in, JSON, error."""
    login(make_user("d@example.org", workspace=workspace, role="designer"))
    return [
        "/login",
        "/",
        f"/w/{workspace.slug}",
        f"/designs/{example_design.id}",
        "/account/tokens",
        "/api/docs",
        "/api/v1/openapi.json",
        "/api/v1/workspaces",
        "/no-such-page",
    ]


def test_strict_headers_on_every_kind_of_page(client, pages):
    for path in pages:
        response = client.get(path)
        headers = response.headers
        csp = _directives(headers["Content-Security-Policy"])
        assert csp["script-src"] == ["'self'"], path
        assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp.get(
            "script-src", []
        )
        assert csp["object-src"] == ["'none'"], path
        assert csp["frame-ancestors"] == ["'none'"], path
        assert csp["base-uri"] == ["'self'"], path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["X-Frame-Options"] == "DENY", path
        assert headers["Referrer-Policy"] == "same-origin", path


def test_pages_carry_no_inline_script(client, pages):
    for path in pages:
        response = client.get(path)
        if response.mimetype == "text/html":
            body = response.get_data(as_text=True)
            assert " onclick=" not in body and "javascript:" not in body, path
            for chunk in body.split("<script")[1:]:
                tag = chunk.split(">", 1)[0]
                assert "src=" in tag or 'type="application/json"' in tag, path


def _session_cookie(client, user) -> str:
    response = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302
    cookies = [v for k, v in response.headers.items() if k == "Set-Cookie"]
    return next(c for c in cookies if c.startswith("session="))


def test_session_cookie_is_httponly_and_lax(client, workspace, make_user):
    cookie = _session_cookie(client, make_user("c@example.org"))
    flags = {f.strip().lower() for f in cookie.split(";")}
    assert "httponly" in flags
    assert "samesite=lax" in flags
    assert "secure" not in flags


def test_session_cookie_is_secure_when_configured(app, monkeypatch, make_user):
    user = make_user("s@example.org")
    monkeypatch.setenv("DESIGNER_SECURE_COOKIES", "1")
    secure_app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "secure",
            "DATA_DIR": app.config["DATA_DIR"],
            "WTF_CSRF_ENABLED": False,
        }
    )
    with secure_app.app_context():
        cookie = _session_cookie(secure_app.test_client(), user)
        db.session.remove()
        db.engine.dispose()
    assert "secure" in {f.strip().lower() for f in cookie.split(";")}


def _attempt(client, email: str, password: str) -> int:
    return client.post("/login", data={"email": email, "password": password}).status_code


def test_login_is_refused_with_429_after_five_failures(client, make_user):
    user = make_user("target@example.org")
    assert [_attempt(client, user.email, "wrong") for _ in range(5)] == [200] * 5
    assert _attempt(client, user.email, "wrong") == 429
    assert _attempt(client, user.email, PASSWORD) == 429, "the right password does not help"
    assert _attempt(client, "other@example.org", "wrong") == 200, "other accounts are unaffected"


def test_login_limit_holds_across_two_app_instances(app, client, make_user):
    """Two processes behind one load balancer share nothing but the database."""
    user = make_user("shared@example.org")
    second = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATA_DIR": app.config["DATA_DIR"],
            "WTF_CSRF_ENABLED": False,
        }
    )
    assert [_attempt(client, user.email, "wrong") for _ in range(3)] == [200] * 3
    with second.app_context():
        other = second.test_client()
        assert [_attempt(other, user.email, "wrong") for _ in range(2)] == [200] * 2
        assert _attempt(other, user.email, PASSWORD) == 429
        db.session.remove()
        db.engine.dispose()
    assert _attempt(client, user.email, PASSWORD) == 429
