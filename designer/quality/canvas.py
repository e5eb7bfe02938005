"""The canvas module by module, read once: `snap.module_placed` walks every placement
for each module, which rules over all modules would repeat."""

from __future__ import annotations

from designer.core.snapshot import DesignSnapshot, Module, PlacedNugget


def placed_by_module(snap: DesignSnapshot) -> list[tuple[Module, list[PlacedNugget]]]:
    """Each module with its placements in canvas order."""
    placed: dict[str, list[PlacedNugget]] = {m.key: [] for m in snap.modules}
    for item in snap.placed():
        placed[item.module.key].append(item)
    return [(m, placed[m.key]) for m in snap.modules]
