"""What an export format declares (`ExportFormat`, its `ExportOption`s) and what its writer
receives (`ExportContext`). The list of formats is `designer.export.formats`; the format
packages import only these types, so nothing here imports a format."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from designer.core.assets import AssetSource
from designer.core.snapshot import DesignSnapshot
from designer.export.options import ExportOption, parse_options


@dataclass(frozen=True)
class QualityFinding:
    """One automatic finding as a document prints it (message and the rule's title in the
    design's language; `rule` is the rule's id)."""

    rule: str
    severity: str
    message: str
    target: str
    rule_title: str = ""


@dataclass(frozen=True)
class Version:
    """A stored version of the design as people name it: its number and the day."""

    number: int
    stored_on: str  # ISO date


@dataclass(frozen=True)
class SignOff:
    """One reviewer's decision on one version of the design."""

    reviewer: str
    decision: str
    signed_at: str  # ISO date and time
    version: Version | None
    comment: str


@dataclass(frozen=True)
class QualityRecord:
    """`version` is the latest stored version; `changed_since` whether the design was
    changed after it (the document then describes a state newer than any version)."""

    findings: tuple[QualityFinding, ...] = ()
    reviews: tuple[SignOff, ...] = ()
    version: Version | None = None
    changed_since: bool = False


@dataclass(frozen=True)
class ExportContext:
    """Everything an exporter may read besides the snapshot. `quality` comes from the
    quality engine and the reviews; None where the caller has none (pure tests)."""

    assets: AssetSource
    # The format's options as `ExportFormat.read_options` returns them (typed, complete).
    options: Mapping[str, Any] = field(default_factory=dict)
    quality: QualityRecord | None = None


Writer = Callable[[DesignSnapshot, BinaryIO, ExportContext], None]


@dataclass(frozen=True)
class ExportFormat:
    key: str
    label: str
    extension: str
    mimetype: str
    write: Writer
    options: tuple[ExportOption, ...] = ()
    # Whether `write` reads ExportContext.quality (the checks cost time; others skip them).
    reads_quality: bool = False

    def read_options(self, given: Mapping[str, str]) -> dict[str, Any]:
        """The typed value of each of this format's options; raises InvalidOptions."""
        return parse_options(self.options, given)
