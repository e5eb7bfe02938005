"""Dynamic registration as real platforms do it. What it tells the platform about
Kurswerk's messages: Canvas (its `Lti::IMS::Registration#placements`) gives a message
without placements the "link_selection" placement and keeps only the first message of each
placement; Moodle 4.5 reads only the message types. Registering again: Moodle 4.5 offers to
"Update" an installed tool, which registers it again under the client ID it has (tried in
a real one: Kurswerk refused that as a duplicate)."""

from designer.models import LtiPlatform, LtiRegistrationLink, db
from tests.lti.test_registration import _new_link, _open

TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"


def test_deep_linking_comes_first_with_its_placements(
    client, login, coordinator, workspace, platform
):
    link = _new_link(client, login, coordinator, workspace)
    assert _open(client, link, platform).status_code == 200
    first, second = platform.registrations[0][TOOL_CONFIGURATION]["messages"]
    assert first["type"] == "LtiDeepLinkingRequest"
    assert first["target_link_uri"] == "http://localhost/lti/launch"
    assert first["placements"] == [
        "ContentArea",
        "https://canvas.instructure.com/lti/assignment_selection",
    ]
    # The plain launch names no placement of its own (Canvas would show it as a second
    # "External Tool" entry that opens no content).
    assert second["type"] == "LtiResourceLinkRequest" and "placements" not in second


def _by_hand(workspace, coordinator, platform, client_id: str):
    from designer.services import lti_platforms

    stored = lti_platforms.add_manually(
        coordinator,
        workspace,
        {
            "name": "Moodle",
            "issuer": platform.base,
            "client_id": client_id,
            "deployment_ids": ["old-dep"],
            "auth_login_url": platform.base + "/old-auth",
            "auth_token_url": platform.base + "/old-token",
            "key_set_url": platform.base + "/old-jwks",
        },
        allow_http=True,
    )
    db.session.commit()
    return stored


def test_registering_again_under_the_same_client_id_updates_the_platform(
    client, login, coordinator, workspace, platform
):
    # Moodle's "Update" of an installed tool registers it again under its client ID.
    known = _by_hand(workspace, coordinator, platform, "client-1")
    link = _new_link(client, login, coordinator, workspace)
    response = _open(client, link, platform)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "Kurswerk ist registriert" in response.get_data(as_text=True)
    [stored] = db.session.query(LtiPlatform).all()
    assert stored.id == known.id and stored.name == "Moodle"
    assert stored.deployment_ids == ["old-dep", "dep-1"]
    assert (stored.auth_login_url, stored.auth_token_url, stored.key_set_url) == (
        platform.base + "/auth",
        platform.base + "/token",
        platform.base + "/jwks",
    )
    assert db.session.query(LtiRegistrationLink).one().used_at is not None


def test_a_client_id_of_another_workspace_is_still_refused(
    client, login, coordinator, workspace, platform
):
    from designer.services import workspaces

    other = workspaces.create_workspace(coordinator, "Akademie Süd")
    db.session.commit()
    _by_hand(other, coordinator, platform, "client-1")
    link = _new_link(client, login, coordinator, workspace)
    response = _open(client, link, platform)
    assert response.status_code == 400
    assert "bereits registriert" in response.get_data(as_text=True)
    assert db.session.query(LtiPlatform).filter_by(workspace_id=workspace.id).count() == 0
    assert (
        db.session.query(LtiRegistrationLink).filter_by(workspace_id=workspace.id).one().used_at
        is None
    )
