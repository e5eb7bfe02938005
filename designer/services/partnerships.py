"""Partnerships: the partner organisations of a workspace and the agreement they made.

Designs and nuggets remember the organisation of the person who created them
(`organisation_of` at creation time), so the contribution ledger can say who brought what
even after people move on.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from designer.models import Membership, PartnerOrganisation, PartnershipAgreement, User, db
from designer.models.workspaces import Workspace
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.locking import check_version
from designer.services.permissions import Action, require

AGREEMENT_FIELDS = ("goal", "contributions", "results_use", "leaving")


def organisation_of(user: User | None, workspace_id: int) -> str:
    """The organisation `user` represents in the workspace ("" when unknown)."""
    if user is None:
        return ""
    return (
        db.session.scalar(
            select(Membership.organisation).where(
                Membership.workspace_id == workspace_id, Membership.user_id == user.id
            )
        )
        or ""
    )


def agreement_of(workspace: Workspace) -> PartnershipAgreement:
    """The workspace's agreement; an empty one (not yet stored) when none was written."""
    agreement = db.session.scalar(
        select(PartnershipAgreement).where(PartnershipAgreement.workspace_id == workspace.id)
    )
    return agreement or PartnershipAgreement(
        workspace_id=workspace.id, lock_version=0, **dict.fromkeys(AGREEMENT_FIELDS, "")
    )


def agreement_state(agreement: PartnershipAgreement) -> dict[str, Any]:
    state = {name: getattr(agreement, name) or "" for name in AGREEMENT_FIELDS}
    state["lock_version"] = agreement.lock_version or 0
    return state


def update_agreement(
    actor: User, workspace: Workspace, values: dict[str, Any], expected_version: int | None
) -> PartnershipAgreement:
    """Coordinators record what the partners agreed; version 0 is the unwritten agreement."""
    require(actor, Action.WORKSPACE_MANAGE, workspace)
    agreement = agreement_of(workspace)
    check_version(agreement, expected_version, agreement_state(agreement))
    unknown = {name: "unknown_field" for name in values if name not in AGREEMENT_FIELDS}
    if unknown:
        raise Invalid(unknown)
    if agreement.id is None:
        agreement.lock_version = None
        db.session.add(agreement)
    for name, value in values.items():
        setattr(agreement, name, (value or "").strip())
    agreement.updated_by_id = actor.id
    db.session.flush()
    events.record("partnership.agreement_updated", actor, workspace.id, fields=sorted(values))
    return agreement


def partners_of(workspace: Workspace) -> list[PartnerOrganisation]:
    return list(
        db.session.scalars(
            select(PartnerOrganisation)
            .where(PartnerOrganisation.workspace_id == workspace.id)
            .order_by(PartnerOrganisation.is_coordinator.desc(), PartnerOrganisation.name)
        )
    )


def add_partner(
    actor: User,
    workspace: Workspace,
    name: str,
    contribution: str = "",
    is_coordinator: bool = False,
) -> PartnerOrganisation:
    require(actor, Action.WORKSPACE_MANAGE, workspace)
    if workspace.kind != "partnership":
        raise Invalid({"name": "not_a_partnership"})
    name = (name or "").strip()[:200]
    if not name:
        raise Invalid({"name": "required"})
    if any(p.name.casefold() == name.casefold() for p in partners_of(workspace)):
        raise Invalid({"name": "already_partner"})
    if is_coordinator:
        for other in partners_of(workspace):
            other.is_coordinator = False
    partner = PartnerOrganisation(
        workspace_id=workspace.id,
        name=name,
        contribution=(contribution or "").strip(),
        is_coordinator=is_coordinator,
    )
    db.session.add(partner)
    db.session.flush()
    events.record("partnership.partner_added", actor, workspace.id, name=name)
    return partner


def remove_partner(actor: User, workspace: Workspace, partner_id: int) -> None:
    """A partner leaves; what it contributed stays (the agreement says what happens)."""
    require(actor, Action.WORKSPACE_MANAGE, workspace)
    partner = db.session.get(PartnerOrganisation, partner_id)
    if partner is None or partner.workspace_id != workspace.id:
        raise NotFound("partner")
    db.session.delete(partner)
    events.record("partnership.partner_removed", actor, workspace.id, name=partner.name)
