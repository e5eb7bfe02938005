"""Single sign-on with OpenID Connect through Authlib's Flask client: "Mit <Name>
anmelden" on the log-in page, the provider's answer, linking to an existing account after
its password, and the instance administrator's list of providers.

The flow: discovery (the issuer's `/.well-known/openid-configuration`), then the
authorization code flow with PKCE (S256); Authlib keeps `state`, `nonce` and the code
verifier in the session for one answer only, and checks the ID token's signature against
the provider's JWKS and its `iss`, `aud`, `exp`, `iat` and `nonce`. Whatever goes wrong
(the provider down, a forged or replayed answer, consent refused) ends on one page in the
person's language, and the log names the provider and the reason, never a code or token.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import requests
from authlib.integrations.base_client import MismatchingStateError, OAuthError
from authlib.integrations.flask_client import FlaskIntegration, FlaskOAuth2App
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
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from joserfc.errors import JoseError

from designer.core.fields import whole_number
from designer.models import SignOnProvider
from designer.queries import access
from designer.services import accounts, sign_on
from designer.services.permissions import Action, InstanceAction, require_admin
from designer.services.sign_on import Claims, Provider
from designer.web.auth import _after_login, _start_session
from designer.web.forms.sign_on import (
    JoinRuleForm,
    LinkForm,
    ProviderForm,
    RemoveJoinRuleForm,
    join_kind_choices,
)
from designer.web.mails import link
from designer.web.messages import error_text
from designer.web.transaction import bookkeeping, saving

bp = Blueprint("sign_on", __name__)
log = logging.getLogger("designer.sign_on")

NEXT = "sign_on_next"
PENDING_LINK = "sign_on_link"
LINK_MINUTES = 15
SCOPE = "openid email profile"

FAILURES = {
    "unreachable": (
        502,
        _l(
            "%(name)s cannot be reached at the moment. Please try again later or log in with "
            "your e-mail address and password."
        ),
    ),
    "denied": (
        403,
        _l(
            "You did not allow Kurswerk to sign you on with %(name)s, or %(name)s refused. "
            "Nothing was changed."
        ),
    ),
    "state": (
        400,
        _l(
            "This sign-on answer does not belong to a sign-on started in this browser, or it "
            "was used already. Please start again."
        ),
    ),
    "token": (
        400,
        _l(
            "The answer of %(name)s could not be verified, so it was not accepted. Please "
            "start again."
        ),
    ),
}


def settings() -> dict[str, str]:
    return current_app.config["OIDC"]


def _client(provider: Provider) -> FlaskOAuth2App:
    """Authlib's client for one provider, made per request, so that a provider the
    administrator changed is read afresh."""
    name = f"oidc-{provider.key}"
    return FlaskOAuth2App(
        FlaskIntegration(name),
        name,
        client_id=provider.client_id,
        client_secret=provider.client_secret,
        server_metadata_url=provider.metadata_url,
        client_kwargs={
            "scope": SCOPE,
            "code_challenge_method": "S256",
            "default_timeout": current_app.config["OIDC_TIMEOUT_SECONDS"],
        },
    )


def _failure(provider: Provider, kind: str, exc: Exception | None = None):
    """The page for a failed sign-on; the log names the reason, never a token."""
    reason = (getattr(exc, "error", "") or type(exc).__name__) if exc else ""
    log.warning("sign-on with %s failed: %s (%s)", provider.key, kind, reason)
    status, text = FAILURES[kind]
    return _failed_page(str(text % {"name": provider.name}), status)


def _failed_page(message: str, status: int):
    return render_template("auth/sign_on_failed.html", message=message), status


class Unacceptable(Exception):
    """The provider's answer names another issuer than the one configured (a mix-up), or
    it holds no ID token or no usable subject."""


def _check_issuer(client: FlaskOAuth2App, provider: Provider) -> None:
    issuer = client.load_server_metadata().get("issuer", "")
    if issuer.rstrip("/") != provider.issuer.rstrip("/"):
        raise Unacceptable()


@bp.app_context_processor
def sign_on_helpers() -> dict[str, Any]:
    kinds = dict(join_kind_choices())
    return {
        "sign_on_providers": lambda: sign_on.enabled_providers(settings()),
        "join_rules_of": sign_on.join_rules,
        "join_rule_form": lambda: JoinRuleForm(formdata=None, prefix="join"),
        "join_kind_label": lambda kind: str(kinds.get(kind, kind)),
        "environment_sign_on_provider": lambda: sign_on.environment_provider(settings()),
        "stored_sign_on_providers": sign_on.stored_providers,
        "new_provider_form": lambda: ProviderForm(formdata=None),
        "sign_on_callback": lambda key: link("sign_on.callback", key=key),
    }


@bp.get("/sign-on/<key>")
def start(key: str):
    """To the provider: state, nonce and PKCE verifier are kept in the session. A link,
    not a form: the page's CSP (`form-action 'self'`) would stop a form's redirect to the
    provider. Starting is harmless; only the answer to this session's state counts."""
    provider = sign_on.enabled_provider(settings(), key)
    client = _client(provider)
    try:
        _check_issuer(client, provider)
        response = client.authorize_redirect(link("sign_on.callback", key=key))
    except (requests.RequestException, ValueError, Unacceptable, RuntimeError) as exc:
        return _failure(provider, "unreachable", exc)
    session[NEXT] = request.args.get("next") or ""
    return response


