"""Accounts: registration, log-in with throttling, sessions, password and language changes.

Failed log-ins live in the database (`LoginAttempt`), so throttling holds across app
processes. An account and a client address each get a few free failures; after that every
further try waits twice as long as the one before (`_wait`). A locked-out person gets back
in through a one-time link that a coordinator of their workspace makes (`create_login_link`)
or that they ask for by mail (`password_reset_for`). Addresses are verified by a signed
link (`verification_token`, `verify_email`).
"""

from __future__ import annotations

import hashlib
import math
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import InstrumentedAttribute
from werkzeug.security import check_password_hash, generate_password_hash

from designer.core.vocab import LANGUAGES
from designer.models import (
    Design,
    DesignMember,
    LoginAttempt,
    LoginLink,
    Membership,
    User,
    Workspace,
    db,
)
from designer.models.columns import utcnow
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.permissions import Action, require

MIN_PASSWORD_LENGTH = 10
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")
LOGIN_LINK_HOURS = 24
RESET_LINK_HOURS = 1
RESET_LINKS_PER_HOUR = 3
VERIFY_SALT = "kurswerk-verify-email"
VERIFY_LINK_DAYS = 7


class TooManyAttempts(Exception):
    """Log-in refused because of recent failures; nothing was checked."""

    def __init__(self, retry_after: int):
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


class AccountDeactivated(Exception):
    """The password was right, but an administrator deactivated the account."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


@cache
def common_passwords() -> frozenset[str]:
    lines = COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid({"password": f"min_length:{MIN_PASSWORD_LENGTH}"})
    if password.lower() in common_passwords():
        raise Invalid({"password": "common_password"})


@dataclass(frozen=True)
class LoginRules:
    """The instance's log-in throttling (the LOGIN_* settings) and its password hashing."""

    hash_method: str
    max_failures: int
    address_max_failures: int
    base_delay_seconds: int
    max_delay_seconds: int
    window_seconds: int

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> LoginRules:
        return cls(
            config["PASSWORD_HASH_METHOD"],
            config["LOGIN_MAX_FAILURES"],
            config["LOGIN_ADDRESS_MAX_FAILURES"],
            config["LOGIN_BASE_DELAY_SECONDS"],
            config["LOGIN_MAX_DELAY_SECONDS"],
            config["LOGIN_WINDOW_SECONDS"],
        )


def hash_password(password: str, method: str) -> str:
    return generate_password_hash(password, method=method)


@cache
def _dummy_hash(method: str) -> str:
    return generate_password_hash(secrets.token_hex(16), method=method)


