"""The nugget editor: every Feinkonzept field, quiz questions and file uploads.

Opened from a design's canvas (`/designs/<id>/nuggets/<placement_id>/edit`) it also edits
the placement (objective links, this design's duration and delivery mode) and pins the new
revision for that design; opened from the library it edits the nugget alone.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import select

from designer.core.merge import three_way
from designer.extensions import db
from designer.models import Asset, Design, LearningObjective, Nugget, Placement, Workspace
from designer.queries import access
from designer.queries import collab as queries_collab
from designer.queries.nugget_data import comparable, revision_data
from designer.services import nuggets as nugget_service
from designer.services import placements as placement_service
from designer.services.assets import attach_upload
from designer.services.errors import Conflict, Invalid
from designer.services.permissions import Action, edits_library_nugget
from designer.storage.uploads import allowed_extensions
from designer.web import conflicts as conflicts_view
from designer.web.conflicts import StaleSave
from designer.web.forms import lock_version, options
from designer.web.forms.nuggets import (
    FIELD_LABELS,
    NuggetForm,
    PlacementForm,
    UploadForm,
    as_int,
    nugget_form_data,
    questions_from_form,
)
from designer.web.messages import attach_errors, error_text
from designer.web.transaction import saving

bp = Blueprint("editor", __name__)

BLANK_ANSWERS = 2
# Rows a question offers at least: a matching question needs three (two pairs, one more).
MIN_ANSWER_ROWS = 4
# Images the browser shows inline in the rich-text editor (SVG stays out: it can carry script).
EDITOR_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


@dataclass
class Target:
    """What the editor works on: a nugget, and the design placement it was opened from."""

    workspace: Workspace
    nugget: Nugget
    design: Design | None = None
    placement: Placement | None = None
    # The studio's inspector shows the same form in its own template and answers a
    # successful save with fragments instead of a redirect.
    template: str = "nuggets/edit.html"
    on_saved: Callable[[Target], Any] | None = None

    @property
    def back_url(self) -> str:
        if self.design is not None:
            return url_for("canvas.show", design_id=self.design.id)
        return url_for("library.index", slug=self.workspace.slug)

    @property
    def url(self) -> str:
        if self.design is not None:
            return url_for(
                "editor.edit_placement", design_id=self.design.id, placement_id=self.placement.id
            )
        return url_for("editor.edit_library", slug=self.workspace.slug, nugget_id=self.nugget.id)

    @property
    def upload_url(self) -> str:
        if self.design is not None:
            return url_for(
                "editor.upload_placement", design_id=self.design.id, placement_id=self.placement.id
            )
        return url_for("editor.upload_library", slug=self.workspace.slug, nugget_id=self.nugget.id)


def design_target(design_id: int, placement_id: int) -> Target:
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    placement = placement_service.placement_of(design, placement_id)
    nugget = nugget_service.nugget_in(design.workspace_id, placement.nugget_id)
    workspace = db.session.get(Workspace, design.workspace_id)
    return Target(workspace, nugget, design, placement)


def _library_target(slug: str, nugget_id: int) -> Target:
    workspace = access.workspace_by_slug(current_user, slug, Action.NUGGET_EDIT)
    return Target(workspace, nugget_service.nugget_in(workspace.id, nugget_id))


# ------------------------------------------------------------------------ helpers


def _placement_form(target: Target, formdata: Any = None) -> PlacementForm | None:
    if target.design is None:
        return None
    objectives = db.session.scalars(
        select(LearningObjective)
        .where(LearningObjective.design_id == target.design.id)
        .order_by(LearningObjective.position, LearningObjective.id)
    ).all()
    placement = target.placement
    data = {
        "objective_ids": [o.id for o in placement.objectives],
        "duration_override": ""
        if placement.duration_override is None
        else str(placement.duration_override),
        "delivery_mode_override": placement.delivery_mode_override or "",
        "placement_lock_version": placement.lock_version,
    }
    form = PlacementForm(formdata=formdata, data=data)
    form.objective_ids.choices = options((o.id, o.text) for o in objectives)
    return form


def _assets(nugget: Nugget) -> list[Asset]:
    ids = list(nugget.asset_ids or [])
    if not ids:
        return []
    rows = {a.id: a for a in db.session.scalars(select(Asset).where(Asset.id.in_(ids)))}
    return [rows[i] for i in ids if i in rows]


def _render(
    target: Target,
    form: NuggetForm,
    placement_form: PlacementForm | None,
    questions: list[dict[str, Any]],
    question_errors: dict[int, str] | None = None,
    upload_form: UploadForm | None = None,
    status: int = 200,
    stale: StaleSave | None = None,
):
    blank = {"text": "", "correct": False, "feedback": "", "match": ""}
    assets = _assets(target.nugget)
    for q in questions:
        blanks = max(BLANK_ANSWERS, MIN_ANSWER_ROWS - len(q["answers"]))
        q["answers"] = [*q["answers"], *[blank] * blanks]
    return (
        render_template(
            target.template,
            target=target,
            form=form,
            placement_form=placement_form,
            questions=questions,
            question_errors=question_errors or {},
            upload_form=upload_form or UploadForm(formdata=None),
            assets=assets,
            editor_images=json.dumps(editor_images(target, assets)),
            allowed_extensions=", ".join(allowed_extensions()),
            max_upload_mib=current_app.config["MAX_UPLOAD_BYTES"] // (1024 * 1024),
            stale=stale,
            copies_on_save=target.design is not None
            and not edits_library_nugget(current_user, target.nugget, target.design),
        ),
        status,
    )


def show_form(target: Target) -> tuple[str, int]:
    form = NuggetForm(formdata=None, data=nugget_form_data(target.nugget))
    form.keep_assets.choices = options((a.id, a.filename) for a in _assets(target.nugget))
    questions = [dict(q) for q in target.nugget.questions or []]
    return _render(target, form, _placement_form(target), questions)


def _question_errors(errors: dict[str, str]) -> dict[int, str]:
    return {
        int(key.split(".", 1)[1]): error_text(code)
        for key, code in errors.items()
        if key.startswith("questions.")
    }


def save_form(target: Target) -> Any:
    """Save the posted form: a redirect (or the inspector's fragments) when saved, else
    the form again with the problems (422) or merged after a conflict (409)."""
    form = NuggetForm()
    form.keep_assets.choices = options((a.id, a.filename) for a in _assets(target.nugget))
    placement_form = _placement_form(target, request.form)
    questions, question_problems = questions_from_form(request.form)
    if request.form.get("action") == "add_question":
        questions.append({"kind": "single", "text": "", "feedback": "", "answers": []})
        return _render(target, form, placement_form, questions)
    if request.form.get("action") == "show_question_fields":
        return _render(target, form, placement_form, questions)
    values = form.values()
    values["questions"] = questions
    values["asset_ids"] = [i for i in target.nugget.asset_ids or [] if i in form.keep_assets.data]
    with saving(show=False, catch=(Invalid, NuggetConflict)) as outcome:
        _save_all(target, form, placement_form, values, question_problems)
    if isinstance(outcome.error, NuggetConflict):
        return _merged_after_conflict(target, form, placement_form, values)
    problems = outcome.errors
    if problems:
        nugget_errors, placement_errors = _split(Invalid(problems))
        attach_errors(form, nugget_errors)
        if placement_form is not None:
            attach_errors(placement_form, placement_errors)
        if target.on_saved is None:  # the inspector says it beside the form instead
            flash(_("Not saved. Please correct the marked fields."), "error")
        return _render(
            target, form, placement_form, questions, _question_errors(problems), status=422
        )
    if target.on_saved is not None:
        return target.on_saved(target)
    flash(_("“%(t)s” saved.", t=target.nugget.title), "success")
    return redirect(target.back_url)


def _merged_after_conflict(
    target: Target, form: NuggetForm, placement_form: PlacementForm | None, values: dict
):
    """Someone saved this nugget since the form was loaded: merge field by field against
    the revision the form was loaded with, and show what both changed (status 409)."""
    nugget = db.session.get(Nugget, target.nugget.id)
    theirs = comparable(revision_data(nugget))
    base = nugget_service.revision_values(nugget, as_int(form.base_revision.data))
    mine = comparable(nugget_service.clean_nugget_values(values))
    merged, conflicts = three_way(mine, comparable(base) if base else {}, theirs)
    data = nugget_form_data(_as_nugget(merged, nugget))
    merged_form = NuggetForm(formdata=None, data=data)
    merged_form.keep_assets.choices = form.keep_assets.choices
    rows = [(FIELD_LABELS.get(name, name), mine[name], theirs.get(name)) for name in conflicts]
    return _render(
        target,
        merged_form,
        placement_form,
        merged["questions"],
        status=409,
        stale=conflicts_view.merged(rows, queries_collab.saved_by(nugget)),
    )


def _as_nugget(merged: dict[str, Any], nugget: Nugget) -> SimpleNamespace:
    """The merged fields in the shape nugget_form_data() reads, on top of the current
    version (its lock_version and revision are what the next save is based on)."""
    day = merged.get("schedule_date")
    return SimpleNamespace(
        **{**merged, "schedule_date": date.fromisoformat(day) if day else None},
        lock_version=nugget.lock_version,
        revision=nugget.revision,
    )


class NuggetConflict(Exception):
    """The nugget (not its placement) was saved by someone else since the form was loaded."""


def _save_all(
    target: Target,
    form: NuggetForm,
    placement_form: PlacementForm | None,
    values: dict[str, Any],
    question_problems: dict[str, str],
) -> None:
    """Every problem at once: questions and nugget fields are checked without writing, the
    placement by its service; the nugget is written only when all of it passed. Raises
    Invalid with all problems (the caller rolls back) or NuggetConflict."""
    problems = dict(question_problems)
    problems.update(_errors_of(nugget_service.clean_nugget_values, values))
    if placement_form is not None:
        problems.update(_errors_of(_save_placement, target, placement_form))
    if not problems:
        try:
            problems.update(_errors_of(_save_nugget, target, form, values))
        except Conflict as exc:
            raise NuggetConflict from exc
    if problems:
        raise Invalid(problems)


def _errors_of(save: Callable[..., object], *args: Any) -> dict[str, str]:
    try:
        save(*args)
    except Invalid as exc:
        return exc.errors
    return {}


def _save_placement(target: Target, placement_form: PlacementForm) -> None:
    placement_service.update_placement(
        current_user,
        target.design,
        target.placement.id,
        placement_form.values(),
        lock_version(placement_form.placement_lock_version.data),
    )


def _save_nugget(target: Target, form: NuggetForm, values: dict[str, Any]) -> None:
    nugget_service.update_nugget(
        current_user,
        target.nugget,
        values,
        lock_version(form.lock_version.data),
        via=target.design,
    )


def _split(exc: Invalid) -> tuple[Invalid, Invalid]:
    """The service's errors for the nugget form and for the placement form; question
    errors are shown beside each question instead."""
    nugget_errors, placement_errors = {}, {}
    for key, code in exc.errors.items():
        if key.startswith("questions."):
            continue
        (placement_errors if hasattr(PlacementForm, key) else nugget_errors)[key] = code
    return Invalid(nugget_errors), Invalid(placement_errors)


def _upload(target: Target):
    upload_form = UploadForm()
    upload = upload_form.file.data
    with saving(upload_form, done=_("File attached.")) as outcome:
        if upload is None or not getattr(upload, "filename", ""):
            raise Invalid({"file": "required"})
        attach_upload(
            current_user,
            target.nugget,
            upload.stream,
            upload.filename,
            {
                "alt_text": upload_form.alt_text.data or "",
                "license": upload_form.license.data or "",
                "attribution": upload_form.attribution.data or "",
            },
            current_app.extensions["file_store"],
            current_app.config["MAX_UPLOAD_BYTES"],
            lock_version(upload_form.lock_version.data),
            via=target.design,
        )
    if not outcome.ok:
        form = NuggetForm(formdata=None, data=nugget_form_data(target.nugget))
        form.keep_assets.choices = options((a.id, a.filename) for a in _assets(target.nugget))
        questions = [dict(q) for q in target.nugget.questions or []]
        return _render(
            target, form, _placement_form(target), questions, upload_form=upload_form, status=422
        )
    return redirect(target.url)


# ------------------------------------------------------------------------- routes


@bp.route("/designs/<int:design_id>/nuggets/<int:placement_id>/edit", methods=["GET", "POST"])
@login_required
def edit_placement(design_id: int, placement_id: int):
    target = design_target(design_id, placement_id)
    return save_form(target) if request.method == "POST" else show_form(target)


@bp.post("/designs/<int:design_id>/nuggets/<int:placement_id>/assets")
@login_required
def upload_placement(design_id: int, placement_id: int):
    return _upload(design_target(design_id, placement_id))


@bp.route("/w/<slug>/library/<int:nugget_id>/edit", methods=["GET", "POST"])
@login_required
def edit_library(slug: str, nugget_id: int):
    target = _library_target(slug, nugget_id)
    return save_form(target) if request.method == "POST" else show_form(target)


@bp.post("/w/<slug>/library/<int:nugget_id>/assets")
@login_required
def upload_library(slug: str, nugget_id: int):
    return _upload(_library_target(slug, nugget_id))


@bp.get("/designs/<int:design_id>/nuggets/<int:placement_id>/assets/<int:asset_id>")
@login_required
def placement_image(design_id: int, placement_id: int, asset_id: int):
    return _image(design_target(design_id, placement_id), asset_id)


@bp.get("/w/<slug>/library/<int:nugget_id>/assets/<int:asset_id>")
@login_required
def library_image(slug: str, nugget_id: int, asset_id: int):
    return _image(_library_target(slug, nugget_id), asset_id)


def _image(target: Target, asset_id: int):
    """An image attached to the nugget, so that the rich-text editor can show it."""
    asset = next((a for a in _assets(target.nugget) if a.id == asset_id), None)
    store = current_app.extensions["file_store"]
    if asset is None or asset.mimetype not in EDITOR_IMAGES or not store.exists(asset.sha256):
        abort(404)
    return send_file(store.open(asset.sha256), mimetype=asset.mimetype, max_age=3600)


def editor_images(target: Target, assets: list[Asset]) -> list[dict[str, str]]:
    """The nugget's images the rich-text editor offers: file name (the src stored in the
    content), alt text and the URL it shows them from."""
    if target.design is not None:
        route, args = (
            "editor.placement_image",
            {
                "design_id": target.design.id,
                "placement_id": target.placement.id,
            },
        )
    else:
        route, args = (
            "editor.library_image",
            {
                "slug": target.workspace.slug,
                "nugget_id": target.nugget.id,
            },
        )
    return [
        {
            "src": a.filename,
            "alt": a.alt_text,
            "label": a.filename,
            "url": url_for(route, asset_id=a.id, **args),
        }
        for a in assets
        if a.mimetype in EDITOR_IMAGES
    ]


# ------------------------------------------------------------ template helpers


@bp.app_template_global()
def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name))


@bp.app_template_global()
def show_value(value: Any) -> Markup | str:
    """A revision field's value as short text for the changes table."""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "; ".join(str(q.get("text", "")) for q in value)
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values() if v) or "—"
    return str(value) if value not in (None, "") else "—"
