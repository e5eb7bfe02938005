"""Read side of LTI: a workspace's registered platforms."""

from __future__ import annotations

from sqlalchemy import select

from designer.core.snapshot import DesignSnapshot
from designer.models import Design, DesignRelease, LtiPlatform, Revision, Workspace, db
from designer.queries.read_model import revision_snapshot
from designer.services.errors import NotFound


def platforms_of(workspace: Workspace) -> list[LtiPlatform]:
    return list(
        db.session.scalars(
            select(LtiPlatform)
            .where(LtiPlatform.workspace_id == workspace.id)
            .order_by(LtiPlatform.created_at, LtiPlatform.id)
        )
    )


def platform_in(workspace: Workspace, platform_id: int) -> LtiPlatform:
    platform = db.session.get(LtiPlatform, platform_id)
    if platform is None or platform.workspace_id != workspace.id:
        raise NotFound(f"platform {platform_id}")
    return platform


def release_of(design: Design) -> tuple[DesignRelease, Revision] | None:
    row = db.session.execute(
        select(DesignRelease, Revision)
        .join(Revision, Revision.id == DesignRelease.revision_id)
        .where(DesignRelease.design_id == design.id)
    ).first()
    return (row[0], row[1]) if row else None


def released_snapshot(design: Design) -> DesignSnapshot | None:
    """The design as released for delivery, or None when no revision is released."""
    found = release_of(design)
    return revision_snapshot(found[1]) if found else None


def released_designs(workspace_id: int) -> list[tuple[Design, DesignSnapshot]]:
    """The workspace's designs that are released for delivery, with what was released."""
    rows = db.session.execute(
        select(Design, Revision)
        .join(DesignRelease, DesignRelease.design_id == Design.id)
        .join(Revision, Revision.id == DesignRelease.revision_id)
        .where(Design.workspace_id == workspace_id, Design.deleted_at.is_(None))
        .order_by(Design.title, Design.id)
    )
    return [(d, revision_snapshot(r)) for d, r in rows]


def revisions_of(design: Design) -> list[Revision]:
    return list(
        db.session.scalars(
            select(Revision).where(Revision.design_id == design.id).order_by(Revision.number.desc())
        )
    )
