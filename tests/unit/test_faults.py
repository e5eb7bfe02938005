"""Which errors are storage faults (busy, read-only, full) and which are not."""

from __future__ import annotations

import errno
import sqlite3

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from designer.web.faults import kind_of


class _PgError(Exception):
    def __init__(self, sqlstate: str):
        super().__init__(f"pg error {sqlstate}")
        self.sqlstate = sqlstate


def _wrapped(orig: Exception) -> OperationalError:
    return OperationalError("UPDATE designs SET title=?", {}, orig)


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (_wrapped(sqlite3.OperationalError("database is locked")), "busy"),
        (_wrapped(sqlite3.OperationalError("attempt to write a readonly database")), "read_only"),
        (_wrapped(sqlite3.OperationalError("database or disk is full")), "full"),
        (_wrapped(_PgError("55P03")), "busy"),
        (_wrapped(_PgError("25006")), "read_only"),
        (_wrapped(_PgError("53100")), "full"),
        (OSError(errno.ENOSPC, "No space left on device"), "full"),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), "full"),
        (OSError(errno.EROFS, "Read-only file system"), "read_only"),
        # Not storage faults: they stay a 500 (logged with their traceback).
        (_wrapped(sqlite3.OperationalError("no such table: designs")), None),
        (_wrapped(_PgError("42P01")), None),
        (IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed")), None),
        (FileNotFoundError(errno.ENOENT, "No such file"), None),
        (ValueError("database is locked"), None),
    ],
)
def test_kind_of(error, kind):
    assert kind_of(error) == kind
