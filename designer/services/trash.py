"""The trash: deleted designs, modules and nuggets wait TRASH_DAYS before they are purged.

Deleting only stamps `deleted_at`. Restoring clears it (within TRASH_DAYS). Emptying the
trash (coordinators only) and `designer purge-trash` delete rows for good, following the
foreign keys' ON DELETE rules of the schema, so the same happens on SQLite (which does not
enforce them here) and on PostgreSQL. A nugget still placed on some canvas is never
purged; it stays in the trash until no design uses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Table, delete, exists, select, update

from designer.models import Design, Module, Nugget, Placement, User, Workspace, db
from designer.models.columns import TRASH_DAYS, utcnow
from designer.services import events
from designer.services.designs import live_modules, mark_changed
from designer.services.errors import Invalid, NotFound
from designer.services.permissions import Action, require


def _restorable(deleted_at: datetime | None) -> None:
    if deleted_at is None:
        raise NotFound("trash item")
    if deleted_at < utcnow() - timedelta(days=TRASH_DAYS):
        raise Invalid({"trash": "restore_expired"})


def delete_nugget(actor: User, nugget: Nugget) -> None:
    """Moves a library nugget to the trash; designs that use it keep their pinned copy."""
    require(actor, Action.NUGGET_EDIT, db.session.get(Workspace, nugget.workspace_id))
    if nugget.deleted_at is not None:
        raise NotFound("nugget")
    nugget.deleted_at = utcnow()
    events.record(
        "nugget.deleted", actor, nugget.workspace_id, nugget_id=nugget.id, title=nugget.title
    )


def restore_design(actor: User, design: Design) -> Design:
    require(actor, Action.TRASH_RESTORE, db.session.get(Workspace, design.workspace_id))
    _restorable(design.deleted_at)
    design.deleted_at = None
    events.record("design.restored", actor, design.workspace_id, design.id, title=design.title)
    return design


def restore_module(actor: User, module: Module) -> Module:
    design = db.session.get(Design, module.design_id)
    require(actor, Action.DESIGN_EDIT, design)
    _restorable(module.deleted_at)
    module.position = len(live_modules(design))
    module.deleted_at = None
    mark_changed(design, actor)
    events.record(
        "module.restored",
        actor,
        design.workspace_id,
        design.id,
        module_id=module.id,
        title=module.title,
    )
    return module


def restore_nugget(actor: User, nugget: Nugget) -> Nugget:
    require(actor, Action.TRASH_RESTORE, db.session.get(Workspace, nugget.workspace_id))
    _restorable(nugget.deleted_at)
    nugget.deleted_at = None
    events.record(
        "nugget.restored", actor, nugget.workspace_id, nugget_id=nugget.id, title=nugget.title
    )
    return nugget


@dataclass(frozen=True)
class Purged:
    designs: int
    modules: int
    nuggets: int


def empty_trash(actor: User, workspace: Workspace) -> Purged:
    """Delete everything in the workspace's trash for good."""
    require(actor, Action.TRASH_EMPTY, workspace)
    purged = _purge(workspace.id, before=None)
    events.record(
        "trash.emptied",
        actor,
        workspace.id,
        designs=purged.designs,
        modules=purged.modules,
        nuggets=purged.nuggets,
    )
    return purged


def purge_expired(now: datetime | None = None) -> Purged:
    """Operator task (`designer purge-trash`): drop what lay in any trash over TRASH_DAYS."""
    before = (now or utcnow()) - timedelta(days=TRASH_DAYS)
    return _purge(None, before)


def _in_scope(column: Any, workspace_column: Any, workspace_id: int | None, before):
    clauses = [column.is_not(None)]
    if workspace_id is not None:
        clauses.append(workspace_column == workspace_id)
    if before is not None:
        clauses.append(column < before)
    return clauses


def _purge(workspace_id: int | None, before: datetime | None) -> Purged:
    db.session.flush()
    design_ids = db.session.scalars(
        select(Design.id).where(
            *_in_scope(Design.deleted_at, Design.workspace_id, workspace_id, before)
        )
    ).all()
    module_ids = db.session.scalars(
        select(Module.id)
        .join(Design, Design.id == Module.design_id)
        .where(
            *_in_scope(Module.deleted_at, Design.workspace_id, workspace_id, before),
            Design.id.not_in(design_ids),
        )
    ).all()
    _cascade(Design.__table__, list(design_ids))
    _cascade(Module.__table__, list(module_ids))
    still_placed = exists().where(Placement.nugget_id == Nugget.id)
    nugget_ids = db.session.scalars(
        select(Nugget.id).where(
            *_in_scope(Nugget.deleted_at, Nugget.workspace_id, workspace_id, before), ~still_placed
        )
    ).all()
    _cascade(Nugget.__table__, list(nugget_ids))
    db.session.expire_all()
    return Purged(len(design_ids), len(module_ids), len(nugget_ids))


def _cascade(table: Table, ids: list[int]) -> None:
    """Delete rows of `table` by primary key, applying every referencing foreign key's
    ON DELETE rule (CASCADE deletes, SET NULL clears) first."""
    if not ids:
        return
    (pk,) = table.primary_key.columns
    for child in db.metadata.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table is not table:
                continue
            if fk.ondelete == "SET NULL":
                db.session.execute(
                    update(child).where(fk.parent.in_(ids)).values({fk.parent: None})
                )
                continue
            child_pk = list(child.primary_key.columns)
            if len(child_pk) == 1 and child is not table:
                child_ids = db.session.scalars(select(child_pk[0]).where(fk.parent.in_(ids))).all()
                _cascade(child, list(child_ids))
            else:
                db.session.execute(delete(child).where(fk.parent.in_(ids)))
    db.session.execute(delete(table).where(pk.in_(ids)))
