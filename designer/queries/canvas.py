"""The studio (Feinkonzept) as view models: the board of lanes and compact cards with the
design's totals, and the nuggets of the library drawer; a constant number of statements
whatever the size of the design."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, select

from designer.core import vocab
from designer.models import (
    Comment,
    Design,
    Module,
    Nugget,
    NuggetRevision,
    Placement,
    Workspace,
    db,
    placement_objectives,
)
from designer.queries.library import LibraryFilter, search_query

# ------------------------------------------------------------------------ the studio
#
# The studio's board reads only what a compact card shows, from the pinned revisions'
# card columns (no revision's JSON is decoded), and a lane or the totals can be read
# alone, so that a change answers with the fragments it touched in a time that does not
# grow with the design.


@dataclass(frozen=True)
class StudioCard:
    placement_id: int
    lock_version: int
    nugget_id: int
    pinned_revision: int
    current_revision: int
    title: str
    learning_type: str
    delivery_mode: str
    minutes: int
    objective_count: int
    open_comments: int
    index: int
    # Made by a template and not edited yet (the pinned revision).
    placeholder: bool = False

    @property
    def update_available(self) -> bool:
        return self.current_revision > self.pinned_revision


@dataclass(frozen=True)
class Share:
    key: str
    minutes: int


@dataclass(frozen=True)
class Load:
    """Minutes in all and by delivery mode (modes in vocabulary order, empty ones left out)."""

    minutes: int
    by_delivery_mode: tuple[Share, ...]
    by_learning_type: tuple[Share, ...] = ()


@dataclass(frozen=True)
class Lane:
    module_id: int
    lock_version: int
    title: str
    index: int
    count: int
    cards: tuple[StudioCard, ...]
    load: Load


@dataclass(frozen=True)
class Totals:
    load: Load
    planned_minutes: int | None

    @property
    def deviation_percent(self) -> float | None:
        if not self.planned_minutes:
            return None
        return (self.load.minutes - self.planned_minutes) / self.planned_minutes * 100


@dataclass(frozen=True)
class Board:
    lanes: tuple[Lane, ...]
    totals: Totals


def _pinned():
    return and_(
        NuggetRevision.nugget_id == Placement.nugget_id,
        NuggetRevision.revision == Placement.nugget_revision,
    )


def _minutes_column():
    return func.coalesce(Placement.duration_override, NuggetRevision.duration_minutes, 0)


def _mode_column():
    return func.coalesce(Placement.delivery_mode_override, NuggetRevision.delivery_mode)


def _card_rows(design: Design, module_ids: list[int] | None) -> dict[int, list[StudioCard]]:
    objective_count = (
        select(func.count())
        .select_from(placement_objectives)
        .where(placement_objectives.c.placement_id == Placement.id)
        .scalar_subquery()
    )
    open_comments = (
        select(func.count(Comment.id))
        .where(
            Comment.design_id == design.id,
            Comment.target_kind == "placement",
            Comment.target_id == Placement.id,
            Comment.parent_id.is_(None),
            Comment.resolved.is_(False),
        )
        .scalar_subquery()
    )
    query = (
        select(
            Placement.module_id,
            Placement.id,
            Placement.lock_version,
            Placement.nugget_id,
            Placement.nugget_revision,
            Nugget.revision,
            NuggetRevision.title,
            NuggetRevision.learning_type,
            NuggetRevision.placeholder,
            _mode_column(),
            _minutes_column(),
            objective_count,
            open_comments,
        )
        .join(NuggetRevision, _pinned())
        .join(Nugget, Nugget.id == Placement.nugget_id)
        .where(Placement.design_id == design.id)
        .order_by(Placement.module_id, Placement.position, Placement.id)
    )
    if module_ids is not None:
        query = query.where(Placement.module_id.in_(module_ids))
    by_module: dict[int, list[StudioCard]] = {}
    for module_id, pid, version, nid, pinned, current, *shown in db.session.execute(query):
        title, learning_type, placeholder, mode, minutes, objectives, comments = shown
        cards = by_module.setdefault(module_id, [])
        cards.append(
            StudioCard(
                placement_id=pid,
                lock_version=version,
                nugget_id=nid,
                pinned_revision=pinned,
                current_revision=current,
                title=title or "",
                learning_type=learning_type or "",
                placeholder=bool(placeholder),
                delivery_mode=mode or "",
                minutes=int(minutes or 0),
                objective_count=objectives,
                open_comments=comments,
                index=len(cards),
            )
        )
    return by_module


def _loads(design: Design) -> tuple[dict[int, Load], Load]:
    """Minutes per module and for the whole design, by delivery mode and learning type,
    summed by the database in one grouped query."""
    learning_type = NuggetRevision.learning_type
    rows = db.session.execute(
        select(Placement.module_id, _mode_column(), learning_type, func.sum(_minutes_column()))
        .join(NuggetRevision, _pinned())
        .join(Module, Module.id == Placement.module_id)
        .where(Placement.design_id == design.id, Module.deleted_at.is_(None))
        .group_by(Placement.module_id, _mode_column(), learning_type)
    ).all()
    modes: dict[int | None, dict[str, int]] = {}
    types: dict[str, int] = {}
    for module_id, mode, lt, minutes in rows:
        for key in (module_id, None):
            per_mode = modes.setdefault(key, {})
            per_mode[mode] = per_mode.get(mode, 0) + int(minutes or 0)
        types[lt] = types.get(lt, 0) + int(minutes or 0)
    loads = {key: _load(value) for key, value in modes.items() if key is not None}
    return loads, _load(modes.get(None, {}), types)


def _load(by_mode: dict[str, int], by_type: dict[str, int] | None = None) -> Load:
    def shares(values: dict[str, int], order: tuple[str, ...]) -> tuple[Share, ...]:
        return tuple(Share(k, values[k]) for k in order if values.get(k))

    return Load(
        minutes=sum(by_mode.values()),
        by_delivery_mode=shares(by_mode, vocab.DELIVERY_MODES),
        by_learning_type=shares(by_type or {}, vocab.LEARNING_TYPES),
    )


def board_modules(design: Design) -> list[tuple[int, int, str]]:
    return db.session.execute(
        select(Module.id, Module.lock_version, Module.title)
        .where(Module.design_id == design.id, Module.deleted_at.is_(None))
        .order_by(Module.position, Module.id)
    ).all()


def board(design: Design, module_ids: list[int] | None = None) -> Board:
    """The studio's lanes (all, or only those of `module_ids`) and the design's totals,
    in five statements whatever the size of the design."""
    modules = board_modules(design)
    cards = _card_rows(design, module_ids)
    loads, total = _loads(design)
    lanes = tuple(
        Lane(
            module_id=mid,
            lock_version=version,
            title=title,
            index=index,
            count=len(modules),
            cards=tuple(cards.get(mid, ())),
            load=loads.get(mid, _load({})),
        )
        for index, (mid, version, title) in enumerate(modules)
        if module_ids is None or mid in module_ids
    )
    return Board(lanes=lanes, totals=Totals(total, design.planned_workload_minutes))


@dataclass(frozen=True)
class DrawerNugget:
    """A library nugget in the studio's drawer, with what tells it from its twins."""

    id: int
    title: str
    summary: str
    organisation: str
    learning_type: str
    delivery_mode: str
    minutes: int
    revision: int
    used_in: int


