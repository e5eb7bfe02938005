"""Badges as the public addresses find them (by their public id, never the design id)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from designer.core.snapshot import DesignSnapshot
from designer.models import Badge, Design, Workspace, db
from designer.queries.read_model import snapshot
from designer.services.errors import NotFound


@dataclass(frozen=True)
class PublicBadge:
    badge: Badge
    design: Design
    workspace: Workspace
    snap: DesignSnapshot


def public_badge(public_id: str) -> PublicBadge:
    """The badge and its design as it stands now; NotFound for a design in the trash."""
    row = db.session.execute(
        select(Badge, Design, Workspace)
        .join(Design, Design.id == Badge.design_id)
        .join(Workspace, Workspace.id == Design.workspace_id)
        .where(Badge.public_id == public_id, Design.deleted_at.is_(None))
    ).first()
    if row is None:
        raise NotFound("badge")
    badge, design, workspace = row
    return PublicBadge(badge, design, workspace, snapshot(design))


def issuing_workspace(slug: str) -> Workspace:
    """A workspace as an issuer: only one that has a badge."""
    workspace = db.session.scalar(
        select(Workspace)
        .join(Design, Design.workspace_id == Workspace.id)
        .join(Badge, Badge.design_id == Design.id)
        .where(Workspace.slug == slug)
        .limit(1)
    )
    if workspace is None:
        raise NotFound("issuer")
    return workspace
