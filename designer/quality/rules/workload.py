"""Rules on the workload: planned against summed, and its spread over the modules."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from designer.core.snapshot import DesignSnapshot
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue
from designer.quality.text import quote


@rule(
    "workload.planned_mismatch",
    severity="warning",
    category="workload",
    title_de="Summierter Aufwand weicht vom geplanten ab",
    title_en="Summed workload differs from the planned one",
    params=(
        Param(
            "tolerance_percent",
            15.0,
            "Erlaubte Abweichung in Prozent",
            "Allowed deviation in percent",
        ),
    ),
)
def planned_mismatch(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """Only when a workload is planned; a missing plan is `transparency.learner_info`."""
    planned = snap.grobkonzept.planned_workload_minutes
    if not planned:
        return
    total = snap.total_minutes()
    deviation = 100.0 * (total - planned) / planned
    if abs(deviation) <= params["tolerance_percent"]:
        return
    more_de, more_en = ("mehr", "more") if deviation > 0 else ("weniger", "less")
    yield Issue(
        "design",
        "planned_workload_minutes",
        f"Die Nuggets ergeben {total} Minuten, geplant sind {planned} Minuten: "
        f"{abs(deviation):.0f} % {more_de} (erlaubt ± {params['tolerance_percent']:g} %). "
        "Passen Sie die Dauer der Nuggets oder den geplanten Aufwand an.",
        f"The nuggets add up to {total} minutes against {planned} planned: "
        f"{abs(deviation):.0f} % {more_en} (allowed ± {params['tolerance_percent']:g} %). "
        "Adjust the nuggets' durations or the planned workload.",
    )


@rule(
    "workload.module_share",
    severity="warning",
    category="workload",
    title_de="Ein Modul trägt zu viel des Aufwands",
    title_en="One module carries too much of the workload",
    params=(
        Param(
            "max_share_percent",
            50.0,
            "Höchster Anteil eines Moduls am Gesamtaufwand in Prozent",
            "Largest share of one module in the total workload, in percent",
        ),
    ),
)
def module_share(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """Judged only when at least two modules have time: one module is always 100 %."""
    minutes = {m.key: sum(p.duration_minutes for p in snap.module_placed(m)) for m in snap.modules}
    total = sum(minutes.values())
    if sum(1 for m in minutes.values() if m) < 2:
        return
    limit = params["max_share_percent"]
    for module in snap.modules:
        share = 100.0 * minutes[module.key] / total
        if share > limit:
            yield Issue(
                "module",
                module.key,
                f"Das Modul {quote(module.title, 'de')} umfasst {minutes[module.key]} von "
                f"{total} Minuten ({share:.0f} %, Grenze {limit:g} %). Teilen Sie es auf "
                "oder verteilen Sie Inhalte auf andere Module.",
                f"Module {quote(module.title, 'en')} takes {minutes[module.key]} of {total} "
                f"minutes ({share:.0f} %, limit {limit:g} %). Split it or move content to "
                "other modules.",
            )


RULES = (planned_mismatch, module_share)
