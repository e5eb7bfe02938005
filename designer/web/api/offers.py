"""/workspaces/<slug>/offers: the workspace's published offers, as its catalogue shows them."""

from __future__ import annotations

from flask import jsonify
from flask_babel import lazy_gettext as _l

from designer.queries import offers as catalogue
from designer.web.api import common, schemas
from designer.web.api.spec import operation
from designer.web.offers import badge_for, course_for, offer_url

BADGE = {
    "type": ["object", "null"],
    "description": "The badge the offer leads to (null when none): name, description, "
    "criteria in plain words, competences, image and criteria page",
    "properties": {
        "name": {"type": "string"},
        "description": {"type": "string"},
        "criteria": {"type": "array", "items": {"type": "string"}},
        "competences": {
            "type": "array",
            "items": schemas.obj(
                {"text": {"type": "string"}, "bloom_level": {"type": "string"}},
                ("text", "bloom_level"),
            ),
        },
        "image": {"type": "string", "format": "uri"},
        "url": {"type": "string", "format": "uri"},
    },
    "required": ["name", "description", "criteria", "competences", "image", "url"],
    "additionalProperties": False,
}

OFFER = schemas.obj(
    {
        "slug": {"type": "string"},
        "url": {"type": "string", "format": "uri"},
        "design_id": schemas.ID,
        "published_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
        "course": {"type": "object", "description": "The offer as a schema.org Course"},
        "badge": BADGE,
    },
    ("slug", "url", "design_id", "published_at", "updated_at", "course", "badge"),
)


@operation(
    "GET",
    "/workspaces/<slug>/offers",
    summary=_l("List the offers the workspace published in its catalogue"),
    tag="workspaces",
    writes=False,
    result=schemas.list_of(OFFER),
)
def list_offers(slug: str):
    workspace = common.workspace(slug)
    return jsonify(
        [
            {
                "slug": e.offer.slug,
                "url": offer_url(slug, e.offer.slug),
                "design_id": e.offer.design_id,
                "published_at": e.offer.published_at.isoformat() + "Z",
                "updated_at": e.offer.updated_at.isoformat() + "Z",
                "course": course_for(workspace, e.data, e.offer.slug),
                "badge": badge_for(e.data),
            }
            for e in catalogue.entries(workspace)
        ]
    )
