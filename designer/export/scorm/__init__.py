"""SCORM 1.2 and SCORM 2004 4th Edition packages of a design.

`options` (what the user chooses), `plan` (what becomes a page, an item, a file),
`pages` / `quiz` / `content` (the HTML), `manifest` (imsmanifest.xml), `package` (the
zip), `validate` (what an LMS checks). The runtime scripts and the style sheet are plain
files in `runtime/`; the official schema files are in `designer/export/schemas/`.
"""

from __future__ import annotations

from typing import BinaryIO

from designer.core.snapshot import DesignSnapshot
from designer.export.registry import ExportContext, ExportFormat
from designer.export.scorm.manifest import manifest_12, manifest_2004
from designer.export.scorm.options import OPTIONS
from designer.export.scorm.package import Version, write_package
from designer.export.scorm.validate import SCORM12, SCORM2004

SCORM_12 = Version("scorm12", manifest_12, "scorm12.js", SCORM12)
SCORM_2004 = Version("scorm2004", manifest_2004, "scorm2004.js", SCORM2004)


def write_scorm12(snap: DesignSnapshot, out: BinaryIO, ctx: ExportContext) -> None:
    write_package(snap, out, ctx, SCORM_12)


def write_scorm2004(snap: DesignSnapshot, out: BinaryIO, ctx: ExportContext) -> None:
    write_package(snap, out, ctx, SCORM_2004)


FORMATS = (
    ExportFormat("scorm12", "SCORM 1.2", "zip", "application/zip", write_scorm12, OPTIONS),
    ExportFormat(
        "scorm2004", "SCORM 2004 4th Edition", "zip", "application/zip", write_scorm2004, OPTIONS
    ),
)
