"""Platforms (LMS) registered for a workspace: LTI Dynamic Registration through a
one-time link, registration by hand, pausing and removing.

Dynamic registration is pylti1p3's `DynamicRegistration` (the platform's
openid_configuration is read, the tool's configuration posted to its registration
endpoint with the registration_token); what it leaves to the tool (checking the
platform's answers, storing them) is done here."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlparse

import requests
from pylti1p3.dynamic_registration import DynamicRegistration
from pylti1p3.exception import LtiException
from sqlalchemy import select

from designer.core.fields import Refused, WebAddress
from designer.models import LtiPlatform, LtiRegistrationLink, Workspace, db
from designer.models.accounts import User
from designer.models.columns import utcnow
from designer.services.errors import Invalid
from designer.services.permissions import Action, require

LINK_DAYS = 7
HTTP_TIMEOUT = 10  # seconds for each request to a platform

PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration"
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
MEMBERSHIPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
# Where a teacher adds content (LTI Dynamic Registration names; Canvas: modules' "External
# Tool" and an assignment's submission type "External Tool").
DEEP_LINKING_PLACEMENTS = [
    "ContentArea",
    "https://canvas.instructure.com/lti/assignment_selection",
]


@dataclass(frozen=True)
class ToolUrls:
    """Where the platform reaches the tool (made by the web layer, which knows the host)."""

    login: str
    launch: str
    jwks: str


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_link(actor: User, workspace: Workspace) -> tuple[LtiRegistrationLink, str]:
    """A new one-time registration link; the secret is returned once and not kept."""
    require(actor, Action.LTI_MANAGE, workspace)
    secret = secrets.token_urlsafe(32)
    link = LtiRegistrationLink(
        workspace_id=workspace.id,
        token_hash=_digest(secret),
        expires_at=utcnow() + timedelta(days=LINK_DAYS),
        created_by_id=actor.id,
    )
    db.session.add(link)
    db.session.flush()
    return link, secret


def open_link(secret: str) -> LtiRegistrationLink:
    """The unused, unexpired link of `secret`, else Invalid("lti_link_invalid")."""
    link = db.session.scalar(
        select(LtiRegistrationLink).where(LtiRegistrationLink.token_hash == _digest(secret))
    )
    if link is None or link.used_at is not None or link.expires_at <= utcnow():
        raise Invalid({"link": "lti_link_invalid"})
    return link


def _address(value: Any, field: str, allow_http: bool) -> str:
    try:
        url = WebAddress().clean(value)
    except Refused:
        raise Invalid({field: "invalid_url"}) from None
    if not url or (urlparse(url).scheme != "https" and not allow_http):
        raise Invalid({field: "invalid_url"})
    return url


class _Registration(DynamicRegistration):
    client_name = "Kurswerk"
    description = "Kurswerk course designs: learner view, deep linking"

    def __init__(self, urls: ToolUrls, config_url: str, registration_token: str):
        self.urls = urls
        self.config_url = config_url
        self.registration_token = registration_token

    def get_request_session(self) -> requests.Session:
        session = requests.Session()
        session.request = _with_timeout(session.request)  # type: ignore[method-assign]
        return session

    def get_initiate_login_uri(self) -> str:
        return self.urls.login

    def get_jwks_uri(self) -> str:
        return self.urls.jwks

    def get_redirect_uris(self) -> list[str]:
        return [self.urls.launch]

    def get_domain(self) -> str:
        return urlparse(self.urls.launch).netloc

    def get_target_link_uri(self) -> str:
        return self.urls.launch

    def get_logo_uri(self) -> str:
        return ""  # optional; Kurswerk has no logo address of its own, so none is sent

    def lti_registration_data(self) -> dict[str, Any]:
        data = super().lti_registration_data()
        del data["logo_uri"]
        return data

    def get_claims(self) -> list[str]:
        return ["iss", "sub", "locale"]

    def get_messages(self) -> list[dict[str, Any]]:
        """Deep linking first, with its placements: Canvas gives a message without
        placements the "link_selection" placement and keeps the first message of each
        placement, which would make its "External Tool" a plain launch without content.
        Moodle reads only the types."""
        return [
            {
                "type": "LtiDeepLinkingRequest",
                "target_link_uri": self.urls.launch,
                "label": "Kurswerk",
                "placements": DEEP_LINKING_PLACEMENTS,
            },
            {"type": "LtiResourceLinkRequest", "target_link_uri": self.urls.launch},
        ]

    def get_scopes(self) -> list[str]:
        # Scores for the line items that deep linking creates; the course's members, to
        # count its learners (lti_enrolments).
        return [SCORE_SCOPE, MEMBERSHIPS_SCOPE]

    def get_openid_configuration_endpoint(self) -> str:
        return self.config_url

    def get_registration_token(self) -> str | None:
        return self.registration_token or None  # no token: no Authorization header

    def complete_registration(self, configuration: dict, registration: dict) -> dict:
        return {"configuration": configuration, "registration": registration}


def _with_timeout(request):
    def call(method, url, **kwargs):
        kwargs.setdefault("timeout", HTTP_TIMEOUT)
        return request(method, url, **kwargs)

    return call


def register_dynamically(
    secret: str,
    config_url: str,
    registration_token: str,
    urls: ToolUrls,
    *,
    allow_http: bool = False,
) -> LtiPlatform:
    """Register the platform that opened the link of `secret` (LTI Dynamic Registration):
    read its openid_configuration, post the tool's configuration, store what it answers."""
    link = open_link(secret)
    config_url = _address(config_url, "openid_configuration", allow_http)
    try:
        answer = _Registration(urls, config_url, registration_token).register()
    except (LtiException, requests.RequestException, AssertionError, ValueError):
        raise Invalid({"openid_configuration": "lti_registration_failed"}) from None
    configuration, registration = answer["configuration"], answer["registration"]
    issuer = str(configuration.get("issuer") or "")
    if not issuer or not config_url.startswith(issuer.rstrip("/") + "/"):
        raise Invalid({"openid_configuration": "lti_issuer_mismatch"})
    tool = registration.get(TOOL_CONFIGURATION) or {}
    deployment = str(tool.get("deployment_id") or "")
    data = {
        "name": (configuration.get(PLATFORM_CONFIGURATION) or {}).get("product_family_code")
        or urlparse(issuer).netloc,
        "issuer": issuer,
        "client_id": registration.get("client_id"),
        "deployment_ids": [deployment] if deployment else [],
        "auth_login_url": configuration.get("authorization_endpoint"),
        "auth_token_url": configuration.get("token_endpoint"),
        "key_set_url": configuration.get("jwks_uri"),
    }
    known = db.session.scalar(
        select(LtiPlatform).where(
            LtiPlatform.issuer == issuer,
            LtiPlatform.client_id == str(data["client_id"] or "").strip(),
            LtiPlatform.workspace_id == link.workspace_id,
        )
    )
    if known is not None:
        _update(known, data, allow_http)
    else:
        known = _store(
            link.workspace_id,
            data,
            registered_by="dynamic",
            allow_http=allow_http,
            created_by_id=link.created_by_id,
        )
    link.used_at = utcnow()
    return known