def register(
    email: str, display_name: str, password: str, locale: str | None = None, *, hash_method: str
) -> User:
    """A new account. An address that has one already is refused only after the password
    was hashed, so the answer takes as long either way."""
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise Invalid({"email": "invalid"})
    _check_password_rules(password)
    password_hash = hash_password(password, hash_method)
    if db.session.scalar(select(User.id).where(User.email == email)):
        raise Invalid({"email": "taken"})
    user = User(
        email=email,
        display_name=display_name.strip() or email.split("@")[0],
        password_hash=password_hash,
        locale=locale if locale in LANGUAGES else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


# ----------------------------------------------------------------------- log-in


def _failures(
    column: InstrumentedAttribute, value: str, now: datetime, rules: LoginRules
) -> tuple[int, datetime]:
    window = timedelta(seconds=rules.window_seconds)
    count, last = db.session.execute(
        select(func.count(LoginAttempt.id), func.max(LoginAttempt.created_at)).where(
            column == value, LoginAttempt.created_at > now - window
        )
    ).one()
    return count, last


def _wait(count: int, last: datetime | None, free: int, now: datetime, rules: LoginRules) -> int:
    """Seconds to wait before the next try: none for the first `free` failures, then a
    delay that doubles with every further failure, counted from the last one."""
    if count < free or last is None:
        return 0
    delay = min(rules.base_delay_seconds * 2 ** (count - free), rules.max_delay_seconds)
    return max(0, math.ceil((last + timedelta(seconds=delay) - now).total_seconds()))


def login_wait(email: str, remote_addr: str, rules: LoginRules) -> int:
    """Seconds until this account may try again from this address (0: now)."""
    now = utcnow()
    by_account = _wait(
        *_failures(LoginAttempt.email, email, now, rules), rules.max_failures, now, rules
    )
    by_address = _wait(
        *_failures(LoginAttempt.remote_addr, remote_addr, now, rules),
        rules.address_max_failures,
        now,
        rules,
    )
    return max(by_account, by_address)


def authenticate(
    email: str, password: str, remote_addr: str = "", *, rules: LoginRules
) -> User | None:
    """The user for these credentials, or None. Raises TooManyAttempts while the account
    or the address has to wait. Unknown addresses cost one password hash like known ones."""
    email = normalise_email(email)[:254]
    remote_addr = remote_addr[:64]
    wait = login_wait(email, remote_addr, rules)
    if wait:
        raise TooManyAttempts(wait)
    user = db.session.scalar(select(User).where(User.email == email))
    stored = user.password_hash if user else _dummy_hash(rules.hash_method)
    if check_password_hash(stored, password) and user is not None:
        if not user.is_active:
            raise AccountDeactivated(email)
        if _has_failures(email):
            db.session.execute(delete(LoginAttempt).where(LoginAttempt.email == email))
        note_login(user)
        return user
    db.session.add(LoginAttempt(email=email, remote_addr=remote_addr, created_at=utcnow()))
    return None


def note_login(user: User) -> None:
    """Remember when the person last logged in (the admin area shows it)."""
    user.last_login_at = utcnow()


def _has_failures(email: str) -> bool:
    return (
        db.session.scalar(select(LoginAttempt.id).where(LoginAttempt.email == email).limit(1))
        is not None
    )


# --------------------------------------------------------------------- sessions


def end_sessions(user: User) -> None:
    """End every session of `user`: session ids carry the version, and old ones no longer
    match (log-out, password change)."""
    db.session.execute(
        update(User).where(User.id == user.id).values(session_version=User.session_version + 1)
    )
    db.session.refresh(user)


def change_password(user: User, old_password: str, new_password: str, *, hash_method: str) -> None:
    if not check_password_hash(user.password_hash, old_password):
        raise Invalid({"old_password": "wrong"})
    _set_password(user, new_password, hash_method)


def _set_password(user: User, new_password: str, hash_method: str) -> None:
    _check_password_rules(new_password)
    user.password_hash = hash_password(new_password, hash_method)
    db.session.flush()
    end_sessions(user)


def set_locale(user: User, locale: str) -> None:
    if locale not in LANGUAGES:
        raise Invalid({"locale": "unknown"})
    user.locale = locale


# ------------------------------------------------------- one-time log-in links


def _link_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _outside_actor_reach(actor: User, user: User) -> bool:
    """Whether `user` belongs to a workspace (or is a guest on a design of one) that
    `actor` does not coordinate: a link there would reach beyond the actor's own."""
    coordinated = select(Membership.workspace_id).where(
        Membership.user_id == actor.id, Membership.role == "coordinator"
    )
    elsewhere = db.session.scalar(
        select(func.count(Membership.id)).where(
            Membership.user_id == user.id, Membership.workspace_id.not_in(coordinated)
        )
    )
    as_guest = db.session.scalar(
        select(func.count(DesignMember.id))
        .join(Design, Design.id == DesignMember.design_id)
        .where(DesignMember.user_id == user.id, Design.workspace_id.not_in(coordinated))
    )
    return bool(elsewhere or as_guest)


def create_login_link(
    actor: User, workspace: Workspace, membership_id: int
) -> tuple[LoginLink, str]:
    """A one-time link for a member to set a new password and log in; its token is
    returned once (the coordinator passes it on). Only for people whose every workspace
    the actor coordinates, so it never opens an account beyond the actor's reach."""
    require(actor, Action.MEMBERS_MANAGE, workspace)
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.workspace_id != workspace.id:
        raise NotFound("membership")
    user = db.session.get(User, membership.user_id)
    if user.id == actor.id:
        raise Invalid({"member": "login_link_self"})
    if _outside_actor_reach(actor, user):
        raise Invalid({"member": "login_link_elsewhere"})
    link, token = login_link_for(user, actor)
    events.record("member.login_link", actor, workspace.id, user_id=user.id)
    return link, token


def login_link_for(
    user: User, actor: User | None = None, hours: int = LOGIN_LINK_HOURS
) -> tuple[LoginLink, str]:
    """A one-time link for `user` and its token. Without an actor: the operator's command
    or a reset the person asked for."""
    token = secrets.token_urlsafe(32)
    link = LoginLink(
        token_hash=_link_hash(token),
        user_id=user.id,
        created_by_id=actor.id if actor else None,
        expires_at=utcnow() + timedelta(hours=hours),
    )
    db.session.add(link)
    db.session.flush()
    return link, token


def login_link_user(token: str, now: datetime | None = None) -> User | None:
    """The person an unused, unexpired link is for, or None."""
    now = now or utcnow()
    link = db.session.scalar(select(LoginLink).where(LoginLink.token_hash == _link_hash(token)))
    if link is None or link.used_at is not None or link.expires_at <= now:
        return None
    user = db.session.get(User, link.user_id)
    return user if user.is_active else None


def use_login_link(
    token: str, new_password: str, *, hash_method: str, now: datetime | None = None
) -> User:
    """Set the person's new password and use the link up (once, even when two requests
    come at the same moment). Ends their other sessions and clears their failed log-ins."""
    now = now or utcnow()
    user = login_link_user(token, now)
    if user is None:
        raise Invalid({"token": "login_link_invalid"})
    _check_password_rules(new_password)
    used = db.session.execute(
        update(LoginLink)
        .where(
            LoginLink.token_hash == _link_hash(token),
            LoginLink.used_at.is_(None),
            LoginLink.expires_at > now,
        )
        .values(used_at=now)
    )
    if used.rowcount != 1:
        raise Invalid({"token": "login_link_invalid"})
    _set_password(user, new_password, hash_method)
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.email == user.email))
    note_login(user)
    return user


