"""The studio (Feinkonzept) of a design: modules as lanes of compact cards, the library
drawer beside them and the inspector that edits one nugget in place.

Each change is a POST that calls a service and commits. Sent by htmx it answers with only
the fragments it touched (the lanes, the totals, the inspector) as out-of-band swaps plus
the screen-reader announcement; sent without JavaScript it redirects back to the studio.
The board is read by `queries.canvas.board`, which never decodes a whole design, so that
a change answers in a time that does not grow with the design.
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
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape

from designer.core.analytics import analyse
from designer.core.vocab import LEARNING_TYPE_COLOURS, choices
from designer.extensions import db
from designer.models import Design, Workspace
from designer.queries import access
from designer.queries import canvas as queries_canvas
from designer.queries import library as queries_library
from designer.queries.canvas import Board
from designer.queries.learner_report import learner_report
from designer.queries.read_model import snapshot
from designer.services import designs as design_service
from designer.services import nuggets as nugget_service
from designer.services import placements as placement_service
from designer.services.permissions import Action, allowed_on_design, can, require
from designer.web import editor
from designer.web.editor import field_label
from designer.web.forms import lock_version
from designer.web.forms.nuggets import LibrarySearchForm, ModuleForm, QuickNuggetForm, as_int
from designer.web.i18n import current_language
from designer.web.messages import error_text
from designer.web.transaction import committing, saving

bp = Blueprint("canvas", __name__, url_prefix="/designs")

QUICK_FIELDS = ("title", "learning_type", "delivery_mode", "duration_minutes")


def _is_htmx() -> bool:
    return request.headers.get("HX-Request") == "true"


def _allowed(design: Design) -> frozenset[Action]:
    """The current user's actions on the design, looked up once per request (kept on the
    request: `g` outlives requests where an app context stays pushed, as in tests)."""
    cache = request.environ.setdefault("kurswerk.design_allowed", {})
    if design.id not in cache:
        cache[design.id] = allowed_on_design(current_user, design)
    return cache[design.id]


def _texts() -> dict[str, Any]:
    """What every lane and card repeats, translated and rendered once per request: a
    board of 500 cards would otherwise look up thousands of translations."""
    lang = current_language()
    options = {
        name: Markup("").join(
            Markup('<option value="{}">{}</option>').format(value, text)
            for value, text in choices(name, lang)
        )
        for name in ("learning_type", "delivery_mode")
    }
    return {
        "learning_type": dict(choices("learning_type", lang)),
        "delivery_mode": dict(choices("delivery_mode", lang)),
        "options": options,
        "csrf": Markup('<input type="hidden" name="csrf_token" value="{}">').format(
            escape(generate_csrf())
        ),
        "minutes": _("%(m)s min"),
        "min": _("%(m)s min").split("%(m)s"),
        "actions_for": _("Actions for “%(t)s”").split("%(t)s"),
        "labels": {name: field_label(name) for name in QUICK_FIELDS},
        "objectives": _("Learning objectives"),
        "comments": _("Open comments"),
        "update_note": _("Update available"),
        "preview": _("View as learner"),
        "placeholder": (_("Placeholder"), _("Made by the template: fill it in")),
        "revisions": _("revision %(old)s → %(new)s"),
        "lane_actions": _("Actions for module “%(t)s”"),
        "lane_cards": _("Nuggets in %(t)s"),
        "in_lane": _("in %(t)s"),
        "to_lane": _("to %(t)s"),
        "delete_lane": _("Delete module “%(t)s”"),
        "module_title": _("Module title"),
        "rename": _("Rename"),
        "left": _("Move module left"),
        "right": _("Move module right"),
        "trash": _(
            "The module and its placements go to the trash. The nuggets stay in the library."
        ),
        "empty": _("No nuggets here yet: add a new one or take one from the library."),
        "new_nugget": _("New nugget"),
        "add_nugget": _("Add nugget"),
        "from_library": _("From the library"),
    }


def _context(design: Design, board: Board, **extra: Any) -> dict[str, Any]:
    workspace = db.session.get(Workspace, design.workspace_id)
    allowed = _allowed(design)
    return {
        "design": design,
        "workspace": workspace,
        "board": board,
        "allowed": allowed,
        "can_edit": Action.DESIGN_EDIT in allowed,
        "can_use_library": can(current_user, Action.LIBRARY_VIEW, workspace),
        "Action": Action,
        "problems": {},
        "submitted": {},
        "announcement": "",
        "focus": "",
        "base": url_for("canvas.show", design_id=design.id).rsplit("/", 1)[0],
        "t": _texts(),
        **extra,
    }


def _fragments(
    design: Design,
    announcement: str,
    focus: str = "",
    modules: list[int] | None = None,
    **extra: Any,
) -> str:
    """The lanes of `modules` (all when None), the totals and the announcement, each as
    an out-of-band swap."""
    board = queries_canvas.board(design, modules)
    context = _context(design, board, announcement=announcement, focus=focus, **extra)
    return render_template("canvas/_update.html", whole=modules is None, **context)


def _changed(
    design: Design, announcement: str, focus: str = "", modules: list[int] | None = None, **extra
) -> Response | str:
    """After a successful (committed) change: fragments for htmx, a redirect otherwise."""
    if _is_htmx():
        return _fragments(design, announcement, focus, modules, **extra)
    flash(announcement, "success")
    return redirect(url_for("canvas.show", design_id=design.id))


def _refused(
    design: Design,
    errors: dict[str, str],
    form_id: str,
    values: dict[str, Any],
    modules: list[int] | None = None,
):
    """Invalid input (rolled back): the form's lane again (or the studio without
    JavaScript), with the messages next to the form's fields."""
    problems = {form_id: {name: error_text(code) for name, code in errors.items()}}
    summary = _("Not saved: %(problems)s", problems=" ".join(problems[form_id].values()))
    extra = {"problems": problems, "submitted": {form_id: values}}
    if _is_htmx():
        return _fragments(design, summary, "", modules if modules else [], **extra), 422
    board = queries_canvas.board(design)
    context = _context(design, board, announcement=summary, **extra)
    return render_template("canvas/page.html", **context), 422


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
    context = _context(design, queries_canvas.board(design))
    if _is_htmx():
        return render_template("canvas/_board.html", **context)
    return render_template("canvas/page.html", **context)


