"""Column helpers shared by the tables."""

from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime
from sqlalchemy.dialects.postgresql import JSONB

# JSONB on PostgreSQL, JSON text elsewhere.
JsonType = JSON().with_variant(JSONB(), "postgresql")


# Deleted designs, modules and nuggets stay in the trash (restorable) this many days.
TRASH_DAYS = 30


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


Timestamp = DateTime(timezone=False)