def _update(platform: LtiPlatform, data: dict[str, Any], allow_http: bool) -> None:
    """A platform registers the workspace's tool again under the client ID it has (Moodle:
    "Update" of the installed tool): its addresses are renewed, its deployments added."""
    values = {
        field: _address(data.get(field), field, allow_http)
        for field in ("auth_login_url", "auth_token_url", "key_set_url")
    }
    for field, value in values.items():
        setattr(platform, field, value)
    platform.deployment_ids = list(
        dict.fromkeys([*platform.deployment_ids, *data["deployment_ids"]])
    )


def add_manually(
    actor: User, workspace: Workspace, data: dict[str, Any], *, allow_http: bool = False
) -> LtiPlatform:
    require(actor, Action.LTI_MANAGE, workspace)
    return _store(
        workspace.id, data, registered_by="manual", allow_http=allow_http, created_by_id=actor.id
    )


def deployment_ids(text: str) -> list[str]:
    """Deployment ids as typed into a form: one a line or separated by commas."""
    parts = (p.strip() for p in text.replace(",", "\n").splitlines())
    return list(dict.fromkeys(p for p in parts if p))


def _store(
    workspace_id: int,
    data: dict[str, Any],
    *,
    registered_by: str,
    allow_http: bool,
    created_by_id: int | None,
) -> LtiPlatform:
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for field in ("issuer", "auth_login_url", "auth_token_url", "key_set_url"):
        try:
            values[field] = _address(data.get(field), field, allow_http)
        except Invalid as exc:
            errors.update(exc.errors)
    client_id = str(data.get("client_id") or "").strip()
    if not client_id or len(client_id) > 200:
        errors["client_id"] = "required" if not client_id else "too_long"
    ids = [str(d) for d in data.get("deployment_ids") or []]
    if not ids or any(len(d) > 200 for d in ids):
        errors["deployment_ids"] = "required" if not ids else "too_long"
    if errors:
        raise Invalid(errors)
    taken = db.session.scalar(
        select(LtiPlatform.id).where(
            LtiPlatform.issuer == values["issuer"], LtiPlatform.client_id == client_id
        )
    )
    if taken is not None:
        raise Invalid({"client_id": "lti_taken"})
    platform = LtiPlatform(
        workspace_id=workspace_id,
        name=str(data.get("name") or urlparse(values["issuer"]).netloc)[:200],
        client_id=client_id,
        deployment_ids=ids,
        registered_by=registered_by,
        created_by_id=created_by_id,
        **values,
    )
    db.session.add(platform)
    db.session.flush()
    return platform


def set_paused(actor: User, platform: LtiPlatform, paused: bool) -> None:
    """A paused platform's launches are refused until it is resumed."""
    require(actor, Action.LTI_MANAGE, db.session.get(Workspace, platform.workspace_id))
    platform.paused = paused


def remove(actor: User, platform: LtiPlatform) -> None:
    require(actor, Action.LTI_MANAGE, db.session.get(Workspace, platform.workspace_id))
    db.session.delete(platform)
