"""The canvas (Feinkonzept) page as one view model: the design's snapshot plus a constant
number of look-ups (placement ids and lock versions, module lock versions, the nuggets'
current revisions), whatever the number of nuggets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from designer.core import snapshot as s
from designer.core.analytics import Analytics, ModuleLoad, analyse
from designer.models import Design, Module, Nugget, Placement, db
from designer.queries.read_model import snapshot


@dataclass(frozen=True)
class Card:
    """One placement on the canvas, with what the page needs to change it."""

    placement_id: int
    lock_version: int
    nugget_id: int
    pinned_revision: int
    current_revision: int
    placed: s.PlacedNugget
    objectives: tuple[s.Objective, ...]
    index: int

    @property
    def update_available(self) -> bool:
        return self.current_revision > self.pinned_revision


@dataclass(frozen=True)
class Column:
    module_id: int
    lock_version: int
    module: s.Module
    cards: tuple[Card, ...]
    load: ModuleLoad
    index: int


@dataclass(frozen=True)
class Canvas:
    design: Design
    snap: s.DesignSnapshot
    columns: tuple[Column, ...]
    analytics: Analytics

    def column(self, module_id: int) -> Column | None:
        return next((c for c in self.columns if c.module_id == module_id), None)

    def moves(self, column: Column, card: Card) -> list[tuple[str, int, int]]:
        """The keyboard moves of a card: (key, target module id, target position).
        To the previous module lands at its end, to the next one at its top."""
        found = []
        if card.index > 0:
            found.append(("up", column.module_id, card.index - 1))
        if card.index < len(column.cards) - 1:
            found.append(("down", column.module_id, card.index + 1))
        if column.index > 0:
            previous = self.columns[column.index - 1]
            found.append(("prev", previous.module_id, len(previous.cards)))
        if column.index < len(self.columns) - 1:
            found.append(("next", self.columns[column.index + 1].module_id, 0))
        return found

    def card(self, placement_id: int) -> Card | None:
        return next(
            (card for c in self.columns for card in c.cards if card.placement_id == placement_id),
            None,
        )


def _placement_rows(design: Design) -> dict[int, list[tuple[int, int, int, int]]]:
    """(id, lock_version, nugget_id, nugget_revision) per module, in the read model's order."""
    rows = db.session.execute(
        select(
            Placement.module_id,
            Placement.id,
            Placement.lock_version,
            Placement.nugget_id,
            Placement.nugget_revision,
        )
        .where(Placement.design_id == design.id)
        .order_by(Placement.module_id, Placement.position, Placement.id)
    ).all()
    by_module: dict[int, list[tuple[int, int, int, int]]] = {}
    for module_id, *rest in rows:
        by_module.setdefault(module_id, []).append(tuple(rest))
    return by_module


def _module_versions(design: Design) -> dict[int, int]:
    rows = db.session.execute(
        select(Module.id, Module.lock_version).where(
            Module.design_id == design.id, Module.deleted_at.is_(None)
        )
    ).all()
    return dict(rows)


def _current_revisions(design: Design) -> dict[int, int]:
    rows = db.session.execute(
        select(Nugget.id, Nugget.revision).where(
            Nugget.id.in_(select(Placement.nugget_id).where(Placement.design_id == design.id))
        )
    ).all()
    return dict(rows)


def module_id_of(key: str) -> int:
    """The database id behind a snapshot module key (read_model.module_key)."""
    return int(key[1:])


def canvas(design: Design) -> Canvas:
    snap = snapshot(design)
    rows = _placement_rows(design)
    versions = _module_versions(design)
    current = _current_revisions(design)
    analytics = analyse(snap)
    objectives = {o.key: o for o in snap.objectives}
    columns = []
    for index, module in enumerate(snap.modules):
        module_id = module_id_of(module.key)
        cards = tuple(
            Card(
                placement_id=pid,
                lock_version=version,
                nugget_id=nugget_id,
                pinned_revision=pinned,
                current_revision=current.get(nugget_id, pinned),
                placed=placed,
                objectives=tuple(objectives[k] for k in placed.objectives if k in objectives),
                index=i,
            )
            for i, (placed, (pid, version, nugget_id, pinned)) in enumerate(
                zip(snap.module_placed(module), rows.get(module_id, []), strict=True)
            )
        )
        columns.append(
            Column(
                module_id=module_id,
                lock_version=versions[module_id],
                module=module,
                cards=cards,
                load=analytics.by_module[index],
                index=index,
            )
        )
    return Canvas(design=design, snap=snap, columns=tuple(columns), analytics=analytics)
