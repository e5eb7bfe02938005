"""LTI 1.3 OIDC login and resource link launch, as LTI Core 1.3 and 1EdTech Security
Framework 1.0 require.

Login: the platform's third-party initiated login is answered with a redirect to its
authorisation endpoint carrying a `state` and a `nonce`. The state is signed with the
app's secret and names the platform and the nonce, so a launch is checked without any
cookie (browsers block third-party cookies in an LMS's iframe); where the browser does
send the state cookie the tool sets, it must match too.

Launch: the id_token is verified with PyJWT against the platform's published keys
(signature, `iss`, `aud`, `exp`, `iat`, with LEEWAY seconds of clock skew), then `azp`,
the nonce (once only), the deployment and the message (type, LTI version, resource link,
user) with pylti1p3's message validators. Every refusal is a `LaunchRefused` with a code
that the web layer turns into a page in the learner's language."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode, urlparse

import jwt
import requests
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from pylti1p3.exception import LtiException
from pylti1p3.message_validators import get_validators
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from designer.models import Design, LtiLearner, LtiNonce, LtiPlatform, db
from designer.models.columns import utcnow
from designer.queries.lti import release_of
from designer.services import lti_enrolments

LEEWAY = 60  # seconds of clock skew accepted for exp and iat
STATE_SECONDS = 600  # a login must come back as a launch within this time
NONCE_DAYS = 1  # a used nonce is remembered longer than any id_token is valid
HTTP_TIMEOUT = 10

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
RESOURCE_LINK = "LtiResourceLinkRequest"
DEEP_LINKING = "LtiDeepLinkingRequest"
DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
AGS_SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
INSTRUCTOR_ROLES = ("#Instructor", "#Administrator", "#ContentDeveloper", "#TeachingAssistant")


class LaunchRefused(Exception):
    """A login or launch that is not accepted; `code` names the reason (no token in it)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


@dataclass(frozen=True)
class LoginStart:
    redirect_url: str
    state: str
    nonce: str
    # LTI client-side postMessage storage: the platform's frame and origin, if offered
    storage_target: str
    platform_origin: str


@dataclass(frozen=True)
class Launch:
    """A resource link launch: the released design, one module (its snapshot key) or one
    nugget (module and nugget keys) of it."""

    platform: LtiPlatform
    learner: LtiLearner
    design: Design
    module_key: str
    nugget_key: str
    instructor: bool
    locale: str
    lineitem_url: str  # where scores go (AGS), "" when the link has no line item
    recount: int | None  # the LtiEnrolment whose learners are due to be counted, if any


@dataclass(frozen=True)
class DeepLinking:
    """A deep linking request: a teacher picks content; `settings` are the platform's."""

    platform: LtiPlatform
    deployment_id: str
    settings: dict[str, Any]
    locale: str


def _states(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt="kurswerk-lti-state")


def _platform(issuer: str, client_id: str | None) -> LtiPlatform:
    query = select(LtiPlatform).where(LtiPlatform.issuer == issuer)
    if client_id:
        query = query.where(LtiPlatform.client_id == client_id)
    found = list(db.session.scalars(query.limit(2)))
    if len(found) != 1:  # unknown, or several clients of one issuer and none named
        raise LaunchRefused("unknown_platform", issuer)
    if found[0].paused:
        raise LaunchRefused("paused", issuer)
    return found[0]


def begin_login(params: Mapping[str, str], launch_url: str, secret_key: str) -> LoginStart:
    """Answer a third-party initiated login: where to send the browser, with which state."""
    issuer, login_hint = params.get("iss", ""), params.get("login_hint", "")
    if not issuer or not login_hint:
        raise LaunchRefused("login_incomplete")
    platform = _platform(issuer, params.get("client_id") or None)
    nonce = secrets.token_urlsafe(24)
    target = params.get("lti_storage_target", "")[:100]
    state = _states(secret_key).dumps({"p": platform.id, "n": nonce, "t": target})
    query = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": platform.client_id,
        "redirect_uri": launch_url,
        "state": state,
        "nonce": nonce,
        "login_hint": login_hint,
    }
    if params.get("lti_message_hint"):
        query["lti_message_hint"] = params["lti_message_hint"]
    separator = "&" if "?" in platform.auth_login_url else "?"
    return LoginStart(
        platform.auth_login_url + separator + urlencode(query),
        state,
        nonce,
        target,
        _origin(platform.auth_login_url),
    )


