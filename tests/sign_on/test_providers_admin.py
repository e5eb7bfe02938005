"""Providers stored by an instance administrator (/admin/sign-on): added, changed,
switched off, and signed on with through the real provider."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from designer.extensions import db
from designer.models import SignOnProvider
from tests.conftest import PASSWORD
from tests.sign_on.conftest import CLIENT_ID, CLIENT_SECRET, local, through_provider

BUTTON = "Mit Test IdP anmelden"


@pytest.fixture
def admin_client(app, make_user):
    admin = make_user("admin@example.org", name="Ada Admin")
    admin.is_admin = True
    db.session.commit()
    client = app.test_client()
    assert (
        client.post("/login", data={"email": admin.email, "password": PASSWORD}).status_code == 302
    )
    return client


def provider_form(issuer: str, **changes: str) -> dict[str, str]:
    form = {"name": "Test IdP", "issuer": issuer, "client_id": CLIENT_ID}
    form["client_secret"] = CLIENT_SECRET
    return {**form, **changes}


def sign_on_with_stored(app) -> str:
    visitor = app.test_client()
    authorize = visitor.get("/sign-on/test-idp").headers["Location"]
    return visitor.get(local(through_provider(authorize, "nina"))).headers["Location"]


def test_administrator_adds_changes_and_switches_off_a_provider(app, oidc_provider, admin_client):
    anonymous = app.test_client()
    assert BUTTON not in anonymous.get("/login").get_data(as_text=True)

    added = admin_client.post("/admin/sign-on/providers", data=provider_form(oidc_provider.issuer))
    assert added.status_code == 302 and added.headers["Location"] == "/admin/sign-on"
    page = admin_client.get("/admin/sign-on").get_data(as_text=True)
    assert "Test IdP" in page and "http://localhost/sign-on/test-idp/callback" in page
    assert CLIENT_SECRET not in page
    assert 'href="/sign-on/test-idp"' in anonymous.get("/login").get_data(as_text=True)
    assert sign_on_with_stored(app) == "/"

    row = db.session.scalar(select(SignOnProvider))
    edit_page = admin_client.get(f"/admin/sign-on/providers/{row.id}").get_data(as_text=True)
    assert 'value="Test IdP"' in edit_page and CLIENT_SECRET not in edit_page
    changed = admin_client.post(
        f"/admin/sign-on/providers/{row.id}",
        data=provider_form(oidc_provider.issuer, name="Firmenkonto", client_secret=""),
    )
    assert changed.status_code == 302
    db.session.refresh(row)
    assert (row.name, row.client_secret, row.key) == ("Firmenkonto", CLIENT_SECRET, "test-idp")
    assert "Mit Firmenkonto anmelden" in anonymous.get("/login").get_data(as_text=True)
    assert sign_on_with_stored(app) == "/"  # the kept secret still works

    switched = admin_client.post(
        f"/admin/sign-on/providers/{row.id}/enabled", data={"enabled": "0"}
    )
    assert switched.status_code == 302
    assert "Firmenkonto" not in anonymous.get("/login").get_data(as_text=True)
    assert anonymous.get("/sign-on/test-idp").status_code == 404
    assert "Einschalten" in admin_client.get("/admin/sign-on").get_data(as_text=True)


def test_bad_provider_input_is_refused_and_kept(app, oidc_provider, admin_client):
    page = admin_client.post(
        "/admin/sign-on/providers",
        data=provider_form("ftp://login.example.org", name="Mein IdP", client_secret=""),
    )
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Bitte die Issuer-URL des Anbieters beginnend mit https:// eingeben." in html
    assert 'value="Mein IdP"' in html and 'value="ftp://login.example.org"' in html
    assert db.session.scalar(select(func.count(SignOnProvider.id))) == 0


def test_only_administrators_manage_providers(app, oidc_provider, make_user, admin_client):
    admin_client.post("/admin/sign-on/providers", data=provider_form(oidc_provider.issuer))
    row_id = db.session.scalar(select(SignOnProvider.id))
    member = make_user("member@example.org")
    client = app.test_client()
    client.post("/login", data={"email": member.email, "password": PASSWORD})
    anonymous = app.test_client()
    requests = [
        ("post", "/admin/sign-on/providers", provider_form(oidc_provider.issuer, name="X")),
        ("get", f"/admin/sign-on/providers/{row_id}", None),
        ("post", f"/admin/sign-on/providers/{row_id}", provider_form("https://evil.example")),
        ("post", f"/admin/sign-on/providers/{row_id}/enabled", {"enabled": "0"}),
    ]
    for method, url, data in requests:
        assert getattr(client, method)(url, data=data).status_code == 403, url
        refused = getattr(anonymous, method)(url, data=data)
        assert refused.status_code == 302 and "/login" in refused.headers["Location"], url
    row = db.session.get(SignOnProvider, row_id)
    assert (row.name, row.issuer, row.enabled) == ("Test IdP", oidc_provider.issuer, True)
    assert db.session.scalar(select(func.count(SignOnProvider.id))) == 1
