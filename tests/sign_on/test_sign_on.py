"""Single sign-on through a real OpenID provider on loopback (tests/sign_on/conftest.py),
with the Flask client standing in for the browser on the app's side."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from designer.extensions import db
from designer.models import Membership, SignOnIdentity, User
from tests.conftest import PASSWORD
from tests.sign_on.conftest import local, param, through_provider, with_param

LOGIN_BUTTON_DE = "Mit Firmen-Login anmelden"


def start(client, key: str = "sso", next_path: str = "") -> str:
    """Press the sign-on button; the provider's authorization URL it leads to."""
    url = f"/sign-on/{key}" + (f"?next={next_path}" if next_path else "")
    response = client.post(url)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return response.headers["Location"]


def sign_on(client, login: str, key: str = "sso"):
    """The whole flow for the provider account `login`; the app's answer to the callback."""
    callback = through_provider(start(client, key), login)
    return client.get(local(callback))


def users_count() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_first_sign_on_creates_the_account_and_later_ones_find_it(app, client, sso):
    page = client.get("/login", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert LOGIN_BUTTON_DE in page and 'action="/sign-on/sso"' in page

    authorize = start(client)
    assert authorize.startswith(sso.issuer + "/auth?")
    assert param(authorize, "code_challenge_method") == "S256"
    assert param(authorize, "code_challenge") and param(authorize, "nonce")
    assert param(authorize, "state") and param(authorize, "scope") == "openid email profile"
    response = client.get(local(through_provider(authorize, "nina")))
    assert response.status_code == 302 and response.headers["Location"] == "/"

    overview = client.get("/").get_data(as_text=True)
    assert "Nina Neumann" in overview
    nina = db.session.scalar(select(User).where(User.email == "nina@firma.example"))
    assert nina.email_verified_at is not None and nina.display_name == "Nina Neumann"
    identity = db.session.scalar(select(SignOnIdentity))
    assert (identity.user_id, identity.issuer, identity.subject) == (nina.id, sso.issuer, "nina")

    again = app.test_client()
    assert sign_on(again, "nina").headers["Location"] == "/"
    assert "Nina Neumann" in again.get("/").get_data(as_text=True)
    assert users_count() == 1


def test_unconfirmed_address_from_the_provider_makes_an_unconfirmed_account(client, sso):
    assert sign_on(client, "gero").status_code == 302
    gero = db.session.scalar(select(User).where(User.email == "gero@firma.example"))
    assert gero.email_verified_at is None
    assert "Gero Ungeprüft" in client.get("/").get_data(as_text=True)


def test_provider_without_an_address_gets_a_clear_page(client, sso):
    response = sign_on(client, "nomail")
    assert response.status_code == 409
    assert "hat Kurswerk Ihre E-Mail-Adresse nicht mitgeteilt" in response.get_data(as_text=True)
    assert users_count() == 0
