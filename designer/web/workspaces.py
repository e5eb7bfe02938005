"""Dashboard, workspaces, members, new designs and imports."""

from __future__ import annotations

from collections.abc import Callable

from flask import (
    Blueprint,
    Response,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer import mailer
from designer.core.fields import whole_number
from designer.importers import registry as import_registry
from designer.importers.base import ImportRefused
from designer.models import Workspace
from designer.queries import access
from designer.queries import wizard as queries_wizard
from designer.services import accounts, design_templates
from designer.services import workspaces as workspace_service
from designer.services.importing import import_upload
from designer.services.permissions import Action, allowed_on_workspace
from designer.web.auth import queue_verification
from designer.web.forms.designs import ImportForm
from designer.web.forms.wizard import TemplateChoiceForm
from designer.web.forms.workspaces import (
    MemberForm,
    RemoveMemberForm,
    RoleForm,
    SettingsForm,
    WorkspaceForm,
)
from designer.web.i18n import current_language
from designer.web.messages import error_text
from designer.web.transaction import saving

bp = Blueprint("workspaces", __name__)


@bp.get("/")
@login_required
def dashboard():
    workspaces = access.workspaces_of(current_user)
    designs = {w.id: access.designs_of_workspace(w) for w, _role in workspaces}
    return render_template(
        "workspaces/dashboard.html",
        workspaces=workspaces,
        designs=designs,
        guest_designs=access.guest_designs(current_user),
    )


@bp.route("/workspaces/new", methods=["GET", "POST"])
@login_required
def new():
    form = WorkspaceForm()
    if form.validate_on_submit():
        with saving(form) as outcome:
            workspace = workspace_service.create_workspace(
                current_user, form.name.data, form.kind.data, form.organisation.data or ""
            )
        if outcome.ok:
            return redirect(url_for("workspaces.show", slug=workspace.slug))
    return render_template("workspaces/new.html", form=form)


@bp.get("/w/<slug>")
@login_required
def show(slug: str):
    workspace = access.workspace_by_slug(current_user, slug)
    return render_template(
        "workspaces/show.html",
        workspace=workspace,
        designs=access.designs_of_workspace(workspace),
        allowed=allowed_on_workspace(current_user, workspace),
        Action=Action,
    )


@bp.route("/w/<slug>/settings", methods=["GET", "POST"])
@login_required
def settings(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.WORKSPACE_MANAGE)
    form = SettingsForm(data={"time_zone": workspace.time_zone})
    zones = workspace_service.time_zones()
    form.time_zone.choices = [(zone, zone.replace("_", " ")) for zone in zones]
    if form.validate_on_submit():
        with saving(form, done=_("Settings saved.")) as outcome:
            workspace_service.set_time_zone(current_user, workspace, form.time_zone.data)
        if outcome.ok:
            return redirect(url_for("workspaces.settings", slug=slug))
    return render_template("workspaces/settings.html", workspace=workspace, form=form)


@bp.route("/w/<slug>/members", methods=["GET", "POST"])
@login_required
def members(slug: str):
    workspace = access.workspace_by_slug(current_user, slug)
    form = MemberForm()
    if form.validate_on_submit():
        with saving(form, done=_("Member added.")) as outcome:
            workspace_service.add_member(
                current_user,
                workspace,
                form.email.data,
                form.role.data,
                form.organisation.data or "",
            )
        if outcome.ok:
            return redirect(url_for("workspaces.members", slug=slug))
    return _members_page(workspace, form)


def _members_page(workspace: Workspace, form: MemberForm, **extra: object) -> str:
    return render_template(
        "workspaces/members.html",
        workspace=workspace,
        members=access.members_of(workspace),
        form=form,
        role_form=RoleForm,
        remove_form=RemoveMemberForm(),
        allowed=allowed_on_workspace(current_user, workspace),
        Action=Action,
        **extra,
    )


def _posted_membership_id() -> int | None:
    """The member a posted button names, or None (flashed) for a request that makes no sense."""
    form = RemoveMemberForm()
    membership_id = whole_number(form.membership_id.data)
    if not form.validate_on_submit() or membership_id is None:
        flash(_("The request could not be understood."), "error")
        return None
    return membership_id


@bp.post("/w/<slug>/members/login-link")
@login_required
def login_link(slug: str):
    """A one-time log-in link for a locked-out member, shown once to the coordinator."""
    workspace = access.workspace_by_slug(current_user, slug, Action.MEMBERS_MANAGE)
    membership_id = _posted_membership_id()
    if membership_id is None:
        return redirect(url_for("workspaces.members", slug=slug))
    with saving() as outcome:
        link, token = accounts.create_login_link(current_user, workspace, membership_id)
    if not outcome.ok:
        return redirect(url_for("workspaces.members", slug=slug))
    return _members_page(
        workspace,
        MemberForm(formdata=None),
        login_link=url_for("auth.login_link", token=token, _external=True),
        login_link_user=access.user_by_id(link.user_id),
    )


@bp.post("/w/<slug>/members/verification")
@login_required
def resend_verification(slug: str):
    """Send an unconfirmed member the mail with their confirmation link again."""
    workspace = access.workspace_by_slug(current_user, slug, Action.MEMBERS_MANAGE)
    membership_id = _posted_membership_id()
    if membership_id is None:
        return redirect(url_for("workspaces.members", slug=slug))
    if mailer.mail_is_on():
        done = _("The mail with the confirmation link is on its way.")
    else:
        done = _("E-mail is switched off on this Kurswerk: the mail was only written to the log.")
    with saving(done=done):
        person = accounts.resend_verification(current_user, workspace, membership_id)
        queue_verification(person)
    return redirect(url_for("workspaces.members", slug=slug))


def _member_change(slug: str, change: Callable[[Workspace], object]) -> Response:
    workspace = access.workspace_by_slug(current_user, slug)
    with saving(done=_("Saved.")):
        change(workspace)
    return redirect(url_for("workspaces.members", slug=slug))


@bp.post("/w/<slug>/members/role")
@login_required
def change_role(slug: str):
    form = RoleForm()
    if not form.validate_on_submit():
        flash(_("The request could not be understood."), "error")
        return redirect(url_for("workspaces.members", slug=slug))
    return _member_change(
        slug,
        lambda w: workspace_service.change_role(
            current_user, w, whole_number(form.membership_id.data) or 0, form.role.data
        ),
    )


@bp.post("/w/<slug>/members/remove")
@login_required
def remove_member(slug: str):
    form = RemoveMemberForm()
    if not form.validate_on_submit():
        flash(_("The request could not be understood."), "error")
        return redirect(url_for("workspaces.members", slug=slug))
    return _member_change(
        slug,
        lambda w: workspace_service.remove_member(
            current_user, w, whole_number(form.membership_id.data) or 0
        ),
    )


@bp.route("/w/<slug>/designs/new", methods=["GET", "POST"])
@login_required
def new_design(slug: str):
    """The template gallery: choose a template, a title and a language, then the wizard."""
    workspace = access.workspace_by_slug(current_user, slug, Action.DESIGN_CREATE)
    form = TemplateChoiceForm()
    if request.method == "GET":
        form.language.data = current_language()
    elif form.validate_on_submit():
        with saving(form) as outcome:
            design = design_templates.create_from_template(
                current_user,
                workspace,
                form.template.data or "",
                form.title.data or "",
                form.language.data,
                current_app.extensions["file_store"],
            )
        if outcome.ok:
            return redirect(url_for("wizard.start", design_id=design.id))
    return render_template(
        "wizard/gallery.html",
        workspace=workspace,
        form=form,
        gallery=queries_wizard.gallery(workspace, current_language()),
    )


@bp.route("/w/<slug>/import", methods=["GET", "POST"])
@login_required
def import_file(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.DESIGN_CREATE)
    form = ImportForm()
    problems: list[str] = []
    if form.validate_on_submit():
        upload = form.file.data
        with saving(done=_("Design imported."), catch=(ImportRefused,)) as outcome:
            design, _warnings = import_upload(
                current_user,
                workspace,
                upload.stream,
                upload.filename or "",
                current_app.extensions["file_store"],
                current_app.config["MAX_UPLOAD_BYTES"],
            )
        if outcome.ok:
            return redirect(url_for("designs.overview", design_id=design.id))
        problems = [error_text(p) for p in outcome.error.problems]
    return render_template(
        "workspaces/import.html",
        workspace=workspace,
        form=form,
        problems=problems,
        extensions=import_registry.extensions(),
    )
