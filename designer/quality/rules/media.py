"""Rules on the choice of media."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from designer.core.snapshot import DesignSnapshot
from designer.core.vocab import DELIVERY_MODES
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue
from designer.quality.text import quote


@rule(
    "media.no_rationale",
    severity="warning",
    category="media",
    title_de="Digitales Medium ohne Begründung",
    title_en="Digital medium without a rationale",
    params=(
        Param(
            "online_modes",
            ("live_online", "self_paced_online"),
            "Durchführungsformen, die eine Begründung der Medienwahl brauchen",
            "Delivery modes that need a rationale for the choice of media",
            DELIVERY_MODES,
        ),
    ),
)
def no_rationale(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """A nugget delivered online, or one that names media, says why this medium serves
    the objective better than the alternatives (the "why this medium" field)."""
    reported: set[str] = set()
    for placed in snap.placed():
        nugget = placed.nugget
        uses_media = placed.delivery_mode in params["online_modes"] or nugget.media.strip()
        if not uses_media or nugget.rationale.strip() or nugget.key in reported:
            continue
        reported.add(nugget.key)
        yield Issue(
            "nugget",
            nugget.key,
            f"Für das Nugget {quote(nugget.title, 'de')} ist nicht begründet, warum dieses "
            "Medium gewählt wurde. Schreiben Sie in einem Satz, was es für das Lernziel "
            "leistet.",
            f"The nugget {quote(nugget.title, 'en')} does not say why this medium was chosen. "
            "Write in one sentence what it does for the objective.",
        )


RULES = (no_rationale,)
