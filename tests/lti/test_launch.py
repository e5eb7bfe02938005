"""OIDC login and resource link launch against the test platform, which signs real
id_tokens with its own key and publishes its key set over HTTP: the learner view of the
linked content, the learner identity, and every invalid claim refused with a page."""

import logging
import re
import time
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from designer.models import LtiLearner, LtiNonce, db
from designer.queries import lti as lti_queries
from tests.lti.conftest import CLIENT_ID, DEPLOYMENT, sign

LTI = "https://purl.imsglobal.org/spec/lti/claim/"


def _login(client, platform, **extra):
    response = client.post(
        "/lti/login",
        data={"iss": platform.base, "login_hint": "user-7", "client_id": CLIENT_ID} | extra,
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    location = urlparse(response.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == platform.base + "/auth"
    return {k: v[0] for k, v in parse_qs(location.query).items()}


def _claims(platform, design, login_nonce, **changes):
    now = int(time.time())
    claims = {
        "iss": platform.base,
        "aud": CLIENT_ID,
        "sub": "user-7",
        "iat": now,
        "exp": now + 300,
        "nonce": login_nonce,
        LTI + "message_type": "LtiResourceLinkRequest",
        LTI + "version": "1.3.0",
        LTI + "deployment_id": DEPLOYMENT,
        LTI + "target_link_uri": "http://localhost/lti/launch",
        LTI + "resource_link": {"id": "rl-1"},
        LTI + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
        LTI + "custom": {"design": str(design.id)},
        "locale": "de-DE",
    }
    for name, value in changes.items():
        key = LTI + name[4:] if name.startswith("lti_") else name
        if value is None:
            claims.pop(key, None)
        else:
            claims[key] = value
    return claims


def _launch(client, platform, design, **changes):
    query = _login(client, platform)
    token = sign(platform, _claims(platform, design, query["nonce"], **changes))
    return client.post("/lti/launch", data={"id_token": token, "state": query["state"]})


def test_login_redirects_to_the_platform_with_state_and_nonce(client, platform, registered):
    query = _login(client, platform, lti_message_hint="hint-1")
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == "http://localhost/lti/launch"
    assert query["login_hint"] == "user-7" and query["lti_message_hint"] == "hint-1"
    assert (query["response_type"], query["response_mode"], query["scope"], query["prompt"]) == (
        "id_token",
        "form_post",
        "openid",
        "none",
    )
    assert query["state"] and query["nonce"]


def test_a_launch_shows_the_design_to_a_learner(
    client, platform, registered, released, example_design
):
    response = _launch(client, platform, example_design)
    assert response.status_code == 200, response.get_data(as_text=True)
    page = response.get_data(as_text=True)
    assert unescape(example_design.title) in unescape(page)
    assert "kw-player" in page or "learner/player.js" in page  # the learner renderer
    assert "nur die pseudonyme ID" in page  # the privacy note
    assert "/lti/privacy" in page
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    learner = db.session.query(LtiLearner).one()
    assert (learner.platform_id, learner.deployment_id, learner.sub) == (
        registered.id,
        DEPLOYMENT,
        "user-7",
    )
    assert learner.email is None  # none sent, none kept
    privacy = client.get("/lti/privacy").get_data(as_text=True)
    assert "nur, wenn das LMS sie sendet" in privacy


def test_the_state_works_without_any_cookie(
    app, client, platform, registered, released, example_design
):
    """Third-party cookies blocked: the launch arrives without the state cookie."""
    query = _login(client, platform)
    token = sign(platform, _claims(platform, example_design, query["nonce"]))
    cookieless = app.test_client()
    response = cookieless.post("/lti/launch", data={"id_token": token, "state": query["state"]})
    assert response.status_code == 200
    assert db.session.query(LtiLearner).count() == 1


def test_a_state_cookie_of_another_value_is_refused(
    client, platform, registered, released, example_design
):
    query = _login(client, platform)
    cookie = next(c for c in client._cookies.values() if c.key.startswith("lti_state_"))
    client.set_cookie(cookie.key, "another-state", path="/lti/launch")
    token = sign(platform, _claims(platform, example_design, query["nonce"]))
    response = client.post("/lti/launch", data={"id_token": token, "state": query["state"]})
    assert response.status_code == 400


def test_same_learner_again_and_email_kept_only_when_sent(
    client, platform, registered, released, example_design
):
    assert _launch(client, platform, example_design).status_code == 200
    assert _launch(client, platform, example_design, email="l@example.org").status_code == 200
    learner = db.session.query(LtiLearner).one()
    assert learner.email == "l@example.org"


def test_a_teacher_sees_a_link_to_the_design(
    client, platform, registered, released, example_design
):
    roles = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]
    page = _launch(client, platform, example_design, lti_roles=roles).get_data(as_text=True)
    assert "als Lehrende" in page
    assert f"/designs/{example_design.id}" in page


def test_a_nugget_launch_shows_that_nugget_and_its_files(
    client, platform, registered, released, example_design
):
    snap = lti_queries.released_snapshot(example_design)
    module = snap.modules[0]
    nugget_key = module.placements[1].nugget
    full = _launch(client, platform, example_design).get_data(as_text=True)
    custom = {"design": str(example_design.id), "module": module.key, "nugget": nugget_key}
    one = _launch(client, platform, example_design, lti_custom=custom).get_data(as_text=True)
    assert len(one) < len(full)
    assert unescape(snap.nugget(nugget_key).title) in unescape(one)
    assert unescape(snap.nugget(module.placements[0].nugget).title) not in unescape(one)
    files = re.findall(r'(/lti/files/[^"]+)', full)
    assert files, "the example design shows files"
    assert client.get(unescape(files[0])).status_code == 200
    assert client.get("/lti/files/forged/" + files[0].rsplit("/", 1)[1]).status_code == 404


def test_english_for_an_english_learner(client, platform, registered, released, example_design):
    page = _launch(client, platform, example_design, locale="en-GB").get_data(as_text=True)
    assert "keeps only the pseudonymous ID" in page


OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
)
NOW = int(time.time())


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"iss": "http://127.0.0.1:1"}, "von einem anderen LMS"),
        ({"aud": "someone-else"}, "für ein anderes Tool bestimmt"),
        ({"aud": [CLIENT_ID, "other"]}, "für ein anderes Tool bestimmt"),  # no azp
        ({"azp": "other"}, "für ein anderes Tool bestimmt"),
        ({"exp": NOW - 600}, "ist abgelaufen"),
        ({"iat": NOW + 3600, "exp": NOW + 7200}, "in der Zukunft datiert"),
        ({"exp": None}, "keine gültige Startnachricht"),
        ({"lti_deployment_id": "dep-unknown"}, "Deployment"),
        ({"lti_message_type": "LtiSubmissionReviewRequest"}, "diese Art von LTI-Nachricht"),
        ({"lti_version": "1.1"}, "andere LTI-Version als 1.3"),
        ({"lti_resource_link": {}}, "fehlen nötige Angaben"),
        ({"sub": None}, "fehlen nötige Angaben"),
        ({"nonce": "another-nonce"}, "gehört zu einer anderen Anmeldung"),
    ],
)
def test_an_invalid_claim_is_refused_with_a_page(
    client, platform, registered, released, example_design, caplog, changes, text
):
    with caplog.at_level(logging.INFO):
        query = _login(client, platform)
        token = sign(platform, _claims(platform, example_design, query["nonce"], **changes))
        response = client.post("/lti/launch", data={"id_token": token, "state": query["state"]})
    assert response.status_code == 400
    assert text in response.get_data(as_text=True)
    assert "/register" not in response.get_data(as_text=True)  # no Kurswerk log-in in the frame
    assert db.session.query(LtiLearner).count() == 0
    assert db.session.query(LtiNonce).count() == 0
    assert "LTI launch refused" in caplog.text
    assert token not in caplog.text and query["state"] not in caplog.text