def drawer_nuggets(
    workspace: Workspace,
    wanted: LibraryFilter | None,
    limit: int,
    recent: bool = False,
    skip: list[int] | None = None,
) -> list[DrawerNugget]:
    """Library nuggets for the drawer in one query: those matching `wanted` (all when
    None), the most recently placed first when `recent`, else the most used first."""
    usage = (
        select(
            Placement.nugget_id.label("nugget_id"),
            func.count(func.distinct(Placement.design_id)).label("used"),
            func.max(Placement.id).label("last"),
        )
        .join(Design, Design.id == Placement.design_id)
        .where(Design.deleted_at.is_(None))
        .group_by(Placement.nugget_id)
        .subquery()
    )
    used = func.coalesce(usage.c.used, 0)
    query = (
        search_query(workspace, wanted or LibraryFilter())
        .outerjoin(usage, usage.c.nugget_id == Nugget.id)
        .add_columns(used)
        .order_by(None)
    )
    if skip:
        query = query.where(Nugget.id.not_in(skip))
    if recent:
        query = query.where(usage.c.last.is_not(None)).order_by(usage.c.last.desc())
    else:
        query = query.order_by(used.desc(), Nugget.title, Nugget.id)
    return [
        DrawerNugget(
            id=n.id,
            title=n.title,
            summary=n.summary or "",
            organisation=n.organisation or n.origin_organisation or "",
            learning_type=n.learning_type,
            delivery_mode=n.delivery_mode,
            minutes=n.duration_minutes or 0,
            revision=n.revision,
            used_in=count,
        )
        for n, count in db.session.execute(query.limit(limit))
    ]
