"""Where a placement or a module of a design stands in the learner's view."""

from __future__ import annotations

from sqlalchemy import select

from designer.models import Design, Module, Placement, db
from designer.queries.read_model import module_key
from designer.services.errors import NotFound


def unit_anchor(design: Design, placement_id: int) -> str:
    """The anchor of a placement's unit in the course player ("n3" for the third nugget
    of the course), counted in the order the snapshot places them."""
    rows = db.session.execute(
        select(Placement.id)
        .join(Module, Module.id == Placement.module_id)
        .where(Placement.design_id == design.id, Module.deleted_at.is_(None))
        .order_by(Module.position, Module.id, Placement.position, Placement.id)
    ).scalars()
    for number, found in enumerate(rows, start=1):
        if found == placement_id:
            return f"n{number}"
    raise NotFound("placement")


def chapter_key(design: Design, module_id: int) -> str:
    """The snapshot key of one of the design's modules."""
    module = db.session.get(Module, module_id)
    if module is None or module.design_id != design.id or module.deleted_at is not None:
        raise NotFound("module")
    return module_key(module.id)
