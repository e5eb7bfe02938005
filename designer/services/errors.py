"""Errors a service raises; blueprints turn them into 403, 404, 409 and form errors."""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    pass


class PermissionDenied(ServiceError):
    def __init__(self, action: str):
        super().__init__(f"not allowed: {action}")
        self.action = action


class NotFound(ServiceError):
    pass


class Conflict(ServiceError):
    """A write based on a stale lock_version; `current` is the state as it is now."""

    def __init__(self, expected: int | None, current: dict[str, Any]):
        super().__init__(
            f"stale write: based on version {expected}, now {current.get('lock_version')}"
        )
        self.expected = expected
        self.current = current


class Invalid(ServiceError):
    """Input that cannot be saved; `errors` maps a field name to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
