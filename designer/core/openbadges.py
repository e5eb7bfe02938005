"""Open Badges documents of a design's badge (pure: the caller supplies the site's address).

Open Badges 2.0 (hosted verification): the Issuer profile, the BadgeClass and, per award,
the Assertion. Open Badges 3.0: an OpenBadgeCredential per award (signed elsewhere as a
VC-JWT), the issuer's Profile and its 1EdTech revocation list. Criteria and competences
come from `designer.core.badges`, so every document says what the badge page says.

Every public address is made here from the site's base address (`BadgeUrls`), and the
web routes serve exactly these paths.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from designer.core.badges import competences, narrative
from designer.core.snapshot import DesignSnapshot

OB2_CONTEXT = "https://w3id.org/openbadges/v2"
VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
REVOCATION_LIST = "1EdTechRevocationList"


@dataclass(frozen=True)
class BadgeUrls:
    """The public addresses of one badge and its issuer (a workspace)."""

    base: str
    badge: str  # the badge's public id
    issuer_slug: str

    @property
    def badge_class(self) -> str:
        return f"{self.base}/badges/{self.badge}"

    @property
    def image(self) -> str:
        return f"{self.badge_class}/image.png"

    @property
    def criteria(self) -> str:
        return f"{self.badge_class}/criteria"

    @property
    def issuer(self) -> str:
        """The Open Badges 2.0 Issuer profile."""
        return f"{self.base}/issuers/{self.issuer_slug}"

    @property
    def profile(self) -> str:
        """The Open Badges 3.0 issuer Profile (the credentials' `issuer.id`)."""
        return f"{self.issuer}/profile"

    @property
    def jwks(self) -> str:
        return f"{self.issuer}/jwks.json"

    def key(self, kid: str) -> str:
        """Where the public key `kid` can be fetched: the VC-JWT header's `kid`."""
        return f"{self.issuer}/keys/{kid}"

    @property
    def revocations(self) -> str:
        return f"{self.issuer}/revocations"

    def award(self, award: str) -> str:
        """The award's verification page; also the credential's id."""
        return f"{self.base}/awards/{award}"

    def assertion(self, award: str) -> str:
        return f"{self.award(award)}/assertion"


def email_hash(email: str, salt: str) -> str:
    """Open Badges' salted identity hash of an address: `sha256$<hex>`."""
    return identity_hash(email.strip().lower(), salt)


def identity_hash(identity: str, salt: str) -> str:
    """Open Badges' salted hash of an identifier as it is (an LTI user id is case-sensitive)."""
    return "sha256$" + hashlib.sha256((identity + salt).encode()).hexdigest()


@dataclass(frozen=True)
class Recipient:
    """Whom an award names, only ever by salted hashes: an e-mail address, or for a
    learner whose LMS sent none, their LTI user id (the launch's `sub`) together with the
    platform's issuer, since a `sub` is unique only within its platform. Open Badges 3.0
    lists both kinds of identifier (`emailAddress`; `ltiUserId` and `ltiPlatformId`)."""

    salt: str
    email: str = ""
    lti_user: str = ""
    lti_platform: str = ""

    def identifiers(self) -> list[dict[str, Any]]:
        if self.email:
            pairs = [("emailAddress", email_hash(self.email, self.salt))]
        else:
            pairs = [
                ("ltiUserId", identity_hash(self.lti_user, self.salt)),
                ("ltiPlatformId", identity_hash(self.lti_platform, self.salt)),
            ]
        return [
            {
                "type": "IdentityObject",
                "identityHash": digest,
                "identityType": kind,
                "hashed": True,
                "salt": self.salt,
            }
            for kind, digest in pairs
        ]


def timestamp(moment: datetime) -> str:
    """A naive UTC datetime as ISO 8601 with Z."""
    return moment.replace(microsecond=0).isoformat() + "Z"


# --------------------------------------------------------------------------- 2.0


def issuer_ob2(name: str, urls: BadgeUrls) -> dict[str, Any]:
    return {
        "@context": OB2_CONTEXT,
        "type": "Issuer",
        "id": urls.issuer,
        "name": name,
        "url": urls.issuer,
    }


def badge_class_ob2(snap: DesignSnapshot, urls: BadgeUrls) -> dict[str, Any]:
    badge = snap.badge
    assert badge is not None, "a badge class needs the design's badge"
    out: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "BadgeClass",
        "id": urls.badge_class,
        "name": badge.name,
        "description": badge.description or badge.name,
        "image": urls.image,
        "criteria": {"id": urls.criteria, "narrative": narrative(snap)},
        "issuer": urls.issuer,
    }
    alignment = _alignment(snap, urls, ob3=False)
    if alignment:
        out["alignment"] = alignment
    return out


