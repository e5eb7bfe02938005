"""Appending to the event log (audit trail, activity feed, live updates)."""

from __future__ import annotations

from typing import Any

from designer.models import Event, db
from designer.models.accounts import User


def record(
    kind: str,
    actor: User | None,
    workspace_id: int,
    design_id: int | None = None,
    /,
    **payload: Any,
) -> Event:
    event = Event(
        kind=kind,
        actor_id=actor.id if actor else None,
        workspace_id=workspace_id,
        design_id=design_id,
        payload=payload,
    )
    db.session.add(event)
    return event
