"""Single sign-on through a real OpenID provider on loopback (tests/sign_on/conftest.py),
with the Flask client standing in for the browser on the app's side."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import func, select

from designer.extensions import db
from designer.models import Membership, SignOnIdentity, User
from tests.conftest import PASSWORD
from tests.sign_on.conftest import local, param, running_provider, through_provider, with_param

LOGIN_BUTTON_DE = "Mit Firmen-Login anmelden"


def start(client, key: str = "sso", next_path: str = "") -> str:
    """Press the sign-on button; the provider's authorization URL it leads to."""
    url = f"/sign-on/{key}" + (f"?next={next_path}" if next_path else "")
    response = client.get(url)
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
    assert LOGIN_BUTTON_DE in page and 'href="/sign-on/sso"' in page

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


def test_sign_on_returns_to_the_page_asked_for_on_this_site_only(app, client, sso):
    callback = through_provider(start(client, next_path="/account"), "nina")
    assert client.get(local(callback)).headers["Location"] == "/account"
    other = app.test_client()
    callback = through_provider(start(other, next_path="//evil.example/x"), "nina")
    assert other.get(local(callback)).headers["Location"] == "/"


def test_unconfirmed_address_from_the_provider_makes_an_unconfirmed_account(client, sso):
    assert sign_on(client, "gero").status_code == 302
    gero = db.session.scalar(select(User).where(User.email == "gero@firma.example"))
    assert gero.email_verified_at is None
    assert "Gero Ungeprüft" in client.get("/").get_data(as_text=True)


def test_deactivated_account_cannot_sign_on(app, client, sso):
    from designer.models.columns import utcnow

    assert sign_on(client, "nina").headers["Location"] == "/"
    nina = db.session.scalar(select(User).where(User.email == "nina@firma.example"))
    nina.deactivated_at = utcnow()
    db.session.commit()
    other = app.test_client()
    response = sign_on(other, "nina")
    assert response.status_code == 409
    assert "Dieses Konto ist deaktiviert" in response.get_data(as_text=True)
    assert other.get("/").status_code == 302


def test_provider_without_an_address_gets_a_clear_page(client, sso):
    response = sign_on(client, "nomail")
    assert response.status_code == 409
    assert "hat Kurswerk Ihre E-Mail-Adresse nicht mitgeteilt" in response.get_data(as_text=True)
    assert users_count() == 0


# ---------------------------------------------------------------- linking


@pytest.fixture
def dora(make_user):
    return make_user("dora@example.org", name="Dora")


def test_existing_confirmed_account_is_linked_after_its_password(app, client, sso, dora):
    response = sign_on(client, "dora")
    assert response.status_code == 302 and response.headers["Location"] == "/sign-on/link"
    page = client.get("/sign-on/link").get_data(as_text=True)
    assert "dora@example.org" in page and "Firmen-Login" in page and "Konto verknüpfen" in page
    assert client.get("/").status_code == 302  # not logged in yet

    wrong = client.post("/sign-on/link", data={"password": "nicht das passwort"})
    assert wrong.status_code == 200 and "Das Passwort ist falsch." in wrong.get_data(as_text=True)
    assert db.session.scalar(select(func.count(SignOnIdentity.id))) == 0
    assert client.get("/").status_code == 302

    linked = client.post("/sign-on/link", data={"password": PASSWORD})
    assert linked.status_code == 302 and linked.headers["Location"] == "/"
    overview = client.get("/").get_data(as_text=True)
    assert "Dora" in overview and "Ab jetzt können Sie sich mit Firmen-Login anmelden." in overview
    identity = db.session.scalar(select(SignOnIdentity))
    assert identity.user_id == dora.id and users_count() == 1

    # The link is used up; the next sign-on goes straight in.
    assert client.get("/sign-on/link").status_code == 400
    later = app.test_client()
    assert sign_on(later, "dora").headers["Location"] == "/"
    assert "Dora" in later.get("/").get_data(as_text=True)


