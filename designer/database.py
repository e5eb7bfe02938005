"""SQLite as the embedded default database: write-ahead logging, so that readers never wait
for a writer, and a busy timeout, so that a writer waits for another writer to finish
instead of failing at once. A write that still cannot get the lock raises "database is
locked", which the app answers with 503 and Retry-After (designer.web.faults)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import suppress
from typing import Any

from sqlalchemy import Engine, event


def configure_sqlite(engine: Engine, config: Mapping[str, Any]) -> None:
    """Set WAL and the busy timeout (config's SQLITE_BUSY_TIMEOUT_MS, read when a
    connection opens) on every new connection of a SQLite engine."""
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(config['SQLITE_BUSY_TIMEOUT_MS'])}")
        # A read-only database keeps the mode it has; reads still work.
        with suppress(sqlite3.OperationalError):
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()
