"""Read-only look-ups for the REST API's lists (a constant number of queries each)."""

from __future__ import annotations

from sqlalchemy import select

from designer.models import LearningObjective, Module, Nugget, Placement, db, placement_objectives
from designer.models.designs import Design
from designer.models.workspaces import Workspace


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


def placements_of(design: Design) -> list[tuple[Placement, list[int]]]:
    """Placements on live modules in canvas order, each with its linked objective ids."""
    rows = db.session.scalars(
        select(Placement)
        .join(Module, Module.id == Placement.module_id)
        .where(Placement.design_id == design.id, Module.deleted_at.is_(None))
        .order_by(Module.position, Module.id, Placement.position, Placement.id)
    ).all()
    links: dict[int, list[int]] = {}
    for placement_id, objective_id in db.session.execute(
        select(placement_objectives.c.placement_id, placement_objectives.c.objective_id)
        .join(Placement, Placement.id == placement_objectives.c.placement_id)
        .where(Placement.design_id == design.id)
    ):
        links.setdefault(placement_id, []).append(objective_id)
    return [(p, sorted(links.get(p.id, []))) for p in rows]


def nuggets_of(workspace: Workspace) -> list[Nugget]:
    return list(
        db.session.scalars(
            select(Nugget)
            .where(Nugget.workspace_id == workspace.id, Nugget.deleted_at.is_(None))
            .order_by(Nugget.title, Nugget.id)
        )
    )
