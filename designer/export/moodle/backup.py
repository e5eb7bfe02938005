"""moodle_backup.xml: what the backup holds and with which settings.

Restore reads this file first. Its first 200 bytes must hold the double-quoted XML
declaration, `<moodle_backup>` and `<information>`, or Moodle does not recognise the
format; `to_bytes` writes that declaration by hand (lxml would use single quotes).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from designer.core.snapshot import snapshot_hash
from designer.export.moodle.ids import SYSTEM_CONTEXT_ID
from designer.export.moodle.plan import Plan
from designer.export.moodle.xml import Element, fields, group, root, sub, to_bytes

MOODLE_VERSION = 2024100700
MOODLE_RELEASE = "4.5"
BACKUP_VERSION = 2024100700
BACKUP_RELEASE = "4.5"
WWWROOT = "https://kurswerk.example"
GENERAL_MODE = 10

# Root settings: the course structure with files and question banks, no user data.
ROOT_SETTINGS = (
    ("imscc11", 0),
    ("users", 0),
    ("anonymize", 0),
    ("role_assignments", 0),
    ("activities", 1),
    ("blocks", 0),
    ("files", 1),
    ("filters", 0),
    ("comments", 0),
    ("badges", 0),  # 1 when the design has a badge
    ("calendarevents", 0),
    ("userscompletion", 0),
    ("logs", 0),
    ("grade_histories", 0),
    ("questionbank", 1),
    ("groups", 1),
    ("competencies", 1),
    ("customfield", 1),
    ("contentbankcontent", 0),
    ("xapistate", 0),
    ("legacyfiles", 0),
)


def backup_filename(plan: Plan) -> str:
    stamp = datetime.fromtimestamp(plan.now, UTC).strftime("%Y%m%d-%H%M")
    short = "".join(c for c in plan.shortname.lower() if c.isascii() and c.isalnum())
    return f"backup-moodle2-course-{plan.course_id}-{short}-{stamp}.mbz"


def moodle_backup_xml(plan: Plan) -> bytes:
    doc = root("moodle_backup")
    info = group(doc, "information")
    name = backup_filename(plan)
    fields(
        info,
        [
            ("name", name),
            ("moodle_version", MOODLE_VERSION),
            ("moodle_release", MOODLE_RELEASE),
            ("backup_version", BACKUP_VERSION),
            ("backup_release", BACKUP_RELEASE),
            ("backup_date", plan.now),
            ("mnet_remoteusers", 0),
            ("include_files", 1),
            ("include_file_references_to_external_content", 0),
            ("original_wwwroot", WWWROOT),
            ("original_site_identifier_hash", hashlib.md5(WWWROOT.encode()).hexdigest()),
            ("original_course_id", plan.course_id),
            ("original_course_format", "topics"),
            ("original_course_fullname", plan.fullname),
            ("original_course_shortname", plan.shortname),
            ("original_course_startdate", plan.startdate),
            ("original_course_enddate", plan.enddate),
            ("original_course_contextid", plan.course_contextid),
            ("original_system_contextid", SYSTEM_CONTEXT_ID),
        ],
    )
    _details(plan, info)
    _contents(plan, info)
    _settings(plan, info, name)
    return to_bytes(doc)


def _details(plan: Plan, info: Element) -> None:
    backup_id = hashlib.md5(f"{snapshot_hash(plan.snapshot)}:{plan.now}".encode()).hexdigest()
    detail = group(group(info, "details"), "detail", backup_id=backup_id)
    fields(
        detail,
        [
            ("type", "course"),
            ("format", "moodle2"),
            ("interactive", 1),
            ("mode", GENERAL_MODE),
            ("execution", 1),
            ("executiontime", 0),
        ],
    )


def _contents(plan: Plan, info: Element) -> None:
    """Activities in course-page order, then sections, then the course."""
    contents = group(info, "contents")
    activities = group(contents, "activities")
    for a in plan.activities:
        fields(
            group(activities, "activity"),
            [
                ("moduleid", a.cmid),
                ("sectionid", a.section_id),
                ("modulename", a.modname),
                ("title", a.title),
                ("directory", a.directory),
                ("insubsection", ""),
            ],
        )
    sections = group(contents, "sections")
    for s in plan.sections:
        fields(
            group(sections, "section"),
            [
                ("sectionid", s.id),
                ("title", s.name if s.name is not None else str(s.number)),
                ("directory", s.directory),
                ("parentcmid", ""),
                ("modname", ""),
            ],
        )
    fields(
        group(contents, "course"),
        [("courseid", plan.course_id), ("title", plan.shortname), ("directory", "course")],
    )


def _settings(plan: Plan, info: Element, filename: str) -> None:
    """Root settings, then each section's settings followed by its activities'."""
    settings = group(info, "settings")
    _setting(settings, "root", None, "filename", filename)
    for name, value in ROOT_SETTINGS:
        if name == "badges":
            value = int(plan.badge is not None)
        _setting(settings, "root", None, name, value)
    for section in plan.sections:
        for suffix, value in (("included", 1), ("userinfo", 0)):
            _setting(settings, "section", section.key, f"{section.key}_{suffix}", value)
        for a in section.activities:
            for suffix, value in (("included", 1), ("userinfo", 0)):
                _setting(settings, "activity", a.name, f"{a.name}_{suffix}", value)


def _setting(parent: Element, level: str, owner: str | None, name: str, value: object) -> None:
    el = group(parent, "setting")
    sub(el, "level", level)
    if owner is not None:
        sub(el, level, owner)
    sub(el, "name", name)
    sub(el, "value", value)
