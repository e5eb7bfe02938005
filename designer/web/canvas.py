"""The canvas (Feinkonzept): modules as columns, nuggets as cards, and every change to them.

Each change is a POST that calls a service and commits. Sent by htmx it answers with the
re-rendered board plus out-of-band updates of the totals, the analytics panel and the
screen-reader announcement; sent without JavaScript it redirects back to the canvas.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.vocab import LEARNING_TYPE_COLOURS
from designer.extensions import db
from designer.models import Design, Workspace
from designer.queries import access
from designer.queries import library as queries_library
from designer.queries.canvas import Canvas, canvas
from designer.queries.quality import open_comment_counts
from designer.services import designs as design_service
from designer.services import nuggets as nugget_service
from designer.services import placements as placement_service
from designer.services.permissions import Action, allowed_on_design, can, require
from designer.web.forms import lock_version
from designer.web.forms.nuggets import LibrarySearchForm, ModuleForm, QuickNuggetForm, as_int
from designer.web.messages import error_text
from designer.web.transaction import committing, saving

bp = Blueprint("canvas", __name__, url_prefix="/designs")


def _is_htmx() -> bool:
    return request.headers.get("HX-Request") == "true"


def _context(design: Design, view: Canvas | None = None, **extra: Any) -> dict[str, Any]:
    view = view or canvas(design)
    workspace = db.session.get(Workspace, design.workspace_id)
    allowed = allowed_on_design(current_user, design)
    return {
        "design": design,
        "workspace": workspace,
        "view": view,
        "allowed": allowed,
        "can_edit": Action.DESIGN_EDIT in allowed,
        "can_use_library": can(current_user, Action.LIBRARY_VIEW, workspace),
        "Action": Action,
        "quick_form": QuickNuggetForm,
        "problems": {},
        "submitted": {},
        "colours": LEARNING_TYPE_COLOURS,
        "comment_counts": open_comment_counts(design),
        "announcement": "",
        "focus": "",
        **extra,
    }


def _changed(design: Design, announcement: str, focus: str = "") -> Response | str:
    """After a successful (committed) change: fragments for htmx, a redirect otherwise."""
    if _is_htmx():
        return render_template(
            "canvas/_update.html", **_context(design, announcement=announcement, focus=focus)
        )
    flash(announcement, "success")
    return redirect(url_for("canvas.show", design_id=design.id))


def _refused(design: Design, errors: dict[str, str], form_id: str, values: dict[str, Any]):
    """Invalid input (rolled back): the board again, with the messages next to the form's
    fields."""
    problems = {form_id: {name: error_text(code) for name, code in errors.items()}}
    summary = _("Not saved: %(problems)s", problems=" ".join(problems[form_id].values()))
    context = _context(design, problems=problems, submitted={form_id: values}, announcement=summary)
    template = "canvas/_update.html" if _is_htmx() else "canvas/page.html"
    return render_template(template, **context), 422


def _design(design_id: int) -> Design:
    return access.design_for(current_user, design_id)


def _int_arg(name: str) -> int:
    value = as_int(request.form.get(name))
    if not isinstance(value, int):
        abort(400)
    return value


@bp.get("/<int:design_id>/canvas")
@login_required
def show(design_id: int):
    design = _design(design_id)
    context = _context(design)
    if _is_htmx():
        return render_template("canvas/_update.html", **context)
    return render_template("canvas/page.html", **context)


# ----------------------------------------------------------------------- modules


@bp.post("/<int:design_id>/canvas/modules")
@login_required
def add_module(design_id: int):
    design = _design(design_id)
    form = ModuleForm()
    with saving(show=False) as outcome:
        module = design_service.add_module(current_user, design, form.title.data or "")
        message = _("Module “%(title)s” added.", title=module.title)
        focus = f"module-{module.id}-title"
    if not outcome.ok:
        return _refused(design, outcome.errors, "new-module", {"title": form.title.data or ""})
    return _changed(design, message, focus)


@bp.post("/<int:design_id>/canvas/modules/<int:module_id>/rename")
@login_required
def rename_module(design_id: int, module_id: int):
    design = _design(design_id)
    form = ModuleForm()
    with saving(show=False) as outcome:
        module = design_service.update_module(
            current_user,
            design,
            module_id,
            {"title": form.title.data or ""},
            lock_version(form.lock_version.data),
        )
        message = _("Module renamed to “%(title)s”.", title=module.title)
        focus = f"module-{module.id}-title"
    if not outcome.ok:
        values = {"title": form.title.data or ""}
        return _refused(design, outcome.errors, f"rename-{module_id}", values)
    return _changed(design, message, focus)


@bp.post("/<int:design_id>/canvas/modules/<int:module_id>/move")
@login_required
def move_module(design_id: int, module_id: int):
    design = _design(design_id)
    position = _int_arg("position")
    with committing():
        design_service.move_module(current_user, design, module_id, position)
        module = design_service.module_of(design, module_id)
        count = len(design_service.live_modules(design))
        message = _(
            "Module “%(title)s” is now column %(pos)s of %(count)s.",
            title=module.title,
            pos=min(position, count - 1) + 1,
            count=count,
        )
    return _changed(design, message, f"module-{module_id}-{request.form.get('focus', 'title')}")


@bp.post("/<int:design_id>/canvas/modules/<int:module_id>/delete")
@login_required
def delete_module(design_id: int, module_id: int):
    design = _design(design_id)
    title = design_service.module_of(design, module_id).title
    with committing():
        design_service.delete_module(current_user, design, module_id)
    return _changed(design, _("Module “%(title)s” deleted.", title=title), "new-module-title")


# -------------------------------------------------------------------- placements


def _card_announcement(view: Canvas, placement_id: int, template: str) -> str:
    card = view.card(placement_id)
    column = next(c for c in view.columns if card in c.cards)
    return template % {
        "title": card.placed.nugget.title,
        "module": column.module.title,
        "pos": card.index + 1,
        "count": len(column.cards),
    }


@bp.post("/<int:design_id>/canvas/placements/<int:placement_id>/move")
@login_required
def move_placement(design_id: int, placement_id: int):
    design = _design(design_id)
    with committing():
        placement_service.move_placement(
            current_user,
            design,
            placement_id,
            _int_arg("module_id"),
            _int_arg("position"),
            _int_arg("lock_version"),
        )
    view = canvas(design)
    message = _card_announcement(
        view,
        placement_id,
        _("“%(title)s” moved to %(module)s, position %(pos)s of %(count)s."),
    )
    if not _is_htmx():
        flash(message, "success")
        return redirect(url_for("canvas.show", design_id=design.id))
    focus = f"card-{placement_id}-{request.form.get('focus', 'title')}"
    return render_template(
        "canvas/_update.html", **_context(design, view, announcement=message, focus=focus)
    )


@bp.post("/<int:design_id>/canvas/modules/<int:module_id>/nuggets")
@login_required
def add_nugget(design_id: int, module_id: int):
    design = _design(design_id)
    form = QuickNuggetForm()
    with saving(show=False) as outcome:
        placement = placement_service.add_new_nugget(current_user, design, module_id, form.values())
        focus = f"card-{placement.id}-title"
    if not outcome.ok:
        return _refused(design, outcome.errors, f"add-{module_id}", form.data)
    title = form.title.data.strip()
    return _changed(design, _("“%(title)s” added.", title=title), focus)


@bp.post("/<int:design_id>/canvas/modules/<int:module_id>/place")
@login_required
def place(design_id: int, module_id: int):
    design = _design(design_id)
    nugget = nugget_service.nugget_in(design.workspace_id, _int_arg("nugget_id"))
    with saving(show=False) as outcome:
        placement = placement_service.place_nugget(current_user, design, module_id, nugget)
        message = _("“%(title)s” added.", title=nugget.title)
        focus = f"card-{placement.id}-title"
    if not outcome.ok:
        return _refused(design, outcome.errors, f"add-{module_id}", {})
    return _changed(design, message, focus)


@bp.post("/<int:design_id>/canvas/placements/<int:placement_id>/duplicate")
@login_required
def duplicate(design_id: int, placement_id: int):
    design = _design(design_id)
    with saving(show=False) as outcome:
        placement = placement_service.duplicate_placement(current_user, design, placement_id)
        focus = f"card-{placement.id}-title"
    if not outcome.ok:
        return _refused(design, outcome.errors, f"card-{placement_id}", {})
    return _changed(design, _("Copy added below the original."), focus)


@bp.post("/<int:design_id>/canvas/placements/<int:placement_id>/remove")
@login_required
def remove(design_id: int, placement_id: int):
    design = _design(design_id)
    placement = placement_service.placement_of(design, placement_id)
    module_id = placement.module_id
    with committing():
        placement_service.remove_placement(current_user, design, placement_id)
    return _changed(
        design,
        _("Nugget removed from the canvas; it stays in the library."),
        f"module-{module_id}-title",
    )


@bp.get("/<int:design_id>/canvas/placements/<int:placement_id>/changes")
@login_required
def changes(design_id: int, placement_id: int):
    design = _design(design_id)
    placement = placement_service.placement_of(design, placement_id)
    nugget = nugget_service.nugget_in(design.workspace_id, placement.nugget_id)
    return render_template(
        "canvas/changes.html",
        design=design,
        placement=placement,
        nugget=nugget,
        changes=queries_library.revision_changes(
            nugget.id, placement.nugget_revision, nugget.revision
        ),
        can_edit=Action.DESIGN_EDIT in allowed_on_design(current_user, design),
    )


@bp.post("/<int:design_id>/canvas/placements/<int:placement_id>/pull")
@login_required
def pull(design_id: int, placement_id: int):
    design = _design(design_id)
    with committing():
        placement = placement_service.pull_update(current_user, design, placement_id)
        message = _("Updated to revision %(rev)s.", rev=placement.nugget_revision)
    return _changed(design, message, f"card-{placement_id}-title")


# ----------------------------------------------------------- add from the library


@bp.get("/<int:design_id>/canvas/modules/<int:module_id>/library")
@login_required
def picker(design_id: int, module_id: int):
    """Library nuggets to place into a module (the canvas's "add from library")."""
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    module = design_service.module_of(design, module_id)
    workspace = db.session.get(Workspace, design.workspace_id)
    require(current_user, Action.LIBRARY_VIEW, workspace)
    form = LibrarySearchForm(request.args)
    nuggets = queries_library.search(
        workspace, queries_library.LibraryFilter(text=form.q.data or ""), limit=50
    )
    template = "canvas/_picker_results.html" if _is_htmx() else "canvas/picker.html"
    return render_template(
        template, design=design, module=module, nuggets=nuggets, form=form, workspace=workspace
    )