@bp.get("/<int:design_id>/analysis")
@login_required
def analysis(design_id: int):
    """Minutes by learning type, delivery mode and module, the alignment matrix, and what
    learners did in LTI deliveries (`?platform=` narrows that to one LMS)."""
    design = _design(design_id)
    snap = snapshot(design)
    workspace = db.session.get(Workspace, design.workspace_id)
    return render_template(
        "canvas/analysis.html",
        design=design,
        snap=snap,
        analytics=analyse(snap),
        colours=LEARNING_TYPE_COLOURS,
        report=learner_report(design, request.args.get("platform", type=int)),
        may_release=Action.DESIGN_RELEASE in _allowed(design),
        lms_workspace=workspace if can(current_user, Action.LTI_MANAGE, workspace) else None,
    )


# ----------------------------------------------------------------------- modules


@bp.post("/<int:design_id>/canvas/modules")
@login_required
def add_module(design_id: int):
    design = _design(design_id)
    form = ModuleForm()
    with saving(show=False) as outcome:
        module = design_service.add_module(current_user, design, form.title.data or "")
        message = _("Module “%(title)s” added.", title=module.title)
        module_id = module.id
    if not outcome.ok:
        return _refused(design, outcome.errors, "new-module", {"title": form.title.data or ""})
    return _changed(design, message, f"module-{module_id}-title", [module_id], added=module_id)


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
    if not outcome.ok:
        values = {"title": form.title.data or ""}
        return _refused(design, outcome.errors, f"rename-{module_id}", values, [module_id])
    return _changed(design, message, f"module-{module_id}-title", [module_id])


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
    # The order of the lanes changed: the lanes are drawn again (a rare change).
    return _changed(design, message, f"module-{module_id}-menu")


@bp.post("/<int:design_id>/canvas/modules/<int:module_id>/delete")
@login_required
def delete_module(design_id: int, module_id: int):
    design = _design(design_id)
    title = design_service.module_of(design, module_id).title
    with committing():
        design_service.delete_module(current_user, design, module_id)
    message = _("Module “%(title)s” deleted.", title=title)
    return _changed(design, message, "new-module-title", [], removed=module_id)


# -------------------------------------------------------------------- placements