def test_small_clock_skew_is_accepted(client, platform, registered, released, example_design):
    now = int(time.time())
    response = _launch(client, platform, example_design, exp=now - 20, iat=now + 20)
    assert response.status_code == 200


def test_a_token_signed_with_another_key_is_refused(
    client, platform, registered, released, example_design
):
    query = _login(client, platform)
    token = sign(platform, _claims(platform, example_design, query["nonce"]), key=OTHER_KEY)
    response = client.post("/lti/launch", data={"id_token": token, "state": query["state"]})
    assert response.status_code == 400
    assert "nicht mit einem Schlüssel dieses LMS signiert" in response.get_data(as_text=True)


def test_a_nonce_is_used_once(client, platform, registered, released, example_design):
    query = _login(client, platform)
    form = {
        "id_token": sign(platform, _claims(platform, example_design, query["nonce"])),
        "state": query["state"],
    }
    assert client.post("/lti/launch", data=form).status_code == 200
    again = client.post("/lti/launch", data=form)
    assert again.status_code == 400
    assert "schon verwendet" in again.get_data(as_text=True)


@pytest.mark.parametrize("state", ["", "forged-state", "x.y.z"])
def test_a_missing_or_forged_state_is_refused(
    client, platform, registered, released, example_design, state
):
    query = _login(client, platform)
    token = sign(platform, _claims(platform, example_design, query["nonce"]))
    response = client.post("/lti/launch", data={"id_token": token, "state": state})
    assert response.status_code == 400
    assert "nicht zu diesem Start" in response.get_data(as_text=True)


