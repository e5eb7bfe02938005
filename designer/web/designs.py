"""A design's read-only overview, its exports and deletion."""

from __future__ import annotations

import shutil

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.analytics import analyse
from designer.core.assets import MissingAsset
from designer.export.formats import UnknownFormat, formats, get_format
from designer.export.registry import ExportFormat
from designer.extensions import db
from designer.models import Workspace
from designer.queries import access
from designer.queries.exporting import download_name, export_to_tempfile
from designer.queries.read_model import snapshot
from designer.services import designs as design_service
from designer.services.permissions import Action, allowed_on_design, allowed_on_workspace
from designer.web.forms.designs import DeleteForm
from designer.web.quality import overview_context

bp = Blueprint("designs", __name__, url_prefix="/designs")


@bp.get("/<int:design_id>")
@login_required
def overview(design_id: int):
    design = access.design_for(current_user, design_id)
    snap = snapshot(design)
    workspace = db.session.get(Workspace, design.workspace_id)
    return render_template(
        "designs/overview.html",
        design=design,
        workspace=workspace,
        workspace_allowed=allowed_on_workspace(current_user, workspace),
        snap=snap,
        analytics=analyse(snap),
        allowed=allowed_on_design(current_user, design),
        Action=Action,
        formats=formats(),
        delete_form=DeleteForm(),
        **overview_context(current_user, design, snap),
    )


@bp.get("/<int:design_id>/export")
@login_required
def export(design_id: int):
    """The export page: every registered format with its options."""
    design = access.design_for(current_user, design_id, Action.DESIGN_EXPORT)
    return render_template("designs/export.html", design=design, formats=formats())


@bp.get("/<int:design_id>/export/<format_key>")
@login_required
def download(design_id: int, format_key: str):
    design = access.design_for(current_user, design_id, Action.DESIGN_EXPORT)
    try:
        fmt = get_format(format_key)
    except UnknownFormat:
        abort(404)
    options = _options(fmt)
    try:
        path, fmt = export_to_tempfile(design, format_key, options)
    except MissingAsset as exc:
        flash(
            _("The export failed: the file %(name)s is missing.", name=exc.asset.filename), "error"
        )
        return redirect(url_for("designs.export", design_id=design.id))
    response: Response = send_file(
        path, mimetype=fmt.mimetype, as_attachment=True, download_name=download_name(design, fmt)
    )
    response.call_on_close(lambda: shutil.rmtree(path.parent, ignore_errors=True))
    return response


def _options(fmt: ExportFormat) -> dict[str, str]:
    """The format's options from the query string; an unknown value is a bad request.
    Several values of a multiple-choice option travel comma-separated."""
    options = {}
    for option in fmt.options:
        allowed = {choice[0] for choice in option.choices}
        if option.multiple:
            values = request.args.getlist(option.name) or option.default.split(",")
        else:
            values = [request.args.get(option.name, option.default)]
        if allowed and not set(values) <= allowed:
            abort(400)
        options[option.name] = ",".join(values)
    return options


@bp.post("/<int:design_id>/delete")
@login_required
def delete(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_DELETE)
    if not DeleteForm().validate_on_submit():
        abort(400)
    design_service.delete_design(current_user, design)
    db.session.commit()
    flash(_("The design was moved to the trash."), "success")
    workspace = db.session.get(Workspace, design.workspace_id)
    return redirect(url_for("workspaces.show", slug=workspace.slug))
