"""Answers when the store cannot take a write: the database is busy with another long
write, the data folder is read-only, or the disk is full. Nothing was saved in each case;
the answer says why instead of a generic 500, and reads keep working.

busy       SQLite "database is locked" after the busy timeout, PostgreSQL lock timeouts:
           503 with Retry-After, logged as a warning each time.
read_only  "attempt to write a readonly database", EROFS, a read-only PostgreSQL: 503.
full       "database or disk is full", ENOSPC, EDQUOT, PostgreSQL disk_full: 507.
The last two are logged once per process (they last until someone acts).
"""

from __future__ import annotations

import errno
import logging
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import DBAPIError

log = logging.getLogger("designer.storage")

RETRY_AFTER_SECONDS = 5
_SQLITE_MESSAGES = {
    "database is locked": "busy",
    "database table is locked": "busy",
    "attempt to write a readonly database": "read_only",
    "database or disk is full": "full",
}
_PG_STATES = {
    "55P03": "busy",  # lock_not_available
    "40P01": "busy",  # deadlock_detected
    "25006": "read_only",  # read_only_sql_transaction
    "53100": "full",  # disk_full
}
_ERRNOS = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EROFS: "read_only"}
_logged: set[str] = set()


TEXTS = {
    "busy": (
        _l("Busy"),
        _l(
            "Kurswerk is busy saving a large change. Nothing was saved; "
            "please try again in a few seconds."
        ),
    ),
    "read_only": (
        _l("Saving is not possible"),
        _l(
            "The storage is read-only: you can read, but nothing can be saved. "
            "Nothing was saved; please tell your administrator."
        ),
    ),
    "full": (
        _l("Storage full"),
        _l("The storage is full. Nothing was saved; please tell your administrator."),
    ),
}
STATUS = {"busy": 503, "read_only": 503, "full": 507}


@dataclass(frozen=True)
class Fault:
    kind: str
    status: int
    title: str
    message: str
    headers: dict[str, str]


def kind_of(exc: BaseException) -> str | None:
    """busy, read_only, full, or None for any other error."""
    if isinstance(exc, DBAPIError):
        state = getattr(exc.orig, "sqlstate", None)
        if state in _PG_STATES:
            return _PG_STATES[state]
        text = str(exc.orig).lower()
        return next((k for m, k in _SQLITE_MESSAGES.items() if text.startswith(m)), None)
    if isinstance(exc, OSError):
        return _ERRNOS.get(exc.errno or 0)
    return None


def storage_fault(exc: BaseException) -> Fault | None:
    """The answer for a storage fault (and its log line), or None when `exc` is not one."""
    kind = kind_of(exc)
    if kind is None:
        return None
    if kind == "busy":
        log.warning("database busy, request refused with 503: %s", exc)
    elif kind not in _logged:
        _logged.add(kind)
        log.error("storage %s: writes are refused until this is fixed: %s", kind, exc)
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if kind == "busy" else {}
    title, message = TEXTS[kind]
    return Fault(kind, STATUS[kind], str(title), str(message), headers)
