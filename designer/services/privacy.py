"""A person's own account (GDPR): change the e-mail address, delete the account; and the
instance's retention of logs and notifications (`purge_old`).

A deleted account keeps its row, emptied of everything personal: its designs, comments and
history stay with the workspace and name the person "former member" (`User.display_name`).
Its memberships, tokens, notifications, log-in links and failed log-ins are deleted.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import delete, select, update
from werkzeug.security import check_password_hash

from designer.models import (
    ApiToken,
    DesignMember,
    Event,
    LoginAttempt,
    LoginLink,
    Membership,
    Notification,
    OutboxMail,
    Presence,
    SignOnIdentity,
    User,
    db,
)
from designer.models.columns import utcnow
from designer.queries.personal_data import sole_coordinator_of
from designer.services import accounts, admin
from designer.services.errors import Invalid

CHANGE_EMAIL_SALT = "kurswerk-change-email"
CHANGE_EMAIL_DAYS = 7
DELETED_DOMAIN = "deleted.invalid"


def _check_password(user: User, password: str) -> None:
    if not check_password_hash(user.password_hash, password or ""):
        raise Invalid({"password": "wrong"})


# ------------------------------------------------------------- e-mail address


def request_email_change(user: User, new_email: str, password: str) -> str:
    """Keep `new_email` as the address to confirm; the current one works until then.
    Returns the normalised address (the caller mails the link to it)."""
    new_email = accounts.normalise_email(new_email)
    if "@" not in new_email or len(new_email) > 254:
        raise Invalid({"email": "invalid"})
    _check_password(user, password)
    if new_email == user.email:
        raise Invalid({"email": "same_email"})
    if db.session.scalar(select(User.id).where(User.email == new_email)):
        raise Invalid({"email": "taken"})
    user.pending_email = new_email
    return new_email


def _changer(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=CHANGE_EMAIL_SALT)


def email_change_token(user: User, secret: str) -> str:
    return _changer(secret).dumps([user.id, user.pending_email])


def confirm_email_change(token: str, secret: str) -> User:
    """The link mailed to the new address: from now on the account has that address."""
    try:
        user_id, email = _changer(secret).loads(token, max_age=CHANGE_EMAIL_DAYS * 86400)
    except (BadData, ValueError, TypeError):
        raise Invalid({"token": "verify_link_invalid"}) from None
    user = db.session.get(User, user_id)
    if user is None or not user.is_active or user.pending_email != email:
        raise Invalid({"token": "verify_link_invalid"})
    if db.session.scalar(select(User.id).where(User.email == email, User.id != user.id)):
        raise Invalid({"email": "taken"})
    user.email, user.pending_email, user.email_verified_at = email, None, utcnow()
    return user


# -------------------------------------------------------------- deletion


def delete_account(user: User, password: str) -> None:
    """Delete the person's account after they confirmed with their password. The last
    coordinator of a workspace hands it over first, so no workspace is left unmanaged;
    the last administrator likewise."""
    _check_password(user, password)
    if sole_coordinator_of(user):
        raise Invalid({"account": "hand_over_first"})
    if user.is_admin and admin.other_admins(user) == 0:
        raise Invalid({"account": "last_admin"})
    old_email, old_name = user.email, user._display_name
    for model in (Membership, DesignMember, ApiToken, Notification, LoginLink, Presence):
        db.session.execute(delete(model).where(model.user_id == user.id))
    db.session.execute(delete(SignOnIdentity).where(SignOnIdentity.user_id == user.id))
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.email == old_email))
    db.session.execute(
        delete(OutboxMail).where(OutboxMail.recipient == old_email, OutboxMail.sent_at.is_(None))
    )
    _forget_name_in_notifications(old_name)
    user.email = f"deleted-{user.id}@{DELETED_DOMAIN}"
    user.display_name = ""
    user.password_hash = "!" + secrets.token_hex(16)  # matches no password
    user.locale = user.pending_email = user.email_verified_at = user.last_login_at = None
    user.is_admin = False
    user.deleted_at = utcnow()
    db.session.flush()
    accounts.end_sessions(user)


def _forget_name_in_notifications(name: str) -> None:
    """Other people's notifications keep who caused them as text: that text goes."""
    rows = db.session.execute(select(Notification.id, Notification.payload)).all()
    for note_id, payload in rows:
        if (payload or {}).get("actor") == name:
            db.session.execute(
                update(Notification)
                .where(Notification.id == note_id)
                .values(payload={**payload, "actor": ""})
            )


# -------------------------------------------------------------- retention


@dataclass(frozen=True)
class Purged:
    events: int = 0
    notifications: int = 0
    login_attempts: int = 0
    login_links: int = 0
    sent_mail: int = 0


def purge_old(retention: Mapping[str, int], now: datetime | None = None) -> Purged:
    """Delete records older than their retention in days (0 or missing: keep them)."""
    now = now or utcnow()

    def older(kind: str, column) -> int:
        days = retention.get(kind, 0)
        if days <= 0:
            return 0
        cutoff = now - timedelta(days=days)
        table = column.class_
        return db.session.execute(delete(table).where(column < cutoff)).rowcount or 0

    return Purged(
        events=older("events", Event.created_at),
        notifications=older("notifications", Notification.created_at),
        login_attempts=older("login_attempts", LoginAttempt.created_at),
        login_links=older("login_links", LoginLink.expires_at),
        sent_mail=_purge_sent_mail(retention.get("sent_mail", 0), now),
    )


def _purge_sent_mail(days: int, now: datetime) -> int:
    if days <= 0:
        return 0
    cutoff = now - timedelta(days=days)
    sent = delete(OutboxMail).where(OutboxMail.sent_at.is_not(None), OutboxMail.sent_at < cutoff)
    return db.session.execute(sent).rowcount or 0
