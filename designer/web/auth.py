"""Register, log in and out, change password and language, one-time log-in links,
password reset by mail and verified addresses."""

from __future__ import annotations

import math
from urllib.parse import urlsplit, urlunsplit

from flask import (
    Blueprint,
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

from designer import mailer
from designer.models import User
from designer.services import accounts
from designer.web.forms.auth import (
    ForgotPasswordForm,
    LanguageForm,
    LoginForm,
    NewPasswordForm,
    PasswordForm,
    RegisterForm,
)
from designer.web.mails import link, queue_mail
from designer.web.messages import attach_errors, error_text
from designer.web.transaction import bookkeeping, saving

bp = Blueprint("auth", __name__)

PENDING_INVITATION = "invitation"


def _hash_method() -> str:
    return current_app.config["PASSWORD_HASH_METHOD"]


def safe_next(target: str | None) -> str:
    """A path of this site to go to next, or the dashboard. Control characters and
    backslashes are refused before parsing: browsers drop tabs and newlines and read
    `/\\t/evil.example` or `/\\evil.example` as another site."""
    if not target or any(c < " " or c in "\x7f\\" for c in target):
        return url_for("workspaces.dashboard")
    if not target.startswith("/") or target.startswith("//"):
        return url_for("workspaces.dashboard")  # another site, or scheme-relative
    parts = urlsplit(target)  # one path and query of this site, no fragment
    return urlunsplit(("", "", parts.path, parts.query, ""))


def remember_invitation(token: str) -> None:
    """Keep an invitation link opened while logged out through registration and log-in."""
    session[PENDING_INVITATION] = token


def forget_invitation() -> None:
    session.pop(PENDING_INVITATION, None)


def _after_login(next_target: str | None) -> str:
    token = session.get(PENDING_INVITATION)
    if not next_target and token:
        return url_for("collab.invitation", token=token)
    return safe_next(next_target)


def _start_session(user: User) -> None:
    session.pop("login_email", None)
    login_user(user)


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Registration answers the same whether or not the address has an account (both go
    to the log-in page with one message), so it tells nobody which addresses are taken."""
    form = RegisterForm()
    if form.validate_on_submit():
        with saving(show=False) as outcome:
            user = accounts.register(
                form.email.data,
                form.display_name.data,
                form.password.data,
                session.get("locale"),
                hash_method=_hash_method(),
            )
            queue_verification(user)
        if outcome.errors and outcome.errors != {"email": "taken"}:
            attach_errors(form, outcome.error)
            return render_template("auth/register.html", form=form)
        session["login_email"] = accounts.normalise_email(form.email.data)
        flash(
            _(
                "Thank you. Now log in with your e-mail address and password. If this address "
                "had an account already, its old password still applies."
            ),
            "success",
        )
        return redirect(url_for("auth.login"))
    return render_template("auth/register.html", form=form)


def _too_many(form: LoginForm, seconds: int):
    minutes = max(1, math.ceil(seconds / 60))
    form.form_errors.append(
        _(
            "Too many failed attempts. Please try again in %(num)s min., or ask a "
            "coordinator of your workspace for a one-time log-in link.",
            num=minutes,
        )
    )
    page = render_template("auth/login.html", form=form, invited=_invited())
    return page, 429, {"Retry-After": str(seconds)}


def _invited() -> bool:
    return bool(session.get(PENDING_INVITATION))


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if request.method == "GET" and not form.email.data:
        form.email.data = session.get("login_email", "")
    if form.validate_on_submit():
        try:
            with bookkeeping():  # failed attempts are counted even on a refused log-in
                user = accounts.authenticate(
                    form.email.data,
                    form.password.data,
                    request.remote_addr or "",
                    rules=accounts.LoginRules.of(current_app.config),
                )
        except accounts.TooManyAttempts as exc:
            return _too_many(form, exc.retry_after)
        except accounts.AccountDeactivated:
            form.form_errors.append(
                _("This account is deactivated. Ask the administrator of this Kurswerk.")
            )
            return render_template("auth/login.html", form=form, invited=_invited()), 403
        if user is not None:
            _start_session(user)
            return redirect(_after_login(request.args.get("next")))
        form.form_errors.append(_("E-mail or password is wrong."))
    return render_template("auth/login.html", form=form, invited=_invited())


@bp.post("/logout")
@login_required
def logout():
    """Ends every session of the account, copies of this session's cookie included."""
    with saving():
        accounts.end_sessions(current_user)
    logout_user()
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def password():
    form = PasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        with saving(form) as outcome:
            accounts.change_password(
                user, form.old_password.data, form.new_password.data, hash_method=_hash_method()
            )
        if outcome.ok:
            login_user(user)  # this session goes on; every other one has ended
            flash(_("Your password was changed. You were logged out everywhere else."), "success")
            return redirect(url_for("workspaces.dashboard"))
    return render_template("auth/password.html", form=form)


@bp.route("/login-link/<token>", methods=["GET", "POST"])
def login_link(token: str):
    """A one-time link from a coordinator: set a new password and be logged in."""
    return _new_password_page(token, "login_link_invalid")


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str):
    """The link of a "Forgot password?" mail: the same one-time link, valid for an hour."""
    return _new_password_page(token, "reset_link_invalid")


def _new_password_page(token: str, invalid: str):
    user = accounts.login_link_user(token)
    if user is None:
        return render_template("auth/login_link.html", form=None, message=error_text(invalid)), 404
    form = NewPasswordForm()
    if form.validate_on_submit():
        with saving(form) as outcome:
            user = accounts.use_login_link(
                token, form.new_password.data, hash_method=_hash_method()
            )
        if outcome.ok:
            logout_user()
            _start_session(user)
            flash(_("Your new password is set. You are logged in."), "success")
            return redirect(_after_login(None))
    return render_template("auth/login_link.html", form=form, person=user, message="")


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    """Answers the same whether or not the address has an account. Talking to the mail
    server, the slow part, happens after the response (web/mails.py), so its time does
    not tell either."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        with saving():
            found = accounts.password_reset_for(form.email.data)
            if found is not None:
                person, token = found
                reset_link = link("auth.reset", token=token)
                queue_mail("reset", person, link=reset_link, hours=accounts.RESET_LINK_HOURS)
        return render_template("auth/forgot_password.html", form=None, mail_on=mailer.mail_is_on())
    return render_template("auth/forgot_password.html", form=form, mail_on=mailer.mail_is_on())


def queue_verification(person: User) -> None:
    token = accounts.verification_token(person, current_app.config["SECRET_KEY"])
    queue_mail(
        "verify", person, link=link("auth.verify", token=token), days=accounts.VERIFY_LINK_DAYS
    )


@bp.get("/verify/<token>")
def verify(token: str):
    """The link of a verification mail. Following it twice does no harm."""
    with saving(show=False) as outcome:
        accounts.verify_email(token, current_app.config["SECRET_KEY"])
    if not outcome.ok:
        message = error_text("verify_link_invalid")
        return render_template("auth/verified.html", message=message), 404
    return render_template("auth/verified.html", message="")


@bp.post("/language")
def language():
    form = LanguageForm()
    if form.validate_on_submit():
        session["locale"] = form.locale.data
        if current_user.is_authenticated:
            with saving():
                accounts.set_locale(current_user, form.locale.data)
    return redirect(safe_next(request.form.get("next")))
