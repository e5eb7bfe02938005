"""The Verlaufsplan (lesson plan) of a design: each module's nuggets with times from–to.

Times run on through a module. A module, or a nugget, with a scheduled start time sets the
clock (09:00–09:30); until then the plan counts elapsed time from the beginning of the
module (0:00–0:30). Pure function of a DesignSnapshot.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.core.snapshot import DesignSnapshot, Module, PlacedNugget, Schedule


@dataclass(frozen=True)
class PlanRow:
    start: str
    end: str
    clock: bool
    date: str
    placed: PlacedNugget


@dataclass(frozen=True)
class ModulePlan:
    module: Module
    rows: tuple[PlanRow, ...]
    minutes: int

    @property
    def elapsed(self) -> bool:
        """Whether some rows count time from the module's beginning (not clock time)."""
        return any(not row.clock for row in self.rows)


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def _elapsed(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _start(schedule: Schedule | None) -> int | None:
    if schedule and schedule.start:
        hours, minutes = schedule.start.split(":")
        return int(hours) * 60 + int(minutes)
    return None


def _module_plan(snap: DesignSnapshot, module: Module) -> ModulePlan:
    start = _start(module.schedule)
    clock, at = start is not None, start or 0
    rows = []
    for placed in snap.module_placed(module):
        scheduled = _start(placed.nugget.schedule)
        if scheduled is not None:
            clock, at = True, scheduled
        end = at + placed.duration_minutes
        fmt = _clock if clock else _elapsed
        date = placed.nugget.schedule.date if placed.nugget.schedule else ""
        rows.append(PlanRow(fmt(at), fmt(end), clock, date, placed))
        at = end
    return ModulePlan(module, tuple(rows), sum(r.placed.duration_minutes for r in rows))


def verlaufsplan(snap: DesignSnapshot) -> tuple[ModulePlan, ...]:
    return tuple(_module_plan(snap, module) for module in snap.modules)