def test_a_paused_or_unknown_platform_is_refused(
    client, platform, registered, released, example_design
):
    query = _login(client, platform)
    registered.paused = True
    db.session.commit()
    token = sign(platform, _claims(platform, example_design, query["nonce"]))
    response = client.post("/lti/launch", data={"id_token": token, "state": query["state"]})
    assert response.status_code == 400 and "pausiert" in response.get_data(as_text=True)
    login = client.post("/lti/login", data={"iss": platform.base, "login_hint": "u"})
    assert login.status_code == 400 and "pausiert" in login.get_data(as_text=True)
    unknown = client.post(
        "/lti/login",
        data={"iss": "https://nobody.example", "login_hint": "u"},
        headers={"Accept-Language": "en"},
    )
    assert unknown.status_code == 400
    assert "This LMS is not registered with Kurswerk." in unknown.get_data(as_text=True)


def test_content_of_another_workspace_is_refused(
    client, platform, registered, released, example_design, make_user
):
    from designer.services import workspaces

    other = workspaces.create_workspace(make_user("o@example.org"), "Andere")
    example_design.workspace_id = other.id
    db.session.commit()
    response = _launch(client, platform, example_design)
    assert response.status_code == 400
    assert "keinen Inhalt dieses Kurswerk-Arbeitsbereichs" in response.get_data(as_text=True)


def test_with_storage_target_the_login_keeps_state_in_the_platform_frame(
    app, client, platform, registered, released, example_design
):
    """LTI client-side postMessage storage, server side: the login page carries what the
    script puts into the platform's frame; a launch without the cookie gets the page that
    reads it back, and the launch posted again with it opens the content."""
    response = client.post(
        "/lti/login",
        data={
            "iss": platform.base,
            "login_hint": "user-7",
            "client_id": CLIENT_ID,
            "lti_storage_target": "_parent",
        },
    )
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'data-mode="put"' in page and 'data-target="_parent"' in page
    assert f'data-origin="{platform.base}"' in page
    assert "js/lti-storage.js" in page
    next_url = unescape(re.search(r'data-next="([^"]+)"', page).group(1))
    query = {k: v[0] for k, v in parse_qs(urlparse(next_url).query).items()}
    token = sign(platform, _claims(platform, example_design, query["nonce"]))
    cookieless = app.test_client()
    form = {"id_token": token, "state": query["state"]}
    check = cookieless.post("/lti/launch", data=form)
    assert check.status_code == 200
    assert 'data-mode="get"' in check.get_data(as_text=True)
    assert db.session.query(LtiLearner).count() == 0  # nothing accepted yet
    wrong = cookieless.post("/lti/launch", data=form | {"lti_storage_state": "other"})
    assert wrong.status_code == 400
    right = cookieless.post("/lti/launch", data=form | {"lti_storage_state": query["state"]})
    assert right.status_code == 200
    assert db.session.query(LtiLearner).count() == 1
