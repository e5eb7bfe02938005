"""Stored versions of a design (snapshot JSON)."""

from __future__ import annotations

from sqlalchemy import func, select

from designer.core.snapshot import snapshot_hash, to_json
from designer.models import Design, Revision, User, db
from designer.queries.read_model import snapshot
from designer.services import events
from designer.services.permissions import Action, require


def store_revision(design: Design, actor: User | None, kind: str, message: str = "") -> Revision:
    """Store the design as it is now; the caller has authorised the occasion."""
    db.session.flush()
    snap = snapshot(design)
    number = (
        db.session.scalar(select(func.max(Revision.number)).where(Revision.design_id == design.id))
        or 0
    ) + 1
    revision = Revision(
        design_id=design.id,
        number=number,
        kind=kind,
        message=message.strip()[:500],
        snapshot_json=to_json(snap, indent=None),
        snapshot_hash=snapshot_hash(snap),
        author_id=actor.id if actor else None,
    )
    db.session.add(revision)
    events.record("revision.saved", actor, design.workspace_id, design.id, number=number, kind=kind)
    return revision


def save_named_version(actor: User, design: Design, message: str) -> Revision:
    require(actor, Action.DESIGN_EDIT, design)
    return store_revision(design, actor, kind="named", message=message)