def _answer(client: FlaskOAuth2App, provider: Provider) -> Claims:
    """The provider's checked claims about the person, from the ID token and, for what it
    leaves out, the userinfo endpoint (whose subject must be the same)."""
    answered_by = request.args.get("iss")  # RFC 9207: which issuer answers
    if answered_by is not None and answered_by.rstrip("/") != provider.issuer.rstrip("/"):
        raise Unacceptable()
    token = client.authorize_access_token()
    _check_issuer(client, provider)
    claims = dict(token.get("userinfo") or {})
    if not 0 < len(str(claims.get("sub", ""))) <= 255:  # OpenID Connect's limit
        raise Unacceptable()
    wanted = {"email", "email_verified", "name", "groups"}
    if not wanted <= claims.keys() and client.load_server_metadata().get("userinfo_endpoint"):
        extra = client.userinfo(token=token)
        if extra.get("sub") == claims["sub"]:
            claims = {**extra, **claims}
    return Claims.of(provider.issuer.rstrip("/"), claims)


@bp.get("/sign-on/<key>/callback")
def callback(key: str):
    provider = sign_on.enabled_provider(settings(), key)
    client = _client(provider)
    try:
        claims = _answer(client, provider)
    except MismatchingStateError as exc:
        return _failure(provider, "state", exc)
    except OAuthError as exc:
        kind = "denied" if exc.error in ("access_denied", "consent_required") else "token"
        return _failure(provider, kind, exc)
    except (JoseError, Unacceptable, KeyError, TypeError) as exc:
        return _failure(provider, "token", exc)
    except (requests.RequestException, ValueError, RuntimeError) as exc:
        return _failure(provider, "unreachable", exc)
    with saving(show=False) as outcome:
        signed = sign_on.sign_on(
            claims, session.get("locale"), hash_method=current_app.config["PASSWORD_HASH_METHOD"]
        )
    if not outcome.ok:
        log.info("sign-on with %s refused: %s", provider.key, outcome.errors)
        return _failed_page(error_text(next(iter(outcome.errors.values()))), 409)
    if signed.needs_password:
        session[PENDING_LINK] = _pending(claims, provider, signed.user.id)
        return redirect(url_for("sign_on.confirm_link"))
    return _logged_in(signed.user)


def _logged_in(user):
    _start_session(user)
    return redirect(_after_login(session.pop(NEXT, None) or None))


def _pending(claims: Claims, provider: Provider, user_id: int) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "provider": provider.name,
        "until": time.time() + LINK_MINUTES * 60,
        "claims": {
            "issuer": claims.issuer,
            "subject": claims.subject,
            "email": claims.email,
            "email_verified": claims.email_verified,
            "name": claims.name,
            "groups": list(claims.groups),
        },
    }


def _pending_link() -> tuple[dict[str, Any], Claims] | None:
    pending = session.get(PENDING_LINK)
    if not isinstance(pending, dict) or pending.get("until", 0) < time.time():
        return None
    data = pending["claims"]
    return pending, Claims(**{**data, "groups": tuple(data["groups"])})


