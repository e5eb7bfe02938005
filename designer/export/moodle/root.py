"""The small files at the root of a backup: roles, groups, scales, outcomes, course
completion and grade history (Moodle's backup_final_task, user data off)."""

from __future__ import annotations

from designer.export.moodle.course import STUDENT_ROLE_ID
from designer.export.moodle.xml import fields, group, root, to_bytes


def root_files() -> dict[str, bytes]:
    return {
        "roles.xml": roles_xml(),
        "groups.xml": groups_xml(),
        "scales.xml": to_bytes(root("scales_definition")),
        "outcomes.xml": to_bytes(root("outcomes_definition")),
        "completion.xml": to_bytes(root("course_completion")),
        "grade_history.xml": grade_history_xml(),
    }


def roles_xml() -> bytes:
    """The definition of every role the backup names: the enrolment's student role."""
    doc = root("roles_definition")
    fields(
        group(doc, "role", id=STUDENT_ROLE_ID),
        [
            ("name", ""),
            ("shortname", "student"),
            ("nameincourse", None),
            ("description", ""),
            ("sortorder", STUDENT_ROLE_ID),
            ("archetype", "student"),
        ],
    )
    return to_bytes(doc)


def groups_xml() -> bytes:
    doc = root("groups")
    group(doc, "groupcustomfields")
    group(group(doc, "groupings"), "groupingcustomfields")
    return to_bytes(doc)


def grade_history_xml() -> bytes:
    doc = root("grade_history")
    group(doc, "grade_grades")
    return to_bytes(doc)
