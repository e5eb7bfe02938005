"""Register, log in and out, change password and language."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from designer.extensions import db
from designer.services import accounts
from designer.services.errors import Invalid
from designer.web.faults import commit_bookkeeping
from designer.web.forms.auth import LanguageForm, LoginForm, PasswordForm, RegisterForm
from designer.web.messages import attach_errors

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("workspaces.dashboard")


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = accounts.register(
                form.email.data, form.display_name.data, form.password.data, session.get("locale")
            )
        except Invalid as exc:
            db.session.rollback()
            attach_errors(form, exc)
        else:
            db.session.commit()
            login_user(user)
            flash(_("Welcome to Kurswerk! Start by creating a workspace."), "success")
            return redirect(url_for("workspaces.dashboard"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(
                form.email.data, form.password.data, request.remote_addr or ""
            )
        except accounts.TooManyAttempts:
            abort(429)
        commit_bookkeeping()
        if user is not None:
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        form.form_errors.append(_("E-mail or password is wrong."))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(current_user, form.old_password.data, form.new_password.data)
        except Invalid as exc:
            db.session.rollback()
            attach_errors(form, exc)
        else:
            db.session.commit()
            flash(_("Your password was changed."), "success")
            return redirect(url_for("workspaces.dashboard"))
    return render_template("auth/password.html", form=form)


@bp.post("/language")
def language():
    form = LanguageForm()
    if form.validate_on_submit():
        session["locale"] = form.locale.data
        if current_user.is_authenticated:
            accounts.set_locale(current_user, form.locale.data)
            db.session.commit()
    return redirect(_safe_next(request.form.get("next")))
