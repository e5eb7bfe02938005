"""Register, log in and out, change password and language."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from designer.services import accounts
from designer.web.forms.auth import LanguageForm, LoginForm, PasswordForm, RegisterForm
from designer.web.transaction import bookkeeping, saving

bp = Blueprint("auth", __name__)


def _hash_method() -> str:
    return current_app.config["PASSWORD_HASH_METHOD"]


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("workspaces.dashboard")


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        with saving(form) as outcome:
            user = accounts.register(
                form.email.data,
                form.display_name.data,
                form.password.data,
                session.get("locale"),
                hash_method=_hash_method(),
            )
        if outcome.ok:
            login_user(user)
            flash(_("Welcome to Kurswerk! Start by creating a workspace."), "success")
            return redirect(url_for("workspaces.dashboard"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        try:
            with bookkeeping():  # failed attempts are counted even on a refused log-in
                user = accounts.authenticate(
                    form.email.data,
                    form.password.data,
                    request.remote_addr or "",
                    max_failures=current_app.config["LOGIN_MAX_FAILURES"],
                    window_seconds=current_app.config["LOGIN_WINDOW_SECONDS"],
                )
        except accounts.TooManyAttempts:
            abort(429)
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
        with saving(form, done=_("Your password was changed.")) as outcome:
            accounts.change_password(
                current_user,
                form.old_password.data,
                form.new_password.data,
                hash_method=_hash_method(),
            )
        if outcome.ok:
            return redirect(url_for("workspaces.dashboard"))
    return render_template("auth/password.html", form=form)


@bp.post("/language")
def language():
    form = LanguageForm()
    if form.validate_on_submit():
        session["locale"] = form.locale.data
        if current_user.is_authenticated:
            with saving():
                accounts.set_locale(current_user, form.locale.data)
    return redirect(_safe_next(request.form.get("next")))
