"""Which nuggets of other workspaces a person may see (see services/sharing.py for the rules)."""

from __future__ import annotations

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import aliased

from designer.models import Membership, Nugget, User, Workspace


def visible_elsewhere(user: User) -> Select:
    """Nuggets of other workspaces that `user` may see (a query to refine and run)."""
    mine = select(Membership.workspace_id).where(Membership.user_id == user.id)
    my_partnerships = (
        select(Membership.workspace_id)
        .join(Workspace, Workspace.id == Membership.workspace_id)
        .where(Membership.user_id == user.id, Workspace.kind == "partnership")
    )
    owner_member = aliased(Membership)
    shared_member = aliased(Membership)
    shares_a_partnership = exists().where(
        owner_member.workspace_id == Nugget.workspace_id,
        shared_member.user_id == owner_member.user_id,
        shared_member.workspace_id.in_(my_partnerships),
    )
    return select(Nugget).where(
        Nugget.deleted_at.is_(None),
        Nugget.competition_sensitive.is_(False),
        Nugget.workspace_id.not_in(mine),
        or_(
            Nugget.visibility == "catalogue",
            and_(Nugget.visibility == "partnership", shares_a_partnership),
        ),
    )
