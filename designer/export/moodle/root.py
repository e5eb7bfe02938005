"""The small files at the root of a backup: roles, groups, scales, outcomes, course
completion and grade history (Moodle's backup_final_task, user data off)."""

from __future__ import annotations

from designer.export.moodle.gradebook import grade_history_xml
from designer.export.moodle.roles import roles_definition_xml
from designer.export.moodle.xml import group, root, to_bytes


def root_files() -> dict[str, bytes]:
    return {
        "roles.xml": roles_definition_xml(),
        "groups.xml": groups_xml(),
        "scales.xml": to_bytes(root("scales_definition")),
        "outcomes.xml": to_bytes(root("outcomes_definition")),
        "completion.xml": to_bytes(root("course_completion")),
        "grade_history.xml": grade_history_xml(),
    }


def groups_xml() -> bytes:
    doc = root("groups")
    group(doc, "groupcustomfields")
    group(group(doc, "groupings"), "groupingcustomfields")
    return to_bytes(doc)
