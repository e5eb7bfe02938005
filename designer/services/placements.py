"""A design's placements: library nuggets put on the canvas, moved, overridden, removed,
duplicated and pulled to their nugget's newest revision."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func, select, update

from designer.core import fields, limits
from designer.models import (
    Design,
    LearningObjective,
    Module,
    Nugget,
    NuggetRevision,
    Placement,
    User,
    Workspace,
    db,
)
from designer.services import events
from designer.services.designs import mark_changed, module_of
from designer.services.errors import Invalid, NotFound
from designer.services.locking import check_version
from designer.services.nuggets import (
    clean_nugget_values,
    create_nugget_unchecked,
    values_of_revision,
)
from designer.services.permissions import Action, can_see_nugget, require


def _next_position(module: Module) -> int:
    return db.session.scalar(
        select(func.coalesce(func.max(Placement.position) + 1, 0)).where(
            Placement.module_id == module.id
        )
    )


def _placed_count(design: Design) -> int:
    return db.session.scalar(
        select(func.count(Placement.id))
        .join(Module, Module.id == Placement.module_id)
        .where(Placement.design_id == design.id, Module.deleted_at.is_(None))
    )


def _require_room(design: Design) -> None:
    """Refuse one more placement when the design holds as many nuggets as it may."""
    if code := limits.exceeds(_placed_count(design) + 1, "nuggets"):
        raise Invalid({"nugget": code})


def place_nugget(
    actor: User, design: Design, module_id: int, nugget: Nugget, position: int | None = None
) -> Placement:
    """Put a library nugget on the canvas, pinned to its current revision. A nugget the
    actor may not see (a guest and the workspace library) is not found."""
    require(actor, Action.DESIGN_EDIT, design)
    if not can_see_nugget(actor, nugget):
        raise NotFound("nugget")
    return _place(actor, design, module_id, nugget, position)


def _place(
    actor: User, design: Design, module_id: int, nugget: Nugget, position: int | None = None
) -> Placement:
    module = module_of(design, module_id)
    if nugget.workspace_id != design.workspace_id or nugget.deleted_at is not None:
        raise NotFound("nugget")
    _require_room(design)
    placement = Placement(
        design_id=design.id,
        module=module,
        nugget_id=nugget.id,
        nugget_revision=nugget.revision,
        position=_next_position(module),
    )
    db.session.add(placement)
    db.session.flush()
    if position is not None:
        _reorder(module, placement, position)
    mark_changed(design, actor)
    events.record(
        "placement.added",
        actor,
        design.workspace_id,
        design.id,
        placement_id=placement.id,
        nugget_id=nugget.id,
        module_id=module.id,
    )
    return placement


def add_new_nugget(
    actor: User, design: Design, module_id: int, values: dict[str, Any]
) -> Placement:
    """Create a nugget in the design's workspace library and place it."""
    require(actor, Action.DESIGN_EDIT, design)
    _require_room(design)
    workspace = db.session.get(Workspace, design.workspace_id)
    nugget = create_nugget_unchecked(actor, workspace, clean_nugget_values(values))
    return _place(actor, design, module_id, nugget)


def placement_of(design: Design, placement_id: int) -> Placement:
    placement = db.session.get(Placement, placement_id)
    if placement is None or placement.design_id != design.id:
        raise NotFound("placement")
    return placement


def _siblings(module: Module, exclude: Placement) -> list[Placement]:
    rows = db.session.scalars(
        select(Placement)
        .where(Placement.module_id == module.id)
        .order_by(Placement.position, Placement.id)
    )
    return [p for p in rows if p.id != exclude.id]


def _reorder(module: Module, placement: Placement, position: int) -> None:
    order = _siblings(module, placement)
    position = max(0, min(position, len(order)))
    order.insert(position, placement)
    placement.position = position
    _renumber([p for p in order if p is not placement], skip=position)


def _renumber(siblings: list[Placement], skip: int | None = None) -> None:
    """Number `siblings` 0, 1, … in their order (leaving out position `skip`) in one
    UPDATE, however many of them shift: a studio request runs as many statements for a
    module of 100 cards as for one of 10. Each shifted placement gets a new version, as
    a row-by-row update would give it."""
    wanted = {}
    for i, p in enumerate(siblings):
        number = i + 1 if skip is not None and i >= skip else i
        if p.position != number:
            wanted[p.id] = number
    if not wanted:
        return
    db.session.flush()
    db.session.execute(
        update(Placement)
        .where(Placement.id.in_(wanted))
        .values(
            position=case(wanted, value=Placement.id),
            lock_version=Placement.lock_version + 1,
        )
        .execution_options(synchronize_session=False)
    )
    for p in siblings:
        if p.id in wanted:
            db.session.expire(p, ["position", "lock_version"])


