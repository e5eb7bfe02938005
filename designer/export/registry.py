"""What an export format declares (`ExportFormat`, `ExportOption`) and what its writer
receives (`ExportContext`). The list of formats is `designer.export.formats`; the format
packages import only these types, so nothing here imports a format."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import BinaryIO

from designer.core.assets import AssetSource
from designer.core.snapshot import DesignSnapshot


@dataclass(frozen=True)
class QualityFinding:
    """One automatic finding as a document prints it (message in the design's language)."""

    rule: str
    severity: str
    message: str
    target: str


@dataclass(frozen=True)
class SignOff:
    """One reviewer's decision on one version of the design."""

    reviewer: str
    decision: str
    signed_at: str
    snapshot_hash: str
    comment: str


@dataclass(frozen=True)
class QualityRecord:
    findings: tuple[QualityFinding, ...] = ()
    reviews: tuple[SignOff, ...] = ()


@dataclass(frozen=True)
class ExportContext:
    """Everything an exporter may read besides the snapshot. `quality` comes from the
    quality engine and the reviews; None where the caller has none (pure tests)."""

    assets: AssetSource
    options: Mapping[str, str] = field(default_factory=dict)
    quality: QualityRecord | None = None


Writer = Callable[[DesignSnapshot, BinaryIO, ExportContext], None]


@dataclass(frozen=True)
class ExportOption:
    """An option the user may set for a format (rendered as a select in the browser,
    `--option name=value` on the command line). `choices` are (value, label de, label en)."""

    name: str
    label_de: str
    label_en: str
    choices: tuple[tuple[str, str, str], ...]
    default: str
    multiple: bool = False


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
