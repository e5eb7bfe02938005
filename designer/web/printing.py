"""The print view of a whole design (A4, see static/css/print.css)."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import current_user, login_required

from designer.core.analytics import analyse
from designer.core.verlaufsplan import verlaufsplan
from designer.queries import access
from designer.queries.read_model import snapshot
from designer.web.wizard_steps import FIELD_HELP

bp = Blueprint("printing", __name__, url_prefix="/designs")


@bp.get("/<int:design_id>/print")
@login_required
def print_view(design_id: int):
    design = access.design_for(current_user, design_id)
    snap = snapshot(design)
    return render_template(
        "wizard/print.html",
        design=design,
        snap=snap,
        plans=verlaufsplan(snap),
        analytics=analyse(snap),
        field_help=FIELD_HELP,
    )
