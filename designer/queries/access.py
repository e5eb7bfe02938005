"""Read-only look-ups for pages (the dashboard, lists). Writes live in services/."""

from __future__ import annotations

from sqlalchemy import select

from designer.models import Design, DesignMember, Membership, User, Workspace, db
from designer.services.errors import NotFound
from designer.services.permissions import Action, require


def workspaces_of(user: User) -> list[tuple[Workspace, str]]:
    rows = db.session.execute(
        select(Workspace, Membership.role)
        .join(Membership, Membership.workspace_id == Workspace.id)
        .where(Membership.user_id == user.id)
        .order_by(Workspace.name)
    )
    return [(w, r) for w, r in rows]


def workspace_by_slug(user: User, slug: str, action: Action = Action.WORKSPACE_VIEW) -> Workspace:
    workspace = db.session.scalar(select(Workspace).where(Workspace.slug == slug))
    if workspace is None:
        raise NotFound("workspace")
    require(user, action, workspace)
    return workspace


def design_for(user: User, design_id: int, action: Action = Action.DESIGN_VIEW) -> Design:
    design = db.session.get(Design, design_id)
    if design is None or design.deleted_at is not None:  # in the trash: restore it first
        raise NotFound("design")
    require(user, action, design)
    return design


def designs_of_workspace(workspace: Workspace) -> list[Design]:
    return list(
        db.session.scalars(
            select(Design)
            .where(Design.workspace_id == workspace.id, Design.deleted_at.is_(None))
            .order_by(Design.updated_at.desc())
        )
    )


def guest_designs(user: User) -> list[tuple[Design, str]]:
    """Designs shared with `user` on their own, outside any workspace membership."""
    member_of = select(Membership.workspace_id).where(Membership.user_id == user.id)
    rows = db.session.execute(
        select(Design, DesignMember.role)
        .join(DesignMember, DesignMember.design_id == Design.id)
        .where(
            DesignMember.user_id == user.id,
            Design.deleted_at.is_(None),
            Design.workspace_id.not_in(member_of),
        )
        .order_by(Design.updated_at.desc())
    )
    return [(d, r) for d, r in rows]


def members_of(workspace: Workspace) -> list[Membership]:
    return list(
        db.session.scalars(
            select(Membership)
            .join(User, User.id == Membership.user_id)
            .where(Membership.workspace_id == workspace.id)
            .order_by(User.display_name)
        )
    )


def user_by_id(user_id: int) -> User | None:
    return db.session.get(User, user_id)


def time_zone_of(slug: str | None, design_id: int | None) -> str | None:
    """The time zone of the workspace with this slug, or of this design's workspace; no
    permission check: a page that shows times has checked access already."""
    if slug is not None:
        query = select(Workspace.time_zone).where(Workspace.slug == slug)
    elif design_id is not None:
        query = (
            select(Workspace.time_zone)
            .join(Design, Design.workspace_id == Workspace.id)
            .where(Design.id == design_id)
        )
    else:
        return None
    return db.session.scalar(query)
