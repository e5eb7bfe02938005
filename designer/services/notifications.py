"""In-app notifications: who should look at a comment, a review request or a decision."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import update

from designer.models import Design, Notification, User, db
from designer.models.columns import utcnow


def notify(
    user_ids: Iterable[int | None], actor: User | None, design: Design, kind: str, **payload: Any
) -> list[Notification]:
    """One notification per person, never to the actor themself."""
    actor_id = actor.id if actor else None
    recipients = sorted({uid for uid in user_ids if uid is not None and uid != actor_id})
    created = [
        Notification(
            user_id=uid,
            design_id=design.id,
            kind=kind,
            payload={"actor": actor.display_name if actor else "", **payload},
        )
        for uid in recipients
    ]
    db.session.add_all(created)
    return created


def mark_all_read(user: User) -> int:
    """Marks the user's unread notifications read; returns how many."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount or 0
