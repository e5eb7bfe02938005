"""What a published offer shows: the public fields of a design, and their schema.org form.

An offer is frozen when a coordinator publishes it: `offer_data` picks the fields meant
for the public (title, offer description, target group, format, delivery modes,
duration, dates, objectives) and nothing else; notes for authors, comments, reviews
and nuggets never reach it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.core.snapshot import DesignSnapshot
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


def offer_data(snap: DesignSnapshot, terms: OfferTerms) -> dict[str, Any]:
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
    }


def course_jsonld(
    offer: dict[str, Any], provider: str, provider_url: str, url: str
) -> dict[str, Any]:
    """The offer as a schema.org Course with one CourseInstance."""
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
    return course
