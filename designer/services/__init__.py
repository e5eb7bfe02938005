"""State-changing operations. Each checks permissions, the lock version, writes, and
appends an Event. Callers commit with `db.session.commit()` through `services.unit`."""
