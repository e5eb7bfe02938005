"""The signed-in person's own notifications; the top bar shows how many are unread."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user, login_required

from designer.queries import quality as qq
from designer.services import notifications
from designer.web.forms.quality import ActionForm
from designer.web.transaction import committing

bp = Blueprint("notifications", __name__)


@bp.get("/notifications")
@login_required
def index():
    return render_template(
        "quality/notifications.html",
        items=qq.notifications_of(current_user),
        form=ActionForm(),
    )


@bp.post("/notifications/read")
@login_required
def mark_read():
    if not ActionForm().validate_on_submit():
        abort(400)
    with committing():
        notifications.mark_all_read(current_user)
    return redirect(url_for("notifications.index"))
