"""Badges as the public addresses find them (by their public id, never the design id)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from designer.core.snapshot import DesignSnapshot
from designer.models import Badge, BadgeAward, Design, IssuerKey, LtiLearner, Workspace, db
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


@dataclass(frozen=True)
class PublicAward:
    award: BadgeAward
    workspace: Workspace
    badge: Badge | None  # None once the badge was removed
    design: Design | None  # None once the badge was removed or its design is in the trash
    key: IssuerKey


def public_award(public_id: str) -> PublicAward:
    row = db.session.execute(
        select(BadgeAward, Workspace, IssuerKey)
        .join(Workspace, Workspace.id == BadgeAward.workspace_id)
        .join(IssuerKey, IssuerKey.workspace_id == Workspace.id)
        .where(BadgeAward.public_id == public_id)
    ).first()
    if row is None:
        raise NotFound("award")
    award, workspace, key = row
    badge = db.session.get(Badge, award.badge_id) if award.badge_id else None
    design = db.session.get(Design, badge.design_id) if badge else None
    if design is not None and design.deleted_at is not None:
        design = None
    return PublicAward(award, workspace, badge, design, key)


def issuer_of(slug: str) -> tuple[Workspace, IssuerKey]:
    """A workspace that has issued badges, with its published key."""
    row = db.session.execute(
        select(Workspace, IssuerKey)
        .join(IssuerKey, IssuerKey.workspace_id == Workspace.id)
        .where(Workspace.slug == slug)
    ).first()
    if row is None:
        raise NotFound("issuer")
    return row[0], row[1]


def revoked_awards(workspace: Workspace) -> list[tuple[str, str]]:
    rows = db.session.execute(
        select(BadgeAward.public_id, BadgeAward.revocation_reason)
        .where(BadgeAward.workspace_id == workspace.id, BadgeAward.revoked_at.is_not(None))
        .order_by(BadgeAward.revoked_at, BadgeAward.id)
    )
    return [(public_id, reason) for public_id, reason in rows]


def award_of_learner(learner: LtiLearner, design: Design) -> BadgeAward | None:
    """The award of the design's badge that Kurswerk issued to a learner of an LTI
    delivery, if any (revoked ones too)."""
    return db.session.scalar(
        select(BadgeAward)
        .join(Badge, Badge.id == BadgeAward.badge_id)
        .where(Badge.design_id == design.id, BadgeAward.lti_learner_id == learner.id)
    )
