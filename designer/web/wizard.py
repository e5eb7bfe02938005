"""The guided Grobkonzept: the wizard, the expert form with every field, and the
objectives editor both of them show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core import bloom
from designer.core.fields import whole_number
from designer.core.vocab import choices
from designer.models import Design
from designer.queries import access
from designer.services import designs as design_service
from designer.services.errors import Conflict, Invalid
from designer.services.permissions import Action
from designer.web import conflicts, wizard_steps
from designer.web.conflicts import StaleSave
from designer.web.forms import lock_version, options
from designer.web.forms.grobkonzept import GrobkonzeptForm
from designer.web.forms.wizard import ConfirmForm, ObjectiveForm
from designer.web.i18n import current_language
from designer.web.messages import error_text
from designer.web.transaction import committing, saving

bp = Blueprint("wizard", __name__, url_prefix="/designs")

EXPERT_MODE = "grobkonzept_expert"


def _editable(design_id: int) -> Design:
    return access.design_for(current_user, design_id, Action.DESIGN_EDIT)


def _state(design: Design) -> dict[str, Any]:
    return design_service.grobkonzept_state(design)


def _objective_form(**kwargs: Any) -> ObjectiveForm:
    form = ObjectiveForm(**kwargs)
    form.bloom_level.choices = options(
        [("", _("No level chosen")), *choices("bloom_level", current_language())]
    )
    return form


def _vague_message() -> str:
    """The vague-verb warning with a "{verbs}" slot (filled here and in objectives.js)."""
    return _(
        "Hard to check: %(verbs)s names no behaviour you can observe. "
        "Try a verb from the Bloom levels.",
        verbs="{verbs}",
    )


@dataclass(frozen=True)
class FailedRow:
    """An objective whose change could not be saved: what was typed and why not."""

    objective_id: int
    text: str
    bloom_level: str
    errors: dict[str, str]


def _objectives_context(
    design: Design, new_objective: ObjectiveForm | None = None, failed: FailedRow | None = None
) -> dict:
    language = "en" if design.language == "en" else "de"
    return {
        "objectives": list(design.objectives),
        "failed": failed,
        "vague": {o.id: bloom.vague_verbs(o.text) for o in design.objectives},
        "vague_message": _vague_message(),
        "new_objective": new_objective or _objective_form(formdata=None),
        "bloom_levels": [
            (level, label, bloom.verbs_for(level, language))
            for level, label in choices("bloom_level", current_language())
        ],
        "bloom_data": {
            **bloom.client_data(),
            "language": language,
            "message": _vague_message(),
            "suggest": _("Suggested verbs: %(verbs)s", verbs="{verbs}"),
        },
    }


def _progress(design: Design) -> list[tuple[wizard_steps.Step, bool]]:
    state, count = _state(design), len(design.objectives)
    return [(step, step.complete(state, count)) for step in wizard_steps.STEPS]


def _grobkonzept_form(design: Design) -> GrobkonzeptForm:
    """The form with what is saved, and on a POST with what was typed."""
    return GrobkonzeptForm.of(_state(design))


def _stored_form(design: Design) -> GrobkonzeptForm:
    """The form with what is saved only (beside the objectives editor's own POST)."""
    return GrobkonzeptForm.of(_state(design), submitted=False)


def _save(
    design: Design, form: GrobkonzeptForm, names: tuple[str, ...]
) -> tuple[bool, StaleSave | None]:
    """Save `names`: (True, None) when saved; (False, None) when the form is shown again
    with its errors; (False, the conflict view) on a stale save."""
    if not form.validate_on_submit():
        abort(400)
    with saving(form, done=_("Saved."), catch=(Invalid, Conflict)) as outcome:
        design_service.update_grobkonzept(
            current_user, design, form.values(names), form.expected_version()
        )
    if isinstance(outcome.error, Conflict):
        return False, conflicts.kept_in_form(form, names, outcome.error.current, request.path)
    return outcome.ok, None


@bp.get("/<int:design_id>/wizard")
@login_required
def start(design_id: int):
    """Resume where the design is incomplete (or open the expert form)."""
    design = _editable(design_id)
    if session.get(EXPERT_MODE):
        return redirect(url_for("wizard.expert", design_id=design.id))
    step = wizard_steps.first_incomplete(_state(design), len(design.objectives))
    return redirect(url_for("wizard.step", design_id=design.id, step_key=step.key))


@bp.route("/<int:design_id>/wizard/<step_key>", methods=["GET", "POST"])
@login_required
def step(design_id: int, step_key: str):
    design = _editable(design_id)
    try:
        current = wizard_steps.step_by_key(step_key)
    except KeyError:
        abort(404)
    index = wizard_steps.STEPS.index(current)
    form = _grobkonzept_form(design)
    stale = None
    if request.method == "POST":
        saved, stale = _save(design, form, current.fields)
        if saved:
            if request.form.get("go") == "next":
                if index + 1 < len(wizard_steps.STEPS):
                    following = wizard_steps.STEPS[index + 1].key
                    return redirect(url_for("wizard.step", design_id=design.id, step_key=following))
                return redirect(url_for("designs.overview", design_id=design.id))
            return redirect(url_for("wizard.step", design_id=design.id, step_key=current.key))
    return _render_step(design, current, form, stale=stale)


def _render_step(
    design: Design,
    current: wizard_steps.Step,
    form: GrobkonzeptForm,
    new_objective: ObjectiveForm | None = None,
    failed: FailedRow | None = None,
    stale: StaleSave | None = None,
):
    index = wizard_steps.STEPS.index(current)
    return render_template(
        "wizard/step.html",
        stale=stale,
        design=design,
        step=current,
        index=index,
        steps=wizard_steps.STEPS,
        progress=_progress(design),
        previous=wizard_steps.STEPS[index - 1] if index else None,
        following=wizard_steps.STEPS[index + 1] if index + 1 < len(wizard_steps.STEPS) else None,
        form=form,
        field_help=wizard_steps.FIELD_HELP,
        objective_help=wizard_steps.OBJECTIVE_HELP,
        **_objectives_context(design, new_objective, failed),
    ), (409 if stale else 200)


@bp.route("/<int:design_id>/grobkonzept", methods=["GET", "POST"])
@login_required
def expert(design_id: int):
    """Every Grobkonzept field on one page."""
    design = _editable(design_id)
    form = _grobkonzept_form(design)
    stale = None
    if request.method == "POST":
        saved, stale = _save(design, form, wizard_steps.ALL_FIELDS)
        if saved:
            return redirect(url_for("wizard.expert", design_id=design.id))
    return _render_expert(design, form, stale=stale)


def _render_expert(
    design: Design,
    form: GrobkonzeptForm,
    new_objective: ObjectiveForm | None = None,
    failed: FailedRow | None = None,
    stale: StaleSave | None = None,
):
    return render_template(
        "wizard/expert.html",
        stale=stale,
        design=design,
        steps=wizard_steps.STEPS,
        form=form,
        field_help=wizard_steps.FIELD_HELP,
        objective_help=wizard_steps.OBJECTIVE_HELP,
        **_objectives_context(design, new_objective, failed),
    ), (409 if stale else 200)


@bp.post("/<int:design_id>/expert-mode")
@login_required
def expert_mode(design_id: int):
    design = _editable(design_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    session[EXPERT_MODE] = request.form.get("mode") == "on"
    return redirect(url_for("wizard.start", design_id=design.id))


# ------------------------------------------------------------------ objectives


def _back(design: Design) -> Response:
    if request.form.get("back") == "expert":
        return redirect(url_for("wizard.expert", design_id=design.id) + "#objectives")
    return redirect(url_for("wizard.step", design_id=design.id, step_key="objectives"))


def _objectives_page(
    design: Design, new_objective: ObjectiveForm | None = None, failed: FailedRow | None = None
):
    """The page the objectives editor was used on, again, with the errors next to fields."""
    if request.form.get("back") == "expert":
        return _render_expert(design, _stored_form(design), new_objective, failed)
    objectives = wizard_steps.step_by_key("objectives")
    return _render_step(design, objectives, _stored_form(design), new_objective, failed)


def _warn_vague(text: str) -> None:
    found = bloom.vague_verbs(text)
    if found:
        flash(_vague_message().replace("{verbs}", ", ".join(found)), "warning")


@bp.post("/<int:design_id>/objectives")
@login_required
def add_objective(design_id: int):
    design = _editable(design_id)
    form = _objective_form()
    if not form.validate_on_submit():
        abort(400)
    with saving(form) as outcome:
        design_service.add_objective(
            current_user, design, form.text.data or "", form.bloom_level.data or ""
        )
    if not outcome.ok:
        return _objectives_page(design, new_objective=form)
    _warn_vague(form.text.data or "")
    return _back(design)


@bp.post("/<int:design_id>/objectives/<int:objective_id>")
@login_required
def update_objective(design_id: int, objective_id: int):
    design = _editable(design_id)
    form = _objective_form()
    if not form.validate_on_submit():
        abort(400)
    with saving(show=False, done=_("Saved.")) as outcome:
        design_service.update_objective(
            current_user,
            design,
            objective_id,
            form.text.data or "",
            form.bloom_level.data or "",
            lock_version(form.lock_version.data),
        )
    if not outcome.ok:
        errors = {name: error_text(code) for name, code in outcome.errors.items()}
        if "form" in errors:  # no field to show it beside (an outdated form)
            flash(errors["form"], "error")
        failed = FailedRow(objective_id, form.text.data or "", form.bloom_level.data or "", errors)
        return _objectives_page(design, failed=failed)
    _warn_vague(form.text.data or "")
    return _back(design)


@bp.post("/<int:design_id>/objectives/<int:objective_id>/remove")
@login_required
def remove_objective(design_id: int, objective_id: int):
    design = _editable(design_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    with committing():
        design_service.remove_objective(current_user, design, objective_id)
    flash(_("The objective was removed."), "success")
    return _back(design)


@bp.post("/<int:design_id>/objectives/<int:objective_id>/move")
@login_required
def move_objective(design_id: int, objective_id: int):
    design = _editable(design_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    position = whole_number(request.form.get("position"))
    if position is None:
        abort(400)
    with committing():
        design_service.move_objective(current_user, design, objective_id, position)
    return _back(design)
