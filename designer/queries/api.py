"""Read-only look-ups for the REST API's lists (a constant number of queries each)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from designer.models import LearningObjective, Module, Nugget, Placement, db, placement_objectives
from designer.models.designs import Design
from designer.models.workspaces import Workspace
from designer.queries.paging import Page, page_of


def objectives_of(design: Design) -> list[LearningObjective]:
    return list(
        db.session.scalars(
            select(LearningObjective)
            .where(LearningObjective.design_id == design.id)
            .order_by(LearningObjective.position, LearningObjective.id)
        )
    )


def modules_of(design: Design) -> list[Module]:
    return list(
        db.session.scalars(
            select(Module)
            .where(Module.design_id == design.id, Module.deleted_at.is_(None))
            .order_by(Module.position, Module.id)
        )
    )


def placements_of(design: Design, number: int = 1, size: int | None = None) -> Page:
    """One page of the placements on live modules in canvas order; each item is a
    placement with its linked objective ids."""
    page = page_of(
        select(Placement)
        .join(Module, Module.id == Placement.module_id)
        .where(Placement.design_id == design.id, Module.deleted_at.is_(None))
        .order_by(Module.position, Module.id, Placement.position, Placement.id),
        number,
        size,
    )
    links: dict[int, list[int]] = {}
    for placement_id, objective_id in db.session.execute(
        select(placement_objectives.c.placement_id, placement_objectives.c.objective_id).where(
            placement_objectives.c.placement_id.in_([p.id for p in page.items])
        )
    ):
        links.setdefault(placement_id, []).append(objective_id)
    return replace(page, items=[(p, sorted(links.get(p.id, []))) for p in page.items])


def nuggets_of(workspace: Workspace, number: int = 1, size: int | None = None) -> Page:
    return page_of(
        select(Nugget)
        .where(Nugget.workspace_id == workspace.id, Nugget.deleted_at.is_(None))
        .order_by(Nugget.title, Nugget.id),
        number,
        size,
    )


def designs_of(workspace: Workspace, number: int = 1, size: int | None = None) -> Page:
    """The workspace's live designs, the most recently changed first."""
    return page_of(
        select(Design)
        .where(Design.workspace_id == workspace.id, Design.deleted_at.is_(None))
        .order_by(Design.updated_at.desc(), Design.id.desc()),
        number,
        size,
    )
