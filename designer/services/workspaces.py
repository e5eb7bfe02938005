"""Workspaces and their members."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import func, select

from designer.models import Membership, User, Workspace, db
from designer.models.workspaces import ROLES, WORKSPACE_KINDS
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.notifications import notify
from designer.services.permissions import Action, require


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60] or "workspace"


def _free_slug(base: str) -> str:
    slug, n = base, 2
    while db.session.scalar(select(Workspace.id).where(Workspace.slug == slug)):
        slug, n = f"{base}-{n}", n + 1
    return slug


def create_workspace(
    actor: User, name: str, kind: str = "organisation", organisation: str = ""
) -> Workspace:
    """Any signed-in person may start a workspace; they become its coordinator."""
    workspace = _new_workspace(actor, name, kind)
    db.session.add(
        Membership(
            workspace=workspace, user_id=actor.id, role="coordinator", organisation=organisation
        )
    )
    return workspace


def open_workspace(name: str, owner: User | None = None) -> Workspace:
    """Operator action from the command line: a workspace, with `owner` (if given) as its
    coordinator."""
    workspace = _new_workspace(None, name, "organisation")
    if owner is not None:
        enrol(workspace, owner, "coordinator")
    return workspace


def _new_workspace(actor: User | None, name: str, kind: str) -> Workspace:
    name = name.strip()
    if not name:
        raise Invalid({"name": "required"})
    if kind not in WORKSPACE_KINDS:
        raise Invalid({"kind": "unknown"})
    workspace = Workspace(name=name, kind=kind, slug=_free_slug(slugify(name)))
    db.session.add(workspace)
    db.session.flush()
    events.record("workspace.created", actor, workspace.id, name=name, kind=kind)
    return workspace


def add_member(
    actor: User, workspace: Workspace, email: str, role: str, organisation: str = ""
) -> Membership:
    require(actor, Action.MEMBERS_MANAGE, workspace)
    if role not in ROLES:
        raise Invalid({"role": "unknown"})
    user = invitable(email)
    existing = db.session.scalar(
        select(Membership).where(
            Membership.workspace_id == workspace.id, Membership.user_id == user.id
        )
    )
    if existing:
        raise Invalid({"email": "already_member"})
    membership = Membership(workspace=workspace, user=user, role=role, organisation=organisation)
    db.session.add(membership)
    events.record("member.added", actor, workspace.id, user_id=user.id, role=role)
    notify(
        [user.id],
        actor,
        None,
        "invitation",
        workspace=workspace.name,
        slug=workspace.slug,
        role=role,
    )
    return membership


def invitable(email: str) -> User:
    """The account with this address, if it may be added by address: its owner has
    confirmed the address (otherwise anyone could register someone else's address and be
    taken for them)."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise Invalid({"email": "no_account"})
    if user.email_verified_at is None:
        raise Invalid({"email": "not_verified"})
    return user


def enrol(workspace: Workspace, user: User, role: str) -> Membership:
    """Operator action from the command line: no permission check, no web session."""
    if role not in ROLES:
        raise Invalid({"role": "unknown"})
    membership = Membership(workspace=workspace, user=user, role=role)
    db.session.add(membership)
    events.record("member.added", None, workspace.id, user_id=user.id, role=role)
    return membership


def _coordinators(workspace: Workspace) -> int:
    return db.session.scalar(
        select(func.count(Membership.id)).where(
            Membership.workspace_id == workspace.id, Membership.role == "coordinator"
        )
    )


def _membership(workspace: Workspace, membership_id: int) -> Membership:
    membership = db.session.get(Membership, membership_id)
    if membership is None or membership.workspace_id != workspace.id:
        raise NotFound("membership")
    return membership


def change_role(actor: User, workspace: Workspace, membership_id: int, role: str) -> Membership:
    require(actor, Action.MEMBERS_MANAGE, workspace)
    if role not in ROLES:
        raise Invalid({"role": "unknown"})
    membership = _membership(workspace, membership_id)
    if membership.role == "coordinator" and role != "coordinator" and _coordinators(workspace) == 1:
        raise Invalid({"role": "last_coordinator"})
    membership.role = role
    events.record("member.role_changed", actor, workspace.id, user_id=membership.user_id, role=role)
    return membership


def remove_member(actor: User, workspace: Workspace, membership_id: int) -> None:
    """Coordinators remove anyone; everyone may leave. The last coordinator may not."""
    membership = _membership(workspace, membership_id)
    if membership.user_id != actor.id:
        require(actor, Action.MEMBERS_MANAGE, workspace)
    if membership.role == "coordinator" and _coordinators(workspace) == 1:
        raise Invalid({"member": "last_coordinator"})
    db.session.delete(membership)
    events.record("member.removed", actor, workspace.id, user_id=membership.user_id)