def move_placement(
    actor: User,
    design: Design,
    placement_id: int,
    module_id: int,
    position: int,
    expected_version: int | None,
) -> Placement:
    require(actor, Action.DESIGN_EDIT, design)
    placement = placement_of(design, placement_id)
    check_version(
        placement,
        expected_version,
        {"module_id": placement.module_id, "position": placement.position},
    )
    old_module = placement.module
    target = module_of(design, module_id)
    if target.id != old_module.id:
        placement.module = target
        _renumber(_siblings(old_module, placement))
    _reorder(target, placement, position)
    mark_changed(design, actor)
    db.session.flush()
    events.record(
        "placement.moved",
        actor,
        design.workspace_id,
        design.id,
        placement_id=placement.id,
        module_id=target.id,
        position=placement.position,
    )
    return placement


def update_placement(
    actor: User,
    design: Design,
    placement_id: int,
    values: dict[str, Any],
    expected_version: int | None,
) -> Placement:
    """Objective links and this design's overrides of duration and delivery mode."""
    require(actor, Action.DESIGN_EDIT, design)
    placement = placement_of(design, placement_id)
    check_version(
        placement,
        expected_version,
        {
            "duration_override": placement.duration_override,
            "delivery_mode_override": placement.delivery_mode_override,
        },
    )
    errors = _apply_overrides(placement, values)
    if "objective_ids" in values and not _link_objectives(design, placement, values):
        errors["objective_ids"] = "unknown"
    if errors:
        raise Invalid(errors)
    if not db.session.is_modified(placement):
        return placement  # saved unchanged: no new version, no event
    mark_changed(design, actor)
    db.session.flush()
    events.record(
        "placement.updated", actor, design.workspace_id, design.id, placement_id=placement.id
    )
    return placement


OVERRIDE_KINDS: dict[str, fields.Kind] = {
    "duration_override": fields.DURATION_OVERRIDE,
    "delivery_mode_override": fields.Choice("delivery_mode", optional=True),
}


def _apply_overrides(placement: Placement, values: dict[str, Any]) -> dict[str, str]:
    """Set the overrides that are valid and changed; return the refused ones' errors."""
    given = {name: values[name] for name in OVERRIDE_KINDS if name in values}
    clean, errors = fields.clean_all(OVERRIDE_KINDS, given)
    for name, value in clean.items():
        if value != getattr(placement, name):
            setattr(placement, name, value)
    return errors


def _link_objectives(design: Design, placement: Placement, values: dict[str, Any]) -> bool:
    """Link the placement to the design's objectives named in values["objective_ids"];
    False when one of them is not an objective of this design."""
    ids = {int(i) for i in values["objective_ids"]}
    objectives = db.session.scalars(
        select(LearningObjective).where(
            LearningObjective.id.in_(ids), LearningObjective.design_id == design.id
        )
    ).all()
    if ids != {o.id for o in placement.objectives}:
        placement.objectives = list(objectives)
        # The links live in their own table: without this the row's version would stay
        # and a second client's change based on the same version would win silently.
        placement.lock_version += 1
    return len(objectives) == len(ids)


def remove_placement(actor: User, design: Design, placement_id: int) -> None:
    require(actor, Action.DESIGN_EDIT, design)
    placement = placement_of(design, placement_id)
    module = placement.module
    db.session.delete(placement)
    db.session.flush()
    _renumber(_siblings(module, placement))
    mark_changed(design, actor)
    events.record(
        "placement.removed",
        actor,
        design.workspace_id,
        design.id,
        placement_id=placement_id,
        nugget_id=placement.nugget_id,
    )


def pull_update(actor: User, design: Design, placement_id: int) -> Placement:
    """Pin a placement to its nugget's current revision."""
    require(actor, Action.DESIGN_EDIT, design)
    placement = placement_of(design, placement_id)
    nugget = db.session.get(Nugget, placement.nugget_id)
    if placement.nugget_revision != nugget.revision:
        old = placement.nugget_revision
        placement.nugget_revision = nugget.revision
        mark_changed(design, actor)
        events.record(
            "placement.pulled",
            actor,
            design.workspace_id,
            design.id,
            placement_id=placement.id,
            from_revision=old,
            to_revision=nugget.revision,
        )
    return placement


def pinned_revision(placement: Placement) -> NuggetRevision:
    """The revision of its nugget that a placement shows."""
    return db.session.scalar(
        select(NuggetRevision).where(
            NuggetRevision.nugget_id == placement.nugget_id,
            NuggetRevision.revision == placement.nugget_revision,
        )
    )


def duplicate_placement(actor: User, design: Design, placement_id: int) -> Placement:
    """Copy a placement: a fork of the nugget as pinned here, placed right below the
    original with the same overrides and objective links. Editing the copy leaves the
    original (and every other design using it) alone."""
    require(actor, Action.DESIGN_EDIT, design)
    original = placement_of(design, placement_id)
    workspace = db.session.get(Workspace, design.workspace_id)
    values = values_of_revision(pinned_revision(original).data)
    copy = create_nugget_unchecked(actor, workspace, clean_nugget_values(values))
    copy.forked_from_id = original.nugget_id
    placement = _place(actor, design, original.module_id, copy, position=original.position + 1)
    placement.duration_override = original.duration_override
    placement.delivery_mode_override = original.delivery_mode_override
    placement.objectives = list(original.objectives)
    db.session.flush()
    return placement
