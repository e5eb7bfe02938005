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
        ("single", "Ein SCO für den ganzen Kurs", "One SCO for the whole course"),
        ("per_nugget", "Ein SCO pro Nugget", "One SCO per nugget"),
    ),
    default="single",
    help_de=(
        "Ein SCO für den ganzen Kurs wird in jeder Lernplattform vollständig aufgezeichnet. "
        "Bei einem SCO pro Nugget zeichnet Moodle 4.5 in SCORM 2004 je Besuch nur das zuerst "
        "geöffnete Nugget auf (SCORM 1.2 jedes)."
    ),
    help_en=(
        "One SCO for the whole course is recorded in full by every learning platform. With "
        "one SCO per nugget, Moodle 4.5 records only the first nugget opened per visit in "
        "SCORM 2004 (in SCORM 1.2 every one)."
    ),
)
OPTIONS = (CONTENT_MODES, PACKAGING)


@dataclass(frozen=True)
class Settings:
    """What the user chose: delivery modes that become SCOs, and packaging. The pass mark
    is the design's (`DesignSnapshot.pass_mark`), not an option of the export."""

    content_modes: frozenset[str] = frozenset({"self_paced_online"})
    single_sco: bool = True


def read_settings(options: Mapping[str, Any]) -> Settings:
    """Settings from the typed option values (`ExportFormat.read_options`)."""
    return Settings(
        content_modes=options[CONTENT_MODES.name],
        single_sco=options[PACKAGING.name] == "single",
    )
