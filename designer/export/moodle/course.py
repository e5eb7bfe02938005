"""The course folder: course.xml, enrolments.xml, roles.xml, competencies.xml,
completiondefaults.xml and inforef.xml (Moodle's backup_course_task, user data off)."""

from __future__ import annotations

from designer.export.moodle.plan import Plan
from designer.export.moodle.roles import STUDENT_ROLE_ID, roles_xml
from designer.export.moodle.xml import fields, group, root, sub, to_bytes

CATEGORY_ID = 1


def course_files(plan: Plan) -> dict[str, bytes]:
    return {
        "course.xml": course_xml(plan),
        "enrolments.xml": enrolments_xml(plan),
        "roles.xml": roles_xml(),
        "competencies.xml": competencies_xml(),
        "completiondefaults.xml": to_bytes(root("course_completion_defaults")),
        "inforef.xml": inforef_xml(),
    }


def course_xml(plan: Plan) -> bytes:
    doc = root("course", id=plan.course_id, contextid=plan.course_contextid)
    fields(
        doc,
        [
            ("shortname", plan.shortname),
            ("fullname", plan.fullname),
            ("idnumber", ""),
            ("summary", plan.summary),
            ("summaryformat", 1),
            ("format", "topics"),
            ("showgrades", 1),
            ("newsitems", 0),
            ("startdate", plan.startdate),
            ("enddate", plan.enddate),
            ("marker", 0),
            ("maxbytes", 0),
            ("legacyfiles", 0),
            ("showreports", 0),
            ("visible", 1),
            ("groupmode", 0),
            ("groupmodeforce", 0),
            ("defaultgroupingid", 0),
            ("lang", plan.lang),
            ("theme", ""),
            ("timecreated", plan.now),
            ("timemodified", plan.now),
            ("requested", 0),
            ("showactivitydates", 1),
            ("showcompletionconditions", 1),
            ("pdfexportfont", None),
            ("enablecompletion", 1),
            ("completionnotify", 0),
        ],
    )
    category = group(doc, "category", id=CATEGORY_ID)
    fields(category, [("name", "Kurswerk"), ("description", None)])
    group(doc, "tags")
    group(doc, "customfields")
    options = group(doc, "courseformatoptions")
    for name, value in (("hiddensections", 1), ("coursedisplay", 0)):
        fields(
            group(options, "courseformatoption"),
            [("format", "topics"), ("sectionid", 0), ("name", name), ("value", value)],
        )
    return to_bytes(doc)


def enrolments_xml(plan: Plan) -> bytes:
    """A manual enrolment method for students, so the course can take learners."""
    doc = root("enrolments")
    enrol = group(group(doc, "enrols"), "enrol", id=1)
    fields(
        enrol,
        [
            ("enrol", "manual"),
            ("status", 0),
            ("name", None),
            ("enrolperiod", 0),
            ("enrolstartdate", 0),
            ("enrolenddate", 0),
            ("expirynotify", 0),
            ("expirythreshold", 86400),
            ("notifyall", 0),
            ("password", None),
            ("cost", None),
            ("currency", None),
            ("roleid", STUDENT_ROLE_ID),
            ("customint1", 1),
            *[(f"customint{i}", None) for i in range(2, 9)],
            *[(f"customchar{i}", None) for i in range(1, 4)],
            *[(f"customdec{i}", None) for i in range(1, 3)],
            *[(f"customtext{i}", None) for i in range(1, 5)],
            ("timecreated", plan.now),
            ("timemodified", plan.now),
        ],
    )
    group(enrol, "user_enrolments")
    return to_bytes(doc)


def competencies_xml() -> bytes:
    doc = root("course_competencies")
    group(doc, "competencies")
    group(doc, "user_competencies")
    return to_bytes(doc)


def inforef_xml() -> bytes:
    """The student role the enrolment method names (defined in the root roles.xml)."""
    doc = root("inforef")
    sub(group(group(doc, "roleref"), "role"), "id", STUDENT_ROLE_ID)
    return to_bytes(doc)
