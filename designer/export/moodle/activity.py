"""The files every activity folder holds besides `<modname>.xml` (see modules.py).

Which files are there follows Moodle's backup_activity_task with the user-data settings
off: module.xml, roles.xml, grades.xml, grade_history.xml, competencies.xml,
inforef.xml, and grading.xml for the modules that support advanced grading.
"""

from __future__ import annotations

from designer.export.moodle.gradebook import grade_history_xml, grades_xml
from designer.export.moodle.plan import Activity, Plan
from designer.export.moodle.questions import quiz_category_ids
from designer.export.moodle.roles import roles_xml
from designer.export.moodle.xml import fields, group, root, sub, to_bytes

MODULE_VERSION = 2024100700
ADVANCED_GRADING = {"assign", "forum"}


def activity_files(plan: Plan, activity: Activity) -> dict[str, bytes]:
    """File name (inside the activity folder) → bytes, without `<modname>.xml`."""
    files = {
        "module.xml": module_xml(plan, activity),
        "roles.xml": roles_xml(),
        "grades.xml": grades_xml(plan, activity),
        "grade_history.xml": grade_history_xml(),
        "competencies.xml": competencies_xml(),
        "inforef.xml": inforef_xml(activity),
    }
    if activity.modname in ADVANCED_GRADING:
        files["grading.xml"] = to_bytes(root("areas"))
    return files


def module_xml(plan: Plan, a: Activity) -> bytes:
    c = a.completion
    doc = root("module", id=a.cmid, version=MODULE_VERSION)
    fields(
        doc,
        [
            ("modulename", a.modname),
            ("sectionid", a.section_id),
            ("sectionnumber", a.section_number),
            ("idnumber", ""),
            ("added", plan.now),
            ("score", 0),
            ("indent", 0),
            ("visible", 1),
            ("visibleoncoursepage", 1),
            ("visibleold", 1),
            ("groupmode", 0),
            ("groupingid", 0),
            ("completion", c.tracking),
            ("completiongradeitemnumber", 0 if c.passgrade else None),
            ("completionpassgrade", c.passgrade),
            ("completionview", c.view),
            ("completionexpected", 0),
            ("availability", None),
            ("showdescription", a.showdescription),
            ("downloadcontent", 1),
            ("lang", None),
        ],
    )
    group(doc, "tags")
    return to_bytes(doc)


def competencies_xml() -> bytes:
    doc = root("course_module_competencies")
    group(doc, "competencies")
    return to_bytes(doc)


def inforef_xml(a: Activity) -> bytes:
    """What restore must bring along for this activity: its files, grade item and
    question categories (a file is restored only when listed here)."""
    doc = root("inforef")
    if a.files:
        refs = group(doc, "fileref")
        for f in a.files:
            sub(group(refs, "file"), "id", f.id)
    if a.grade_item:
        sub(group(group(doc, "grade_itemref"), "grade_item"), "id", a.grade_item.id)
    categories = quiz_category_ids(a)
    if categories:
        refs = group(doc, "question_categoryref")
        for cat_id in categories:
            sub(group(refs, "question_category"), "id", cat_id)
    return to_bytes(doc)
