"""The options of the SCORM exports and how an options mapping is read into settings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from designer.core.vocab import DELIVERY_MODES, label
from designer.export.registry import ExportOption

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
MASTERY_SCORE = ExportOption(
    name="mastery_score",
    label_de="Bestehensgrenze für Tests",
    label_en="Pass mark for quizzes",
    choices=tuple((str(p), f"{p} %", f"{p} %") for p in (50, 60, 70, 75, 80, 90, 100)),
    default="80",
)
OPTIONS = (CONTENT_MODES, PACKAGING, MASTERY_SCORE)


@dataclass(frozen=True)
class Settings:
    """What the user chose: delivery modes that become SCOs, packaging, pass mark (0..1)."""

    content_modes: frozenset[str] = frozenset({"self_paced_online"})
    single_sco: bool = False
    mastery: float = 0.8


def read_settings(options: Mapping[str, str]) -> Settings:
    """Settings from option values; a multiple option is a comma-separated list.

    Raises ValueError naming the option when a value is not one of its choices.
    """
    modes = _values(options, CONTENT_MODES)
    return Settings(
        content_modes=frozenset(modes),
        single_sco=_values(options, PACKAGING) == ["single"],
        mastery=int(_values(options, MASTERY_SCORE)[0]) / 100,
    )


def _values(options: Mapping[str, str], option: ExportOption) -> list[str]:
    raw = options.get(option.name, option.default)
    values = [v.strip() for v in raw.split(",") if v.strip()] if option.multiple else [raw]
    allowed = {choice[0] for choice in option.choices}
    wrong = [v for v in values if v not in allowed]
    if wrong:
        raise ValueError(
            f"option {option.name}: {', '.join(wrong)} is not one of {', '.join(sorted(allowed))}"
        )
    return values
