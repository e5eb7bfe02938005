"""A design's read-only overview, its exports and deletion."""

from __future__ import annotations

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
from designer.export.formats import UnknownFormat, formats
from designer.export.options import InvalidOptions
from designer.extensions import db
from designer.models import Workspace
from designer.queries import access
from designer.queries.exporting import download_name, export_to_stream
from designer.queries.read_model import snapshot
from designer.services import designs as design_service
from designer.services.permissions import Action, allowed_on_design, allowed_on_workspace
from designer.web.export_options import problem_texts
from designer.web.forms.designs import DeleteForm
from designer.web.quality import overview_context
from designer.web.transaction import committing

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
    given = _given_options()
    try:
        stream, size, fmt = export_to_stream(design, format_key, given)
    except UnknownFormat:
        abort(404)
    except InvalidOptions as exc:
        for text in problem_texts(exc).values():
            flash(text, "error")
        return render_template("designs/export.html", design=design, formats=formats()), 400
    except MissingAsset as exc:
        flash(
            _("The export failed: the file %(name)s is missing.", name=exc.asset.filename), "error"
        )
        return redirect(url_for("designs.export", design_id=design.id))
    response: Response = send_file(
        stream,
        mimetype=fmt.mimetype,
        as_attachment=True,
        download_name=download_name(design, fmt, given),
    )
    response.content_length = size
    return response


def _given_options() -> dict[str, str]:
    """The query string as option strings. The checkboxes of a multiple-choice option
    send one value each; they travel on comma-separated, as the parser reads them."""
    return {name: ",".join(request.args.getlist(name)) for name in request.args}


@bp.post("/<int:design_id>/delete")
@login_required
def delete(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_DELETE)
    if not DeleteForm().validate_on_submit():
        abort(400)
    with committing():
        design_service.delete_design(current_user, design)
    flash(_("The design was moved to the trash."), "success")
    workspace = db.session.get(Workspace, design.workspace_id)
    return redirect(url_for("workspaces.show", slug=workspace.slug))
