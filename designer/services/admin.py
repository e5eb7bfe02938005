"""What an instance administrator does: grant and revoke administration, deactivate and
reactivate accounts, send a password reset, hand a workspace's coordination over.

Every operation asks `require_admin` first. None of them gives the administrator a role
in a workspace: appointing a coordinator names someone else.
"""

from __future__ import annotations

from sqlalchemy import func, select

from designer.models import Membership, User, Workspace, db
from designer.models.columns import utcnow
from designer.services import accounts, events
from designer.services.errors import Invalid, NotFound
from designer.services.permissions import InstanceAction, require_admin


def account(user_id: int) -> User:
    """A live (not deleted) account by id."""
    user = db.session.get(User, user_id)
    if user is None or user.deleted_at is not None:
        raise NotFound("account")
    return user


def set_admin(user: User, on: bool) -> None:
    """Grant or revoke administration (the operator's command). The last active
    administrator keeps it, so that someone can still reach the admin area."""
    if not on and user.is_admin and other_admins(user) == 0:
        raise Invalid({"is_admin": "last_admin"})
    user.is_admin = on


def change_admin(actor: User, user_id: int, on: bool) -> User:
    require_admin(actor, InstanceAction.ACCOUNTS)
    user = account(user_id)
    set_admin(user, on)
    return user


def other_admins(user: User) -> int:
    """Active administrators besides `user`."""
    return db.session.scalar(
        select(func.count(User.id)).where(
            User.is_admin.is_(True),
            User.id != user.id,
            User.deactivated_at.is_(None),
            User.deleted_at.is_(None),
        )
    )


def deactivate(actor: User, user_id: int) -> User:
    """The account can no longer log in, and every session and API token of it stops."""
    require_admin(actor, InstanceAction.ACCOUNTS)
    user = account(user_id)
    if user.id == actor.id:
        raise Invalid({"account": "deactivate_self"})
    if user.deactivated_at is None:
        user.deactivated_at = utcnow()
        accounts.end_sessions(user)
    return user


def reactivate(actor: User, user_id: int) -> User:
    require_admin(actor, InstanceAction.ACCOUNTS)
    user = account(user_id)
    user.deactivated_at = None
    return user


def password_reset(actor: User, user_id: int) -> tuple[User, str]:
    """A one-time link for the account to set a new password, and its token (the caller
    mails it to the account's address; the administrator never sees it)."""
    require_admin(actor, InstanceAction.ACCOUNTS)
    user = account(user_id)
    if not user.is_active:
        raise Invalid({"account": "deactivated"})
    _link, token = accounts.login_link_for(user, actor, hours=accounts.RESET_LINK_HOURS)
    return user, token


def appoint_coordinator(actor: User, workspace_id: int, email: str) -> Membership:
    """Make the account with this address a coordinator of the workspace: a member gets
    the role, anyone else joins with it. For a workspace whose coordinator left."""
    require_admin(actor, InstanceAction.WORKSPACES)
    workspace = db.session.get(Workspace, workspace_id)
    if workspace is None:
        raise NotFound("workspace")
    user = db.session.scalar(select(User).where(User.email == accounts.normalise_email(email)))
    if user is None or user.deleted_at is not None:
        raise Invalid({"email": "no_account"})
    if not user.is_active:
        raise Invalid({"email": "deactivated"})
    membership = db.session.scalar(
        select(Membership).where(
            Membership.workspace_id == workspace.id, Membership.user_id == user.id
        )
    )
    if membership is None:
        membership = Membership(workspace=workspace, user=user, role="coordinator")
        db.session.add(membership)
        events.record("member.added", actor, workspace.id, user_id=user.id, role="coordinator")
    elif membership.role != "coordinator":
        membership.role = "coordinator"
        events.record(
            "member.role_changed", actor, workspace.id, user_id=user.id, role="coordinator"
        )
    return membership


def test_mail_recipient(actor: User) -> User:
    """A test mail goes to the administrator who asks for it."""
    require_admin(actor, InstanceAction.SETTINGS)
    return actor