def assertion_ob2(
    urls: BadgeUrls,
    award: str,
    badge_class: str,
    email: str,
    salt: str,
    issued: datetime,
    expires: datetime | None,
) -> dict[str, Any]:
    """A hosted assertion: verifiers fetch it from its own id (410 once revoked).
    `badge_class` is the badge class's address as the award's credential names it."""
    recipient = {"type": "email", "hashed": True, "salt": salt, "identity": email_hash(email, salt)}
    out: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "Assertion",
        "id": urls.assertion(award),
        "recipient": recipient,
        "badge": badge_class,
        "issuedOn": timestamp(issued),
        "verification": {"type": "hosted"},
    }
    if expires is not None:
        out["expires"] = timestamp(expires)
    return out


# --------------------------------------------------------------------------- 3.0


def profile_ob3(name: str, urls: BadgeUrls) -> dict[str, Any]:
    return {
        "@context": [VC2_CONTEXT, OB3_CONTEXT],
        "id": urls.profile,
        "type": ["Profile"],
        "name": name,
        "url": urls.issuer,
    }


def credential_ob3(
    snap: DesignSnapshot,
    urls: BadgeUrls,
    award: str,
    recipient: Recipient,
    issued: datetime,
    expires: datetime | None,
) -> dict[str, Any]:
    """The OpenBadgeCredential of one award, unsigned. The recipient is named only by
    salted hashes (`Recipient`)."""
    badge = snap.badge
    assert badge is not None, "a credential needs the design's badge"
    achievement: dict[str, Any] = {
        "id": urls.badge_class,
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": badge.name,
        "description": badge.description or badge.name,
        "criteria": {"id": urls.criteria, "narrative": narrative(snap)},
        "image": {"id": urls.image, "type": "Image"},
        "creator": {"id": urls.profile, "type": ["Profile"], "name": badge.issuer},
        "inLanguage": snap.language,
    }
    alignment = _alignment(snap, urls, ob3=True)
    if alignment:
        achievement["alignment"] = alignment
    credential: dict[str, Any] = {
        "@context": [VC2_CONTEXT, OB3_CONTEXT],
        "id": urls.award(award),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": badge.name,
        "issuer": {
            "id": urls.profile,
            "type": ["Profile"],
            "name": badge.issuer,
            "url": urls.issuer,
        },
        "validFrom": timestamp(issued),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": recipient.identifiers(),
            "achievement": achievement,
        },
        "credentialStatus": {"id": urls.revocations, "type": REVOCATION_LIST},
        "credentialSchema": [{"id": OB3_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }
    if expires is not None:
        credential["validUntil"] = timestamp(expires)
    return credential


def jwt_claims(credential: dict[str, Any]) -> dict[str, Any]:
    """The VC-JWT payload (Open Badges 3.0, JWT proof format): the credential with the
    registered claims iss, jti, nbf (and exp when it expires)."""
    claims = {
        **credential,
        "iss": credential["issuer"]["id"],
        "jti": credential["id"],
        "nbf": _epoch(credential["validFrom"]),
    }
    if "validUntil" in credential:
        claims["exp"] = _epoch(credential["validUntil"])
    return claims


def revocation_list(urls: BadgeUrls, revoked: list[tuple[str, str]]) -> dict[str, Any]:
    """The issuer's 1EdTech revocation list: (award public id, reason) pairs."""
    return {
        "id": urls.revocations,
        "issuer": urls.profile,
        "revokedCredentials": [
            {"id": urls.award(award), "revocationReason": reason} for award, reason in revoked
        ],
    }


def _epoch(stamp: str) -> int:
    return int(datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp())


def _alignment(snap: DesignSnapshot, urls: BadgeUrls, ob3: bool) -> list[dict[str, Any]]:
    out = []
    for i, c in enumerate(competences(snap), 1):
        item: dict[str, Any] = {
            "targetName": c.text,
            "targetUrl": f"{urls.criteria}#competence-{i}",
        }
        if c.bloom_label:
            item.update(
                targetDescription=c.bloom_label, targetFramework="Bloom", targetCode=c.bloom_level
            )
        if ob3:
            item = {"type": ["Alignment"], **item}
        out.append(item)
    return out
