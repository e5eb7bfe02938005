"""Open Badges documents of a design's badge (pure: the web layer supplies the addresses).

Open Badges 2.0 (hosted): the Issuer profile, the BadgeClass and, per award, the
Assertion. Open Badges 3.0: the Achievement inside an OpenBadgeCredential. Criteria and
competences come from `designer.core.badges`, so every document says what the badge page
says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from designer.core.badges import competences, narrative
from designer.core.snapshot import DesignSnapshot

OB2_CONTEXT = "https://w3id.org/openbadges/v2"


@dataclass(frozen=True)
class BadgeUrls:
    """The public addresses of one badge and its issuer."""

    badge_class: str
    image: str
    criteria: str
    issuer: str
    issuer_home: str


def issuer_ob2(name: str, urls: BadgeUrls, email: str = "") -> dict[str, Any]:
    profile: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "Issuer",
        "id": urls.issuer,
        "name": name,
        "url": urls.issuer_home,
    }
    if email:
        profile["email"] = email
    return profile


def badge_class_ob2(snap: DesignSnapshot, urls: BadgeUrls) -> dict[str, Any]:
    badge = snap.badge
    assert badge is not None, "a badge class needs the design's badge"
    out: dict[str, Any] = {
        "@context": OB2_CONTEXT,
        "type": "BadgeClass",
        "id": urls.badge_class,
        "name": badge.name,
        "description": badge.description or badge.name,
        "image": urls.image,
        "criteria": {"id": urls.criteria, "narrative": narrative(snap)},
        "issuer": urls.issuer,
    }
    alignment = [
        {
            "targetName": c.text,
            "targetUrl": f"{urls.criteria}#competence-{i}",
            "targetDescription": c.bloom_label,
            "targetFramework": "Bloom",
            "targetCode": c.bloom_level,
        }
        for i, c in enumerate(competences(snap), 1)
    ]
    if alignment:
        out["alignment"] = [{k: v for k, v in a.items() if v} for a in alignment]
    return out
