"""Accounts: registration, log-in with a rate limit, password and language changes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select
from werkzeug.security import check_password_hash, generate_password_hash

from designer.core.vocab import LANGUAGES
from designer.models import LoginAttempt, User, db
from designer.models.columns import utcnow
from designer.services.errors import Invalid

MIN_PASSWORD_LENGTH = 10


class TooManyAttempts(Exception):
    """Log-in refused because of recent failures; nothing was checked."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def _check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid({"password": f"min_length:{MIN_PASSWORD_LENGTH}"})


def hash_password(password: str, method: str) -> str:
    """`method` is Werkzeug's hash method (the instance's PASSWORD_HASH_METHOD)."""
    return generate_password_hash(password, method=method)


def register(
    email: str, display_name: str, password: str, locale: str | None = None, *, hash_method: str
) -> User:
    email = normalise_email(email)
    if "@" not in email or len(email) > 254:
        raise Invalid({"email": "invalid"})
    if db.session.scalar(select(User.id).where(User.email == email)):
        raise Invalid({"email": "taken"})
    _check_password_rules(password)
    user = User(
        email=email,
        display_name=display_name.strip() or email.split("@")[0],
        password_hash=hash_password(password, hash_method),
        locale=locale if locale in LANGUAGES else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def _recent_failures(email: str, window_seconds: int) -> int:
    window = timedelta(seconds=window_seconds)
    return db.session.scalar(
        select(func.count(LoginAttempt.id)).where(
            LoginAttempt.email == email, LoginAttempt.created_at > utcnow() - window
        )
    )


def authenticate(
    email: str, password: str, remote_addr: str = "", *, max_failures: int, window_seconds: int
) -> User | None:
    """The user for these credentials, or None. Raises TooManyAttempts once `max_failures`
    log-ins failed within the last `window_seconds` (the instance's LOGIN_* settings)."""
    email = normalise_email(email)
    failures = _recent_failures(email, window_seconds)
    if failures >= max_failures:
        raise TooManyAttempts(email)
    user = db.session.scalar(select(User).where(User.email == email))
    if user is not None and check_password_hash(user.password_hash, password):
        if failures:  # a plain log-in writes nothing: it works on a read-only store too
            db.session.execute(delete(LoginAttempt).where(LoginAttempt.email == email))
        return user
    db.session.add(LoginAttempt(email=email, remote_addr=remote_addr[:64]))
    return None


def change_password(user: User, old_password: str, new_password: str, *, hash_method: str) -> None:
    if not check_password_hash(user.password_hash, old_password):
        raise Invalid({"old_password": "wrong"})
    _check_password_rules(new_password)
    user.password_hash = hash_password(new_password, hash_method)


def set_locale(user: User, locale: str) -> None:
    if locale not in LANGUAGES:
        raise Invalid({"locale": "unknown"})
    user.locale = locale
