"""The trash of a workspace: restore within 30 days; coordinators empty it."""

from __future__ import annotations

from flask import abort, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.extensions import db
from designer.models import Design, Module, Nugget
from designer.queries import access
from designer.queries import collab as queries_collab
from designer.services import trash
from designer.services.errors import NotFound
from designer.services.permissions import Action, allowed_on_workspace
from designer.web.collab import act, bp, item_id
from designer.web.forms.collab import ConfirmForm, IdForm


@bp.get("/w/<slug>/trash")
@login_required
def trash_page(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.TRASH_RESTORE)
    return render_template(
        "collab/trash.html",
        workspace=workspace,
        trash=queries_collab.trash_of(workspace),
        purge_date=queries_collab.purge_date,
        restorable=queries_collab.restorable,
        id_form=IdForm(),
        allowed=allowed_on_workspace(current_user, workspace),
        Action=Action,
    )


def _row(model, workspace_id: int, form: IdForm):
    row = db.session.get(model, item_id(form))
    owner = row.workspace_id if isinstance(row, Design | Nugget) else None
    if isinstance(row, Module):
        owner = db.session.get(Design, row.design_id).workspace_id
    if row is None or owner != workspace_id:
        raise NotFound("trash item")
    return row


RESTORERS = {
    "design": (Design, trash.restore_design),
    "module": (Module, trash.restore_module),
    "nugget": (Nugget, trash.restore_nugget),
}


@bp.post("/w/<slug>/trash/restore/<kind>")
@login_required
def restore_item(slug: str, kind: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.TRASH_RESTORE)
    if kind not in RESTORERS:
        abort(404)
    model, restore = RESTORERS[kind]
    form = IdForm()
    return act(
        form,
        lambda: restore(current_user, _row(model, workspace.id, form)),
        _("Restored."),
        url_for("collab.trash_page", slug=slug),
    )


@bp.post("/w/<slug>/trash/empty")
@login_required
def empty(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.TRASH_EMPTY)
    return act(
        ConfirmForm(),
        lambda: trash.empty_trash(current_user, workspace),
        _("The trash is empty."),
        url_for("collab.trash_page", slug=slug),
    )


@bp.post("/w/<slug>/nuggets/delete")
@login_required
def delete_nugget(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.NUGGET_EDIT)
    form = IdForm()
    return act(
        form,
        lambda: trash.delete_nugget(current_user, _live_nugget(workspace.id, form)),
        _("The nugget was moved to the trash."),
        url_for("collab.sharing_page", slug=slug),
    )


def _live_nugget(workspace_id: int, form: IdForm) -> Nugget:
    nugget = db.session.get(Nugget, item_id(form))
    if nugget is None or nugget.workspace_id != workspace_id or nugget.deleted_at:
        raise NotFound("nugget")
    return nugget
