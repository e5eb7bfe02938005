"""Optimistic concurrency: a write names the lock_version it was based on."""

from __future__ import annotations

from typing import Any

from designer.services.errors import Conflict, Invalid


def check_version(row: Any, expected: int | None, current: dict[str, Any] | None = None) -> None:
    """Raise Conflict when the client edited an older version of `row`.

    `expected=None` means the caller does not track versions (CLI, imports); anything
    but a whole number is refused as an outdated form."""
    if expected is None:
        return
    if isinstance(expected, bool) or not isinstance(expected, int):
        raise Invalid({"lock_version": "form_outdated"})
    if expected != row.lock_version:
        state = dict(current or {})
        state.setdefault("lock_version", row.lock_version)
        raise Conflict(expected, state)
