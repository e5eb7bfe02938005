"""What Kurswerk holds about one person (GDPR Art. 15 and 20), as plain JSON-ready data.

Only the person's own records: their profile, memberships, what they wrote (comments,
reviews), their notifications, what they did (activity events), their tokens' metadata and
failed log-ins on their address. Other people appear by no name or address: an event's
payload loses the ids of the people it concerned.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import or_, select

from designer.models import (
    ApiToken,
    Comment,
    Design,
    DesignMember,
    Event,
    LoginAttempt,
    Membership,
    Notification,
    Review,
    SignOnIdentity,
    User,
    Workspace,
    db,
)

SECTIONS = (
    "profile",
    "memberships",
    "comments",
    "reviews",
    "notifications",
    "activity",
    "api_tokens",
    "failed_logins",
    "sign_on",
)


def _when(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def personal_data(user: User) -> dict[str, Any]:
    """Every section of SECTIONS for `user`."""
    return {
        "profile": _profile(user),
        "memberships": _memberships(user),
        "comments": _comments(user),
        "reviews": _reviews(user),
        "notifications": _notifications(user),
        "activity": _activity(user),
        "api_tokens": _tokens(user),
        "failed_logins": _failed_logins(user),
        "sign_on": _sign_on(user),
    }


def _profile(user: User) -> dict[str, Any]:
    return {
        "email": user.email,
        "pending_email": user.pending_email,
        "display_name": user.display_name,
        "language": user.locale,
        "created_at": _when(user.created_at),
        "email_verified_at": _when(user.email_verified_at),
        "last_login_at": _when(user.last_login_at),
        "instance_administrator": user.is_admin,
    }


def _design_titles(ids: set[int | None]) -> dict[int, str]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    rows = db.session.execute(select(Design.id, Design.title).where(Design.id.in_(wanted)))
    return {design_id: title for design_id, title in rows}


def _memberships(user: User) -> dict[str, list[dict[str, Any]]]:
    workspaces = db.session.execute(
        select(Membership, Workspace.name)
        .join(Workspace, Workspace.id == Membership.workspace_id)
        .where(Membership.user_id == user.id)
        .order_by(Workspace.name)
    )
    designs = db.session.execute(
        select(DesignMember, Design.title)
        .join(Design, Design.id == DesignMember.design_id)
        .where(DesignMember.user_id == user.id)
        .order_by(Design.title)
    )
    return {
        "workspaces": [
            {
                "workspace": name,
                "role": m.role,
                "organisation": m.organisation,
                "since": _when(m.created_at),
            }
            for m, name in workspaces
        ],
        "designs": [{"design": title, "role": m.role} for m, title in designs],
    }


def _comments(user: User) -> list[dict[str, Any]]:
    comments = db.session.scalars(
        select(Comment).where(Comment.author_id == user.id).order_by(Comment.id)
    ).all()
    titles = _design_titles({c.design_id for c in comments})
    return [
        {
            "design": titles.get(c.design_id),
            "on": c.target_kind,
            "reply": c.parent_id is not None,
            "text": c.body,
            "resolved": c.resolved,
            "created_at": _when(c.created_at),
        }
        for c in comments
    ]


def _reviews(user: User) -> list[dict[str, Any]]:
    reviews = db.session.scalars(
        select(Review)
        .where(or_(Review.reviewer_id == user.id, Review.requested_by_id == user.id))
        .order_by(Review.id)
    ).all()
    titles = _design_titles({r.design_id for r in reviews})
    return [
        {
            "design": titles.get(r.design_id),
            "as": "reviewer" if r.reviewer_id == user.id else "requested_by",
            "requested_at": _when(r.requested_at),
            "decision": r.decision,
            "note": r.note if r.reviewer_id == user.id else "",
            "override_reason": r.override_reason if r.reviewer_id == user.id else "",
            "verdicts": r.verdicts if r.reviewer_id == user.id else {},
            "signed_at": _when(r.signed_at),
        }
        for r in reviews
    ]


def _notifications(user: User) -> list[dict[str, Any]]:
    notes = db.session.scalars(
        select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    ).all()
    titles = _design_titles({n.design_id for n in notes})
    return [
        {
            "kind": n.kind,
            "design": titles.get(n.design_id),
            "details": n.payload,
            "created_at": _when(n.created_at),
            "read_at": _when(n.read_at),
        }
        for n in notes
    ]


def _activity(user: User) -> list[dict[str, Any]]:
    rows = db.session.execute(
        select(Event, Workspace.name)
        .join(Workspace, Workspace.id == Event.workspace_id)
        .where(Event.actor_id == user.id)
        .order_by(Event.id)
    ).all()
    titles = _design_titles({e.design_id for e, _name in rows})
    return [
        {
            "what": e.kind,
            "workspace": name,
            "design": titles.get(e.design_id),
            "details": _without_people(e.payload),
            "at": _when(e.created_at),
        }
        for e, name in rows
    ]


def _without_people(payload: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in (payload or {}).items() if not k.endswith("user_id")}


def _tokens(user: User) -> list[dict[str, Any]]:
    tokens = db.session.scalars(
        select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id)
    )
    return [
        {
            "name": t.name,
            "scope": t.scope,
            "created_at": _when(t.created_at),
            "last_used_at": _when(t.last_used_at),
            "revoked_at": _when(t.revoked_at),
        }
        for t in tokens
    ]


def _failed_logins(user: User) -> list[dict[str, Any]]:
    attempts = db.session.scalars(
        select(LoginAttempt).where(LoginAttempt.email == user.email).order_by(LoginAttempt.id)
    )
    return [{"at": _when(a.created_at), "from": a.remote_addr} for a in attempts]


def _sign_on(user: User) -> list[dict[str, Any]]:
    """The provider accounts linked to this one (single sign-on)."""
    identities = db.session.scalars(
        select(SignOnIdentity).where(SignOnIdentity.user_id == user.id).order_by(SignOnIdentity.id)
    )
    return [
        {
            "issuer": i.issuer,
            "subject": i.subject,
            "linked_at": _when(i.created_at),
            "last_login_at": _when(i.last_login_at),
        }
        for i in identities
    ]


def sole_coordinator_of(user: User) -> list[Workspace]:
    """The workspaces that have no other active coordinator than `user`: they must be
    handed over before the account goes."""
    others = (
        select(Membership.id)
        .join(User, User.id == Membership.user_id)
        .where(
            Membership.workspace_id == Workspace.id,
            Membership.role == "coordinator",
            Membership.user_id != user.id,
            User.deactivated_at.is_(None),
            User.deleted_at.is_(None),
        )
        .exists()
    )
    return list(
        db.session.scalars(
            select(Workspace)
            .join(Membership, Membership.workspace_id == Workspace.id)
            .where(Membership.user_id == user.id, Membership.role == "coordinator", ~others)
            .order_by(Workspace.name)
        )
    )