@bp.route("/sign-on/link", methods=["GET", "POST"])
def confirm_link():
    """An account with the provider's (confirmed) address exists: the person links the
    sign-on to it by entering that account's password, which proves it is theirs."""
    found = _pending_link()
    user = access.user_by_id(whole_number(found[0]["user_id"]) or 0) if found else None
    if found is None or user is None:
        session.pop(PENDING_LINK, None)
        return _failed_page(error_text("sign_on_link_invalid"), 400)
    pending, claims = found
    form = LinkForm()
    if form.validate_on_submit():
        try:
            with bookkeeping():  # failed tries count towards the log-in throttle
                checked = accounts.authenticate(
                    user.email,
                    form.password.data,
                    request.remote_addr or "",
                    rules=accounts.LoginRules.of(current_app.config),
                )
        except accounts.TooManyAttempts:
            form.form_errors.append(_("Too many attempts. Please wait a few minutes."))
            checked = None
        except accounts.AccountDeactivated:
            form.form_errors.append(error_text("sign_on_deactivated"))
            checked = None
        if checked is not None and checked.id == user.id:
            with saving(form) as outcome:
                sign_on.link(checked, claims)
            if outcome.ok:
                session.pop(PENDING_LINK, None)
                flash(
                    _("From now on you can sign on with %(name)s.", name=pending["provider"]),
                    "success",
                )
                return _logged_in(checked)
        elif not form.form_errors:
            form.password.errors.append(error_text("wrong"))
    return render_template(
        "auth/sign_on_link.html", form=form, person=user, provider_name=pending["provider"]
    )


# ------------------------------------------------- a workspace's join rules


def _back_to_members(slug: str):
    return redirect(url_for("workspaces.members", slug=slug) + "#join-rules")


@bp.post("/w/<slug>/join-rules")
@login_required
def add_join_rule(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.JOIN_RULES_MANAGE)
    form = JoinRuleForm(prefix="join")
    if not form.validate_on_submit():
        flash(_("Enter a domain or a group."), "error")
        return _back_to_members(slug)
    with saving(done=_("Saved.")):
        sign_on.add_join_rule(
            current_user, workspace, form.kind.data, form.value.data, form.role.data
        )
    return _back_to_members(slug)


@bp.post("/w/<slug>/join-rules/remove")
@login_required
def remove_join_rule(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.JOIN_RULES_MANAGE)
    form = RemoveJoinRuleForm()
    rule_id = whole_number(form.rule_id.data)
    if not form.validate_on_submit() or rule_id is None:
        flash(_("The request could not be understood."), "error")
        return _back_to_members(slug)
    with saving(done=_("Saved.")):
        sign_on.remove_join_rule(current_user, workspace, rule_id)
    return _back_to_members(slug)


# ------------------------------------------- the instance's providers (admin area)


def _providers_page(form: ProviderForm, editing: SignOnProvider | None = None):
    return render_template("admin/sign_on.html", provider_form=form, editing=editing)


def _back_to_providers():
    return redirect(url_for("admin.sign_on"))


@bp.post("/admin/sign-on/providers")
@login_required
def add_provider():
    require_admin(current_user, InstanceAction.SETTINGS)
    form = ProviderForm()
    if form.validate_on_submit():
        with saving(form, done=_("Saved.")) as outcome:
            sign_on.add_provider(
                current_user,
                form.name.data,
                form.issuer.data,
                form.client_id.data,
                form.client_secret.data or "",
            )
        if outcome.ok:
            return _back_to_providers()
    return _providers_page(form)


@bp.route("/admin/sign-on/providers/<int:provider_id>", methods=["GET", "POST"])
@login_required
def edit_provider(provider_id: int):
    """The form of a stored provider; its secret is never shown, an empty one keeps it."""
    require_admin(current_user, InstanceAction.SETTINGS)
    row = sign_on.stored_provider(provider_id)
    form = ProviderForm(obj=row if request.method == "GET" else None)
    form.client_secret.data = "" if request.method == "GET" else form.client_secret.data
    if form.validate_on_submit():
        with saving(form, done=_("Saved.")) as outcome:
            sign_on.update_provider(
                current_user,
                provider_id,
                form.name.data,
                form.issuer.data,
                form.client_id.data,
                form.client_secret.data or "",
            )
        if outcome.ok:
            return _back_to_providers()
    return _providers_page(form, row)


@bp.post("/admin/sign-on/providers/<int:provider_id>/enabled")
@login_required
def switch_provider(provider_id: int):
    require_admin(current_user, InstanceAction.SETTINGS)
    enabled = request.form.get("enabled") == "1"
    with saving(done=_("Saved.")):
        sign_on.set_provider_enabled(current_user, provider_id, enabled)
    return _back_to_providers()
