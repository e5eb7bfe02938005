"""Sharing a workspace's nuggets, and the catalogue of nuggets shared with me."""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.extensions import db
from designer.models import Nugget, Workspace
from designer.queries import access
from designer.queries import collab as queries_collab
from designer.services import sharing
from designer.services.errors import NotFound
from designer.services.permissions import Action, allowed_on_workspace, can
from designer.web.collab import act, bp, item_id
from designer.web.forms import options
from designer.web.forms.collab import CopyForm, IdForm, SharingForm


@bp.get("/w/<slug>/sharing")
@login_required
def sharing_page(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.LIBRARY_VIEW)
    page = queries_collab.library_of(workspace, request.args.get("page", 1, type=int))
    return render_template(
        "collab/sharing.html",
        workspace=workspace,
        page=page,
        origins=queries_collab.workspaces_by_id({n.origin_workspace_id for n in page.items}),
        sharing_form=SharingForm,
        id_form=IdForm(),
        allowed=allowed_on_workspace(current_user, workspace),
        Action=Action,
    )


@bp.post("/w/<slug>/sharing")
@login_required
def set_sharing(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.NUGGET_SHARE)
    form = SharingForm()

    def change():
        nugget = db.session.get(Nugget, item_id(form))
        if nugget is None or nugget.workspace_id != workspace.id:
            raise NotFound("nugget")
        sharing.set_sharing(
            current_user, nugget, form.visibility.data, form.competition_sensitive.data
        )

    return act(form, change, _("Saved."), url_for("collab.sharing_page", slug=slug))


def _copy_targets() -> list[Workspace]:
    return [
        w
        for w, _role in access.workspaces_of(current_user)
        if can(current_user, Action.NUGGET_EDIT, w)
    ]


@bp.get("/catalogue")
@login_required
def catalogue():
    search = request.args.get("q", "")
    targets = _copy_targets()
    form = CopyForm(formdata=None)
    form.workspace_id.choices = options((w.id, w.name) for w in targets)
    return render_template(
        "collab/catalogue.html",
        page=queries_collab.catalogue_for(
            current_user, search, request.args.get("page", 1, type=int)
        ),
        search=search,
        copy_form=form,
        can_copy=bool(targets),
    )


@bp.post("/catalogue/copy")
@login_required
def copy():
    form = CopyForm()
    targets = {w.id: w for w in _copy_targets()}
    form.workspace_id.choices = options((w.id, w.name) for w in targets.values())
    target = targets.get(form.workspace_id.data)
    if target is None:
        abort(403)

    def change():
        nugget = db.session.get(Nugget, item_id(form))
        if nugget is None:
            raise NotFound("nugget")
        sharing.copy_to_workspace(current_user, nugget, target)

    return act(
        form,
        change,
        _("Copied into %(name)s.", name=target.name),
        url_for("collab.catalogue"),
    )
