"""sections/section_<id>/: section.xml and inforef.xml."""

from __future__ import annotations

from designer.export.moodle.plan import Plan, Section
from designer.export.moodle.xml import fields, root, to_bytes


def section_files(plan: Plan, section: Section) -> dict[str, bytes]:
    return {"section.xml": section_xml(plan, section), "inforef.xml": to_bytes(root("inforef"))}


def section_xml(plan: Plan, section: Section) -> bytes:
    """`sequence` lists the course module ids in course-page order."""
    doc = root("section", id=section.id)
    fields(
        doc,
        [
            ("number", section.number),
            ("name", section.name),
            ("summary", section.summary),
            ("summaryformat", 1),
            ("sequence", ",".join(str(a.cmid) for a in section.activities)),
            ("visible", 1),
            ("availabilityjson", None),
            ("component", None),
            ("itemid", None),
            ("timemodified", plan.now),
        ],
    )
    return to_bytes(doc)
