"""Requests for training of a workspace, as its coordinators see them."""

from __future__ import annotations

from sqlalchemy import func, select

from designer.models import Design, TrainingRequest, User, Workspace, db
from designer.models.requests import REQUEST_STATES
from designer.services.errors import NotFound
from designer.services.permissions import Action, require


def requests_of(actor: User, workspace: Workspace, state: str = "") -> list[TrainingRequest]:
    """The workspace's requests, newest first, all or those in `state`."""
    require(actor, Action.REQUESTS_MANAGE, workspace)
    query = select(TrainingRequest).where(TrainingRequest.workspace_id == workspace.id)
    if state in REQUEST_STATES:
        query = query.where(TrainingRequest.state == state)
    order = (TrainingRequest.created_at.desc(), TrainingRequest.id.desc())
    return list(db.session.scalars(query.order_by(*order)))


def state_counts(workspace: Workspace) -> dict[str, int]:
    rows = db.session.execute(
        select(TrainingRequest.state, func.count(TrainingRequest.id))
        .where(TrainingRequest.workspace_id == workspace.id)
        .group_by(TrainingRequest.state)
    )
    counts = dict(rows.all())
    return {state: counts.get(state, 0) for state in REQUEST_STATES}


def request_for(actor: User, workspace: Workspace, request_id: int) -> TrainingRequest:
    require(actor, Action.REQUESTS_MANAGE, workspace)
    row = db.session.get(TrainingRequest, request_id)
    if row is None or row.workspace_id != workspace.id:
        raise NotFound("request")
    return row


def design_of(row: TrainingRequest) -> Design | None:
    """The design made from the request, unless it was deleted or lies in the trash."""
    design = db.session.get(Design, row.design_id) if row.design_id else None
    return design if design is not None and design.deleted_at is None else None
