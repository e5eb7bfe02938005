"""`snapshot(design)`: the ORM → DesignSnapshot query plan.

Kept apart from `designer.core.snapshot` so that the snapshot module stays free of the database
(quality rules, analytics and exporters import it without an app). A constant number of
queries, whatever the size of the design.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from sqlalchemy import and_, select

from designer.core import snapshot as s
from designer.models import (
    Asset,
    Badge,
    Design,
    LearningObjective,
    Module,
    NuggetRevision,
    Placement,
    Revision,
    Workspace,
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


def revision_snapshot(revision: Revision) -> s.DesignSnapshot:
    """The design as a stored revision froze it."""
    return s.from_json(revision.snapshot_json.encode("utf-8"))


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
    snap = _assemble(design, objectives, modules, placements, links, revisions, assets)
    return replace(snap, badge=badge_of(design))


def badge_of(design: Design) -> s.Badge | None:
    """The design's badge as the snapshot carries it (one query)."""
    row = db.session.execute(
        select(Badge, Workspace.name, Asset)
        .select_from(Badge)
        .join(Design, Design.id == Badge.design_id)
        .join(Workspace, Workspace.id == Design.workspace_id)
        .outerjoin(Asset, Asset.id == Badge.image_asset_id)
        .where(Badge.design_id == design.id)
    ).first()
    if row is None:
        return None
    badge, issuer, image = row
    return s.Badge(
        name=badge.name,
        description=badge.description or "",
        shape=badge.shape,
        colour=badge.colour,
        issuer=issuer,
        image=_asset(image) if image is not None else None,
    )


def _assemble(
    design, objectives, modules, placements, links, revisions, assets
) -> s.DesignSnapshot:
    """The snapshot from the rows `snapshot` read (no further queries)."""
    parts = _Parts(objectives, links, revisions, assets)
    by_module: dict[int, list[Placement]] = {}
    for p in placements:
        by_module.setdefault(p.module_id, []).append(p)
    snap_modules = tuple(parts.module(m, by_module.get(m.id, [])) for m in modules)
    return s.DesignSnapshot(
        title=design.title,
        language=design.language,
        grobkonzept=_grobkonzept(design),
        objectives=tuple(
            s.Objective(objective_key(o.id), o.text, o.bloom_level or "") for o in objectives
        ),
        modules=snap_modules,
        nuggets=tuple(parts.nuggets.values()),
        assets=tuple(_asset(parts.live_assets[i]) for i in parts.used_assets),
        placeholder_fields=tuple(design.placeholder_fields or ()),
    )


class _Parts:
    """Look-ups over the rows of one design, and the nuggets and assets its placements
    use, in the order they first appear."""

    def __init__(self, objectives, links, revisions, assets) -> None:
        self.objective_pos = {o.id: i for i, o in enumerate(objectives)}
        self.linked: dict[int, list[int]] = {}
        for placement_id, objective_id in links:
            self.linked.setdefault(placement_id, []).append(objective_id)
        self.revision_by_pin = {(r.nugget_id, r.revision): r for r in revisions}
        pins_per_nugget = Counter(nugget_id for nugget_id, _ in self.revision_by_pin)
        self.several_revisions = {n for n, count in pins_per_nugget.items() if count > 1}
        self.live_assets = {a.id: a for a in assets}
        self.nuggets: dict[str, s.Nugget] = {}
        self.used_assets: dict[int, None] = {}

    def module(self, m: Module, placements: list[Placement]) -> s.Module:
        return s.Module(
            key=module_key(m.id),
            title=m.title,
            description=m.description or "",
            placements=tuple(self.placement(p) for p in placements),
            schedule=_module_schedule(m),
            breaks=tuple(s.Break(**b) for b in m.breaks or ()),
        )

    def placement(self, p: Placement) -> s.Placement:
        return s.Placement(
            nugget=self.nugget(p.nugget_id, p.nugget_revision),
            objectives=self.objective_keys(p.id),
            duration_minutes=p.duration_override,
            delivery_mode=p.delivery_mode_override or None,
        )

    def objective_keys(self, placement_id: int) -> tuple[str, ...]:
        """The placement's objectives in the order of the design's objectives."""
        linked = self.linked.get(placement_id, [])
        ordered = sorted(linked, key=lambda o: self.objective_pos.get(o, 0))
        return tuple(objective_key(o) for o in ordered)

    def nugget(self, nugget_id: int, revision: int) -> str:
        """The key of the pinned revision, added to the snapshot's nuggets the first time."""
        key = nugget_key(nugget_id, revision, nugget_id in self.several_revisions)
        if key not in self.nuggets:
            data = self.revision_by_pin[(nugget_id, revision)].data
            ids = [i for i in data.get("asset_ids", []) if i in self.live_assets]
            self.used_assets.update(dict.fromkeys(ids))
            self.nuggets[key] = to_snapshot_nugget(key, data, tuple(asset_key(i) for i in ids))
        return key


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
