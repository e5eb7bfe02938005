"""The options of the SCORM exports and the settings their typed values make."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from designer.core.vocab import DELIVERY_MODES, label
from designer.export.options import ExportOption

CONTENT_MODES = ExportOption(
    name="content_modes",
    label_de="Als Lerninhalt (SCO) exportieren",
    label_en="Export as learning content (SCO)",
    choices=tuple(
        (m, label("delivery_mode", m, "de"), label("delivery_mode", m, "en"))
        for m in DELIVERY_MODES
    ),
    default="self_paced_online",
    multiple=True,
)
PACKAGING = ExportOption(
    name="packaging",
    label_de="Paketierung",
    label_en="Packaging",
    choices=(
        ("per_nugget", "Ein SCO pro Nugget", "One SCO per nugget"),
        ("single", "Ein SCO für den ganzen Kurs", "One SCO for the whole course"),
    ),
    default="per_nugget",
)
OPTIONS = (CONTENT_MODES, PACKAGING)


@dataclass(frozen=True)
class Settings:
    """What the user chose: delivery modes that become SCOs, and packaging. The pass mark
    is the design's (`DesignSnapshot.pass_mark`), not an option of the export."""

    content_modes: frozenset[str] = frozenset({"self_paced_online"})
    single_sco: bool = False


def read_settings(options: Mapping[str, Any]) -> Settings:
    """Settings from the typed option values (`ExportFormat.read_options`)."""
    return Settings(
        content_modes=options[CONTENT_MODES.name],
        single_sco=options[PACKAGING.name] == "single",
    )
