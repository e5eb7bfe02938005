"""Checklists of a workspace: the built-in ones (read-only) and the workspace's editable
copies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from designer.core.vocab import VOCABULARIES
from designer.core.vocab import label as vocab_label
from designer.models import Workspace, WorkspaceChecklist
from designer.quality import (
    RULES,
    Checklist,
    UnknownChecklist,
    builtin_checklists,
    get_builtin,
    get_rule,
)
from designer.queries import access
from designer.queries import quality as qq
from designer.services import checklists as service
from designer.services.errors import Invalid
from designer.services.permissions import Action, can
from designer.web.forms import lock_version, options
from designer.web.forms.quality import (
    ActionForm,
    AddRuleForm,
    ChecklistNamesForm,
    CopyChecklistForm,
    ManualCriterionForm,
    RuleCriterionForm,
)
from designer.web.i18n import current_language
from designer.web.messages import attach_errors, error_text
from designer.web.transaction import saving

bp = Blueprint("checklists", __name__, url_prefix="/w/<slug>/checklists")


@bp.get("")
@login_required
def index(slug: str):
    workspace = access.workspace_by_slug(current_user, slug)
    return render_template(
        "quality/checklists.html",
        workspace=workspace,
        builtin=builtin_checklists(),
        own=qq.workspace_checklists(workspace.id),
        may_edit=can(current_user, Action.CHECKLIST_EDIT, workspace),
        copy_form=CopyChecklistForm(),
    )


@bp.get("/builtin/<key>")
@login_required
def show_builtin(slug: str, key: str):
    workspace = access.workspace_by_slug(current_user, slug)
    try:
        checklist = get_builtin(key)
    except UnknownChecklist:
        abort(404)
    return render_template(
        "quality/checklist_show.html",
        workspace=workspace,
        checklist=checklist,
        may_edit=can(current_user, Action.CHECKLIST_EDIT, workspace),
        copy_form=CopyChecklistForm(source=key),
    )


@bp.post("/copy")
@login_required
def copy(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.CHECKLIST_EDIT)
    form = CopyChecklistForm()
    if not form.validate_on_submit():
        abort(400)
    with saving():
        row = service.copy_to_workspace(current_user, workspace, form.source.data)
    flash(_("The checklist was copied to your workspace."), "success")
    return redirect(url_for("checklists.edit", slug=slug, checklist_id=row.id))


def _rule_forms(checklist: Checklist) -> dict[str, RuleCriterionForm]:
    return {
        c.key: RuleCriterionForm(
            formdata=None, prefix=f"c-{c.key}", severity=c.severity, blocking=c.blocking
        )
        for c in checklist.automatic
    }


def _manual_forms(checklist: Checklist, lang: str) -> dict[str, ManualCriterionForm]:
    forms = {}
    for c in checklist.manual:
        form = ManualCriterionForm(
            formdata=None,
            prefix=f"c-{c.key}",
            category=c.category,
            question_de=c.question_de,
            question_en=c.question_en,
            help_de=c.help_de,
            help_en=c.help_en,
        )
        form.set_categories(lang)
        forms[c.key] = form
    return forms


def _render_edit(
    workspace: Workspace, row: WorkspaceChecklist, status: int = 200, **forms: Any
) -> tuple[str, int]:
    lang = current_language()
    checklist = qq.stored_checklist(row)
    names_form = forms.pop("names_form", None) or ChecklistNamesForm(
        formdata=None,
        name_de=checklist.name_de,
        name_en=checklist.name_en,
        description_de=checklist.description_de,
        description_en=checklist.description_en,
    )
    add_manual_form = forms.pop("add_manual_form", None) or ManualCriterionForm(
        formdata=None, prefix="new"
    )
    add_manual_form.set_categories(lang)
    add_rule_form = AddRuleForm(formdata=None, prefix="rule")
    used = {c.key for c in checklist.automatic}
    add_rule_form.rule.choices = options(
        (r.id, r.title(lang)) for r in RULES.values() if r.id not in used
    )
    rule_forms = _rule_forms(checklist)
    manual_forms = _manual_forms(checklist, lang)
    failed = forms.pop("failed", None)
    if failed:
        # The form goes back beside its criterion only when the criterion is of its kind
        # (a manual criterion's form posted to a rule's key has nowhere to go).
        same_kind = rule_forms if isinstance(failed[1], RuleCriterionForm) else manual_forms
        if failed[0] in same_kind:
            same_kind[failed[0]] = failed[1]
    return render_template(
        "quality/checklist_edit.html",
        workspace=workspace,
        row=row,
        checklist=checklist,
        rules={c.key: get_rule(c.rule) for c in checklist.automatic},
        names_form=names_form,
        add_manual_form=add_manual_form,
        add_rule_form=add_rule_form,
        rule_forms=rule_forms,
        manual_forms=manual_forms,
        failed_key=failed[0] if failed else None,
        param_errors=forms.pop("param_errors", {}),
        action_form=ActionForm(),
        choice_label=_choice_labeller(lang),
        lang=lang,
    ), status


def _choice_labeller(lang: str) -> Callable[[str, tuple[str, ...]], str]:
    """Labels for a rule parameter's choices, from the vocabulary that holds them all."""

    def label_of(value: str, choices: tuple[str, ...]) -> str:
        for name, values in VOCABULARIES.items():
            if set(choices) <= set(values):
                return vocab_label(name, value, lang)
        return value

    return label_of


