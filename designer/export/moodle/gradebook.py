"""gradebook.xml: the course grade category and its course total item.

The activities' own grade items live in their grades.xml and point at this category.
Natural aggregation (13) sums the activities; each item's weight (aggregationcoef2)
is its share of the course total, as Moodle computes it.
"""

from __future__ import annotations

from designer.export.moodle.plan import Plan
from designer.export.moodle.xml import Element, decimal, fields, group, root, to_bytes

NATURAL_AGGREGATION = 13


def gradebook_xml(plan: Plan) -> bytes:
    doc = root("gradebook")
    group(doc, "attributes")
    categories = group(doc, "grade_categories")
    items = group(doc, "grade_items")
    if plan.grade_items:
        _category(plan, categories)
        _course_item(plan, items)
    group(doc, "grade_letters")
    setting = group(group(doc, "grade_settings"), "grade_setting", id="")
    fields(setting, [("name", "minmaxtouse"), ("value", 1)])
    return to_bytes(doc)


def _category(plan: Plan, parent: Element) -> None:
    cat_id = plan.grade_category_id
    fields(
        group(parent, "grade_category", id=cat_id),
        [
            ("parent", None),
            ("depth", 1),
            ("path", f"/{cat_id}/"),
            ("fullname", "?"),
            ("aggregation", NATURAL_AGGREGATION),
            ("keephigh", 0),
            ("droplow", 0),
            ("aggregateonlygraded", 1),
            ("aggregateoutcomes", 0),
            ("timecreated", plan.now),
            ("timemodified", plan.now),
            ("hidden", 0),
        ],
    )


def _course_item(plan: Plan, parent: Element) -> None:
    item = group(parent, "grade_item", id=plan.course_grade_item_id)
    fields(
        item,
        [
            ("categoryid", None),
            ("itemname", None),
            ("itemtype", "course"),
            ("itemmodule", None),
            ("iteminstance", plan.grade_category_id),
            ("itemnumber", None),
            ("iteminfo", None),
            ("idnumber", None),
            ("calculation", None),
            ("gradetype", 1),
            ("grademax", decimal(sum(i.grademax for i in plan.grade_items))),
            ("grademin", decimal(0)),
            ("scaleid", None),
            ("outcomeid", None),
            ("gradepass", decimal(0)),
            ("multfactor", decimal(1)),
            ("plusfactor", decimal(0)),
            ("aggregationcoef", decimal(0)),
            ("aggregationcoef2", decimal(0)),
            ("weightoverride", 0),
            ("sortorder", 1),
            ("display", 0),
            ("decimals", None),
            ("hidden", 0),
            ("locked", 0),
            ("locktime", 0),
            ("needsupdate", 0),
            ("timecreated", plan.now),
            ("timemodified", plan.now),
        ],
    )
    group(item, "grade_grades")
