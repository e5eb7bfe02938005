"""Who is looking at a design right now: one heartbeat row per (design, person).

Every poll of the event feed upserts the row; people seen in the last PRESENCE_SECONDS
count as present. The row lives in the database, so this works with any number of app
processes, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from designer.models import Design, Presence, User, db
from designer.models.columns import utcnow

PRESENCE_SECONDS = 30
_INSERTS = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def heartbeat(design: Design, user: User) -> None:
    """Record that `user` is viewing `design` now (one statement, safe under races)."""
    now = utcnow()
    insert = _INSERTS[db.engine.dialect.name](Presence).values(
        design_id=design.id, user_id=user.id, last_seen=now
    )
    db.session.execute(
        insert.on_conflict_do_update(
            index_elements=[Presence.design_id, Presence.user_id], set_={"last_seen": now}
        )
    )


def viewers(design: Design, exclude: User | None = None) -> list[User]:
    """People seen on the design within the last PRESENCE_SECONDS, by name."""
    since = utcnow() - timedelta(seconds=PRESENCE_SECONDS)
    query = (
        select(User)
        .join(Presence, Presence.user_id == User.id)
        .where(Presence.design_id == design.id, Presence.last_seen >= since)
        .order_by(User.display_name)
    )
    if exclude is not None:
        query = query.where(User.id != exclude.id)
    return list(db.session.scalars(query))
