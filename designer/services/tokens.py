"""Personal access tokens for the REST API: created, listed, revoked, checked.

The secret is 32 random bytes, shown to its owner once; the database keeps its SHA-256 only,
so a copy of the database does not give access to the API."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select

from designer.models import ApiToken, User, db
from designer.models.columns import utcnow
from designer.models.tokens import TOKEN_SCOPES
from designer.services.errors import Invalid, NotFound

TOKEN_PREFIX = "kw_"
# Writing last_used_at on every request would turn every API read into a write.
LAST_USED_GRANULARITY = timedelta(minutes=1)


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(actor: User, name: str, scope: str) -> tuple[ApiToken, str]:
    """A new token of `actor` and its secret (the only time the secret exists)."""
    name = (name or "").strip()
    if not name:
        raise Invalid({"name": "required"})
    if scope not in TOKEN_SCOPES:
        raise Invalid({"scope": "unknown"})
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=actor.id, name=name[:100], token_hash=hash_token(secret), scope=scope)
    db.session.add(token)
    db.session.flush()
    return token, secret


def tokens_of(user: User) -> list[ApiToken]:
    return list(
        db.session.scalars(
            select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.created_at.desc())
        )
    )


def revoke_token(actor: User, token_id: int) -> ApiToken:
    """Only the owner revokes a token; someone else's token id is "not found"."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != actor.id:
        raise NotFound("token")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
    return token


def authenticate(secret: str) -> ApiToken | None:
    """The live token with this secret (its last use noted), or None."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(secret)))
    if token is None or token.revoked_at is not None:
        return None
    if not db.session.get(User, token.user_id).is_active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_GRANULARITY:
        token.last_used_at = now
    return token
