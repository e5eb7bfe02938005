"""Read side of LTI: a workspace's registered platforms."""

from __future__ import annotations

from sqlalchemy import select

from designer.models import LtiPlatform, Workspace, db
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
