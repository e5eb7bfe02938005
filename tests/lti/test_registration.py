"""Registering a platform: LTI Dynamic Registration through a one-time link against the
test platform over HTTP, registration by hand, pausing and removing."""

import re
from datetime import timedelta
from html import unescape

import pytest

from designer.models import LtiPlatform, LtiRegistrationLink, db
from designer.models.columns import utcnow
from tests.lti.conftest import REGISTRATION_TOKEN


def _new_link(client, login, coordinator, workspace) -> str:
    login(coordinator)
    response = client.post(f"/w/{workspace.slug}/lti/link")
    assert response.status_code == 200
    match = re.search(
        r'id="registration-link"[^>]*value="([^"]+)"', response.get_data(as_text=True)
    )
    assert match, "the page shows the new link"
    client.post("/logout")
    return unescape(match.group(1))


def _open(client, link, platform, **headers):
    return client.get(
        link,
        query_string={
            "openid_configuration": platform.config_url,
            "registration_token": REGISTRATION_TOKEN,
        },
        headers=headers,
    )


def test_dynamic_registration_stores_the_platform(
    app, client, login, coordinator, workspace, platform
):
    link = _new_link(client, login, coordinator, workspace)
    response = _open(client, link, platform)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "Kurswerk ist registriert" in response.get_data(as_text=True)
    # The platform may show the page in its frame and receives the closing postMessage.
    assert f"frame-ancestors {platform.base}" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    # What the platform received: the bearer token and the tool's configuration.
    assert platform.authorizations == [f"Bearer {REGISTRATION_TOKEN}"]
    sent = platform.registrations[0]
    assert sent["jwks_uri"] == f"http://localhost/lti/jwks/{workspace.id}.json"
    assert sent["initiate_login_uri"] == "http://localhost/lti/login"
    assert sent["redirect_uris"] == ["http://localhost/lti/launch"]
    assert sent["token_endpoint_auth_method"] == "private_key_jwt"
    assert sent["scope"].split(" ") == [
        "https://purl.imsglobal.org/spec/lti-ags/scope/score",
        "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
    ]
    messages = sent["https://purl.imsglobal.org/spec/lti-tool-configuration"]["messages"]
    assert {m["type"] for m in messages} == {"LtiResourceLinkRequest", "LtiDeepLinkingRequest"}
    stored = db.session.query(LtiPlatform).one()
    assert (stored.workspace_id, stored.issuer, stored.client_id) == (
        workspace.id,
        platform.base,
        "client-1",
    )
    assert stored.deployment_ids == ["dep-1"]
    assert stored.auth_login_url == platform.base + "/auth"
    assert stored.auth_token_url == platform.base + "/token"
    assert stored.key_set_url == platform.base + "/jwks"
    assert stored.registered_by == "dynamic" and not stored.paused
    # The coordinator sees it.
    login(coordinator)
    page = client.get(f"/w/{workspace.slug}/lti").get_data(as_text=True)
    assert "client-1" in page and "per Registrierungslink" in page and "dep-1" in page


def test_a_link_works_once(client, login, coordinator, workspace, platform):
    link = _new_link(client, login, coordinator, workspace)
    assert _open(client, link, platform).status_code == 200
    again = _open(client, link, platform)
    assert again.status_code == 400
    assert "wurde schon benutzt" in again.get_data(as_text=True)
    assert len(platform.registrations) == 1
    assert db.session.query(LtiPlatform).count() == 1


def test_an_expired_or_unknown_link_is_refused_in_english_too(
    client, login, coordinator, workspace, platform
):
    link = _new_link(client, login, coordinator, workspace)
    db.session.query(LtiRegistrationLink).one().expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    response = _open(client, link, platform, **{"Accept-Language": "en"})
    assert response.status_code == 400
    assert "This registration link has been used, has expired" in response.get_data(as_text=True)
    assert _open(client, "/lti/register/nonsense", platform).status_code == 400
    assert platform.registrations == []
    assert db.session.query(LtiPlatform).count() == 0


@pytest.mark.parametrize(
    ("change", "text"),
    [
        ({"registration_status": 500}, "hat die Registrierung abgelehnt"),
        ({"issuer": "http://127.0.0.2"}, "nicht zu ihrer Adresse passt"),
    ],
)
def test_a_failed_registration_stores_nothing_and_keeps_the_link(
    client, login, coordinator, workspace, platform, change, text
):
    link = _new_link(client, login, coordinator, workspace)
    for name, value in change.items():
        setattr(platform, name, value)
    response = _open(client, link, platform)
    assert response.status_code == 400
    assert text in response.get_data(as_text=True)
    assert db.session.query(LtiPlatform).count() == 0
    assert db.session.query(LtiRegistrationLink).one().used_at is None
    platform.registration_status, platform.issuer = 200, None
    assert _open(client, link, platform).status_code == 200  # the link still works