def _move_announcement(placement_id: int, board: Board) -> str:
    for lane in board.lanes:
        for card in lane.cards:
            if card.placement_id == placement_id:
                return _(
                    "“%(title)s” moved to %(module)s, position %(pos)s of %(count)s.",
                    title=card.title,
                    module=lane.title,
                    pos=card.index + 1,
                    count=len(lane.cards),
                )
    return ""


@bp.post("/<int:design_id>/canvas/placements/<int:placement_id>/move")
@login_required
def move_placement(design_id: int, placement_id: int):
    design = _design(design_id)
    source = placement_service.placement_of(design, placement_id).module_id
    target = _int_arg("module_id")
    with committing():
        placement_service.move_placement(
            current_user,
            design,
            placement_id,
            target,
            _int_arg("position"),
            _int_arg("lock_version"),
        )
    board = queries_canvas.board(design, sorted({source, target}))
    message = _move_announcement(placement_id, board)
    if not _is_htmx():
        flash(message, "success")
        return redirect(url_for("canvas.show", design_id=design.id))
    focus = f"card-{placement_id}-title"
    context = _context(design, board, announcement=message, focus=focus)
    return render_template("canvas/_update.html", whole=False, **context)


@bp.post("/<int:design_id>/canvas/modules/<int:module_id>/nuggets")
@login_required
def add_nugget(design_id: int, module_id: int):
    design = _design(design_id)
    form = QuickNuggetForm()
    with saving(show=False) as outcome:
        placement = placement_service.add_new_nugget(current_user, design, module_id, form.values())
        focus = f"card-{placement.id}-title"
    if not outcome.ok:
        return _refused(design, outcome.errors, f"add-{module_id}", form.data, [module_id])
    title = form.title.data.strip()
    return _changed(design, _("“%(title)s” added.", title=title), focus, [module_id])


@bp.post("/<int:design_id>/canvas/modules/<int:module_id>/place")
@login_required
def place(design_id: int, module_id: int):
    design = _design(design_id)
    nugget = nugget_service.nugget_in(design.workspace_id, _int_arg("nugget_id"))
    with saving(show=False) as outcome:
        placement = placement_service.place_nugget(current_user, design, module_id, nugget)
        module = design_service.module_of(design, module_id)
        message = _("“%(title)s” added to %(module)s.", title=nugget.title, module=module.title)
        focus = f"card-{placement.id}-title"
    if not outcome.ok:
        return _refused(design, outcome.errors, f"add-{module_id}", {}, [module_id])
    return _changed(design, message, focus, [module_id])


@bp.post("/<int:design_id>/canvas/placements/<int:placement_id>/duplicate")
@login_required
def duplicate(design_id: int, placement_id: int):
    design = _design(design_id)
    module_id = placement_service.placement_of(design, placement_id).module_id
    with saving(show=False) as outcome:
        placement = placement_service.duplicate_placement(current_user, design, placement_id)
        focus = f"card-{placement.id}-title"
    if not outcome.ok:
        return _refused(design, outcome.errors, f"card-{placement_id}", {}, [module_id])
    return _changed(design, _("Copy added below the original."), focus, [module_id])


@bp.post("/<int:design_id>/canvas/placements/<int:placement_id>/remove")
@login_required
def remove(design_id: int, placement_id: int):
    design = _design(design_id)
    module_id = placement_service.placement_of(design, placement_id).module_id
    with committing():
        placement_service.remove_placement(current_user, design, placement_id)
    return _changed(
        design,
        _("Nugget removed from the canvas; it stays in the library."),
        f"module-{module_id}-title",
        [module_id],
        closed=placement_id,
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
        can_edit=Action.DESIGN_EDIT in _allowed(design),
    )


@bp.post("/<int:design_id>/canvas/placements/<int:placement_id>/pull")
@login_required
def pull(design_id: int, placement_id: int):
    design = _design(design_id)
    with committing():
        placement = placement_service.pull_update(current_user, design, placement_id)
        message = _("Updated to revision %(rev)s.", rev=placement.nugget_revision)
        module_id = placement.module_id
    return _changed(design, message, f"card-{placement_id}-title", [module_id])


# ---------------------------------------------------------------------- inspector


def _inspector_target(design_id: int, placement_id: int) -> editor.Target:
    target = editor.design_target(design_id, placement_id)
    target.template = "canvas/_inspector.html"
    target.on_saved = _saved_in_inspector
    return target


