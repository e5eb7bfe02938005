"""Both kinds of roles.xml, as Moodle's backup writes them.

Every context (the course, each activity) has a roles.xml with its role overrides and
assignments (backup_roles_structure_step); the one at the root of the backup defines the
roles the backup names (backup_final_roles_structure_step): the enrolment's student role.
"""

from __future__ import annotations

from designer.export.moodle.xml import fields, group, root, to_bytes

STUDENT_ROLE_ID = 5


def roles_xml() -> bytes:
    """A context's roles.xml: no overrides, no assignments (user data is off)."""
    doc = root("roles")
    group(doc, "role_overrides")
    group(doc, "role_assignments")
    return to_bytes(doc)


def roles_definition_xml() -> bytes:
    """The root roles.xml: the definition of every role the backup names."""
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