def test_unconfirmed_account_with_the_address_is_not_linked(client, sso, make_user):
    make_user("dora@example.org", name="Dora", verified=False)
    response = sign_on(client, "dora")
    assert response.status_code == 409
    assert "noch nicht bestätigt" in response.get_data(as_text=True)
    assert client.get("/sign-on/link").status_code == 400
    assert db.session.scalar(select(func.count(SignOnIdentity.id))) == 0 and users_count() == 1


def test_own_data_shows_the_linked_sign_on_and_deletion_removes_it(app, client, sso, dora):
    import io
    import json
    import zipfile

    sign_on(client, "dora")
    client.post("/sign-on/link", data={"password": PASSWORD})
    archive = zipfile.ZipFile(io.BytesIO(client.get("/account/data.zip").data))
    linked = json.loads(archive.read("sign_on.json"))
    assert [(i["issuer"], i["subject"]) for i in linked] == [(sso.issuer, "dora")]

    deleted = client.post("/account/delete", data={"password": PASSWORD})
    assert deleted.status_code == 302
    assert db.session.scalar(select(func.count(SignOnIdentity.id))) == 0
    # Signing on again makes a new account: nothing leads back to the deleted one.
    again = app.test_client()
    assert sign_on(again, "dora").headers["Location"] == "/"
    fresh = db.session.scalar(select(User).where(User.email == "dora@example.org"))
    assert fresh.id != dora.id and "Dora vom Provider" in again.get("/").get_data(as_text=True)


# ------------------------------------------------------ refused answers


def test_tampered_state_is_refused(client, sso):
    callback = through_provider(start(client), "nina")
    tampered = with_param(callback, "state", param(callback, "state") + "x")
    response = client.get(local(tampered))
    assert response.status_code == 400
    assert "gehört zu keiner Anmeldung" in response.get_data(as_text=True)
    assert users_count() == 0 and client.get("/").status_code == 302


def test_a_used_answer_is_refused_the_second_time(client, sso):
    callback = through_provider(start(client), "nina")
    assert client.get(local(callback)).headers["Location"] == "/"
    client.post("/logout")
    replay = client.get(local(callback))
    assert replay.status_code == 400 and client.get("/").status_code == 302


def test_replayed_nonce_is_refused(app, client, sso, caplog):
    """An ID token made for an earlier sign-on's nonce is not accepted for a new one,
    though its signature, issuer, audience and expiry are all good."""
    first = start(client)
    assert client.get(local(through_provider(first, "nina"))).headers["Location"] == "/"

    other = app.test_client()
    replayed = with_param(start(other), "nonce", param(first, "nonce"))
    callback = through_provider(replayed, "nina")
    with caplog.at_level(logging.WARNING, logger="designer.sign_on"):
        response = other.get(local(callback))
    assert response.status_code == 400
    assert "konnte nicht geprüft werden" in response.get_data(as_text=True)
    assert other.get("/").status_code == 302
    assert "sso failed: token" in caplog.text
    assert param(callback, "code") not in caplog.text


def test_refused_consent_gets_a_clear_page(client, sso):
    callback = through_provider(start(client), "nina", consent=False)
    assert param(callback, "error") == "access_denied"
    response = client.get(local(callback), headers={"Accept-Language": "en"})
    assert response.status_code == 403
    assert "You did not allow Kurswerk to sign you on with Firmen-Login" in response.get_data(
        as_text=True
    )
    assert users_count() == 0


def test_provider_down_gets_a_clear_page(app, client, sso, caplog):
    """The provider stops between the person's log-in there and the answer, and is down
    when the next person presses the button."""
    with running_provider(sso.app_port) as short_lived:
        app.config["OIDC"] = short_lived.settings()
        callback = through_provider(start(client), "nina")
    with caplog.at_level(logging.WARNING, logger="designer.sign_on"):
        at_callback = client.get(local(callback))
        at_start = app.test_client().get("/sign-on/sso")
    for response in (at_start, at_callback):
        assert response.status_code == 502
        assert "Firmen-Login ist im Moment nicht erreichbar" in response.get_data(as_text=True)
    assert caplog.text.count("sso failed: unreachable (ConnectionError)") == 2
    assert param(callback, "code") not in caplog.text
    assert users_count() == 0


