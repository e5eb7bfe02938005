"""Comments: threads, replies and resolving."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.fields import whole_number
from designer.models.quality import COMMENT_TARGETS
from designer.queries import access
from designer.queries import quality as qq
from designer.services import comments as service
from designer.services.permissions import Action, allowed_on_design
from designer.web.forms.quality import CommentForm, ResolveForm
from designer.web.messages import error_text
from designer.web.transaction import saving

bp = Blueprint("comments", __name__)


def _back(design_id: int, target: str | None) -> str:
    """Back to the page the form was on (same site only), else the overview's comments."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target:
            return target
    return url_for("designs.overview", design_id=design_id, _anchor="comments")


@bp.post("/designs/<int:design_id>/comments")
@login_required
def add(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_COMMENT)
    form = CommentForm()
    if not form.validate_on_submit():
        if form.errors.keys() - {"body"}:
            abort(400)
        flash(error_text("required"), "error")
        return redirect(_back(design.id, form.next.data))
    kind, target_id = form.target_kind.data or "design", whole_number(form.target_id.data)
    if ":" in request.form.get("target", ""):
        kind, raw_id = request.form["target"].split(":", 1)
        target_id = whole_number(raw_id)
    with saving(done=_("Your comment was added.")):
        service.add_comment(
            current_user, design, form.body.data, kind, target_id, whole_number(form.parent_id.data)
        )
    return redirect(_back(design.id, form.next.data))


@bp.post("/designs/<int:design_id>/comments/<int:comment_id>/resolve")
@login_required
def resolve(design_id: int, comment_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_COMMENT)
    form = ResolveForm()
    if not form.validate_on_submit():
        abort(400)
    with saving():
        service.set_resolved(current_user, design, comment_id, form.resolved.data == "1")
    return redirect(_back(design.id, form.next.data))


@bp.get("/designs/<int:design_id>/comments")
@login_required
def threads(design_id: int):
    """The threads of one target as a fragment (`?kind=module&id=7`), for the canvas."""
    design = access.design_for(current_user, design_id)
    kind = request.args.get("kind", "design")
    target_id = whole_number(request.args.get("id")) or (design.id if kind == "design" else None)
    if kind not in COMMENT_TARGETS or target_id is None:
        abort(400)
    return render_template(
        "quality/_comments.html",
        design=design,
        threads=qq.comment_threads(design, kind, target_id),
        comment_targets=qq.comment_target_labels(design),
        target_kind=kind,
        target_id=target_id,
        comment_form=CommentForm(formdata=None),
        resolve_form=ResolveForm(formdata=None),
        may_comment=Action.DESIGN_COMMENT in allowed_on_design(current_user, design),
        back=_back(design.id, request.args.get("next")),
    )
