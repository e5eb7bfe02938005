"""Releasing a design for delivery: one revision per design is what LMS launches show.
A coordinator releases the current state (stored as a new revision) or an earlier
revision; releasing again replaces the release, and the design's readers hear of each."""

from __future__ import annotations

from sqlalchemy import select

from designer.models import Design, DesignRelease, Revision, db
from designer.models.accounts import User
from designer.models.columns import utcnow
from designer.services import events, notifications
from designer.services.errors import Invalid
from designer.services.permissions import Action, require
from designer.services.revisions import store_revision


def release(
    actor: User, design: Design, revision_number: int | None = None, message: str = ""
) -> Revision:
    """Release revision `revision_number` of `design`, or (None) its current state."""
    require(actor, Action.DESIGN_RELEASE, design)
    if revision_number is None:
        revision = store_revision(design, actor, kind="named", message=message)
        db.session.flush()
    else:
        revision = db.session.scalar(
            select(Revision).where(
                Revision.design_id == design.id, Revision.number == revision_number
            )
        )
        if revision is None:
            raise Invalid({"revision": "unknown"})
    current = db.session.scalar(select(DesignRelease).where(DesignRelease.design_id == design.id))
    if current is None:
        current = DesignRelease(design_id=design.id)
        db.session.add(current)
    current.revision_id = revision.id
    current.released_at = utcnow()
    current.released_by_id = actor.id
    events.record("design.released", actor, design.workspace_id, design.id, number=revision.number)
    db.session.flush()
    notifications.design_released(actor, design, revision.number)
    return revision
