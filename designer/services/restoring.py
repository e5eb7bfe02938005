"""Restoring a stored version of a design as a new version; nothing is lost.

The state before the restore is stored as a revision first. Then the design's Grobkonzept,
objectives, modules and placements are rewritten to match the stored snapshot:

- objectives and modules are reused by key (`O<id>`, `M<id>`) where they still exist
  (a module in the trash comes back); modules the old version did not have go to the
  trash, objectives are removed (they live on in the revision stored first);
- placements are rebuilt; each nugget is found by key (`N<id>`) and pinned to the
  revision whose fields match the snapshot (revisions are immutable, so it is there as
  long as the nugget is). A nugget purged since is created anew from the snapshot;
- finally a Revision of kind "restored" is stored.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date

from sqlalchemy import select

from designer.core import snapshot as s
from designer.core.fields import whole_number
from designer.core.revision_diff import base_key
from designer.models import (
    Design,
    LearningObjective,
    Module,
    Nugget,
    NuggetRevision,
    Placement,
    Revision,
    User,
    Workspace,
    db,
)
from designer.models.columns import utcnow
from designer.queries.nugget_data import (
    FLAG_FIELDS,
    TEXT_FIELDS,
    question_dict,
    to_snapshot_nugget,
)
from designer.queries.read_model import revision_snapshot
from designer.services import events
from designer.services.designs import mark_changed
from designer.services.errors import NotFound
from designer.services.nuggets import clean_nugget_values, create_nugget_unchecked
from designer.services.permissions import Action, require
from designer.services.revisions import store_revision


def revision_of(design: Design, number: int) -> Revision:
    revision = db.session.scalar(
        select(Revision).where(Revision.design_id == design.id, Revision.number == number)
    )
    if revision is None:
        raise NotFound("revision")
    return revision


def restore_revision(actor: User, design: Design, number: int) -> Revision:
    require(actor, Action.DESIGN_EDIT, design)
    old = revision_of(design, number)
    snap = revision_snapshot(old)
    store_revision(design, actor, kind="named", message=f"Before restoring version {number}")
    _restore_grobkonzept(design, snap)
    for placement in db.session.scalars(select(Placement).where(Placement.design_id == design.id)):
        db.session.delete(placement)
    db.session.flush()
    objectives = _restore_objectives(design, snap)
    modules = _restore_modules(design, snap)
    _restore_placements(actor, design, snap, objectives, modules)
    mark_changed(design, actor)
    db.session.flush()
    db.session.expire(design)
    events.record("revision.restored", actor, design.workspace_id, design.id, number=number)
    return store_revision(design, actor, kind="restored", message=f"Version {number}")


def _id_of(key: str, prefix: str) -> int | None:
    digits = base_key(key)[len(prefix) :]
    return whole_number(digits) if key.startswith(prefix) else None


def _restore_grobkonzept(design: Design, snap: s.DesignSnapshot) -> None:
    design.title = snap.title[:300]
    design.language = snap.language
    g = snap.grobkonzept
    for name in s.GROBKONZEPT_TEXT_FIELDS + s.GROBKONZEPT_INT_FIELDS:
        setattr(design, name, getattr(g, name))
    for name in s.GROBKONZEPT_DATE_FIELDS:
        value = getattr(g, name)
        setattr(design, name, date.fromisoformat(value) if value else None)
    design.placeholder_fields = list(snap.placeholder_fields)


def _restore_objectives(design: Design, snap: s.DesignSnapshot) -> dict[str, LearningObjective]:
    existing = {
        o.id: o
        for o in db.session.scalars(
            select(LearningObjective).where(LearningObjective.design_id == design.id)
        )
    }
    by_key: dict[str, LearningObjective] = {}
    for position, o in enumerate(snap.objectives):
        row = existing.pop(_id_of(o.key, "O") or 0, None)
        if row is None:
            row = LearningObjective(design_id=design.id)
            db.session.add(row)
        row.text, row.bloom_level, row.position = o.text, o.bloom_level, position
        by_key[o.key] = row
    for row in existing.values():
        db.session.delete(row)
    db.session.flush()
    return by_key


def _restore_modules(design: Design, snap: s.DesignSnapshot) -> dict[str, Module]:
    existing = {
        m.id: m for m in db.session.scalars(select(Module).where(Module.design_id == design.id))
    }
    by_key: dict[str, Module] = {}
    for position, m in enumerate(snap.modules):
        row = existing.pop(_id_of(m.key, "M") or 0, None)
        if row is None:
            row = Module(design_id=design.id)
            db.session.add(row)
        row.deleted_at = None
        sched = m.schedule or s.Schedule()
        row.title, row.description, row.position = m.title, m.description, position
        row.schedule_date = date.fromisoformat(sched.date) if sched.date else None
        row.schedule_start, row.schedule_end = sched.start, sched.end
        row.schedule_place = sched.place
        row.breaks = [asdict(b) for b in m.breaks]
        by_key[m.key] = row
    for row in existing.values():
        row.deleted_at = row.deleted_at or utcnow()
    db.session.flush()
    return by_key


def _restore_placements(
    actor: User,
    design: Design,
    snap: s.DesignSnapshot,
    objectives: dict[str, LearningObjective],
    modules: dict[str, Module],
) -> None:
    pins = _pins(actor, design, snap)
    for m in snap.modules:
        for position, p in enumerate(m.placements):
            nugget_id, revision = pins[p.nugget]
            placement = Placement(
                design_id=design.id,
                module_id=modules[m.key].id,
                nugget_id=nugget_id,
                nugget_revision=revision,
                position=position,
                duration_override=p.duration_minutes,
                delivery_mode_override=p.delivery_mode,
            )
            placement.objectives = [objectives[k] for k in p.objectives if k in objectives]
            db.session.add(placement)
    db.session.flush()


def _comparable(n: s.Nugget) -> s.Nugget:
    return replace(n, key="", assets=())


def _pins(actor: User, design: Design, snap: s.DesignSnapshot) -> dict[str, tuple[int, int]]:
    """Snapshot nugget key → (nugget id, revision) to pin."""
    wanted = {n.key: _id_of(n.key, "N") for n in snap.nuggets}
    nuggets = {
        n.id: n
        for n in db.session.scalars(
            select(Nugget).where(
                Nugget.id.in_([i for i in wanted.values() if i]),
                Nugget.workspace_id == design.workspace_id,
            )
        )
    }
    revisions: dict[int, list[NuggetRevision]] = {}
    for r in db.session.scalars(
        select(NuggetRevision).where(NuggetRevision.nugget_id.in_(list(nuggets)))
    ):
        revisions.setdefault(r.nugget_id, []).append(r)
    pins = {}
    for n in snap.nuggets:
        target = _comparable(n)
        match = next(
            (
                r
                for r in revisions.get(wanted[n.key] or 0, [])
                if _comparable(to_snapshot_nugget("", r.data, ())) == target
            ),
            None,
        )
        if match is None:
            pins[n.key] = (_recreate(actor, design, n).id, 1)
            continue
        nuggets[match.nugget_id].deleted_at = None
        pins[n.key] = (match.nugget_id, match.revision)
    return pins


def _recreate(actor: User, design: Design, n: s.Nugget) -> Nugget:
    """A nugget that no longer exists comes back as a new library nugget."""
    values = {name: getattr(n, name) for name in (*TEXT_FIELDS, *FLAG_FIELDS, "duration_minutes")}
    values["tags"] = list(n.tags)
    values["questions"] = [question_dict(q) for q in n.questions]
    sched = n.schedule or s.Schedule()
    values.update(schedule_date=sched.date, schedule_start=sched.start, schedule_end=sched.end)
    values["schedule_place"] = sched.place
    workspace = db.session.get(Workspace, design.workspace_id)
    return create_nugget_unchecked(actor, workspace, clean_nugget_values(values))
