"""The grade files: gradebook.xml of the course, grades.xml of each activity and the
empty grade_history.xml of both, with the one writer of a `grade_item` they share.

gradebook.xml holds the course grade category and its course total item; an
activity's grades.xml holds the activity's own item, which points at that category.
Natural aggregation (13) sums the activities; each item's weight (aggregationcoef2)
is its share of the course total, as Moodle computes it.
"""

from __future__ import annotations

from dataclasses import dataclass

from designer.export.moodle.plan import Activity, GradeItem, Plan
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


def grades_xml(plan: Plan, a: Activity) -> bytes:
    doc = root("activity_gradebook")
    items = group(doc, "grade_items")
    if a.grade_item:
        _activity_item(plan, items, a.grade_item)
    group(doc, "grade_letters")
    return to_bytes(doc)


def grade_history_xml() -> bytes:
    doc = root("grade_history")
    group(doc, "grade_grades")
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
    _grade_item(
        plan,
        parent,
        _Item(
            id=plan.course_grade_item_id,
            categoryid=None,
            itemname=None,
            itemtype="course",
            itemmodule=None,
            iteminstance=plan.grade_category_id,
            itemnumber=None,
            idnumber=None,
            grademax=sum(i.grademax for i in plan.grade_items),
            gradepass=0,
            weight=0,
            sortorder=1,
        ),
    )


def _activity_item(plan: Plan, parent: Element, item: GradeItem) -> None:
    _grade_item(
        plan,
        parent,
        _Item(
            id=item.id,
            categoryid=plan.grade_category_id,
            itemname=item.name,
            itemtype="mod",
            itemmodule=item.modname,
            iteminstance=item.instance,
            itemnumber=0,
            idnumber="",
            grademax=item.grademax,
            gradepass=item.gradepass,
            weight=item.grademax / sum(i.grademax for i in plan.grade_items),
            sortorder=item.sortorder,
        ),
    )


@dataclass(frozen=True)
class _Item:
    """What differs between the course total item and an activity's item."""

    id: int
    categoryid: int | None
    itemname: str | None
    itemtype: str
    itemmodule: str | None
    iteminstance: int
    itemnumber: int | None
    idnumber: str | None
    grademax: float
    gradepass: float
    weight: float
    sortorder: int


def _grade_item(plan: Plan, parent: Element, item: _Item) -> None:
    """One `grade_item` with every field Moodle's backup writes for it."""
    el = group(parent, "grade_item", id=item.id)
    fields(
        el,
        [
            ("categoryid", item.categoryid),
            ("itemname", item.itemname),
            ("itemtype", item.itemtype),
            ("itemmodule", item.itemmodule),
            ("iteminstance", item.iteminstance),
            ("itemnumber", item.itemnumber),
            ("iteminfo", None),
            ("idnumber", item.idnumber),
            ("calculation", None),
            ("gradetype", 1),
            ("grademax", decimal(item.grademax)),
            ("grademin", decimal(0)),
            ("scaleid", None),
            ("outcomeid", None),
            ("gradepass", decimal(item.gradepass)),
            ("multfactor", decimal(1)),
            ("plusfactor", decimal(0)),
            ("aggregationcoef", decimal(0)),
            ("aggregationcoef2", decimal(item.weight)),
            ("weightoverride", 0),
            ("sortorder", item.sortorder),
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
    group(el, "grade_grades")
