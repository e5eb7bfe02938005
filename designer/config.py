"""Configuration: embedded defaults (SQLite and files under a data directory), env overrides.

DESIGNER_DATA_DIR  data directory (default ./instance): SQLite DB, file store, secret key
DATABASE_URL       SQLAlchemy URL, e.g. postgresql+psycopg://user:pw@host/db
SECRET_KEY         overrides the generated key in the data directory
DESIGNER_PROXY_HOPS  reverse proxies in front of the app whose X-Forwarded-For is trusted
                   (default 0); log-in throttling per client address needs the real one
DESIGNER_LIMITS    what one design may hold, e.g. nuggets_per_design=2000,page_size=100
DESIGNER_SMTP_URL  the mail server: smtp://user:pass@host:587 (STARTTLS), smtps://…:465
                   (implicit TLS), smtp://127.0.0.1:25 (plain, loopback only); unset: mail
                   is written to the log
DESIGNER_MAIL_FROM the sender address of every mail
DESIGNER_OIDC_NAME, DESIGNER_OIDC_ISSUER, DESIGNER_OIDC_CLIENT_ID, DESIGNER_OIDC_CLIENT_SECRET
                   one OpenID Connect provider for single sign-on (all four, or none)
DESIGNER_BASE_URL  the site's address (https://kurswerk.example.org) for links in mails;
                   unset: the address of the request that caused the mail
DESIGNER_RETENTION_DAYS_EVENTS, _NOTIFICATIONS, _LOGIN_ATTEMPTS, _LOGIN_LINKS, _SENT_MAIL
                   days after which `designer purge-old` deletes such records (0: never)
DESIGNER_LTI_ALLOW_HTTP  1: accept plain http:// addresses of LTI platforms (only for a
                   test LMS on loopback; production platforms use https)
"""

from __future__ import annotations

import os
import secrets
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from designer.core import limits

MiB = 1024 * 1024
# Days after which `designer purge-old` deletes each kind of record (0: keep for ever).
RETENTION_DEFAULTS = {
    "events": 0,
    "notifications": 365,
    "login_attempts": 30,
    "login_links": 30,
    "sent_mail": 30,
}


def data_dir() -> Path:
    return Path(os.environ.get("DESIGNER_DATA_DIR", "instance")).resolve()


def _secret_key(folder: Path) -> str:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = folder / "secret_key"
    if not key_file.exists():
        # Written whole to a private temp file, then linked into place: of several
        # processes starting at once, one wins and every one reads the complete key.
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".secret-")
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
        try:
            os.link(tmp, key_file)
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
    return key_file.read_text().strip()


def normalise_database_url(url: str) -> str:
    """Accept the common `postgres://` / `postgresql://` forms and use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


LOOPBACK = ("127.0.0.1", "::1", "localhost")


def mail_settings(url: str, sender: str = "") -> dict[str, Any]:
    """Flask-Mailman's settings for DESIGNER_SMTP_URL (empty: mail is off). `smtp://`
    uses STARTTLS except on the loopback interface; `smtps://` connects with TLS."""
    settings: dict[str, Any] = {
        "MAIL_ENABLED": bool(url),
        "MAIL_BACKEND": "smtp",
        "MAIL_DEFAULT_SENDER": sender or "Kurswerk <kurswerk@localhost>",
        "MAIL_TIMEOUT": 20,
    }
    if not url:
        return settings
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError("DESIGNER_SMTP_URL must look like smtp://user:password@host:587")
    implicit_tls = parts.scheme == "smtps"
    settings.update(
        MAIL_SERVER=parts.hostname,
        MAIL_PORT=parts.port or (465 if implicit_tls else 587),
        MAIL_USERNAME=unquote(parts.username) if parts.username else None,
        MAIL_PASSWORD=unquote(parts.password) if parts.password else None,
        MAIL_USE_SSL=implicit_tls,
        MAIL_USE_TLS=not implicit_tls and parts.hostname not in LOOPBACK,
    )
    return settings


def oidc_settings(environ: Mapping[str, str]) -> dict[str, str]:
    """The sign-on provider of the environment (services/sign_on.py uses it when all
    four are set)."""
    names = ("name", "issuer", "client_id", "client_secret")
    return {name: environ.get(f"DESIGNER_OIDC_{name.upper()}", "").strip() for name in names}


def retention_days(defaults: dict[str, int]) -> dict[str, int]:
    """Each kind's DESIGNER_RETENTION_DAYS_<KIND> (whole days, 0 keeps for ever)."""
    days = {}
    for kind, default in defaults.items():
        value = os.environ.get(f"DESIGNER_RETENTION_DAYS_{kind.upper()}", "").strip()
        if value and not value.isdigit():
            raise ValueError(f"DESIGNER_RETENTION_DAYS_{kind.upper()} must be a whole number")
        days[kind] = int(value) if value else default
    return days


def load(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    overrides = overrides or {}
    folder = Path(overrides.get("DATA_DIR") or data_dir())
    folder.mkdir(parents=True, exist_ok=True)
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'kurswerk.sqlite3'}"
    config: dict[str, Any] = {
        "DATA_DIR": str(folder),
        "FILE_STORE": str(folder / "files"),
        "SECRET_KEY": overrides.get("SECRET_KEY") or _secret_key(folder),
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(url),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        # How long a SQLite write waits for another one before the request answers 503.
        "SQLITE_BUSY_TIMEOUT_MS": 10_000,
        "MAX_CONTENT_LENGTH": 200 * MiB,
        "MAX_UPLOAD_BYTES": 50 * MiB,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": os.environ.get("DESIGNER_SECURE_COOKIES", "0") == "1",
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "de",
        # One catalogue for the whole interface: translations/de/LC_MESSAGES/messages.po.
        "BABEL_TRANSLATION_DIRECTORIES": str(Path(__file__).parent / "translations"),
        "PASSWORD_HASH_METHOD": "scrypt",
        # Log-in throttling (services/accounts.py): free failures per account and per
        # client address, then waits that double from the base delay up to the maximum.
        "LOGIN_MAX_FAILURES": 5,
        "LOGIN_ADDRESS_MAX_FAILURES": 10,
        "LOGIN_BASE_DELAY_SECONDS": 30,
        "LOGIN_MAX_DELAY_SECONDS": 900,
        "LOGIN_WINDOW_SECONDS": 3600,
        # The request form of the public catalogue (services/requests.py): sent at the
        # earliest this many seconds after it was shown, at the latest a day after; at
        # most so many requests an hour from one address.
        "REQUEST_MIN_SECONDS": 3,
        "REQUEST_MAX_AGE_SECONDS": 24 * 3600,
        "REQUEST_PER_HOUR": 5,
        "PROXY_HOPS": int(os.environ.get("DESIGNER_PROXY_HOPS", "0") or 0),
        # How much one design may hold, and page sizes of long lists (designer/core/limits.py).
        "DESIGN_LIMITS": limits.parse(os.environ.get("DESIGNER_LIMITS", "")),
        "BASE_URL": os.environ.get("DESIGNER_BASE_URL", "").rstrip("/"),
        "OIDC": oidc_settings(os.environ),
        "OIDC_TIMEOUT_SECONDS": 10,
        "RETENTION_DAYS": retention_days(RETENTION_DEFAULTS),
        "LTI_ALLOW_HTTP": os.environ.get("DESIGNER_LTI_ALLOW_HTTP", "0") == "1",
        **mail_settings(
            os.environ.get("DESIGNER_SMTP_URL", ""), os.environ.get("DESIGNER_MAIL_FROM", "")
        ),
    }
    config.update(overrides)
    return config
