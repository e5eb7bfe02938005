"""Kurswerk issues badges: awards by hand (or by another part, e.g. an LTI delivery),
signed Open Badges 3.0 credentials (VC-JWT, ES256, the workspace's key) and revocation.

The workspace's key pair is made on first use. Its private half is stored encrypted
(Fernet) with a key derived from the app's secret, so a database copy alone cannot sign.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from cryptography.fernet import Fernet, InvalidToken
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import ECKey
from sqlalchemy import select

from designer.core import fields as f
from designer.core.characters import strip_control
from designer.core.openbadges import BadgeUrls, Recipient, credential_ob3, jwt_claims
from designer.core.snapshot import DesignSnapshot
from designer.models import Badge, BadgeAward, Design, IssuerKey, User, Workspace, db
from designer.models.columns import utcnow
from designer.queries.read_model import snapshot
from designer.services import events
from designer.services.badges import badge_of
from designer.services.errors import Invalid, NotFound
from designer.services.permissions import Action, require

ALGORITHM = "ES256"
NAME = f.Text(max_length=200, required=True)
REASON = f.Text(max_length=1000, required=True, lines=True)
MAX_EMAIL = 320


@dataclass(frozen=True)
class Issuing:
    """What signing needs from outside the services: the site's address (for the
    credentials' ids) and the app's secret (for the private keys)."""

    base_url: str
    secret: str


def award_badge(
    actor: User | None,
    design: Design,
    name: str,
    email: str,
    issuing: Issuing,
    expires_on: str = "",
    now: datetime | None = None,
) -> BadgeAward:
    """Award the design's badge to a person: the credential is made and signed now, from
    the design as it stands. `actor` None is the system (an automatic award, e.g. LTI);
    a person needs the right to award. `expires_on` is a date (YYYY-MM-DD) or ""."""
    if actor is not None:
        require(actor, Action.BADGE_AWARD, design)
    badge = badge_of(design)
    if badge is None:
        raise NotFound("badge")
    now = (now or utcnow()).replace(microsecond=0)
    workspace = db.session.get(Workspace, design.workspace_id)
    name, email, expires = _clean(name, email, expires_on, now, workspace.time_zone)
    recipient = Recipient(secrets.token_hex(8), email=email)
    award = signed_award(workspace, badge, snapshot(design), recipient, issuing, now, expires)
    award.recipient_name = name
    award.awarded_by_id = actor.id if actor else None
    db.session.add(award)
    db.session.flush()
    events.record("badge.awarded", actor, design.workspace_id, design.id, title=badge.name)
    return award


def signed_award(
    workspace: Workspace,
    badge: Badge,
    snap: DesignSnapshot,
    recipient: Recipient,
    issuing: Issuing,
    now: datetime,
    expires: datetime | None = None,
) -> BadgeAward:
    """A new award of `badge` (not yet added to the session): its credential made from
    `snap` and signed with the workspace's key. The recipient has no name yet."""
    key = issuer_key(workspace, issuing.secret)
    public_id = secrets.token_hex(16)
    urls = BadgeUrls(issuing.base_url, badge.public_id, workspace.slug)
    credential = credential_ob3(snap, urls, public_id, recipient, now, expires)
    return BadgeAward(
        workspace_id=workspace.id,
        badge_id=badge.id,
        public_id=public_id,
        recipient_name="",
        recipient_email=recipient.email,
        salt=recipient.salt,
        issued_at=now,
        expires_at=expires,
        data=credential,
        credential=sign(credential, key, urls, issuing.secret),
        revocation_reason="",
    )


def revoke_award(actor: User, design: Design, award: BadgeAward, reason: str) -> None:
    """Revoke an award with a reason; its page, its assertion and the issuer's revocation
    list say so from now on."""
    require(actor, Action.BADGE_AWARD, design)
    badge = badge_of(design)
    if badge is None or award.badge_id != badge.id:
        raise NotFound("award")
    try:
        reason = strip_control(REASON.clean(reason))
    except f.Refused as refused:
        raise Invalid({"reason": refused.code}) from None
    if award.revoked_at is not None:
        raise Invalid({"reason": "already_revoked"})
    award.revoked_at = utcnow()
    award.revocation_reason = reason
    award.revoked_by_id = actor.id
    events.record("badge.revoked", actor, design.workspace_id, design.id, title=badge.name)


