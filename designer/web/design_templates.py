"""Saving a design as a template of its workspace (the gallery is workspaces.new_design)."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.extensions import db
from designer.models import Workspace
from designer.queries import access
from designer.services import design_templates
from designer.services.permissions import Action, require
from designer.web.forms.wizard import SaveTemplateForm
from designer.web.transaction import saving

bp = Blueprint("design_templates", __name__, url_prefix="/designs")


@bp.route("/<int:design_id>/save-template", methods=["GET", "POST"])
@login_required
def save_template(design_id: int):
    design = access.design_for(current_user, design_id)
    workspace = db.session.get(Workspace, design.workspace_id)
    require(current_user, Action.TEMPLATE_SAVE, workspace)
    form = SaveTemplateForm()
    if request.method == "GET":
        form.name.data = design.title
    elif form.validate_on_submit():
        done = _("The design was saved as a template of this workspace.")
        with saving(form, done=done) as outcome:
            design_templates.save_as_template(
                current_user, design, form.name.data or "", form.description.data or ""
            )
        if outcome.ok:
            return redirect(url_for("designs.overview", design_id=design.id))
    return render_template(
        "wizard/save_template.html", design=design, workspace=workspace, form=form
    )
