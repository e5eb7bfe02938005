"""Bringing people in: by the e-mail of an existing account, or by an invitation link.

A link carries a random token; only its SHA-256 is stored, so the link is shown once.
Accepting needs a logged-in account, happens once, and adds a workspace membership or a
role on one design (a guest). Roles are looked up on every request (permissions.py), so
removing a guest or revoking a link takes effect at once.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update

from designer.models import Design, DesignMember, Invitation, Membership, User, Workspace, db
from designer.models.columns import utcnow
from designer.models.workspaces import ROLES
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.notifications import notify
from designer.services.permissions import Action, require
from designer.services.workspaces import add_member, invitable

DESIGN_GUEST_ROLES = ("designer", "expert", "reviewer", "viewer")
MAX_DAYS = 90


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _check_role(role: str, design: Design | None) -> None:
    if role not in (DESIGN_GUEST_ROLES if design is not None else ROLES):
        raise Invalid({"role": "unknown"})


def invite_existing(
    actor: User, workspace: Workspace, design: Design | None, email: str, role: str
) -> Membership | DesignMember:
    """Add an existing account to the workspace, or as a guest to one design."""
    if design is None:
        return add_member(actor, workspace, email, role, "")
    require(actor, Action.DESIGN_MEMBERS, design)
    _check_role(role, design)
    user = invitable(email)
    member = _add_design_member(actor, design, user, role)
    notify([user.id], actor, design, "invitation", workspace=workspace.name, role=role)
    return member


def _add_design_member(actor: User | None, design: Design, user: User, role: str) -> DesignMember:
    member = db.session.scalar(
        select(DesignMember).where(
            DesignMember.design_id == design.id, DesignMember.user_id == user.id
        )
    )
    if member is not None:
        raise Invalid({"email": "already_member"})
    member = DesignMember(design_id=design.id, user_id=user.id, role=role)
    db.session.add(member)
    db.session.flush()
    events.record(
        "design_member.added", actor, design.workspace_id, design.id, user_id=user.id, role=role
    )
    return member


def create_invitation(
    actor: User,
    workspace: Workspace,
    design: Design | None,
    role: str,
    days: int,
    note: str = "",
) -> tuple[Invitation, str]:
    """A new link; returns the invitation and its token (shown once, never stored)."""
    if design is None:
        require(actor, Action.MEMBERS_MANAGE, workspace)
    else:
        require(actor, Action.DESIGN_MEMBERS, design)
        if design.workspace_id != workspace.id:
            raise NotFound("design")
    _check_role(role, design)
    if not 1 <= days <= MAX_DAYS:
        raise Invalid({"days": "out_of_range"})
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        token_hash=token_hash(token),
        workspace_id=workspace.id,
        design_id=design.id if design else None,
        role=role,
        note=(note or "").strip()[:200],
        expires_at=utcnow() + timedelta(days=days),
        created_by_id=actor.id,
    )
    db.session.add(invitation)
    db.session.flush()
    events.record(
        "invitation.created",
        actor,
        workspace.id,
        design.id if design else None,
        invitation_id=invitation.id,
        role=role,
    )
    return invitation, token


def status(invitation: Invitation | None) -> str:
    """unknown | revoked | accepted | expired | valid."""
    if invitation is None:
        return "unknown"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.accepted_at is not None:
        return "accepted"
    if invitation.expires_at <= utcnow():
        return "expired"
    return "valid"


def find(token: str) -> Invitation | None:
    return db.session.scalar(select(Invitation).where(Invitation.token_hash == token_hash(token)))


def accept(user: User, token: str) -> Invitation:
    """Join with the link's role; a link works once. The link is claimed first by one
    conditional UPDATE: of two people accepting at the same moment, the database lets one
    through and the other finds it accepted (and nothing of theirs is written)."""
    invitation = find(token)
    state = status(invitation)
    if state != "valid":
        raise Invalid({"invitation": f"invitation_{state}"})
    _claim(invitation, user)
    if invitation.design_id is None:
        _join_workspace(user, invitation)
    else:
        design = db.session.get(Design, invitation.design_id)
        if design is None or design.deleted_at is not None:
            raise Invalid({"invitation": "invitation_unknown"})
        _add_design_member(user, design, user, invitation.role)
    events.record(
        "invitation.accepted",
        user,
        invitation.workspace_id,
        invitation.design_id,
        invitation_id=invitation.id,
        role=invitation.role,
    )
    return invitation


def _claim(invitation: Invitation, user: User) -> None:
    now = utcnow()
    claimed = db.session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation.id,
            Invitation.accepted_at.is_(None),
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > now,
        )
        .values(accepted_at=now, accepted_by_id=user.id)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        raise Invalid({"invitation": "invitation_accepted"})
    db.session.refresh(invitation)


def _join_workspace(user: User, invitation: Invitation) -> None:
    existing = db.session.scalar(
        select(Membership).where(
            Membership.workspace_id == invitation.workspace_id, Membership.user_id == user.id
        )
    )
    if existing is not None:
        raise Invalid({"invitation": "already_member"})
    db.session.add(
        Membership(workspace_id=invitation.workspace_id, user_id=user.id, role=invitation.role)
    )
    events.record(
        "member.added", user, invitation.workspace_id, user_id=user.id, role=invitation.role
    )


def revoke(actor: User, invitation_id: int, workspace: Workspace) -> Invitation:
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or invitation.workspace_id != workspace.id:
        raise NotFound("invitation")
    if invitation.design_id is None:
        require(actor, Action.MEMBERS_MANAGE, workspace)
    else:
        require(actor, Action.DESIGN_MEMBERS, db.session.get(Design, invitation.design_id))
    if invitation.revoked_at is None:
        invitation.revoked_at = utcnow()
        events.record(
            "invitation.revoked",
            actor,
            workspace.id,
            invitation.design_id,
            invitation_id=invitation.id,
        )
    return invitation


def _design_member(design: Design, member_id: int) -> DesignMember:
    member = db.session.get(DesignMember, member_id)
    if member is None or member.design_id != design.id:
        raise NotFound("design member")
    return member


def change_guest_role(actor: User, design: Design, member_id: int, role: str) -> DesignMember:
    require(actor, Action.DESIGN_MEMBERS, design)
    _check_role(role, design)
    member = _design_member(design, member_id)
    member.role = role
    events.record(
        "design_member.role_changed",
        actor,
        design.workspace_id,
        design.id,
        user_id=member.user_id,
        role=role,
    )
    return member


def remove_guest(actor: User, design: Design, member_id: int) -> None:
    """Takes effect on the guest's next request: roles are never cached."""
    require(actor, Action.DESIGN_MEMBERS, design)
    member = _design_member(design, member_id)
    db.session.delete(member)
    events.record(
        "design_member.removed", actor, design.workspace_id, design.id, user_id=member.user_id
    )
