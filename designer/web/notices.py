"""A person's e-mail notification settings, and unsubscribing from a kind by the signed
link of a mail (no log-in needed)."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer import mailer
from designer.extensions import csrf
from designer.services import notifications
from designer.web.forms.notices import NoticeSettingsForm
from designer.web.notice_mails import KIND_LABELS
from designer.web.transaction import committing, saving

bp = Blueprint("notices", __name__)


@bp.route("/account/notifications", methods=["GET", "POST"])
@login_required
def settings():
    form = NoticeSettingsForm(data=notifications.settings_of(current_user))
    if form.validate_on_submit():
        with saving(form, done=_("Your notification settings are saved.")) as outcome:
            notifications.save_settings(current_user, form.choices())
        if outcome.ok:
            return redirect(url_for("notices.settings"))
    return render_template("account/notices.html", form=form, mail_on=mailer.mail_is_on())


@csrf.exempt
@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token: str):
    """GET shows what the link stops and one button; POST (that button, or a mail program
    following List-Unsubscribe-Post) stops it. Fetching the link alone changes nothing, as
    virus scanners of mail servers fetch every link of a mail."""
    secret = current_app.config["SECRET_KEY"]
    person = notifications.unsubscribe_target(token, secret)
    address = None if person else notifications.address_target(token, secret)
    if person is None and address is None:
        return render_template("account/unsubscribe.html", state="invalid"), 404
    kind = person[1] if person else address[1]
    page = {"kind_label": KIND_LABELS[kind]}
    if request.method == "POST":
        with committing():
            if person:
                notifications.unsubscribe(*person)
            else:
                notifications.opt_out(*address)
        return render_template("account/unsubscribe.html", state="done", **page)
    return render_template("account/unsubscribe.html", state="confirm", **page)
