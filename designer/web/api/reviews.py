"""Reviews of a design (read only): who decided what on which version."""

from __future__ import annotations

from flask import jsonify
from flask_babel import lazy_gettext as _l

from designer.core.snapshot import snapshot_hash
from designer.queries.quality import reviews_of
from designer.queries.read_model import snapshot
from designer.web.api import common, schemas
from designer.web.api.spec import operation

REVIEW = schemas.obj(
    {
        "id": {"type": "integer"},
        "reviewer": {"type": "string"},
        "decision": {"type": ["string", "null"]},
        "checklists": {"type": "array", "items": {"type": "string"}},
        "submitted_revision": {"type": "integer"},
        "revision_number": {"type": ["integer", "null"]},
        "snapshot_hash": {"type": ["string", "null"]},
        "outdated": {"type": "boolean"},
        "requested_at": {"type": "string"},
        "signed_at": {"type": ["string", "null"]},
        "note": {"type": "string"},
        "override_reason": {"type": "string"},
    }
)


@operation(
    "GET",
    "/designs/<int:design_id>/reviews",
    summary=_l("List the reviews of a design"),
    tag="quality",
    writes=False,
    result=schemas.list_of(REVIEW),
)
def design_reviews(design_id: int):
    design = common.design(design_id)
    rows = reviews_of(design, snapshot_hash(snapshot(design)))
    return jsonify(
        [
            {
                "id": r.review.id,
                "reviewer": r.reviewer,
                "decision": r.review.decision,
                "checklists": list(r.review.checklist_keys or []),
                "submitted_revision": r.review.submitted_revision,
                "revision_number": r.review.revision_number,
                "snapshot_hash": r.review.snapshot_hash,
                "outdated": r.outdated,
                "requested_at": r.review.requested_at.isoformat(),
                "signed_at": r.review.signed_at.isoformat() if r.review.signed_at else None,
                "note": r.review.note or "",
                "override_reason": r.review.override_reason or "",
            }
            for r in rows
        ]
    )
