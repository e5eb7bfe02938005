"""The one registry of export formats, used by the CLI, the browser and the API."""

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


class UnknownFormat(KeyError):
    pass


def _formats() -> dict[str, ExportFormat]:
    from designer.export import docx, jsonfmt, moodle, scorm, xlsx

    formats = [
        *jsonfmt.FORMATS,
        *scorm.FORMATS,
        *moodle.FORMATS,
        docx.FORMAT,
        xlsx.FORMAT,
    ]
    return {f.key: f for f in formats}


def formats() -> dict[str, ExportFormat]:
    return _formats()


def get_format(key: str) -> ExportFormat:
    try:
        return _formats()[key]
    except KeyError:
        raise UnknownFormat(
            f"unknown export format {key!r} (known: {', '.join(_formats())})"
        ) from None
