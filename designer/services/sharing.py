"""Sharing nuggets beyond their workspace, and reusing shared nuggets as copies.

Visibility of a nugget (`Nugget.visibility`):

- "workspace": only the members of its own workspace see it (the default);
- "partnership": also the members of every *partnership* workspace that one of the owner
  workspace's members belongs to. An organisation thus shares with the partnerships its
  people work in, and a partnership shares with the other partnerships of its members;
- "catalogue": every signed-in person of this instance.

A competition-sensitive nugget never leaves its workspace. Reusing a nugget from another
workspace makes a copy (fork) in the reusing workspace that keeps licence, attribution,
`forked_from` and the origin workspace and organisation.
"""

from __future__ import annotations

from designer.models import Nugget, User, Workspace, db
from designer.models.collab import NUGGET_VISIBILITIES
from designer.queries.sharing import visible_elsewhere
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.nuggets import copy_nugget
from designer.services.permissions import Action, require


def set_sharing(
    actor: User, nugget: Nugget, visibility: str, competition_sensitive: bool
) -> Nugget:
    require(actor, Action.NUGGET_SHARE, db.session.get(Workspace, nugget.workspace_id))
    if visibility not in NUGGET_VISIBILITIES:
        raise Invalid({"visibility": "unknown"})
    if competition_sensitive and visibility != "workspace":
        raise Invalid({"visibility": "competition_sensitive"})
    if (nugget.visibility, nugget.competition_sensitive) != (visibility, competition_sensitive):
        nugget.visibility = visibility
        nugget.competition_sensitive = competition_sensitive
        events.record(
            "nugget.shared",
            actor,
            nugget.workspace_id,
            nugget_id=nugget.id,
            visibility=visibility,
            competition_sensitive=competition_sensitive,
        )
    return nugget


def may_see(user: User, nugget: Nugget) -> bool:
    return (
        db.session.scalar(
            visible_elsewhere(user).where(Nugget.id == nugget.id).with_only_columns(Nugget.id)
        )
        is not None
    )


def copy_to_workspace(actor: User, nugget: Nugget, workspace: Workspace) -> Nugget:
    """Reuse a shared nugget: a copy in `workspace` that remembers its origin."""
    if not may_see(actor, nugget):
        raise NotFound("nugget")
    copy = copy_nugget(actor, nugget, workspace)
    copy.origin_workspace_id = nugget.origin_workspace_id or nugget.workspace_id
    copy.origin_organisation = nugget.origin_organisation or nugget.organisation
    events.record(
        "nugget.copied",
        actor,
        workspace.id,
        nugget_id=copy.id,
        from_nugget_id=nugget.id,
        from_workspace_id=nugget.workspace_id,
        title=copy.title,
    )
    return copy
