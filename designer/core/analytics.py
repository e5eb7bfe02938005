"""Workload and learning-type balance of a design: pure functions of a DesignSnapshot."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from designer.core.snapshot import DesignSnapshot
from designer.core.vocab import DELIVERY_MODES, LEARNING_TYPES


@dataclass(frozen=True)
class Share:
    key: str
    minutes: int
    percent: float


@dataclass(frozen=True)
class ModuleLoad:
    key: str
    title: str
    minutes: int
    by_delivery_mode: tuple[Share, ...]


@dataclass(frozen=True)
class ObjectiveAlignment:
    key: str
    text: str
    nuggets: tuple[str, ...]
    assessed_by: tuple[str, ...]


@dataclass(frozen=True)
class Analytics:
    planned_minutes: int | None
    total_minutes: int
    by_learning_type: tuple[Share, ...]
    by_delivery_mode: tuple[Share, ...]
    by_module: tuple[ModuleLoad, ...]
    alignment: tuple[ObjectiveAlignment, ...]

    @property
    def workload_minutes(self) -> int:
        """The course's workload as documents state it: what its nuggets add up to (so
        the delivery modes listed beside it sum to it), the planned workload only while
        nothing is placed."""
        if self.total_minutes or self.planned_minutes is None:
            return self.total_minutes
        return self.planned_minutes

    @property
    def deviation_percent(self) -> float | None:
        """How far the summed workload is off the planned one (+ more, − less)."""
        if not self.planned_minutes:
            return None
        return 100.0 * (self.total_minutes - self.planned_minutes) / self.planned_minutes


def _shares(counter: Counter[str], order: tuple[str, ...]) -> tuple[Share, ...]:
    total = sum(counter.values())
    return tuple(
        Share(key, counter[key], 100.0 * counter[key] / total if total else 0.0) for key in order
    )


def analyse(snap: DesignSnapshot) -> Analytics:
    by_type: Counter[str] = Counter()
    by_mode: Counter[str] = Counter()
    per_module: dict[str, Counter[str]] = {m.key: Counter() for m in snap.modules}
    nuggets_of: dict[str, list[str]] = {o.key: [] for o in snap.objectives}
    assessed_by: dict[str, list[str]] = {o.key: [] for o in snap.objectives}
    for placed in snap.placed():
        minutes = placed.duration_minutes
        by_type[placed.nugget.learning_type] += minutes
        by_mode[placed.delivery_mode] += minutes
        per_module[placed.module.key][placed.delivery_mode] += minutes
        for objective in placed.objectives:
            nuggets_of[objective].append(placed.nugget.key)
            if placed.nugget.assessment != "none":
                assessed_by[objective].append(placed.nugget.key)
    return Analytics(
        planned_minutes=snap.grobkonzept.planned_workload_minutes,
        total_minutes=sum(by_type.values()),
        by_learning_type=_shares(by_type, LEARNING_TYPES),
        by_delivery_mode=_shares(by_mode, DELIVERY_MODES),
        by_module=tuple(
            ModuleLoad(
                m.key,
                m.title,
                sum(per_module[m.key].values()),
                _shares(per_module[m.key], DELIVERY_MODES),
            )
            for m in snap.modules
        ),
        alignment=tuple(
            ObjectiveAlignment(
                o.key,
                o.text,
                tuple(dict.fromkeys(nuggets_of[o.key])),
                tuple(dict.fromkeys(assessed_by[o.key])),
            )
            for o in snap.objectives
        ),
    )
