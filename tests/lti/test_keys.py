"""The tool's keys: made on first use, kept encrypted, published as JWKS, rotated by a
coordinator with the old key published until it expires."""

from datetime import timedelta

import jwt
import pytest
from cryptography.fernet import InvalidToken
from cryptography.hazmat.primitives import serialization

from designer.models import LtiKey, db
from designer.models.columns import utcnow
from designer.services import lti_keys
from designer.services.errors import PermissionDenied


def _jwks(client, workspace):
    response = client.get(f"/lti/jwks/{workspace.id}.json")
    assert response.status_code == 200
    return response.get_json()["keys"]


def test_first_use_makes_one_encrypted_key_and_publishes_it(client, workspace):
    assert db.session.query(LtiKey).count() == 0
    keys = _jwks(client, workspace)
    assert len(keys) == 1
    assert {keys[0]["kty"], keys[0]["alg"], keys[0]["use"]} == {"RSA", "RS256", "sig"}
    assert "d" not in keys[0]  # the private exponent is never published
    assert _jwks(client, workspace) == keys  # the same key, not a new one each time
    stored = db.session.query(LtiKey).one()
    assert stored.kid == keys[0]["kid"]
    assert "PRIVATE KEY" not in stored.private_encrypted


def test_a_token_signed_with_the_key_verifies_with_the_published_set(app, client, workspace):
    key = lti_keys.current_key(workspace, app.config["SECRET_KEY"])
    db.session.commit()
    token = jwt.encode(
        {"iss": "kurswerk"},
        lti_keys.private_pem(key, app.config["SECRET_KEY"]),
        algorithm="RS256",
        headers={"kid": key.kid},
    )
    published = jwt.PyJWKSet.from_dict({"keys": _jwks(client, workspace)})
    verifying = published[jwt.get_unverified_header(token)["kid"]].key
    assert jwt.decode(token, verifying, algorithms=["RS256"]) == {"iss": "kurswerk"}


def test_the_private_key_needs_the_app_secret(app, workspace):
    key = lti_keys.current_key(workspace, app.config["SECRET_KEY"])
    pem = lti_keys.private_pem(key, app.config["SECRET_KEY"])
    assert serialization.load_pem_private_key(pem.encode(), None).key_size == lti_keys.KEY_BITS
    with pytest.raises(InvalidToken):
        lti_keys.private_pem(key, "another-secret")


def test_rotation_keeps_the_old_key_published_until_it_expires(
    app, client, login, workspace, coordinator
):
    first = _jwks(client, workspace)[0]["kid"]
    login(coordinator)
    response = client.post(f"/w/{workspace.slug}/lti/keys/rotate", follow_redirects=True)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "bleibt 7 Tage veröffentlicht" in page
    assert first in page
    kids = [k["kid"] for k in _jwks(client, workspace)]
    assert len(kids) == 2 and kids[1] == first  # the new key first, the old one kept
    new = lti_keys.current_key(workspace, app.config["SECRET_KEY"])
    assert new.kid == kids[0]
    later = utcnow() + timedelta(days=lti_keys.RETIRED_KEY_DAYS, hours=1)
    assert [k["kid"] for k in lti_keys.jwks(workspace, now=later)["keys"]] == [new.kid]


def test_an_expired_key_is_deleted_at_the_next_rotation(app, workspace, coordinator):
    secret = app.config["SECRET_KEY"]
    first = lti_keys.current_key(workspace, secret)
    lti_keys.rotate(coordinator, workspace, secret)
    first.expires_at = utcnow() - timedelta(minutes=1)
    lti_keys.rotate(coordinator, workspace, secret)
    db.session.commit()
    assert db.session.get(LtiKey, first.id) is None
    assert db.session.query(LtiKey).count() == 2


def test_only_a_coordinator_rotates(app, client, login, workspace, make_user):
    designer = make_user("designer@example.org", workspace=workspace, role="designer")
    with pytest.raises(PermissionDenied):
        lti_keys.rotate(designer, workspace, app.config["SECRET_KEY"])
    login(designer)
    assert client.post(f"/w/{workspace.slug}/lti/keys/rotate").status_code == 403
    assert db.session.query(LtiKey).count() == 0


def test_an_unknown_workspace_has_no_key_set(client):
    assert client.get("/lti/jwks/999.json").status_code == 404
