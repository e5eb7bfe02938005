"""`snapshot(design)`: the ORM → DesignSnapshot query plan.

Kept apart from `designer.core.snapshot` so that the snapshot module stays free of the database
(quality rules, analytics and exporters import it without an app). A constant number of
queries, whatever the size of the design.
"""

from __future__ import annotations

from sqlalchemy import and_, select

from designer.core import snapshot as s
from designer.models import (
    Asset,
    Design,
    LearningObjective,
    Module,
    NuggetRevision,
    Placement,
    db,
    placement_objectives,
)
from designer.queries.nugget_data import to_snapshot_nugget


def _grobkonzept(design: Design) -> s.Grobkonzept:
    return s.Grobkonzept(
        **{name: getattr(design, name) or "" for name in s.GROBKONZEPT_TEXT_FIELDS},
        **{name: getattr(design, name) for name in s.GROBKONZEPT_INT_FIELDS},
        **{
            name: getattr(design, name).isoformat() if getattr(design, name) else ""
            for name in s.GROBKONZEPT_DATE_FIELDS
        },
    )


def objective_key(objective_id: int) -> str:
    return f"O{objective_id}"


def module_key(module_id: int) -> str:
    return f"M{module_id}"


def asset_key(asset_id: int) -> str:
    return f"A{asset_id}"


def nugget_key(nugget_id: int, revision: int, several_revisions: bool) -> str:
    return f"N{nugget_id}.{revision}" if several_revisions else f"N{nugget_id}"


def snapshot(design: Design) -> s.DesignSnapshot:
    objectives = db.session.scalars(
        select(LearningObjective)
        .where(LearningObjective.design_id == design.id)
        .order_by(LearningObjective.position, LearningObjective.id)
    ).all()
    modules = db.session.scalars(
        select(Module)
        .where(Module.design_id == design.id, Module.deleted_at.is_(None))
        .order_by(Module.position, Module.id)
    ).all()
    placements = db.session.scalars(
        select(Placement)
        .where(Placement.design_id == design.id)
        .order_by(Placement.module_id, Placement.position, Placement.id)
    ).all()
    links = db.session.execute(
        select(placement_objectives.c.placement_id, placement_objectives.c.objective_id)
        .join(Placement, Placement.id == placement_objectives.c.placement_id)
        .where(Placement.design_id == design.id)
    ).all()
    revisions = db.session.scalars(
        select(NuggetRevision)
        .join(
            Placement,
            and_(
                Placement.nugget_id == NuggetRevision.nugget_id,
                Placement.nugget_revision == NuggetRevision.revision,
            ),
        )
        .where(Placement.design_id == design.id)
        .distinct()
    ).all()
    asset_ids = sorted({i for r in revisions for i in r.data.get("asset_ids", [])})
    assets = db.session.scalars(
        select(Asset).where(Asset.id.in_(asset_ids), Asset.workspace_id == design.workspace_id)
    ).all()
    return _assemble(design, objectives, modules, placements, links, revisions, assets)


def _assemble(
    design, objectives, modules, placements, links, revisions, assets
) -> s.DesignSnapshot:
    objective_pos = {o.id: i for i, o in enumerate(objectives)}
    linked: dict[int, list[int]] = {}
    for placement_id, objective_id in links:
        linked.setdefault(placement_id, []).append(objective_id)
    revs_per_nugget: dict[int, set[int]] = {}
    for r in revisions:
        revs_per_nugget.setdefault(r.nugget_id, set()).add(r.revision)

    def key_of(nugget_id: int, revision: int) -> str:
        return nugget_key(nugget_id, revision, len(revs_per_nugget.get(nugget_id, ())) > 1)

    by_module: dict[int, list[Placement]] = {}
    for p in placements:
        by_module.setdefault(p.module_id, []).append(p)
    live_assets = {a.id: a for a in assets}
    revision_by_pin = {(r.nugget_id, r.revision): r for r in revisions}

    nuggets: dict[str, s.Nugget] = {}
    used_assets: dict[int, None] = {}
    snap_modules = []
    for m in modules:
        snap_placements = []
        for p in by_module.get(m.id, []):
            key = key_of(p.nugget_id, p.nugget_revision)
            if key not in nuggets:
                data = revision_by_pin[(p.nugget_id, p.nugget_revision)].data
                ids = [i for i in data.get("asset_ids", []) if i in live_assets]
                used_assets.update(dict.fromkeys(ids))
                nuggets[key] = to_snapshot_nugget(key, data, tuple(asset_key(i) for i in ids))
            snap_placements.append(
                s.Placement(
                    nugget=key,
                    objectives=tuple(
                        objective_key(o)
                        for o in sorted(linked.get(p.id, []), key=lambda o: objective_pos.get(o, 0))
                    ),
                    duration_minutes=p.duration_override,
                    delivery_mode=p.delivery_mode_override or None,
                )
            )
        snap_modules.append(
            s.Module(
                key=module_key(m.id),
                title=m.title,
                description=m.description or "",
                placements=tuple(snap_placements),
                schedule=_module_schedule(m),
            )
        )
    return s.DesignSnapshot(
        title=design.title,
        language=design.language,
        grobkonzept=_grobkonzept(design),
        objectives=tuple(
            s.Objective(objective_key(o.id), o.text, o.bloom_level or "") for o in objectives
        ),
        modules=tuple(snap_modules),
        nuggets=tuple(nuggets.values()),
        assets=tuple(_asset(live_assets[i]) for i in used_assets),
    )


def _module_schedule(m: Module) -> s.Schedule | None:
    sched = s.Schedule(
        date=m.schedule_date.isoformat() if m.schedule_date else "",
        start=m.schedule_start or "",
        end=m.schedule_end or "",
        place=m.schedule_place or "",
    )
    return sched if any((sched.date, sched.start, sched.end, sched.place)) else None


def _asset(a: Asset) -> s.Asset:
    return s.Asset(
        key=asset_key(a.id),
        filename=a.filename,
        mimetype=a.mimetype,
        alt_text=a.alt_text or "",
        license=a.license or "",
        attribution=a.attribution or "",
        sha256=a.sha256,
        size=a.size,
    )