def test_an_unreachable_platform_is_a_clear_error(client, login, coordinator, workspace):
    from flask import current_app

    current_app.config["LTI_ALLOW_HTTP"] = True
    link = _new_link(client, login, coordinator, workspace)
    response = client.get(link, query_string={"openid_configuration": "http://127.0.0.1:9/config"})
    assert response.status_code == 400
    assert "konnte nicht gelesen werden" in response.get_data(as_text=True)


def test_plain_http_platforms_are_refused_unless_configured(
    app, client, login, coordinator, workspace, platform
):
    app.config["LTI_ALLOW_HTTP"] = False
    link = _new_link(client, login, coordinator, workspace)
    response = _open(client, link, platform)
    assert response.status_code == 400
    assert platform.registrations == []


MANUAL = {
    "name": "Moodle der Kundin",
    "issuer": "https://lms.example.org",
    "client_id": "abc123",
    "deployment_ids": "1\n2, 2",
    "auth_login_url": "https://lms.example.org/mod/lti/auth.php",
    "auth_token_url": "https://lms.example.org/mod/lti/token.php",
    "key_set_url": "https://lms.example.org/mod/lti/certs.php",
}


def test_registration_by_hand(client, login, coordinator, workspace):
    login(coordinator)
    response = client.post(f"/w/{workspace.slug}/lti", data=MANUAL, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Die Plattform ist registriert." in page
    assert "Moodle der Kundin" in page and "von Hand" in page
    stored = db.session.query(LtiPlatform).one()
    assert stored.deployment_ids == ["1", "2"]
    assert stored.registered_by == "manual"
    # The same issuer and client id again: refused, nothing doubled.
    again = client.post(f"/w/{workspace.slug}/lti", data=MANUAL)
    assert "bereits registriert" in again.get_data(as_text=True)
    assert db.session.query(LtiPlatform).count() == 1


def test_registration_by_hand_refuses_bad_addresses(client, login, coordinator, workspace):
    login(coordinator)
    data = MANUAL | {"auth_token_url": "http://lms.example.org/token", "key_set_url": "jwks"}
    response = client.post(f"/w/{workspace.slug}/lti", data=data)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert page.count("Bitte eine vollständige Webadresse mit https:// eingeben.") == 2
    assert 'aria-invalid="true"' in page
    assert db.session.query(LtiPlatform).count() == 0


def test_a_coordinator_pauses_resumes_and_removes(client, login, coordinator, workspace):
    login(coordinator)
    client.post(f"/w/{workspace.slug}/lti", data=MANUAL)
    pid = db.session.query(LtiPlatform).one().id
    base = f"/w/{workspace.slug}/lti/platforms/{pid}"
    page = client.post(f"{base}/pause", follow_redirects=True).get_data(as_text=True)
    assert "ist pausiert" in page and "Moodle der Kundin fortsetzen" in page
    assert db.session.get(LtiPlatform, pid).paused
    page = client.post(f"{base}/resume", follow_redirects=True).get_data(as_text=True)
    assert "wieder aktiv" in page and "Moodle der Kundin pausieren" in page
    assert not db.session.get(LtiPlatform, pid).paused
    page = client.post(f"{base}/remove", follow_redirects=True).get_data(as_text=True)
    assert "wurde entfernt" in page and "Noch ist keine Plattform registriert." in page
    assert db.session.query(LtiPlatform).count() == 0


def test_others_cannot_manage(client, login, coordinator, workspace, make_user):
    login(coordinator)
    client.post(f"/w/{workspace.slug}/lti", data=MANUAL)
    pid = db.session.query(LtiPlatform).one().id
    client.post("/logout")
    designer = make_user("designer@example.org", workspace=workspace, role="designer")
    login(designer)
    assert client.get(f"/w/{workspace.slug}/lti").status_code == 403
    assert client.post(f"/w/{workspace.slug}/lti/link").status_code == 403
    assert client.post(f"/w/{workspace.slug}/lti/platforms/{pid}/remove").status_code == 403
    assert (
        client.post(f"/w/{workspace.slug}/lti", data=MANUAL | {"client_id": "x"}).status_code == 403
    )
    assert db.session.query(LtiPlatform).count() == 1
    assert db.session.query(LtiRegistrationLink).count() == 0
