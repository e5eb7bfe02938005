"""The person's own account (/account): what Kurswerk holds about them and its download,
a new e-mail address (confirmed by mail), and deleting the account."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import replace

from flask import (
    Blueprint,
    current_app,
    flash,
    has_app_context,
    has_request_context,
    redirect,
    render_template,
    send_file,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from designer.core.texts import N_, translate
from designer.models import User
from designer.models.columns import utcnow
from designer.queries.personal_data import SECTIONS, personal_data, sole_coordinator_of
from designer.services import outbox, privacy
from designer.web.forms.account import ChangeEmailForm, DeleteAccountForm
from designer.web.mails import compose, link
from designer.web.transaction import saving

bp = Blueprint("account", __name__, url_prefix="/account")


def former_member() -> str:
    """A deleted account's name: in the reader's language during a request, else in the
    instance's (the command line, mails written outside a request)."""
    if has_request_context():
        return _("former member")
    if has_app_context():
        return translate(N_("former member"), current_app.config["BABEL_DEFAULT_LOCALE"])
    return "former member"


@bp.record_once
def _name_former_members(_state) -> None:
    User.former_member_name = staticmethod(former_member)


def _page(email_form: ChangeEmailForm, delete_form: DeleteAccountForm, status: int = 200):
    page = render_template(
        "account/index.html",
        email_form=email_form,
        delete_form=delete_form,
        hand_over=sole_coordinator_of(current_user),
    )
    return page, status


@bp.get("")
@login_required
def index():
    return _page(ChangeEmailForm(formdata=None), DeleteAccountForm(formdata=None))


@bp.get("/data.zip")
@login_required
def download():
    """Everything Kurswerk holds about the person: one JSON file per section, in a zip."""
    data = personal_data(current_user)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for section in SECTIONS:
            text = json.dumps(data[section], ensure_ascii=False, indent=2)
            archive.writestr(f"{section}.json", text)
    buffer.seek(0)
    name = f"kurswerk-data-{utcnow():%Y-%m-%d}.zip"
    return send_file(buffer, mimetype="application/zip", as_attachment=True, download_name=name)


@bp.post("/email")
@login_required
def change_email():
    """Mail a confirmation link to the new address; the current one works until then."""
    form = ChangeEmailForm()
    if not form.validate_on_submit():
        return _page(form, DeleteAccountForm(formdata=None), 422)
    user = current_user._get_current_object()
    with saving(form) as outcome:
        new_email = privacy.request_email_change(user, form.email.data, form.password.data)
        token = privacy.email_change_token(user, current_app.config["SECRET_KEY"])
        mail = compose(
            "change_email",
            user,
            new_email=new_email,
            link=link("account.confirm_email", token=token),
            days=privacy.CHANGE_EMAIL_DAYS,
        )
        outbox.queue(replace(mail, recipient=new_email))
    if not outcome.ok:
        return _page(form, DeleteAccountForm(formdata=None), 422)
    flash(
        _(
            "We sent a link to %(email)s. Your address changes once you open it; until then "
            "you log in with your current address.",
            email=new_email,
        ),
        "success",
    )
    return redirect(url_for("account.index"))


@bp.get("/email/<token>")
def confirm_email(token: str):
    """The link of the mail to the new address. Works without being logged in."""
    with saving(show=False) as outcome:
        user = privacy.confirm_email_change(token, current_app.config["SECRET_KEY"])
    if not outcome.ok:
        flash(_("This confirmation link is not valid, has expired or was used."), "error")
        return redirect(url_for("account.index" if current_user.is_authenticated else "auth.login"))
    flash(_("Your e-mail address is now %(email)s.", email=user.email), "success")
    return redirect(url_for("account.index" if current_user.is_authenticated else "auth.login"))


@bp.post("/delete")
@login_required
def delete():
    form = DeleteAccountForm()
    if not form.validate_on_submit():
        return _page(ChangeEmailForm(formdata=None), form, 422)
    with saving(form) as outcome:
        privacy.delete_account(current_user._get_current_object(), form.password.data)
    if not outcome.ok:
        return _page(ChangeEmailForm(formdata=None), form, 422)
    logout_user()
    flash(_("Your account was deleted. Your designs stay with their workspaces."), "success")
    return redirect(url_for("auth.login"))