def password_reset_for(email: str) -> tuple[User, str] | None:
    """A one-hour link for the account with this address and its token, or None: no such
    account, or it had RESET_LINKS_PER_HOUR links in the last hour (so that nobody floods
    someone's inbox). The caller answers the same either way."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)[:254]))
    if user is None or not user.is_active:
        return None
    recent = db.session.scalar(
        select(func.count(LoginLink.id)).where(
            LoginLink.user_id == user.id,
            LoginLink.created_by_id.is_(None),
            LoginLink.created_at > utcnow() - timedelta(hours=1),
        )
    )
    if recent >= RESET_LINKS_PER_HOUR:
        return None
    _link, token = login_link_for(user, hours=RESET_LINK_HOURS)
    return user, token


# ------------------------------------------------------- verified addresses


def _verifier(secret: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret, salt=VERIFY_SALT)


def verification_token(user: User, secret: str) -> str:
    """A signed token for the account's current address. Verifying twice does no harm,
    so it needs no table; a changed address makes old tokens void."""
    return _verifier(secret).dumps([user.id, user.email])


def verify_email(token: str, secret: str) -> User:
    try:
        user_id, email = _verifier(secret).loads(token, max_age=VERIFY_LINK_DAYS * 86400)
    except (BadData, ValueError, TypeError):
        raise Invalid({"token": "verify_link_invalid"}) from None
    user = db.session.get(User, user_id)
    if user is None or user.email != email:
        raise Invalid({"token": "verify_link_invalid"})
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    return user


def resend_verification(actor: User, workspace: Workspace, membership_id: int) -> User:
    """A coordinator asks for a member's verification mail again; returns the member
    (the caller writes the mail)."""
    require(actor, Action.MEMBERS_MANAGE, workspace)
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.workspace_id != workspace.id:
        raise NotFound("membership")
    user = db.session.get(User, membership.user_id)
    if user.email_verified_at is not None:
        raise Invalid({"member": "already_verified"})
    events.record("member.verification_sent", actor, workspace.id, user_id=user.id)
    return user
