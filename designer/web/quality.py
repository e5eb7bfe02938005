"""The live quality panel and the printable quality report."""

from __future__ import annotations

from functools import partial
from typing import Any

from flask import Blueprint, render_template
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from designer.core.snapshot import DesignSnapshot
from designer.extensions import db
from designer.models import Design, Workspace
from designer.quality import category_label
from designer.queries import access
from designer.queries import quality as qq
from designer.queries.read_model import snapshot
from designer.services.permissions import Action, allowed_on_design
from designer.web.forms.quality import CommentForm, ResolveForm
from designer.web.i18n import current_language
from designer.web.links import finding_href, target_href

bp = Blueprint("quality", __name__)

SEVERITY_LABELS = {"error": _l("Error"), "warning": _l("Warning"), "hint": _l("Hint")}
VERDICT_LABELS = {
    "met": _l("met"),
    "not_met": _l("not met"),
    "not_applicable": _l("not applicable"),
}
EVENT_LABELS = {
    "design.created": _l("Design created"),
    "design.imported": _l("Design imported"),
    "design.created_from_template": _l("Design created from a template"),
    "design.updated": _l("Grobkonzept changed"),
    "design.deleted": _l("Design moved to the trash"),
    "design.submitted": _l("Submitted for review"),
    "design.approved": _l("Design approved"),
    "design.changes_requested": _l("Changes requested"),
    "design.approval_outdated": _l("Approval outdated by a change"),
    "review.requested": _l("Review requested"),
    "review.approved": _l("Reviewer approved"),
    "review.changes_requested": _l("Reviewer requested changes"),
    "review.override": _l("Blocking findings overridden with a reason"),
    "review.withdrawn": _l("Review request withdrawn"),
}
DECISION_LABELS = {
    None: _l("pending"),
    "approved": _l("approved"),
    "changes_requested": _l("changes requested"),
}


@bp.app_context_processor
def quality_helpers() -> dict[str, Any]:
    def unread() -> int:
        if not current_user.is_authenticated:
            return 0
        return qq.unread_notification_count(current_user)

    return {
        "unread_notifications": unread,
        "severity_label": lambda s: str(SEVERITY_LABELS.get(s, s)),
        "verdict_label": lambda v: str(VERDICT_LABELS.get(v, v or "—")),
        "decision_label": lambda d: str(DECISION_LABELS.get(d, d)),
        "category_label": category_label,
        "event_label": lambda kind: str(EVENT_LABELS.get(kind, kind)),
    }


def overview_context(user, design: Design, snap: DesignSnapshot) -> dict[str, Any]:
    """What the design overview shows of quality: the panel, threads and reviews."""
    lang = current_language()
    current = qq.current_hash(snap)
    return {
        "panel": qq.panel(design, snap, lang, partial(target_href, design.id)),
        "threads": qq.comment_threads(design),
        "comment_targets": qq.comment_target_labels(design),
        "comment_form": CommentForm(formdata=None),
        "resolve_form": ResolveForm(formdata=None),
        "review_rows": qq.reviews_of(design, current),
        "may_comment": Action.DESIGN_COMMENT in allowed_on_design(user, design),
    }


@bp.get("/designs/<int:design_id>/quality/panel")
@login_required
def panel(design_id: int):
    """The panel as a fragment, for htmx to load and to re-fetch after changes."""
    design = access.design_for(current_user, design_id)
    snap = snapshot(design)
    return render_template(
        "quality/_panel.html",
        design=design,
        panel=qq.panel(design, snap, current_language(), partial(target_href, design.id)),
    )


@bp.get("/designs/<int:design_id>/quality/status")
@login_required
def status(design_id: int):
    """The light and counts for the design's header, re-fetched after changes."""
    design = access.design_for(current_user, design_id)
    snap = snapshot(design)
    return render_template(
        "quality/_status.html",
        design=design,
        panel=qq.panel(design, snap, current_language(), partial(target_href, design.id)),
    )


@bp.get("/designs/<int:design_id>/quality/report")
@login_required
def report(design_id: int):
    design = access.design_for(current_user, design_id)
    snap = snapshot(design)
    current = qq.current_hash(snap)
    rows = qq.reviews_of(design, current)
    lang = current_language()
    return render_template(
        "quality/report.html",
        design=design,
        workspace=db.session.get(Workspace, design.workspace_id),
        snap=snap,
        results=qq.checklist_results(design, snap),
        review_rows=rows,
        events=qq.quality_events(design),
        finding_href=lambda f: finding_href(design.id, f),
        version=qq.version_state(design, snap),
        lang=lang,
    )
