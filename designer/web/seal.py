"""The quality seal: public by intent, reached through an unguessable token, showing only
what was signed off, by whom and when, never the design's content."""

from __future__ import annotations

from flask import Blueprint, render_template

from designer.queries import quality as qq
from designer.queries.read_model import snapshot

bp = Blueprint("seal", __name__)


@bp.get("/seal/<token>")
def show(token: str):
    review, design = qq.seal_by_token(token)
    outdated = design.deleted_at is not None or qq.current_hash(snapshot(design)) != (
        review.snapshot_hash
    )
    return render_template(
        "quality/seal.html",
        review=review,
        design_title=design.title,
        reviewer=qq.reviewer_name(review),
        checklists=qq.reviewed_checklists(review),
        outdated=outdated,
    )
