"""The Verlaufsplan (lesson plan) of a design: each module's nuggets with times from–to.

A module with a scheduled start time gets clock times (09:00–09:30); any other module
counts elapsed time from its beginning (0:00–0:30). Pure function of a DesignSnapshot.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.snapshot import DesignSnapshot, Module, PlacedNugget


@dataclass(frozen=True)
class PlanRow:
    start: str
    end: str
    placed: PlacedNugget


@dataclass(frozen=True)
class ModulePlan:
    module: Module
    clock: bool
    rows: tuple[PlanRow, ...]
    minutes: int


def _clock(minutes: int) -> str:
    return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"


def _elapsed(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def _start_minutes(module: Module) -> int | None:
    if module.schedule and module.schedule.start:
        hours, minutes = module.schedule.start.split(":")
        return int(hours) * 60 + int(minutes)
    return None


def verlaufsplan(snap: DesignSnapshot) -> tuple[ModulePlan, ...]:
    plans = []
    for module in snap.modules:
        start = _start_minutes(module)
        fmt = _elapsed if start is None else _clock
        at = start or 0
        rows = []
        for placed in snap.module_placed(module):
            end = at + placed.duration_minutes
            rows.append(PlanRow(fmt(at), fmt(end), placed))
            at = end
        plans.append(ModulePlan(module, start is not None, tuple(rows), at - (start or 0)))
    return tuple(plans)
