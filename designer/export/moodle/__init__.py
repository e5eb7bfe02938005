"""Moodle course backup (.mbz) export, restorable in Moodle 4.5.

The layout follows Moodle's backup code: `planner` decides every id and relation of
the course, and one module writes each kind of file (`backup` moodle_backup.xml,
`course`, `section`, `activity` and `modules` for activities, `questions`,
`gradebook` for every grade file, `roles` for every roles.xml, `files`, `root`),
`archive` packs them.
"""

from __future__ import annotations

import time
from typing import BinaryIO

from designer.core.snapshot import DesignSnapshot
from designer.export.moodle.writer import write_backup
from designer.export.registry import ExportContext, ExportFormat


def write_mbz(snap: DesignSnapshot, out: BinaryIO, ctx: ExportContext) -> None:
    write_backup(snap, out, ctx.assets, now=int(time.time()))


FORMATS = (
    ExportFormat(
        "moodle",
        "Moodle course backup (.mbz)",
        "mbz",
        "application/vnd.moodle.backup",
        write_mbz,
    ),
)
