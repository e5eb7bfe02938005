"""Optimistic concurrency: a write names the lock_version it was based on."""

from __future__ import annotations

from typing import Any

from designer.services.errors import Conflict


def check_version(row: Any, expected: int | None, current: dict[str, Any] | None = None) -> None:
    """Raise Conflict when the client edited an older version of `row`.

    `expected=None` means the caller does not track versions (CLI, imports)."""
    if expected is not None and int(expected) != row.lock_version:
        state = dict(current or {})
        state.setdefault("lock_version", row.lock_version)
        raise Conflict(int(expected), state)
