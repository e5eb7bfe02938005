"""The admin area (/admin): the instance's health, accounts, workspaces, mail and sign-on
settings. Only administrators enter (`InstanceAction.VIEW`); each action asks its own
`InstanceAction` through the service it calls."""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer import mailer
from designer.cli import kurswerk_version
from designer.core.fields import whole_number
from designer.queries import admin as admin_queries
from designer.services import admin
from designer.services.accounts import RESET_LINK_HOURS
from designer.services.permissions import InstanceAction, can_administer, require_admin
from designer.web.forms.admin import AppointCoordinatorForm
from designer.web.mails import link, queue_mail
from designer.web.transaction import committing, saving

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@login_required
def only_administrators() -> None:
    require_admin(current_user, InstanceAction.VIEW)


@bp.app_context_processor
def admin_helpers() -> dict[str, object]:
    return {
        "can_administer": lambda: can_administer(current_user, InstanceAction.VIEW),
        "size_text": size_text,
    }


def size_text(count: int) -> str:
    """Bytes as KB, MB or GB (decimal units), in the page's number format."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if count >= factor:
            return f"{format_decimal(count / factor, format='#,##0.0')} {unit}"
    return f"{format_decimal(count)} B"


@bp.get("")
def health():
    migrations = Path(current_app.extensions["migrate"].directory)
    report = admin_queries.health(
        current_user, migrations, current_app.extensions["file_store"].usage()
    )
    return render_template(
        "admin/health.html",
        report=report,
        version=kurswerk_version(),
        mail_on=mailer.mail_is_on(),
        retention=current_app.config["RETENTION_DAYS"],
    )


@bp.get("/accounts")
def accounts():
    search = request.args.get("q", "")
    number = whole_number(request.args.get("page", "1")) or 1
    page = admin_queries.accounts_page(current_user, search, number)
    workspaces = admin_queries.memberships_of([u.id for u in page.items])
    return render_template("admin/accounts.html", page=page, search=search, workspaces=workspaces)


def _back_to_accounts():
    return redirect(url_for("admin.accounts", q=request.form.get("q") or None))


@bp.post("/accounts/<int:user_id>/deactivate")
def deactivate(user_id: int):
    with saving() as outcome:
        user = admin.deactivate(current_user, user_id)
    if outcome.ok:
        flash(
            _("%(name)s is deactivated and logged out everywhere.", name=user.display_name),
            "success",
        )
    return _back_to_accounts()


@bp.post("/accounts/<int:user_id>/reactivate")
def reactivate(user_id: int):
    with committing():
        user = admin.reactivate(current_user, user_id)
    flash(_("%(name)s can log in again.", name=user.display_name), "success")
    return _back_to_accounts()


@bp.post("/accounts/<int:user_id>/reset")
def reset(user_id: int):
    """Mail the person a link to set a new password (the administrator never sees it)."""
    with saving() as outcome:
        user, token = admin.password_reset(current_user, user_id)
        queue_mail("reset", user, link=link("auth.reset", token=token), hours=RESET_LINK_HOURS)
    if outcome.ok:
        flash(
            _("A link to set a new password was mailed to %(email)s.", email=user.email), "success"
        )
    return _back_to_accounts()


@bp.post("/accounts/<int:user_id>/admin")
def change_admin(user_id: int):
    on = request.form.get("on") == "1"
    with saving() as outcome:
        user = admin.change_admin(current_user, user_id, on)
    if outcome.ok:
        message = (
            _("%(name)s is now an administrator.", name=user.display_name)
            if on
            else _("%(name)s is no longer an administrator.", name=user.display_name)
        )
        flash(message, "success")
    return _back_to_accounts()


@bp.get("/workspaces")
def workspaces():
    return render_template("admin/workspaces.html", rows=admin_queries.workspaces(current_user))


@bp.route("/workspaces/<int:workspace_id>", methods=["GET", "POST"])
def workspace(workspace_id: int):
    """A workspace's members; an administrator appoints a coordinator when one left."""
    form = AppointCoordinatorForm()
    if form.validate_on_submit():
        with saving(form) as outcome:
            admin.appoint_coordinator(current_user, workspace_id, form.email.data)
        if outcome.ok:
            flash(_("%(email)s now coordinates this workspace.", email=form.email.data), "success")
            return redirect(url_for("admin.workspace", workspace_id=workspace_id))
    found, members = admin_queries.workspace_members(current_user, workspace_id)
    return render_template("admin/workspace.html", workspace=found, members=members, form=form)


@bp.get("/mail")
def mail():
    require_admin(current_user, InstanceAction.SETTINGS)
    return render_template(
        "admin/mail.html",
        mail_on=mailer.mail_is_on(),
        config=current_app.config,
        outbox=admin_queries.outbox_counts(current_user),
    )


@bp.post("/mail/test")
def test_mail():
    """A test mail to the administrator, through the outbox like every other mail."""
    with committing():
        recipient = admin.test_mail_recipient(current_user)
        queue_mail("test", recipient, mail_on=mailer.mail_is_on())
    if mailer.mail_is_on():
        flash(_("A test mail is on its way to %(email)s.", email=recipient.email), "success")
    else:
        flash(_("Mail is off, so the test mail was written to the log."), "success")
    return redirect(url_for("admin.mail"))


@bp.get("/sign-on")
def sign_on():
    """Sign-on settings: how people log in (single sign-on providers live here)."""
    require_admin(current_user, InstanceAction.SETTINGS)
    return render_template("admin/sign_on.html")