def test_unknown_or_unconfigured_provider_is_not_found(app, client, sso):
    assert client.get("/sign-on/nirgends").status_code == 404
    app.config["OIDC"] = {**sso.settings(), "client_secret": ""}
    assert client.get("/sign-on/sso").status_code == 404
    assert "Firmen-Login" not in client.get("/login").get_data(as_text=True)


# ------------------------------------------------------------ join rules


def member_roles(workspace_id: int) -> dict[str, str]:
    rows = db.session.execute(
        select(User.email, Membership.role)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.workspace_id == workspace_id)
    )
    return dict(rows.all())


@pytest.fixture
def firm(app, make_user, login):
    """A workspace whose coordinator has a confirmed address at firma.example."""
    from designer.services import workspaces

    carla = make_user("carla@firma.example", name="Carla")
    workspace = workspaces.create_workspace(carla, "Firma Akademie")
    db.session.commit()
    return workspace, carla


def test_people_from_the_domain_join_with_the_chosen_role(app, client, sso, firm, login):
    workspace, carla = firm
    coordinator = app.test_client()
    coordinator.post("/login", data={"email": carla.email, "password": PASSWORD})
    members_url = f"/w/{workspace.slug}/members"
    page = coordinator.get(members_url).get_data(as_text=True)
    assert "Beitritt bei Anmeldung" in page and 'name="join-value"' in page

    added = coordinator.post(
        f"/w/{workspace.slug}/join-rules",
        data={"join-kind": "domain", "join-value": "firma.example", "join-role": "reviewer"},
    )
    assert added.status_code == 302
    page = coordinator.get(members_url).get_data(as_text=True)
    assert "E-Mail-Domain: firma.example" in page

    assert sign_on(client, "nina").headers["Location"] == "/"
    assert sign_on(app.test_client(), "gero").status_code == 302  # address not confirmed
    assert member_roles(workspace.id) == {
        "carla@firma.example": "coordinator",
        "nina@firma.example": "reviewer",
    }
    page = coordinator.get(members_url).get_data(as_text=True)
    row = page[page.index("nina@firma.example") :].split("</tr>")[0]
    assert '<option selected value="reviewer">' in row
    assert "Firma Akademie" in client.get("/").get_data(as_text=True)


def test_people_in_the_group_join_and_members_keep_their_role(app, client, sso, firm, make_user):
    from designer.services import sign_on as service

    workspace, carla = firm
    service.add_join_rule(carla, workspace, "group", "kurswerk-staff", "designer")
    service.add_join_rule(carla, workspace, "group", "andere-gruppe", "coordinator")
    dora = make_user("dora@example.org", workspace=workspace, role="viewer")
    db.session.commit()
    assert sign_on(client, "nina").headers["Location"] == "/"
    assert sign_on(app.test_client(), "dora").headers["Location"] == "/sign-on/link"
    assert member_roles(workspace.id) == {
        "carla@firma.example": "coordinator",
        "nina@firma.example": "designer",
        dora.email: "viewer",
    }


def test_join_rule_input_is_checked(app, firm, make_user):
    from designer.services import sign_on as service
    from designer.services.errors import Invalid

    workspace, carla = firm
    for kind, value, role, error in [
        ("domain", "example.org", "viewer", {"value": "domain_not_yours"}),
        ("domain", "nicht eine domain", "viewer", {"value": "domain_invalid"}),
        ("group", "  ", "viewer", {"value": "required"}),
        ("team", "x", "viewer", {"kind": "unknown"}),
        ("group", "x", "chef", {"role": "unknown"}),
    ]:
        with pytest.raises(Invalid) as refused:
            service.add_join_rule(carla, workspace, kind, value, role)
        assert refused.value.errors == error
    rule = service.add_join_rule(carla, workspace, "domain", "@Firma.Example", "viewer")
    assert rule.value == "firma.example"
    with pytest.raises(Invalid):
        service.add_join_rule(carla, workspace, "domain", "firma.example", "designer")
