"""Releasing a revision for delivery and Deep Linking 2.0: the picker offers what is
released, the response is a JWT signed with the tool's key, with line items for quizzes;
launches show the released revision."""

import re
import time
from html import unescape

import jwt

from designer.models import DesignRelease, Notification, db
from designer.services import lti_deep_linking
from tests.lti.conftest import CLIENT_ID, DEPLOYMENT, sign
from tests.lti.test_launch import LTI, _claims, _launch, _login

DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"


def _deep_link_request(client, platform, design, **settings):
    query = _login(client, platform)
    claims = _claims(platform, design, query["nonce"], lti_message_type="LtiDeepLinkingRequest")
    claims.pop(LTI + "resource_link")
    claims[DL + "deep_linking_settings"] = {
        "deep_link_return_url": platform.base + "/dl-return",
        "accept_types": ["ltiResourceLink"],
        "accept_presentation_document_targets": ["iframe", "window"],
        "data": "opaque-data",
    } | settings
    return client.post(
        "/lti/launch", data={"id_token": sign(platform, claims), "state": query["state"]}
    )


def _context(page: str) -> str:
    return unescape(re.search(r'name="context" value="([^"]+)"', page).group(1))


def test_a_coordinator_releases_and_launches_show_the_released_version(
    client, login, coordinator, workspace, platform, registered, example_design, make_user
):
    make_user("reader@example.org", workspace=workspace, role="viewer")
    refused = _launch(client, platform, example_design)
    assert refused.status_code == 400
    assert "nicht für die Durchführung freigegeben" in refused.get_data(as_text=True)

    login(coordinator)
    url = f"/designs/{example_design.id}/delivery"
    assert "Noch nicht freigegeben" in client.get(url).get_data(as_text=True)
    page = client.post(url, data={"revision": "", "message": ""}, follow_redirects=True)
    assert "ist für die Durchführung freigegeben" in page.get_data(as_text=True)
    first = db.session.query(DesignRelease).one().revision_id
    heard = db.session.query(Notification).filter_by(kind="design_released").all()
    assert heard and coordinator.id not in {n.user_id for n in heard}  # readers, not the actor
    settings = client.get(f"/w/{workspace.slug}/lti").get_data(as_text=True)
    assert "freigegeben" in settings and example_design.title in unescape(settings)
    old_title = example_design.title

    example_design.title = "Neuer Arbeitstitel"
    db.session.commit()
    shown = _launch(client, platform, example_design).get_data(as_text=True)
    assert unescape(old_title) in unescape(shown) and "Neuer Arbeitstitel" not in shown

    client.post(url, data={"revision": "", "message": "Zweite Freigabe"})
    assert db.session.query(DesignRelease).one().revision_id != first
    assert "Neuer Arbeitstitel" in _launch(client, platform, example_design).get_data(as_text=True)

    designer = make_user("designer@example.org", workspace=workspace, role="designer")
    client.post("/logout")
    login(designer)
    assert client.get(url).status_code == 403
    assert client.post(url, data={"revision": ""}).status_code == 403


def test_an_unknown_revision_is_refused(client, login, coordinator, example_design):
    login(coordinator)
    response = client.post(f"/designs/{example_design.id}/delivery", data={"revision": "99"})
    assert response.status_code == 200
    assert db.session.query(DesignRelease).count() == 0


def test_deep_linking_returns_signed_resource_links_with_line_items(
    app, client, platform, registered, released, workspace
):
    response = _deep_link_request(client, platform, released)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Inhalt aus Kurswerk wählen" in page and 'type="checkbox"' in page
    # In the LMS's dialog: Kurswerk's name, none of its own navigation or log-in.
    assert '<span class="brand">' in page
    assert "/login" not in page and "/register" not in page and 'id="main-nav"' not in page
    offered = lti_deep_linking.choices(workspace.id)
    quiz = next(c for c in offered if c.level == 2 and c.quiz)
    module = next(c for c in offered if c.level == 1)
    for choice in (offered[0], module, quiz):
        assert f'value="{choice.value}"' in page
    picked = [offered[0].value, module.value, quiz.value]
    answer = client.post("/lti/deep-link", data={"context": _context(page), "content": picked})
    assert answer.status_code == 200
    html = answer.get_data(as_text=True)
    assert f'action="{platform.base}/dl-return"' in html
    assert f"form-action 'self' {platform.base}" in answer.headers["Content-Security-Policy"]
    token = unescape(re.search(r'name="JWT" value="([^"]+)"', html).group(1))

    keys = jwt.PyJWKSet.from_dict(client.get(f"/lti/jwks/{workspace.id}.json").get_json())
    key = keys[jwt.get_unverified_header(token)["kid"]].key
    claims = jwt.decode(token, key, algorithms=["RS256"], audience=platform.base)
    assert claims["iss"] == CLIENT_ID
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[LTI + "version"] == "1.3.0"
    assert claims[LTI + "deployment_id"] == DEPLOYMENT
    assert claims[DL + "data"] == "opaque-data"
    assert claims["exp"] > time.time()
    items = claims[DL + "content_items"]
    assert [i["type"] for i in items] == ["ltiResourceLink"] * 3
    assert all(i["url"] == "http://localhost/lti/launch" for i in items)
    assert items[0]["custom"] == {"design": str(released.id)}
    assert items[1]["custom"]["module"] == module.value.split(":")[1]
    assert items[2]["title"] == quiz.title
    assert items[2]["lineItem"] == {
        "scoreMaximum": 100,
        "label": quiz.title,
        "resourceId": quiz.value,
    }
    # The nugget link launches that nugget alone.
    module_key, nugget_key = quiz.value.split(":")[1:]
    shown = _launch(
        client,
        platform,
        released,
        lti_custom={"design": str(released.id), "module": module_key, "nugget": nugget_key},
    )
    assert shown.status_code == 200 and unescape(quiz.title) in unescape(
        shown.get_data(as_text=True)
    )


def test_one_item_only_when_the_platform_says_so(client, platform, registered, released, workspace):
    page = _deep_link_request(client, platform, released, accept_multiple=False).get_data(
        as_text=True
    )
    assert 'type="radio"' in page and 'type="checkbox"' not in page
    offered = lti_deep_linking.choices(workspace.id)
    picked = [offered[0].value, offered[1].value]
    answer = client.post("/lti/deep-link", data={"context": _context(page), "content": picked})
    assert answer.status_code == 400
    assert "nur einen Eintrag" in answer.get_data(as_text=True)


def test_forged_picks_and_context_are_refused(client, platform, registered, released):
    page = _deep_link_request(client, platform, released).get_data(as_text=True)
    forged = client.post("/lti/deep-link", data={"context": _context(page), "content": ["999"]})
    assert forged.status_code == 400 and "Unbekannter Wert" in forged.get_data(as_text=True)
    nothing = client.post("/lti/deep-link", data={"context": _context(page)})
    assert nothing.status_code == 400
    bad = client.post("/lti/deep-link", data={"context": "forged", "content": ["1"]})
    assert bad.status_code == 400


def test_a_deep_linking_request_without_return_address_is_refused(
    client, platform, registered, released
):
    response = _deep_link_request(client, platform, released, deep_link_return_url="javascript:x")
    assert response.status_code == 400
    assert "fehlen nötige Angaben" in response.get_data(as_text=True)


def test_the_picker_says_when_nothing_is_released(client, platform, registered, example_design):
    page = _deep_link_request(client, platform, example_design).get_data(as_text=True)
    assert "Noch ist kein Kurskonzept" in page