def _saved_in_inspector(target: editor.Target):
    """The inspector after a save: the form again (new versions), the card's lane and the
    totals out of band."""
    design = target.design
    fresh = _inspector_target(design.id, target.placement.id)
    message = _("“%(t)s” saved.", t=fresh.nugget.title)
    page, status = editor.show_form(fresh)
    lanes = _fragments(design, message, "", [fresh.placement.module_id])
    return page + lanes, status


@bp.route(
    "/<int:design_id>/canvas/placements/<int:placement_id>/inspector", methods=["GET", "POST"]
)
@login_required
def inspector(design_id: int, placement_id: int):
    """Every field of the nugget beside the board, saved with the editor's checks."""
    target = _inspector_target(design_id, placement_id)
    if request.method == "GET":
        return editor.show_form(target)
    answer = editor.save_form(target)
    if isinstance(answer, tuple) and answer[1] == 409 and _is_htmx():
        # The merged form is shown in place (htmx swaps only 2xx and 422 answers).
        return answer[0], 200
    return answer


# -------------------------------------------------------------- the library drawer

DRAWER_LIMIT = 40
RECENT_LIMIT = 6


@bp.get("/<int:design_id>/canvas/library")
@login_required
def library(design_id: int):
    """Library nuggets to place: recently and most used first, or those matching."""
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    workspace = db.session.get(Workspace, design.workspace_id)
    require(current_user, Action.LIBRARY_VIEW, workspace)
    form = LibrarySearchForm(request.args)
    found = _drawer_filter(form)
    if found is None:
        recent = queries_canvas.drawer_nuggets(workspace, None, RECENT_LIMIT, recent=True)
        rest = queries_canvas.drawer_nuggets(
            workspace, None, DRAWER_LIMIT, skip=[n.id for n in recent]
        )
        groups = [(_l("Recently used"), recent), (_l("Most used"), rest)]
    else:
        groups = [(_l("Found"), queries_canvas.drawer_nuggets(workspace, found, DRAWER_LIMIT))]
    modules = queries_canvas.board_modules(design)
    wanted = as_int(request.args.get("module_id"))
    context = {
        "design": design,
        "workspace": workspace,
        "form": form,
        "groups": [(label, rows) for label, rows in groups if rows],
        "searched": found is not None,
        "modules": modules,
        "target_module": wanted if any(m[0] == wanted for m in modules) else None,
    }
    template = "canvas/_drawer_results.html" if _is_htmx() else "canvas/picker.html"
    return render_template(template, **context)


def _drawer_filter(form: LibrarySearchForm) -> queries_library.LibraryFilter | None:
    """The search as typed, or None when nothing is asked."""
    wanted = queries_library.LibraryFilter(
        text=(form.q.data or "").strip(),
        learning_type=form.learning_type.data or "",
        delivery_mode=form.delivery_mode.data or "",
    )
    return None if wanted == queries_library.LibraryFilter() else wanted


# --------------------------------------------------------------- the design's menu


@bp.app_template_global()
def design_nav(design: Design) -> list[tuple[str, str, str]]:
    """The design's sections as (key, label, url), those the current user may open."""
    allowed = _allowed(design)
    entries = [
        ("grobkonzept", _("Grobkonzept"), url_for("designs.overview", design_id=design.id)),
        ("studio", _("Studio"), url_for("canvas.show", design_id=design.id)),
        ("analysis", _("Analysis"), url_for("canvas.analysis", design_id=design.id)),
        ("quality", _("Quality"), url_for("quality.report", design_id=design.id)),
    ]
    if Action.DESIGN_MEMBERS in allowed:
        entries.append(("people", _("People"), url_for("collab.people", design_id=design.id)))
    entries.append(
        ("versions", _("Versions"), url_for("collab.revisions_page", design_id=design.id))
    )
    if Action.DESIGN_EXPORT in allowed:
        entries.append(("export", _("Export"), url_for("designs.export", design_id=design.id)))
    entries.append(("badge", _("Badge"), url_for("badges.edit", design_id=design.id)))
    if Action.OFFER_PUBLISH in allowed:
        entries.append(("offer", _("Offer"), url_for("offers.manage", design_id=design.id)))
    return entries
