"""Small snapshots for rule tests: the example course modified, or a design from scratch."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from designer.core.learner_results import NO_RESULTS, LearnerResults
from designer.core.snapshot import (
    DesignSnapshot,
    Grobkonzept,
    Module,
    Nugget,
    Objective,
    Placement,
    from_json,
)
from designer.quality import AutomaticCriterion, Finding, check
from tests.paths import EXAMPLE_JSON


def example() -> DesignSnapshot:
    return from_json(EXAMPLE_JSON.read_bytes())


def nugget(key: str, **fields: Any) -> Nugget:
    """A nugget that satisfies every rule unless a test says otherwise."""
    values: dict[str, Any] = {
        "title": f"Nugget {key}",
        "learning_type": "practice",
        "delivery_mode": "on_site",
        "duration_minutes": 30,
        "assessment": "formative",
        "rationale": "Weil es zum Ziel passt.",
        "license": "CC-BY-4.0",
        "attribution": "Team",
    }
    values.update(fields)
    return Nugget(key=key, **values)


Item = Nugget | tuple[Nugget, tuple[str, ...]]


def design(
    modules: dict[str, list[Item]],
    objectives: tuple[Objective, ...] = (),
    language: str = "de",
    **grobkonzept: Any,
) -> DesignSnapshot:
    """A design of the given modules; a bare nugget is linked to every objective."""
    every = tuple(o.key for o in objectives)
    nuggets: dict[str, Nugget] = {}
    built = []
    for key, items in modules.items():
        placements = []
        for item in items:
            n, linked = item if isinstance(item, tuple) else (item, every)
            nuggets[n.key] = n
            placements.append(Placement(n.key, linked))
        built.append(Module(key, f"Modul {key}", placements=tuple(placements)))
    return DesignSnapshot(
        title="Test",
        language=language,
        grobkonzept=Grobkonzept(**grobkonzept),
        objectives=objectives,
        modules=tuple(built),
        nuggets=tuple(nuggets.values()),
    )


def with_nugget(snap: DesignSnapshot, key: str, **changes: Any) -> DesignSnapshot:
    return replace(
        snap,
        nuggets=tuple(replace(n, **changes) if n.key == key else n for n in snap.nuggets),
    )


def with_grobkonzept(snap: DesignSnapshot, **changes: Any) -> DesignSnapshot:
    return replace(snap, grobkonzept=replace(snap.grobkonzept, **changes))


def with_objective(snap: DesignSnapshot, key: str, **changes: Any) -> DesignSnapshot:
    return replace(
        snap,
        objectives=tuple(replace(o, **changes) if o.key == key else o for o in snap.objectives),
    )


def findings(
    snap: DesignSnapshot, rule: str, results: LearnerResults = NO_RESULTS, **params: Any
) -> list[Finding]:
    return check(snap, [AutomaticCriterion(rule, params=params)], results)


def targets(found: list[Finding]) -> list[tuple[str, str]]:
    return [(f.target_kind, f.target_key) for f in found]
