"""A workspace's nugget library: search and filters, usage counts, making copies."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.queries import access
from designer.queries import library as queries_library
from designer.services import nuggets as nugget_service
from designer.services.permissions import Action, allowed_on_workspace
from designer.web.forms.nuggets import LibrarySearchForm, as_int
from designer.web.transaction import committing

bp = Blueprint("library", __name__)


def _filter(form: LibrarySearchForm) -> tuple[queries_library.LibraryFilter, dict[str, str]]:
    """The search criteria, and a message per field that could not be read."""
    problems: dict[str, str] = {}
    bounds: dict[str, int | None] = {}
    for name in ("min_minutes", "max_minutes"):
        value = as_int(getattr(form, name).data)
        if isinstance(value, str):
            problems[name] = _("Enter a whole number (0 or more).")
            value = None
        bounds[name] = value
    return (
        queries_library.LibraryFilter(
            text=form.q.data or "",
            learning_type=form.learning_type.data or "",
            delivery_mode=form.delivery_mode.data or "",
            tag=form.tag.data or "",
            **bounds,
        ),
        problems,
    )


@bp.get("/w/<slug>/library")
@login_required
def index(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.LIBRARY_VIEW)
    form = LibrarySearchForm(request.args)
    for name in ("learning_type", "delivery_mode"):
        field = getattr(form, name)
        if field.data not in {choice.value for choice in field.choices}:
            field.data = ""
    criteria, problems = _filter(form)
    page = queries_library.search_page(workspace, criteria, request.args.get("page", 1, type=int))
    return render_template(
        "library/index.html",
        workspace=workspace,
        form=form,
        problems=problems,
        page=page,
        usage=queries_library.usage_counts([n.id for n in page.items]),
        tags=queries_library.workspace_tags(workspace),
        can_edit=Action.NUGGET_EDIT in allowed_on_workspace(current_user, workspace),
        searched=bool(set(request.args) - {"page"}),
    )


@bp.post("/w/<slug>/library/<int:nugget_id>/fork")
@login_required
def fork(slug: str, nugget_id: int):
    workspace = access.workspace_by_slug(current_user, slug)
    nugget = nugget_service.nugget_in(workspace.id, nugget_id)
    with committing():
        copy = nugget_service.fork_nugget(current_user, nugget, workspace)
    flash(_("Copy “%(t)s” made.", t=copy.title), "success")
    return redirect(url_for("editor.edit_library", slug=slug, nugget_id=copy.id))
