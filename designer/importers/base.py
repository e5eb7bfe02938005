"""What every importer returns, and the error it raises."""

from __future__ import annotations

from dataclasses import dataclass, field

from designer.core.assets import AssetSource, NoAssets
from designer.core.snapshot import DesignSnapshot


class ImportRefused(ValueError):
    """The file cannot be imported; `problems` says why, each naming field, line or file."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class Imported:
    snapshot: DesignSnapshot
    assets: AssetSource = field(default_factory=NoAssets)
    warnings: list[str] = field(default_factory=list)
