"""badges.xml: the design's badge as a course badge (Moodle's backup_badges_structure_step).

The badge is written inactive (status 0): after restore it is there with its criteria
set, ready for a teacher to enable. Criteria: "all of" overall, and activity completion
of every activity the badge's criteria name that Moodle tracks (a quiz completes when
its pass grade is reached, see the planner). Live sessions become labels, which have no
completion: they are named in the description with the other criteria. Restore maps the
`module_<cmid>` parameters to the new course modules.

The image goes to files.xml (component `badges`, file area `badgeimage`, item id = the
badge id, course context) in Moodle's three sizes f1 (100 px), f2 (35 px), f3 (512 px).
"""

from __future__ import annotations

import io
from typing import BinaryIO

from designer.core.assets import AssetSource
from designer.core.badges import competences, criteria, criteria_lines
from designer.core.snapshot import Asset, DesignSnapshot
from designer.core.texts import N_, translate
from designer.export.badges import badge_png_sizes
from designer.export.moodle.plan import Activity, Allocator, Plan, PlannedBadge
from designer.export.moodle.xml import fields, group, root, to_bytes

COURSE_BADGE = 2
INACTIVE = 0
CRITERIA_OVERALL = 0
CRITERIA_ACTIVITY = 1
METHOD_ALL = 1
SIZES = {"f1.png": 100, "f2.png": 35, "f3.png": 512}
# Kurswerk's own records keep ids; Moodle maps the backup's user 2 (admin) to whoever
# restores when the backup carries no users.
BACKUP_USER = 2


def plan_badge(
    snap: DesignSnapshot, alloc: Allocator, contextid: int, placed_activities: dict[int, Activity]
) -> PlannedBadge | None:
    """The badge's ids; `placed_activities` maps a placement's position to its activity."""
    if snap.badge is None:
        return None
    found = criteria(snap)
    wanted = [p.position for p in found.complete] + [q.placed.position for q in found.quizzes]
    tracked = sorted(
        placed_activities[position].cmid
        for position in wanted
        if position in placed_activities and placed_activities[position].completion.tracking
    )
    ids = alloc.ids
    badge_id = ids.next("badge")
    images = [_image_asset(name) for name in SIZES]
    return PlannedBadge(
        id=badge_id,
        badge=snap.badge,
        overall_criterion_id=ids.next("badge_criterion"),
        activity_criterion_id=ids.next("badge_criterion"),
        modules=tuple((ids.next("badge_parameter"), cmid) for cmid in tracked),
        files=tuple(alloc.file_entries(contextid, "badges", "badgeimage", images, False, badge_id)),
    )


def _image_asset(name: str) -> Asset:
    return Asset(key=f"badge:{name}", filename=name, mimetype="image/png")


class WithBadgeImages:
    """The design's assets, plus the badge's images in Moodle's sizes."""

    def __init__(self, snap: DesignSnapshot, assets: AssetSource):
        self.assets = assets
        self.images = badge_png_sizes(snap.badge, assets, SIZES) if snap.badge else {}

    def open(self, asset: Asset) -> BinaryIO:
        name = asset.key.removeprefix("badge:")
        if asset.key.startswith("badge:") and name in self.images:
            return io.BytesIO(self.images[name])
        return self.assets.open(asset)


def badges_xml(plan: Plan) -> bytes:
    doc = root("badges")
    planned = plan.badge
    assert planned is not None
    badge, lang = planned.badge, plan.lang
    el = group(doc, "badge", id=planned.id)
    fields(
        el,
        [
            ("name", badge.name),
            ("description", description(plan.snapshot)),
            ("timecreated", plan.now),
            ("timemodified", plan.now),
            ("usercreated", BACKUP_USER),
            ("usermodified", BACKUP_USER),
            ("issuername", badge.issuer or plan.fullname),
            ("issuerurl", ""),
            ("issuercontact", ""),
            ("expiredate", None),
            ("expireperiod", None),
            ("type", COURSE_BADGE),
            ("courseid", plan.course_id),
            ("message", translate(N_("You earned the badge “%badgename%”."), lang)),
            ("messagesubject", translate(N_("You earned a badge"), lang)),
            ("attachment", 1),
            ("notification", 0),
            ("status", INACTIVE),
            ("nextcron", None),
            ("version", ""),
            ("language", lang),
            ("imageauthorname", badge.issuer),
            ("imageauthoremail", ""),
            ("imageauthorurl", ""),
            ("imagecaption", badge.name),
        ],
    )
    _criteria(group(el, "criteria"), planned)
    for name in ("alignments", "relatedbadges", "manual_awards", "tags"):
        group(el, name)
    return to_bytes(doc)


def _criteria(parent, planned: PlannedBadge) -> None:
    _criterion(parent, planned.overall_criterion_id, planned.id, CRITERIA_OVERALL)
    if not planned.modules:
        return
    params = _criterion(parent, planned.activity_criterion_id, planned.id, CRITERIA_ACTIVITY)
    for param_id, cmid in planned.modules:
        fields(
            group(params, "parameter", id=param_id),
            [
                ("critid", planned.activity_criterion_id),
                ("name", f"module_{cmid}"),
                ("value", cmid),
                ("criteriatype", CRITERIA_ACTIVITY),
            ],
        )


def _criterion(parent, criterion_id: int, badge_id: int, kind: int):
    el = group(parent, "criterion", id=criterion_id)
    fields(
        el,
        [
            ("badgeid", badge_id),
            ("criteriatype", kind),
            ("method", METHOD_ALL),
            ("description", ""),
            ("descriptionformat", 1),
        ],
    )
    return group(el, "parameters")


def description(snap: DesignSnapshot) -> str:
    """The badge's description, then its criteria and competences in plain words (Moodle's
    description is plain text; live sessions appear only here)."""
    lang = snap.language
    badge = snap.badge
    assert badge is not None
    parts = [badge.description] if badge.description else []
    parts.append(translate(N_("Criteria"), lang) + ":\n" + _bullets(criteria_lines(snap)))
    found = competences(snap)
    if found:
        lines = [f"{c.text} ({c.bloom_label})" if c.bloom_label else c.text for c in found]
        parts.append(translate(N_("Competences"), lang) + ":\n" + _bullets(lines))
    return "\n\n".join(parts)


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)
