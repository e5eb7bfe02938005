"""The Verlaufsplan (lesson plan) of a design: each module's nuggets with times from–to.

A module's breaks (lunch, coffee) are rows of their own between its nuggets.

Times run on through a module. A module, or a nugget, with a scheduled start time sets the
clock (09:00–09:30); until then the plan counts elapsed time from the beginning of the
module (0:00–0:30). Pure function of a DesignSnapshot.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.core.snapshot import Break, DesignSnapshot, Module, PlacedNugget, Schedule


@dataclass(frozen=True)
class PlanRow:
    """One row of the plan: a placed nugget, or a break of the module (`pause`)."""

    start: str
    end: str
    clock: bool
    date: str
    placed: PlacedNugget | None
    pause: Break | None = None


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
    placements = snap.module_placed(module)
    pauses = breaks_before(module, len(placements))
    for index, placed in enumerate([*placements, None]):
        for pause in pauses.get(index, ()):
            fmt = _clock if clock else _elapsed
            rows.append(PlanRow(fmt(at), fmt(at + pause.minutes), clock, "", None, pause))
            at += pause.minutes
        if placed is None:
            break
        scheduled = _start(placed.nugget.schedule)
        if scheduled is not None:
            clock, at = True, scheduled
        end = at + placed.duration_minutes
        fmt = _clock if clock else _elapsed
        date = placed.nugget.schedule.date if placed.nugget.schedule else ""
        rows.append(PlanRow(fmt(at), fmt(end), clock, date, placed))
        at = end
    minutes = sum(r.placed.duration_minutes for r in rows if r.placed)
    return ModulePlan(module, tuple(rows), minutes)


def breaks_before(module: Module, count: int) -> dict[int, list[Break]]:
    """The module's breaks by the number of placements before them (at most `count`)."""
    out: dict[int, list[Break]] = {}
    for pause in module.breaks:
        out.setdefault(min(max(pause.after, 0), count), []).append(pause)
    return out


def verlaufsplan(snap: DesignSnapshot) -> tuple[ModulePlan, ...]:
    return tuple(_module_plan(snap, module) for module in snap.modules)
