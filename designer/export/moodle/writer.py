"""Writes a whole Moodle 4.5 course backup (.mbz) of a design into a binary stream."""

from __future__ import annotations

from typing import BinaryIO

from designer.core.assets import AssetSource
from designer.core.snapshot import DesignSnapshot
from designer.export.moodle.activity import activity_files
from designer.export.moodle.archive import open_archive
from designer.export.moodle.backup import moodle_backup_xml
from designer.export.moodle.badges import WithBadgeImages, badges_xml
from designer.export.moodle.course import course_files
from designer.export.moodle.files import files_xml, open_spool, spool_assets
from designer.export.moodle.gradebook import gradebook_xml
from designer.export.moodle.modules import module_xml
from designer.export.moodle.planner import build_plan
from designer.export.moodle.questions import write_questions
from designer.export.moodle.root import root_files
from designer.export.moodle.section import section_files


def write_backup(snap: DesignSnapshot, out: BinaryIO, assets: AssetSource, now: int) -> None:
    """All assets are read (and hashed) before the first byte is written, so a missing
    file raises MissingAsset without leaving half an archive behind."""
    plan = build_plan(snap, now)
    with open_spool(WithBadgeImages(snap, assets)) as spool:
        spool_assets(plan, spool)
        with open_archive(out, now) as archive:
            archive.add_bytes("moodle_backup.xml", moodle_backup_xml(plan))
            archive.add_bytes("files.xml", files_xml(plan, spool))
            archive.add_bytes("questions.xml", write_questions(plan))
            archive.add_bytes("gradebook.xml", gradebook_xml(plan))
            if plan.badge is not None:
                archive.add_bytes("badges.xml", badges_xml(plan))
            for name, data in root_files().items():
                archive.add_bytes(name, data)
            for name, data in course_files(plan).items():
                archive.add_bytes(f"course/{name}", data)
            for section in plan.sections:
                for name, data in section_files(plan, section).items():
                    archive.add_bytes(f"{section.directory}/{name}", data)
            for a in plan.activities:
                archive.add_bytes(f"{a.directory}/{a.modname}.xml", module_xml(plan, a))
                for name, data in activity_files(plan, a).items():
                    archive.add_bytes(f"{a.directory}/{name}", data)
            for spooled in spool.unique():
                archive.add_stream(spooled.path, spooled.size, spool.reader(spooled))
