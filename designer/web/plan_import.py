"""Importing a hand-made Excel or Word plan in steps: upload, columns, preview, confirm.

Nothing is saved before the confirmation. The upload waits in a staging folder whose
token the signed session binds to the user and the workspace; every step reads the file
again, so no state is kept in the app between requests.
"""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.importers.base import ImportRefused
from designer.importers.plan_table import PlanTable
from designer.importers.plans import analyse_table
from designer.models import Workspace
from designer.queries import access
from designer.services import plan_import
from designer.services.errors import Invalid
from designer.services.permissions import Action
from designer.storage.filestore import FileTooLarge
from designer.storage.staging import PlanChoice, Staged, Staging
from designer.web.forms.plan_import import (
    CancelForm,
    ConfirmForm,
    PlanUploadForm,
    mapping_form,
)
from designer.web.i18n import current_language
from designer.web.messages import error_text
from designer.web.transaction import saving

bp = Blueprint("plan_import", __name__, url_prefix="/w/<slug>/import/plan")

SESSION_KEY = "plan_imports"
KEPT_IN_SESSION = 10


def _staging() -> Staging:
    return Staging(Path(current_app.config["DATA_DIR"]) / "staging")


def _workspace(slug: str) -> Workspace:
    return access.workspace_by_slug(current_user, slug, Action.DESIGN_CREATE)


def _bind(token: str, workspace: Workspace, design_id: int | None = None) -> None:
    """Remember in the signed session that this user staged `token` for `workspace`
    (and, once confirmed, which design it became)."""
    bound = dict(session.get(SESSION_KEY, {}))
    bound.pop(token, None)
    bound[token] = [current_user.id, workspace.id, *([design_id] if design_id else [])]
    session[SESSION_KEY] = dict(list(bound.items())[-KEPT_IN_SESSION:])


def _unbind(token: str) -> None:
    bound = dict(session.get(SESSION_KEY, {}))
    bound.pop(token, None)
    session[SESSION_KEY] = bound


def _staged(workspace: Workspace, token: str) -> Staged:
    """The user's own staged upload; 404 for anyone else's token. A token already
    confirmed (the back button, a second click) leads to its design."""
    bound = session.get(SESSION_KEY, {}).get(token)
    if not bound or bound[:2] != [current_user.id, workspace.id]:
        abort(404)
    if len(bound) == 3:
        abort(redirect(url_for("designs.overview", design_id=bound[2])))
    staged = _staging().get(token)
    if staged is None:
        _expired(workspace, token)
    return staged


def _table(workspace: Workspace, staged: Staged) -> PlanTable:
    """The staged file analysed again (it was analysed fine when it was uploaded)."""
    try:
        return analyse_table(staged.path)
    except (ImportRefused, OSError):
        _expired(workspace, staged.token)


def _expired(workspace: Workspace, token: str) -> NoReturn:
    """Staged uploads are removed after a day: back to the upload page with a word why."""
    _staging().discard(token)
    _unbind(token)
    flash(_("This upload is no longer available; please upload the file again."), "error")
    abort(redirect(url_for(".upload", slug=workspace.slug)))


def _choice(staged: Staged, table: PlanTable) -> PlanChoice:
    return staged.choice() or plan_import.default_choice(table, staged.path)


@bp.route("", methods=["GET", "POST"])
@login_required
def upload(slug: str):
    workspace = _workspace(slug)
    form = PlanUploadForm()
    problems: list[str] = []
    if form.validate_on_submit():
        file = form.file.data
        try:
            staged = plan_import.stage_plan(
                _staging(), file.stream, file.filename or "", current_app.config["MAX_UPLOAD_BYTES"]
            )
        except FileTooLarge:
            problems = [_("The file is too large.")]
        except ImportRefused as exc:
            problems = [error_text(p) for p in exc.problems]
        else:
            _bind(staged.token, workspace)
            return redirect(url_for(".mapping", slug=slug, token=staged.token))
    return render_template(
        "plan_import/upload.html", workspace=workspace, form=form, problems=problems
    )


@bp.route("/<token>", methods=["GET", "POST"])
@login_required
def mapping(slug: str, token: str):
    workspace = _workspace(slug)
    staged = _staged(workspace, token)
    table = _table(workspace, staged)
    form = mapping_form(len(table.columns), current_language(), _choice(staged, table))
    if form.validate_on_submit():
        staged.save_choice(form.choice())
        return redirect(url_for(".preview", slug=slug, token=token))
    return render_template(
        "plan_import/mapping.html",
        workspace=workspace,
        staged=staged,
        table=table,
        form=form,
        samples=plan_import.samples(table),
        cancel_form=CancelForm(),
    )


@bp.get("/<token>/preview")
@login_required
def preview(slug: str, token: str):
    workspace = _workspace(slug)
    staged = _staged(workspace, token)
    return _preview_page(workspace, staged, _table(workspace, staged))


def _preview_page(workspace: Workspace, staged: Staged, table: PlanTable, problems=()):
    choice = _choice(staged, table)
    try:
        result = plan_import.preview(table, choice, current_language())
    except Invalid:
        return redirect(url_for(".mapping", slug=workspace.slug, token=staged.token))
    return render_template(
        "plan_import/preview.html",
        workspace=workspace,
        staged=staged,
        choice=choice,
        result=result,
        problems=list(problems),
        confirm_form=ConfirmForm(choice=choice.digest()),
        cancel_form=CancelForm(),
    )


@bp.post("/<token>/confirm")
@login_required
def confirm(slug: str, token: str):
    workspace = _workspace(slug)
    staged = _staged(workspace, token)
    table = _table(workspace, staged)
    choice = _choice(staged, table)
    form = ConfirmForm()
    if not form.validate_on_submit() or form.choice.data != choice.digest():
        flash(_("The columns were changed in the meantime; check the preview again."), "error")
        return redirect(url_for(".preview", slug=slug, token=token))
    claimed = _staging().claim(token)
    if claimed is None:
        _expired(workspace, token)
    try:
        with saving(show=False) as outcome:
            design = plan_import.create_design(
                current_user, workspace, table, choice, current_app.extensions["file_store"]
            )
    except BaseException:
        _staging().release(claimed)
        raise
    if not outcome.ok:
        _staging().release(claimed)
        return _preview_page(workspace, staged, table, problems=_problem_texts(outcome.errors))
    _staging().discard(token)
    _bind(token, workspace, design.id)
    flash(_("Plan imported as a new design."), "success")
    return redirect(url_for("designs.overview", design_id=design.id))


def _problem_texts(errors: dict[str, str]) -> list[str]:
    return [error_text(code) for code in errors.values()]


@bp.post("/<token>/cancel")
@login_required
def cancel(slug: str, token: str):
    workspace = _workspace(slug)
    form = CancelForm()
    if not form.validate_on_submit():
        abort(400)
    staged = _staged(workspace, token)
    _staging().discard(staged.token)
    _unbind(token)
    flash(_("Import cancelled; the uploaded file was deleted."), "success")
    return redirect(url_for("workspaces.show", slug=slug))
