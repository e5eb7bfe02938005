"""The LTI tool's signing keys, one current key per workspace.

A key is made on first use. Its private half is stored encrypted (Fernet, with a key
derived from the app's SECRET_KEY by HKDF), so a copy of the database alone signs nothing.
Rotating retires the current key: it stays published in the JWKS until it expires, so
a platform can still check what was signed with it, and a new key signs from then on."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pylti1p3.registration import Registration
from sqlalchemy import delete, or_, select

from designer.models import LtiKey, Workspace, db
from designer.models.accounts import User
from designer.models.columns import utcnow
from designer.services.permissions import Action, require

# How long a rotated key stays published: longer than any token signed with it lives and
# than platforms cache a key set.
RETIRED_KEY_DAYS = 7
KEY_BITS = 2048


def _fernet(secret_key: str) -> Fernet:
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"kurswerk lti tool key"
    ).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(derived))


def _new_key(workspace: Workspace, secret_key: str) -> LtiKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=KEY_BITS)
    private_pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    key = LtiKey(
        workspace_id=workspace.id,
        kid=Registration.get_jwk(public_pem)["kid"],
        public_pem=public_pem,
        private_encrypted=_fernet(secret_key).encrypt(private_pem).decode(),
    )
    db.session.add(key)
    db.session.flush()
    return key


def current_key(workspace: Workspace, secret_key: str) -> LtiKey:
    """The key the workspace signs with now; made on first use."""
    key = db.session.scalar(
        select(LtiKey)
        .where(LtiKey.workspace_id == workspace.id, LtiKey.retired_at.is_(None))
        .order_by(LtiKey.id.desc())
        .limit(1)
    )
    return key or _new_key(workspace, secret_key)


def private_pem(key: LtiKey, secret_key: str) -> str:
    """The private key in PEM, decrypted. Raises `cryptography.fernet.InvalidToken`
    when SECRET_KEY changed."""
    return _fernet(secret_key).decrypt(key.private_encrypted.encode()).decode()


def published_keys(workspace: Workspace, now: datetime | None = None) -> list[LtiKey]:
    """The current key and the retired ones that have not expired, newest first."""
    now = now or utcnow()
    return list(
        db.session.scalars(
            select(LtiKey)
            .where(
                LtiKey.workspace_id == workspace.id,
                or_(LtiKey.expires_at.is_(None), LtiKey.expires_at > now),
            )
            .order_by(LtiKey.id.desc())
        )
    )


def jwks(workspace: Workspace, now: datetime | None = None) -> dict[str, list[dict]]:
    """The public JSON Web Key Set of the workspace's tool."""
    return {
        "keys": [dict(Registration.get_jwk(k.public_pem)) for k in published_keys(workspace, now)]
    }


def rotate(actor: User, workspace: Workspace, secret_key: str) -> LtiKey:
    """Retire the current key (published for RETIRED_KEY_DAYS more) and make a new one;
    keys whose time is up are deleted."""
    require(actor, Action.LTI_MANAGE, workspace)
    now = utcnow()
    old = current_key(workspace, secret_key)
    old.retired_at = now
    old.expires_at = now + timedelta(days=RETIRED_KEY_DAYS)
    db.session.execute(
        delete(LtiKey).where(LtiKey.workspace_id == workspace.id, LtiKey.expires_at <= now)
    )
    return _new_key(workspace, secret_key)
