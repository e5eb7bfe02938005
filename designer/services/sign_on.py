"""Single sign-on with OpenID Connect: the providers offered, what a sign-on does to
accounts, and workspaces' rules for joining people who sign on.

Providers come from the environment (one, `DESIGNER_OIDC_*`, key `sso`) and from the
database (added by an instance administrator). The conversation with a provider (discovery,
the code flow with PKCE, checking the ID token) happens in web/sign_on.py; this module gets
the checked claims (`Claims`) and decides:

- a known provider account (issuer and subject) logs in its Kurswerk account;
- an unknown one whose address belongs to a confirmed account is linked to it only after
  the person confirmed that account's password (`link`);
- otherwise a new account is made, its address confirmed when the provider says so.

After each sign-on the workspaces whose rules match join the person (`join_by_rules`).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from sqlalchemy import and_, or_, select

from designer.core.vocab import LANGUAGES
from designer.models import (
    JoinRule,
    Membership,
    SignOnIdentity,
    SignOnProvider,
    User,
    Workspace,
    db,
)
from designer.models.columns import utcnow
from designer.models.workspaces import ROLES
from designer.services import events
from designer.services.accounts import hash_password, normalise_email, note_login
from designer.services.errors import Invalid, NotFound
from designer.services.permissions import Action, InstanceAction, require, require_admin
from designer.services.workspaces import slugify

ENVIRONMENT_KEY = "sso"
JOIN_KINDS = ("domain", "group")
LOOPBACK = ("127.0.0.1", "::1", "localhost")


@dataclass(frozen=True)
class Provider:
    """An OpenID provider as the sign-on flow needs it."""

    key: str
    name: str
    issuer: str
    client_id: str
    client_secret: str

    @property
    def metadata_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"


@dataclass(frozen=True)
class Claims:
    """What a provider said about the person, after its ID token was checked."""

    issuer: str
    subject: str
    email: str = ""
    email_verified: bool = False
    name: str = ""
    groups: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def of(cls, issuer: str, claims: Mapping[str, object]) -> Claims:
        groups = claims.get("groups")
        if isinstance(groups, str):
            groups = [groups]
        elif not isinstance(groups, list | tuple):
            groups = []
        name = claims.get("name") or claims.get("preferred_username") or ""
        return cls(
            issuer=issuer,
            subject=str(claims["sub"]),
            email=normalise_email(str(claims.get("email") or ""))[:254],
            email_verified=claims.get("email_verified") is True,
            name=str(name).strip()[:120],
            groups=tuple(str(g) for g in groups if isinstance(g, str | int)),
        )


@dataclass(frozen=True)
class SignedOn:
    """The account a sign-on logs in, or (`needs_password`) the confirmed account with
    the same address that the person may link after confirming its password."""

    user: User
    needs_password: bool = False


# ------------------------------------------------------------------- providers


def environment_provider(settings: Mapping[str, str]) -> Provider | None:
    """The provider of DESIGNER_OIDC_* (config key OIDC), if all four are set."""
    if not all(settings.get(k) for k in ("name", "issuer", "client_id", "client_secret")):
        return None
    return Provider(
        ENVIRONMENT_KEY,
        settings["name"],
        settings["issuer"],
        settings["client_id"],
        settings["client_secret"],
    )


def _as_provider(row: SignOnProvider) -> Provider:
    return Provider(row.key, row.name, row.issuer, row.client_id, row.client_secret)


def enabled_providers(settings: Mapping[str, str]) -> list[Provider]:
    """The providers the log-in page offers: the environment's first, then the stored
    enabled ones by name."""
    stored = db.session.scalars(
        select(SignOnProvider)
        .where(SignOnProvider.enabled.is_(True))
        .order_by(SignOnProvider.name, SignOnProvider.id)
    ).all()
    found = environment_provider(settings)
    return ([found] if found else []) + [_as_provider(row) for row in stored]


def enabled_provider(settings: Mapping[str, str], key: str) -> Provider:
    for provider in enabled_providers(settings):
        if provider.key == key:
            return provider
    raise NotFound("provider")


def stored_providers() -> list[SignOnProvider]:
    return list(
        db.session.scalars(select(SignOnProvider).order_by(SignOnProvider.name, SignOnProvider.id))
    )


def _checked(name: str, issuer: str, client_id: str) -> tuple[str, str, str]:
    name, issuer, client_id = name.strip(), issuer.strip().rstrip("/"), client_id.strip()
    errors = {}
    if not name:
        errors["name"] = "required"
    elif len(name) > 80:
        errors["name"] = "too_long"
    parts = urlsplit(issuer)
    secure = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)
    if not (secure and parts.hostname) or parts.query or parts.fragment or len(issuer) > 500:
        errors["issuer"] = "issuer_invalid"
    if not client_id:
        errors["client_id"] = "required"
    elif len(client_id) > 255:
        errors["client_id"] = "too_long"
    if errors:
        raise Invalid(errors)
    return name, issuer, client_id


def _free_key(name: str) -> str:
    base = slugify(name)[:30]
    key, n = base, 2
    taken = set(db.session.scalars(select(SignOnProvider.key))) | {ENVIRONMENT_KEY}
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key


def add_provider(
    actor: User, name: str, issuer: str, client_id: str, client_secret: str
) -> SignOnProvider:
    require_admin(actor, InstanceAction.SETTINGS)
    name, issuer, client_id = _checked(name, issuer, client_id)
    if not client_secret.strip():
        raise Invalid({"client_secret": "required"})
    row = SignOnProvider(
        key=_free_key(name),
        name=name,
        issuer=issuer,
        client_id=client_id,
        client_secret=client_secret.strip()[:500],
    )
    db.session.add(row)
    db.session.flush()
    return row


def stored_provider(provider_id: int) -> SignOnProvider:
    row = db.session.get(SignOnProvider, provider_id)
    if row is None:
        raise NotFound("provider")
    return row


def update_provider(
    actor: User, provider_id: int, name: str, issuer: str, client_id: str, client_secret: str
) -> SignOnProvider:
    """Change a stored provider; an empty secret keeps the one stored (it is never shown)."""
    require_admin(actor, InstanceAction.SETTINGS)
    row = stored_provider(provider_id)
    row.name, row.issuer, row.client_id = _checked(name, issuer, client_id)
    if client_secret.strip():
        row.client_secret = client_secret.strip()[:500]
    return row


def set_provider_enabled(actor: User, provider_id: int, enabled: bool) -> SignOnProvider:
    """A disabled provider leaves the log-in page; its linked accounts stay linked and
    sign on again once it is enabled."""
    require_admin(actor, InstanceAction.SETTINGS)
    row = stored_provider(provider_id)
    row.enabled = enabled
    return row


# --------------------------------------------------------------------- sign-on


def _identity(claims: Claims) -> SignOnIdentity | None:
    return db.session.scalar(
        select(SignOnIdentity).where(
            SignOnIdentity.issuer == claims.issuer, SignOnIdentity.subject == claims.subject
        )
    )


def sign_on(claims: Claims, locale: str | None, *, hash_method: str) -> SignedOn:
    """The account these claims log in (see the module docstring). Raises Invalid
    `sign_on_no_email` when a new account would need an address the provider did not
    give, `sign_on_email_taken` when an unconfirmed account holds the address (or the
    provider did not confirm it), `sign_on_deactivated` for a deactivated account."""
    identity = _identity(claims)
    if identity is not None:
        identity.last_login_at = utcnow()
        user = db.session.get(User, identity.user_id)
        if not user.is_active:
            raise Invalid({"sign_on": "sign_on_deactivated"})
        note_login(user)
        join_by_rules(user, claims)
        return SignedOn(user)
    if not claims.email or "@" not in claims.email:
        raise Invalid({"sign_on": "sign_on_no_email"})
    existing = db.session.scalar(select(User).where(User.email == claims.email))
    if existing is not None:
        if not existing.is_active:
            raise Invalid({"sign_on": "sign_on_deactivated"})
        if existing.email_verified_at is None or not claims.email_verified:
            raise Invalid({"sign_on": "sign_on_email_taken"})
        return SignedOn(existing, needs_password=True)
    user = _new_account(claims, locale, hash_method)
    _link(user, claims)
    note_login(user)
    join_by_rules(user, claims)
    return SignedOn(user)


def _new_account(claims: Claims, locale: str | None, hash_method: str) -> User:
    """An account for a person who signs on; its password is random and unknown (the
    person can set one with "Forgot password?")."""
    user = User(
        email=claims.email,
        display_name=claims.name or claims.email.split("@")[0],
        password_hash=hash_password(secrets.token_urlsafe(32), hash_method),
        locale=locale if locale in LANGUAGES else None,
        email_verified_at=utcnow() if claims.email_verified else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def _link(user: User, claims: Claims) -> SignOnIdentity:
    identity = SignOnIdentity(
        user_id=user.id, issuer=claims.issuer, subject=claims.subject, last_login_at=utcnow()
    )
    db.session.add(identity)
    db.session.flush()
    return identity


def link(user: User, claims: Claims) -> User:
    """Link the provider account to `user`, whose password the caller has just checked.
    Only for a confirmed account whose address the provider confirmed (as `sign_on`
    offered it)."""
    if (
        user.email_verified_at is None
        or not claims.email_verified
        or user.email != claims.email
        or _identity(claims) is not None
    ):
        raise Invalid({"sign_on": "sign_on_link_invalid"})
    _link(user, claims)
    join_by_rules(user, claims)
    return user


# ----------------------------------------------------------------- join rules


def _domain(email: str) -> str:
    return email.rsplit("@", 1)[1] if "@" in email else ""


def join_by_rules(user: User, claims: Claims) -> list[Membership]:
    """Add `user` to every workspace whose rules match the sign-on: its address's domain
    (only an address the provider confirmed and the account holds) or one of its groups.
    A member already keeps their role."""
    domain = _domain(claims.email) if claims.email_verified and claims.email == user.email else ""
    matching = [and_(JoinRule.kind == "group", JoinRule.value.in_(claims.groups))]
    if domain:
        matching.append(and_(JoinRule.kind == "domain", JoinRule.value == domain))
    rules = db.session.scalars(select(JoinRule).where(or_(*matching)).order_by(JoinRule.id)).all()
    member_of = set(
        db.session.scalars(select(Membership.workspace_id).where(Membership.user_id == user.id))
    )
    joined = []
    for rule in rules:
        if rule.workspace_id in member_of:
            continue
        membership = Membership(workspace_id=rule.workspace_id, user_id=user.id, role=rule.role)
        db.session.add(membership)
        member_of.add(rule.workspace_id)
        joined.append(membership)
        events.record(
            "member.joined_by_rule", None, rule.workspace_id, user_id=user.id, role=rule.role
        )
    db.session.flush()
    return joined


def join_rules(workspace: Workspace) -> list[JoinRule]:
    return list(
        db.session.scalars(
            select(JoinRule)
            .where(JoinRule.workspace_id == workspace.id)
            .order_by(JoinRule.kind, JoinRule.value)
        )
    )


DOMAIN = re.compile(r"^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def add_join_rule(actor: User, workspace: Workspace, kind: str, value: str, role: str) -> JoinRule:
    """People who sign on from the domain or in the group `value` join `workspace` with
    `role`. A domain rule needs the coordinator's own confirmed address at that domain,
    so that nobody draws in the staff of an organisation they do not belong to."""
    require(actor, Action.JOIN_RULES_MANAGE, workspace)
    value = value.strip()
    if kind not in JOIN_KINDS:
        raise Invalid({"kind": "unknown"})
    if role not in ROLES:
        raise Invalid({"role": "unknown"})
    if kind == "domain":
        value = value.lower().lstrip("@")
        if not DOMAIN.match(value):
            raise Invalid({"value": "domain_invalid"})
        if _domain(actor.email) != value or actor.email_verified_at is None:
            raise Invalid({"value": "domain_not_yours"})
    elif not value or len(value) > 255:
        raise Invalid({"value": "required" if not value else "too_long"})
    duplicate = select(JoinRule.id).where(
        JoinRule.workspace_id == workspace.id, JoinRule.kind == kind, JoinRule.value == value
    )
    if db.session.scalar(duplicate) is not None:
        raise Invalid({"value": "duplicate_join_rule"})
    rule = JoinRule(workspace_id=workspace.id, kind=kind, value=value, role=role)
    db.session.add(rule)
    db.session.flush()
    events.record(
        "workspace.join_rule_added", actor, workspace.id, kind=kind, value=value, role=role
    )
    return rule


def remove_join_rule(actor: User, workspace: Workspace, rule_id: int) -> None:
    """People who joined by the rule stay members."""
    require(actor, Action.JOIN_RULES_MANAGE, workspace)
    rule = db.session.get(JoinRule, rule_id)
    if rule is None or rule.workspace_id != workspace.id:
        raise NotFound("join rule")
    db.session.delete(rule)
    events.record(
        "workspace.join_rule_removed", actor, workspace.id, kind=rule.kind, value=rule.value
    )