def _is_web_address(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def _origin(url: str) -> str:
    parsed = urlparse(url)
    return f"{parsed.scheme}://{parsed.netloc}"


def storage_check(state: str, secret_key: str) -> tuple[str, str] | None:
    """Where the login put the state in the platform's client-side storage (its frame
    and origin), or None when it did not (or the state is not valid: the launch says so)."""
    try:
        data = _read_state(state, None, secret_key)
    except LaunchRefused:
        return None
    platform = db.session.get(LtiPlatform, data["p"])
    if not data.get("t") or platform is None:
        return None
    return str(data["t"]), _origin(platform.auth_login_url)


def _read_state(state: str, kept_state: str | None, secret_key: str) -> dict[str, Any]:
    """The signed state's data. `kept_state` is what the browser kept of the state (its
    cookie, or the platform's client-side storage), None where it kept nothing."""
    if not state:
        raise LaunchRefused("state")
    if kept_state is not None and kept_state != state:
        raise LaunchRefused("state", "the browser kept another state")
    try:
        data = _states(secret_key).loads(state, max_age=STATE_SECONDS)
    except SignatureExpired:
        raise LaunchRefused("state_expired") from None
    except BadSignature:
        raise LaunchRefused("state") from None
    if not isinstance(data, dict) or not {"p", "n"} <= data.keys():
        raise LaunchRefused("state")
    return data


def _platform_key(platform: LtiPlatform, kid: str) -> jwt.PyJWK:
    try:
        response = requests.get(platform.key_set_url, timeout=HTTP_TIMEOUT)
        response.raise_for_status()
        keys = jwt.PyJWKSet.from_dict(response.json())
    except (requests.RequestException, ValueError, jwt.PyJWKSetError):
        raise LaunchRefused("platform_keys", platform.key_set_url) from None
    for key in keys.keys:
        if key.key_id == kid:
            return key
    raise LaunchRefused("signature", "no platform key with this kid")


def _verified_claims(id_token: str, platform: LtiPlatform) -> dict[str, Any]:
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.InvalidTokenError:
        raise LaunchRefused("token") from None
    if header.get("alg") != "RS256":
        raise LaunchRefused("signature", f"algorithm {header.get('alg')!r}")
    key = _platform_key(platform, str(header.get("kid") or ""))
    try:
        return jwt.decode(
            id_token,
            key.key,
            algorithms=["RS256"],
            audience=platform.client_id,
            issuer=platform.issuer,
            leeway=LEEWAY,
            options={"require": ["exp", "iat", "iss", "aud", "nonce"]},
        )
    except jwt.ExpiredSignatureError:
        raise LaunchRefused("expired") from None
    except jwt.ImmatureSignatureError:
        raise LaunchRefused("issued_in_future") from None
    except jwt.InvalidAudienceError:
        raise LaunchRefused("audience") from None
    except jwt.InvalidIssuerError:
        raise LaunchRefused("issuer") from None
    except jwt.InvalidSignatureError:
        raise LaunchRefused("signature") from None
    except jwt.InvalidTokenError as exc:
        raise LaunchRefused("token", type(exc).__name__) from None


def _check_iat(claims: dict[str, Any]) -> None:
    """PyJWT checks that `iat` is a number; a token issued in the future is refused here."""
    if float(claims["iat"]) > utcnow().timestamp() + LEEWAY:
        raise LaunchRefused("issued_in_future")


def _check_azp(claims: dict[str, Any], platform: LtiPlatform) -> None:
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    azp = claims.get("azp")
    if (len(audiences) > 1 and azp is None) or (azp is not None and azp != platform.client_id):
        raise LaunchRefused("azp")


def _use_nonce(nonce: str) -> None:
    """Remember `nonce` as used; a nonce seen before is a replay."""
    now = utcnow()
    db.session.execute(delete(LtiNonce).where(LtiNonce.expires_at < now))
    digest = hashlib.sha256(nonce.encode()).hexdigest()
    if db.session.get(LtiNonce, digest) is not None:
        raise LaunchRefused("nonce_used")
    db.session.add(LtiNonce(nonce=digest, expires_at=now + timedelta(days=NONCE_DAYS)))
    try:
        db.session.flush()
    except IntegrityError:  # the same launch posted twice at once
        raise LaunchRefused("nonce_used") from None


def _check_message(claims: dict[str, Any], platform: LtiPlatform) -> str:
    if claims.get(LTI + "deployment_id") not in platform.deployment_ids:
        raise LaunchRefused("deployment")
    if claims.get(LTI + "message_type") not in (RESOURCE_LINK, DEEP_LINKING):
        raise LaunchRefused("message_type", str(claims.get(LTI + "message_type")))
    if claims.get(LTI + "version") != "1.3.0":
        raise LaunchRefused("version", str(claims.get(LTI + "version")))
    validator = next(v for v in get_validators() if v.can_validate(claims))
    try:
        validator.validate(claims)
    except LtiException as exc:
        raise LaunchRefused("claims", str(exc)) from None
    return str(claims[LTI + "deployment_id"])


def _target(claims: dict[str, Any], platform: LtiPlatform) -> tuple[Design, str, str]:
    """The released design (and module or nugget) the link names in its custom claim."""
    custom = claims.get(LTI + "custom") or {}
    design_id = str(custom.get("design") or "").strip()
    design = db.session.get(Design, int(design_id)) if design_id.isdecimal() else None
    if (
        design is None
        or design.deleted_at is not None
        or design.workspace_id != platform.workspace_id
    ):
        raise LaunchRefused("no_content")
    if release_of(design) is None:
        raise LaunchRefused("not_released")
    return design, str(custom.get("module") or ""), str(custom.get("nugget") or "")


def _learner(platform: LtiPlatform, deployment_id: str, claims: dict[str, Any]) -> LtiLearner:
    sub = str(claims["sub"])[:255]
    learner = db.session.scalar(
        select(LtiLearner).where(
            LtiLearner.platform_id == platform.id,
            LtiLearner.deployment_id == deployment_id,
            LtiLearner.sub == sub,
        )
    )
    if learner is None:
        learner = LtiLearner(platform_id=platform.id, deployment_id=deployment_id, sub=sub)
        db.session.add(learner)
    email = claims.get("email")
    learner.email = str(email)[:255] if email else None
    learner.last_launch_at = utcnow()
    db.session.flush()
    return learner


def launch(
    id_token: str, state: str, kept_state: str | None, secret_key: str
) -> Launch | DeepLinking:
    """Validate a launch: a resource link (the learner it is for is found or made) or a
    deep linking request. `kept_state`: the state as the browser's cookie or the
    platform's storage kept it."""
    data = _read_state(state, kept_state, secret_key)
    platform = db.session.get(LtiPlatform, data["p"])
    if platform is None:
        raise LaunchRefused("unknown_platform")
    if platform.paused:
        raise LaunchRefused("paused", platform.issuer)
    claims = _verified_claims(id_token, platform)
    _check_iat(claims)
    _check_azp(claims, platform)
    if claims["nonce"] != data["n"]:
        raise LaunchRefused("nonce")
    deployment_id = _check_message(claims, platform)
    locale = str(claims.get("locale") or "")
    if claims[LTI + "message_type"] == DEEP_LINKING:
        settings = dict(claims[DEEP_LINKING_SETTINGS])
        if not _is_web_address(str(settings.get("deep_link_return_url") or "")):
            raise LaunchRefused("claims", "deep_link_return_url")
        _use_nonce(claims["nonce"])
        return DeepLinking(platform, deployment_id, settings, locale)
    design, module_key, nugget_key = _target(claims, platform)
    _use_nonce(claims["nonce"])
    roles = claims.get(LTI + "roles") or []
    return Launch(
        platform=platform,
        learner=_learner(platform, deployment_id, claims),
        design=design,
        module_key=module_key,
        nugget_key=nugget_key,
        instructor=any(str(r).endswith(INSTRUCTOR_ROLES) for r in roles),
        locale=locale,
        lineitem_url=_lineitem(claims),
        recount=lti_enrolments.note(platform, design, claims),
    )


def _lineitem(claims: dict[str, Any]) -> str:
    """The line item scores go to, where the platform grants posting scores."""
    endpoint = claims.get(AGS_ENDPOINT) or {}
    url = str(endpoint.get("lineitem") or "")
    scopes = endpoint.get("scope") or []
    return url if _is_web_address(url) and AGS_SCORE_SCOPE in scopes else ""