def awards_of(design: Design) -> list[BadgeAward]:
    badge = badge_of(design)
    if badge is None:
        return []
    query = select(BadgeAward).where(BadgeAward.badge_id == badge.id)
    return list(db.session.scalars(query.order_by(BadgeAward.issued_at.desc(), BadgeAward.id)))


def _clean(name: str, email: str, expires_on: str, now: datetime, zone: str):
    errors = {}
    try:
        name = strip_control(NAME.clean(name))
    except f.Refused as refused:
        errors["name"] = refused.code
    email = (email or "").strip()
    if not valid_email(email):
        errors["email"] = "invalid_email"
    expires = None
    try:
        day = f.DATE.clean(expires_on)
    except f.Refused:
        errors["expires_on"] = "not_a_date"
    else:
        if day is not None:
            # The end of that day where the workspace is, stored in UTC like every time.
            local_end = datetime.combine(day, time(23, 59, 59), tzinfo=ZoneInfo(zone))
            expires = local_end.astimezone(UTC).replace(tzinfo=None)
            if expires <= now:
                errors["expires_on"] = "expiry_past"
    if errors:
        raise Invalid(errors)
    return name, email, expires


def valid_email(email: str) -> bool:
    local, _, domain = email.rpartition("@")
    return (
        bool(local)
        and "." in domain
        and len(email) <= MAX_EMAIL
        and not any(c.isspace() for c in email)
    )


# --------------------------------------------------------------------------- keys


def issuer_key(workspace: Workspace, secret: str) -> IssuerKey:
    """The workspace's key, made on first use."""
    key = db.session.scalar(select(IssuerKey).where(IssuerKey.workspace_id == workspace.id))
    if key is not None:
        return key
    pair = ECKey.generate_key("P-256")
    kid = pair.thumbprint()
    pem = pair.as_pem(private=True)
    key = IssuerKey(
        workspace_id=workspace.id,
        kid=kid,
        private_key=_fernet(secret).encrypt(pem).decode(),
        public_jwk={**pair.as_dict(private=False), "kid": kid, "alg": ALGORITHM, "use": "sig"},
    )
    db.session.add(key)
    db.session.flush()
    return key


def published_key(workspace: Workspace) -> IssuerKey | None:
    return db.session.scalar(select(IssuerKey).where(IssuerKey.workspace_id == workspace.id))


def sign(credential: dict[str, Any], key: IssuerKey, urls: BadgeUrls, secret: str) -> str:
    try:
        pem = _fernet(secret).decrypt(key.private_key.encode())
    except InvalidToken:
        raise RuntimeError("the issuer key does not open with this app's secret") from None
    header = {"alg": ALGORITHM, "typ": "JWT", "kid": urls.key(key.kid)}
    return jwt.encode(header, jwt_claims(credential), ECKey.import_key(pem))


def verified_claims(token: str, public_jwk: dict[str, Any]) -> dict[str, Any] | None:
    """The token's claims when its signature holds with the public key, else None."""
    try:
        return jwt.decode(token, ECKey.import_key(public_jwk), algorithms=[ALGORITHM]).claims
    except (JoseError, ValueError):
        return None


def _fernet(secret: str) -> Fernet:
    digest = hashlib.sha256(b"kurswerk issuer keys\x00" + secret.encode()).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def award_state(award: BadgeAward, now: datetime | None = None) -> str:
    """valid, revoked or expired."""
    if award.revoked_at is not None:
        return "revoked"
    if award.expires_at is not None and award.expires_at < (now or utcnow()):
        return "expired"
    return "valid"
