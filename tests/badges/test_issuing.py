"""Kurswerk issues badges: awards by hand, signed Open Badges 3.0 credentials, hosted 2.0
assertions, verification pages, revocation, and the official 1EdTech JSON schemas."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from html import unescape
from pathlib import Path

import pytest
from joserfc import jwt
from joserfc.jwk import ECKey
from jsonschema import Draft7Validator, Draft201909Validator
from sqlalchemy import func, select

from designer.export.badges import OB2_KEYWORD, OB3_KEYWORD, baked
from designer.extensions import db
from designer.models import BadgeAward, IssuerKey, User
from designer.services import badges as badge_service
from designer.services import issuing

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "openbadges"


def _schema(name: str) -> dict:
    return json.loads((SCHEMAS / name).read_text())


def _errors(validator_class, schema: dict, document: dict) -> list[str]:
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(document)]


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture
def coordinator(workspace):
    return db.session.scalar(select(User).where(User.email == "coordinator@example.org"))


@pytest.fixture
def badged(coordinator, example_design):
    badge_service.save_badge(
        coordinator, example_design, "Lernmedien-Profi", "Plant Lernmedien.", "shield", "teal"
    )
    db.session.commit()
    return example_design


def _award(client, design_id: int, **values: str):
    data = {"name": "Erika Muster", "email": "erika@example.org", "expires_on": "", **values}
    return client.post(f"/designs/{design_id}/badge/awards", data=data)


def _local(url: str) -> str:
    return url.removeprefix("http://localhost")


def test_a_coordinator_awards_a_badge_that_anyone_can_verify(
    app, client, login, coordinator, badged
):
    login(coordinator)
    assert "Badge vergeben und sehen, wer es hat" in client.get(
        f"/designs/{badged.id}/badge"
    ).get_data(as_text=True)
    assert _award(client, badged.id).status_code == 302
    page = _text(client.get(f"/designs/{badged.id}/badge/awards").get_data(as_text=True))
    assert "Das Badge ist vergeben." in page and "Erika Muster" in page and "1 Vergabe" in page
    assert "gültig" in page
    award = db.session.scalar(select(BadgeAward))

    visitor = app.test_client()
    verify = _text(visitor.get(f"/awards/{award.public_id}").get_data(as_text=True))
    assert (
        "Gültig: Dieses Badge hat Akademie Nord vergeben, und seine Signatur ist unversehrt."
        in verify
    )
    assert "Erika Muster" in verify and "Lernmedien-Profi" in verify
    assert "erika@example.org" not in verify  # the address stays private
    assert "mit mindestens 80 % richtigen Antworten bestehen" in verify

    # The VC-JWT verifies with the key the issuer publishes at the header's kid.
    token = visitor.get(f"/awards/{award.public_id}/credential.jwt").get_data(as_text=True)
    header = _header(token)
    assert header["alg"] == "ES256" and header["typ"] == "JWT"
    published = visitor.get(_local(header["kid"])).get_json()
    claims = jwt.decode(token, ECKey.import_key(published), algorithms=["ES256"]).claims
    jwks = visitor.get("/issuers/akademie-nord/jwks.json").get_json()
    assert jwks["keys"] == [published]
    assert claims["jti"] == f"http://localhost/awards/{award.public_id}"
    assert (
        claims["iss"] == claims["issuer"]["id"] == "http://localhost/issuers/akademie-nord/profile"
    )
    assert claims["nbf"] == int(award.issued_at.replace(tzinfo=UTC).timestamp())
    profile = json.loads(visitor.get(_local(claims["issuer"]["id"])).data)
    assert profile["type"] == ["Profile"] and profile["name"] == "Akademie Nord"
    assert "d" not in published  # no private part published


def _header(token: str) -> dict:
    import base64

    part = token.split(".")[0]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_the_credential_validates_against_the_open_badges_3_schema(
    app, client, login, coordinator, badged
):
    login(coordinator)
    _award(client, badged.id, expires_on="2099-12-31")
    award = db.session.scalar(select(BadgeAward))
    schema = _schema("ob_v3p0_achievementcredential_schema.json")
    assert _errors(Draft201909Validator, schema, award.data) == []
    token = (
        app.test_client().get(f"/awards/{award.public_id}/credential.jwt").get_data(as_text=True)
    )
    claims = jwt.decode(
        token, ECKey.import_key(db.session.scalar(select(IssuerKey)).public_jwk)
    ).claims
    assert _errors(Draft201909Validator, schema, claims) == []
    # The end of the expiry day in the workspace's time zone (Europe/Berlin, UTC+1 in winter).
    assert claims["exp"] == int(datetime(2099, 12, 31, 22, 59, 59, tzinfo=UTC).timestamp())
    assert claims["validUntil"] == "2099-12-31T22:59:59Z"
    # jsonschema checks "date-time" only with an extra package: check the form here.
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", claims["validFrom"])
    subject = claims["credentialSubject"]
    assert subject["identifier"][0]["identityType"] == "emailAddress"
    assert subject["identifier"][0]["identityHash"].startswith("sha256$")
    assert "erika@example.org" not in token
    achievement = subject["achievement"]
    assert [a["targetCode"] for a in achievement["alignment"]] == [
        "analyze",
        "evaluate",
        "create",
        "apply",
    ]
    # The schema is not toothless: a credential without an issuer fails it.
    broken = {k: v for k, v in award.data.items() if k != "issuer"}
    assert _errors(Draft201909Validator, schema, broken)


def test_the_2_0_assertion_and_issuer_validate_and_resolve(app, client, login, coordinator, badged):
    login(coordinator)
    _award(client, badged.id)
    award = db.session.scalar(select(BadgeAward))
    visitor = app.test_client()
    response = visitor.get(f"/awards/{award.public_id}/assertion")
    assert response.mimetype == "application/ld+json"
    assertion = json.loads(response.data)
    request_schema = _schema("imsob_v2p1v2p1-postassertion-requestpayload-schemav1p0.json")
    assert _errors(Draft7Validator, request_schema, {"assertion": assertion}) == []
    # The fields the 2.0 specification requires of a hosted assertion.
    assert assertion["type"] == "Assertion" and assertion["verification"] == {"type": "hosted"}
    assert assertion["id"] == f"http://localhost/awards/{award.public_id}/assertion"
    assert assertion["recipient"]["hashed"] is True
    assert assertion["recipient"]["identity"] == issuing_hash(
        "erika@example.org", assertion["recipient"]["salt"]
    )
    badge_class = json.loads(visitor.get(_local(assertion["badge"])).data)
    assert badge_class["type"] == "BadgeClass" and badge_class["name"] == "Lernmedien-Profi"
    issuer = json.loads(visitor.get(_local(badge_class["issuer"])).data)
    profile_schema = _schema("imsob_v2p1v2p1-getprofile-200-responsepayload-schemav1p0.json")
    document = {"status": {"statusCode": 200}, "profile": issuer}
    assert _errors(Draft7Validator, profile_schema, document) == []
    assert issuer["type"] == "Issuer" and issuer["name"] == "Akademie Nord"


def issuing_hash(email: str, salt: str) -> str:
    import hashlib

    return "sha256$" + hashlib.sha256((email + salt).encode()).hexdigest()


def test_the_baked_png_carries_both_versions(app, client, login, coordinator, badged):
    login(coordinator)
    _award(client, badged.id)
    award = db.session.scalar(select(BadgeAward))
    png = app.test_client().get(f"/awards/{award.public_id}/badge.png").data
    assert baked(png, OB2_KEYWORD) == f"http://localhost/awards/{award.public_id}/assertion"
    assert baked(png, OB3_KEYWORD) == award.credential


def test_revoking_with_a_reason(app, client, login, coordinator, badged):
    login(coordinator)
    _award(client, badged.id)
    award = db.session.scalar(select(BadgeAward))
    url = f"/designs/{badged.id}/badge/awards/{award.public_id}/revoke"
    refused = client.post(url, data={"reason": "  "}, follow_redirects=True)
    assert "Bitte füllen Sie dieses Feld aus." in refused.get_data(as_text=True)
    assert db.session.get(BadgeAward, award.id).revoked_at is None
    done = client.post(url, data={"reason": "Prüfung nicht bestanden"}, follow_redirects=True)
    page = _text(done.get_data(as_text=True))
    assert "Das Badge ist widerrufen." in page and "widerrufen" in page
    assert "Grund: Prüfung nicht bestanden" in page

    visitor = app.test_client()
    verify = _text(visitor.get(f"/awards/{award.public_id}").get_data(as_text=True))
    assert "Widerrufen am" in verify and "Grund: Prüfung nicht bestanden" in verify
    assert "Badge-Bild mit dem Nachweis" not in verify
    gone = visitor.get(f"/awards/{award.public_id}/assertion")
    assert gone.status_code == 410 and gone.get_json()["revoked"] is True
    revoked = visitor.get("/issuers/akademie-nord/revocations").get_json()
    assert revoked["revokedCredentials"] == [
        {
            "id": f"http://localhost/awards/{award.public_id}",
            "revocationReason": "Prüfung nicht bestanden",
        }
    ]
    again = client.post(url, data={"reason": "doppelt"}, follow_redirects=True)
    assert "Dieses Badge ist bereits widerrufen." in again.get_data(as_text=True)


def test_an_expired_award_says_so(app, coordinator, badged):
    context = issuing.Issuing("http://localhost", app.config["SECRET_KEY"])
    award = issuing.award_badge(
        coordinator,
        badged,
        "Erika",
        "e@example.org",
        context,
        "2020-06-30",
        now=datetime(2020, 1, 1),
    )
    db.session.commit()
    page = _text(app.test_client().get(f"/awards/{award.public_id}").get_data(as_text=True))
    assert "Abgelaufen am 30.06.2020." in page
    assert issuing.award_state(award) == "expired"
    assert issuing.award_state(award, now=datetime(2020, 3, 1)) == "valid"


def test_a_changed_credential_fails_verification(app, client, login, coordinator, badged):
    login(coordinator)
    _award(client, badged.id)
    award = db.session.scalar(select(BadgeAward))
    header, payload, signature = award.credential.split(".")
    award.credential = ".".join((header, payload[:-4] + "AAAA", signature))
    db.session.commit()
    page = _text(app.test_client().get(f"/awards/{award.public_id}").get_data(as_text=True))
    assert "Ungültig: Die Signatur passt nicht zum Schlüssel des Ausstellers." in page


def test_the_private_key_is_stored_encrypted_and_made_once(app, coordinator, badged):
    context = issuing.Issuing("http://localhost", app.config["SECRET_KEY"])
    issuing.award_badge(coordinator, badged, "A", "a@example.org", context)
    issuing.award_badge(None, badged, "B", "b@example.org", context)  # the system, e.g. LTI
    db.session.commit()
    key = db.session.scalar(select(IssuerKey))
    assert db.session.scalar(select(func.count(IssuerKey.id))) == 1
    assert "PRIVATE" not in key.private_key and "d" not in key.public_jwk
    other = issuing.Issuing("http://localhost", "another secret")
    with pytest.raises(RuntimeError):
        issuing.award_badge(None, badged, "C", "c@example.org", other)


def test_bad_input_awards_nothing(client, login, coordinator, badged):
    login(coordinator)
    page = _award(client, badged.id, name=" ", email="keine-adresse", expires_on="2020-01-01")
    text = page.get_data(as_text=True)
    assert "Bitte füllen Sie dieses Feld aus." in text
    assert "Bitte eine E-Mail-Adresse wie name@example.org eingeben." in text
    assert "Das Datum muss in der Zukunft liegen." in text
    page = _award(client, badged.id, expires_on="31.12.2030").get_data(as_text=True)
    assert "Bitte ein Datum (JJJJ-MM-TT) eingeben." in page
    assert db.session.scalar(select(func.count(BadgeAward.id))) == 0
    assert db.session.scalar(select(func.count(IssuerKey.id))) == 0


def test_an_issued_badge_keeps_what_it_said(app, client, login, coordinator, badged):
    login(coordinator)
    _award(client, badged.id)
    award = db.session.scalar(select(BadgeAward))
    badge_service.save_badge(coordinator, badged, "Neuer Name", "", "circle", "blue")
    db.session.commit()
    page = _text(app.test_client().get(f"/awards/{award.public_id}").get_data(as_text=True))
    assert "Lernmedien-Profi" in page and "Neuer Name" not in page
    assert "Gültig" in page


def test_designers_cannot_award(client, login, make_user, workspace, badged):
    designer = make_user("designer@example.org", workspace=workspace, role="designer")
    login(designer)
    assert client.get(f"/designs/{badged.id}/badge/awards").status_code == 403
    assert _award(client, badged.id).status_code == 403
    assert "Badge vergeben" not in client.get(f"/designs/{badged.id}/badge").get_data(as_text=True)
    assert db.session.scalar(select(func.count(BadgeAward.id))) == 0


def test_the_person_gets_a_mail_with_the_link(client, login, coordinator, badged):
    from designer.models import OutboxMail

    login(coordinator)
    _award(client, badged.id, name=" ", email="erika@example.org")
    assert db.session.scalar(select(func.count(OutboxMail.id))) == 0  # refused: no mail
    _award(client, badged.id)
    award = db.session.scalar(select(BadgeAward))
    mail = db.session.scalar(select(OutboxMail))
    assert mail.recipient == "erika@example.org"
    assert mail.subject == "Ihr Badge „Lernmedien-Profi“"
    assert "Akademie Nord hat Ihnen das Badge „Lernmedien-Profi“ verliehen." in mail.body_text
    assert f"http://localhost/awards/{award.public_id}" in mail.body_text
    assert f'href="http://localhost/awards/{award.public_id}"' in mail.body_html