def _editable(slug: str, checklist_id: int) -> tuple[Workspace, WorkspaceChecklist]:
    workspace = access.workspace_by_slug(current_user, slug)
    row = qq.checklist_row(workspace, checklist_id)
    return workspace, row


@bp.get("/<int:checklist_id>")
@login_required
def edit(slug: str, checklist_id: int):
    """The editor for those who may edit; a read-only view for everyone else."""
    workspace, row = _editable(slug, checklist_id)
    if not can(current_user, Action.CHECKLIST_EDIT, workspace):
        return render_template(
            "quality/checklist_show.html",
            workspace=workspace,
            checklist=qq.stored_checklist(row),
            may_edit=False,
            copy_form=None,
        )
    return _render_edit(workspace, row)


def _done(slug: str, checklist_id: int, anchor: str = ""):
    flash(_("The checklist was saved."), "success")
    return redirect(url_for("checklists.edit", slug=slug, checklist_id=checklist_id) + anchor)


def _version(form: FlaskForm) -> int:
    return lock_version(form.lock_version.data)


@bp.post("/<int:checklist_id>/names")
@login_required
def names(slug: str, checklist_id: int):
    workspace, row = _editable(slug, checklist_id)
    form = ChecklistNamesForm()
    if form.validate_on_submit():
        with saving(form) as outcome:
            service.update_names(current_user, workspace, row, form.data, _version(form))
        if outcome.ok:
            return _done(slug, checklist_id)
    return _render_edit(workspace, row, 422, names_form=form)


@bp.post("/<int:checklist_id>/manual")
@login_required
def add_manual(slug: str, checklist_id: int):
    workspace, row = _editable(slug, checklist_id)
    form = ManualCriterionForm(prefix="new")
    form.set_categories(current_language())
    if form.validate_on_submit():
        with saving(form) as outcome:
            key = service.add_manual(current_user, workspace, row, _fields(form), _version(form))
        if outcome.ok:
            return _done(slug, checklist_id, f"#criterion-{key}")
    return _render_edit(workspace, row, 422, add_manual_form=form)


def _fields(form: FlaskForm) -> dict[str, Any]:
    return {name: f.data for name, f in form._fields.items()}


@bp.post("/<int:checklist_id>/manual/<key>")
@login_required
def update_manual(slug: str, checklist_id: int, key: str):
    workspace, row = _editable(slug, checklist_id)
    form = ManualCriterionForm(prefix=f"c-{key}")
    form.set_categories(current_language())
    if form.validate_on_submit():
        with saving(form) as outcome:
            service.update_manual(current_user, workspace, row, key, _fields(form), _version(form))
        if outcome.ok:
            return _done(slug, checklist_id, f"#criterion-{key}")
    return _render_edit(workspace, row, 422, failed=(key, form))


@bp.post("/<int:checklist_id>/rules")
@login_required
def add_rule(slug: str, checklist_id: int):
    workspace, row = _editable(slug, checklist_id)
    form = AddRuleForm(prefix="rule")
    if not form.validate_on_submit():
        abort(400)
    with saving() as outcome:
        service.add_rule(current_user, workspace, row, form.rule.data, _version(form))
    if not outcome.ok:
        return redirect(url_for("checklists.edit", slug=slug, checklist_id=checklist_id))
    return _done(slug, checklist_id, f"#criterion-{form.rule.data}")


@bp.post("/<int:checklist_id>/rules/<key>")
@login_required
def update_rule(slug: str, checklist_id: int, key: str):
    workspace, row = _editable(slug, checklist_id)
    form = RuleCriterionForm(prefix=f"c-{key}")
    if form.validate_on_submit():
        prefix = f"c-{key}-"
        values = {
            "severity": form.severity.data,
            "blocking": form.blocking.data,
            **{
                name[len(prefix) :]: _one_or_many(request.form.getlist(name))
                for name in request.form
                if name.startswith(prefix + "param:")
            },
        }
        with saving(show=False) as outcome:
            service.update_rule(current_user, workspace, row, key, values, _version(form))
        if not outcome.ok:
            general = {k: v for k, v in outcome.errors.items() if not k.startswith("param:")}
            attach_errors(form, Invalid(general))
            errors = {k: error_text(v) for k, v in outcome.errors.items() if k not in general}
            return _render_edit(workspace, row, 422, failed=(key, form), param_errors=errors)
        return _done(slug, checklist_id, f"#criterion-{key}")
    return _render_edit(workspace, row, 422, failed=(key, form))


def _one_or_many(values: list[str]) -> str | list[str]:
    return values[0] if len(values) == 1 else values


@bp.post("/<int:checklist_id>/criteria/<key>/remove")
@login_required
def remove(slug: str, checklist_id: int, key: str):
    workspace, row = _editable(slug, checklist_id)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    with saving():
        version = lock_version(request.form.get("lock_version"))
        service.remove_criterion(current_user, workspace, row, key, version)
    return _done(slug, checklist_id)


@bp.post("/<int:checklist_id>/delete")
@login_required
def delete(slug: str, checklist_id: int):
    workspace, row = _editable(slug, checklist_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    with saving():
        service.delete_checklist(current_user, workspace, row)
    flash(_("The checklist was deleted."), "success")
    return redirect(url_for("checklists.index", slug=slug))
