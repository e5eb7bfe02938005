"""What a published offer shows: the public fields of a design, and their schema.org form.

An offer is frozen when a coordinator publishes it: `offer_data` picks the fields meant
for the public (title, offer description, target group, format, delivery modes,
duration, dates, objectives, the badge) and nothing else; notes for authors, comments,
reviews and nuggets never reach it. The badge's criteria are therefore said without
the nuggets' titles (`badge_criteria`), unlike on the badge's own criteria page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.core.badges import criteria, day_label
from designer.core.openbadges import BadgeUrls
from designer.core.snapshot import DesignSnapshot, PlacedNugget
from designer.core.texts import N_, translate, translate_plural
from designer.core.vocab import DELIVERY_MODES

ONLINE_MODES = frozenset({"live_online", "self_paced_online"})
CURRENCIES = ("EUR", "CHF")


@dataclass(frozen=True)
class OfferTerms:
    """What the coordinator adds when publishing: where, and the price (decimal text,
    "" when none is given)."""

    place: str = ""
    price: str = ""
    currency: str = "EUR"


def delivery_modes(snap: DesignSnapshot) -> list[str]:
    """The delivery modes of the placed nuggets, in the vocabulary's order."""
    used = {placed.delivery_mode for placed in snap.placed()}
    return [mode for mode in DELIVERY_MODES if mode in used]


def course_mode(modes: list[str]) -> str:
    """schema.org's courseMode: online, onsite or blended."""
    online = any(mode in ONLINE_MODES for mode in modes)
    onsite = any(mode not in ONLINE_MODES for mode in modes)
    if online and onsite:
        return "blended"
    return "online" if online else "onsite"


def offer_data(snap: DesignSnapshot, terms: OfferTerms, badge_id: str = "") -> dict[str, Any]:
    """The offer's public data; `badge_id` is the public id of the design's badge (the
    offer names its badge only when the design has one)."""
    g = snap.grobkonzept
    modes = delivery_modes(snap)
    minutes = g.planned_workload_minutes or sum(p.duration_minutes for p in snap.placed())
    return {
        "title": snap.title,
        "language": snap.language,
        "description": g.offer_description,
        "target_group": g.target_group,
        "prerequisites": g.prerequisites,
        "format": g.format_summary,
        "delivery_modes": modes,
        "course_mode": course_mode(modes),
        "minutes": minutes,
        "start_date": g.start_date,
        "end_date": g.end_date,
        "objectives": [{"text": o.text, "bloom_level": o.bloom_level} for o in snap.objectives],
        "place": terms.place,
        "price": terms.price,
        "currency": terms.currency if terms.price else "",
    } | ({"badge": offer_badge(snap, badge_id)} if snap.badge and badge_id else {})


def offer_badge(snap: DesignSnapshot, badge_id: str) -> dict[str, Any]:
    """The badge as the offer shows it. `image` and `url` are the badge's public image and
    criteria page, as paths of the site (the pages make them absolute)."""
    assert snap.badge is not None
    urls = BadgeUrls("", badge_id, "")
    return {
        "id": badge_id,
        "name": snap.badge.name,
        "description": snap.badge.description,
        "criteria": badge_criteria(snap),
        "competences": [{"text": o.text, "bloom_level": o.bloom_level} for o in snap.objectives],
        "image": urls.image,
        "url": urls.criteria,
    }


def badge_criteria(snap: DesignSnapshot) -> list[str]:
    """What a learner does to earn the badge, in the design's language, without naming
    nuggets: how many to complete, the quizzes' pass marks, the live sessions' days."""
    lang = snap.language
    found = criteria(snap)
    lines = []
    if found.complete:
        n = len(found.complete)
        text = translate_plural(
            "Complete %(num)d learning nugget of the course.",
            "Complete %(num)d learning nuggets of the course.",
            n,
            lang,
        )
        lines.append(text % {"num": n})
    marks = sorted({quiz.pass_mark for quiz in found.quizzes})
    for mark in marks:
        n = sum(1 for quiz in found.quizzes if quiz.pass_mark == mark)
        text = translate_plural(
            "Pass the quiz with at least %(mark)s %% right answers.",
            "Pass %(num)d quizzes with at least %(mark)s %% right answers each.",
            n,
            lang,
        )
        lines.append(text % {"num": n, "mark": mark})
    if found.live:
        lines.append(_attend(found.live, lang))
    return lines or [translate(N_("Take part in the whole course."), lang)]


def _attend(live: tuple[PlacedNugget, ...], lang: str) -> str:
    schedules = [p.nugget.schedule or p.module.schedule for p in live]
    days = [day_label(s.date, lang) for s in schedules if s and s.date]
    n = len(live)
    if len(days) == n:
        text = translate_plural(
            "Attend the live session on %(days)s.",
            "Attend the %(num)d live sessions on %(days)s.",
            n,
            lang,
        )
    else:
        text = translate_plural(
            "Attend the live session.", "Attend the %(num)d live sessions.", n, lang
        )
    return text % {"num": n, "days": ", ".join(days)}


def course_jsonld(
    offer: dict[str, Any], provider: str, provider_url: str, url: str, site: str
) -> dict[str, Any]:
    """The offer as a schema.org Course with one CourseInstance; `site` is the site's
    address, for the badge's paths."""
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": offer["course_mode"],
        "courseWorkload": f"PT{offer['minutes']}M",
    }
    for name in ("start_date", "end_date"):
        if offer[name]:
            instance["startDate" if name == "start_date" else "endDate"] = offer[name]
    if offer["place"]:
        kind = "VirtualLocation" if offer["course_mode"] == "online" else "Place"
        instance["location"] = {"@type": kind, "name": offer["place"]}
    course: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": offer["title"],
        "description": offer["description"] or offer["format"] or offer["title"],
        "url": url,
        "inLanguage": offer["language"],
        "provider": {"@type": "Organization", "name": provider, "url": provider_url},
        "hasCourseInstance": [instance],
    }
    if offer["price"]:
        course["offers"] = [
            {
                "@type": "Offer",
                "category": "Free" if float(offer["price"]) == 0 else "Paid",
                "price": offer["price"],
                "priceCurrency": offer["currency"],
                "url": url,
            }
        ]
    if offer["target_group"]:
        course["audience"] = {"@type": "Audience", "audienceType": offer["target_group"]}
    if offer["prerequisites"]:
        course["coursePrerequisites"] = offer["prerequisites"]
    if offer["objectives"]:
        course["teaches"] = [o["text"] for o in offer["objectives"]]
    if offer.get("badge"):
        course["educationalCredentialAwarded"] = credential_jsonld(offer["badge"], site)
    return course


def credential_jsonld(badge: dict[str, Any], site: str) -> dict[str, Any]:
    """The badge as the schema.org EducationalOccupationalCredential the course awards."""
    credential = {
        "@type": "EducationalOccupationalCredential",
        "name": badge["name"],
        "description": badge["description"] or " ".join(badge["criteria"]),
        "credentialCategory": "badge",
        "url": site + badge["url"],
        "image": site + badge["image"],
    }
    if badge["competences"]:
        credential["competencyRequired"] = [c["text"] for c in badge["competences"]]
    return credential
