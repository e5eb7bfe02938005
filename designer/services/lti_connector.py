"""Calls to a platform's LTI Advantage services (scores, memberships): pylti1p3's service
connector with the tool's key of the platform's workspace, a timeout on every request and
an OAuth access token cached per platform and scope until shortly before it expires."""

from __future__ import annotations

import threading
import time

import requests
from pylti1p3.exception import LtiException
from pylti1p3.registration import Registration
from pylti1p3.service_connector import ServiceConnector

from designer.models import LtiPlatform, Workspace, db
from designer.services import lti_keys

HTTP_TIMEOUT = 10  # seconds for each request to a platform, unless the caller says less
TOKEN_MARGIN = 30  # seconds before its expiry a cached token is no longer used
# What a platform that is down, refuses or answers nonsense makes a service call raise.
SERVICE_ERRORS = (LtiException, requests.RequestException, ValueError, KeyError)

# (platform id, scope key) -> (access token, expires at in time.time() seconds)
_tokens: dict[tuple[int, str], tuple[str, float]] = {}
_tokens_lock = threading.Lock()


class Connector(ServiceConnector):
    """pylti1p3's service connector with the process-wide token cache."""

    def __init__(self, platform_id: int, registration: Registration, timeout: float):
        session = requests.Session()
        session.request = _with_timeout(session.request, timeout)  # type: ignore[method-assign]
        super().__init__(registration, session)
        self.platform_id = platform_id

    def _get_cached_access_token(self, scope_key: str) -> str | None:
        with _tokens_lock:
            found = _tokens.get((self.platform_id, scope_key))
        if found and found[1] - TOKEN_MARGIN > time.time():
            return found[0]
        return None

    def _cache_access_token(self, scope_key: str, access_token: str, expires_in: float) -> None:
        with _tokens_lock:
            _tokens[(self.platform_id, scope_key)] = (access_token, time.time() + expires_in)

    def forget_tokens(self) -> None:
        with _tokens_lock:
            for key in [k for k in _tokens if k[0] == self.platform_id]:
                del _tokens[key]


def _with_timeout(request, timeout: float):
    def call(method, url, **kwargs):
        kwargs.setdefault("timeout", timeout)
        return request(method, url, **kwargs)

    return call


def registration(platform: LtiPlatform, secret_key: str) -> Registration:
    """`platform` as pylti1p3 knows it, with the tool's current key to sign with."""
    workspace = db.session.get(Workspace, platform.workspace_id)
    key = lti_keys.current_key(workspace, secret_key)
    return (
        Registration()
        .set_issuer(platform.issuer)
        .set_client_id(platform.client_id)
        .set_auth_token_url(platform.auth_token_url)
        .set_tool_private_key(lti_keys.private_pem(key, secret_key))
        .set_tool_public_key(key.public_pem)
    )


def connector(platform: LtiPlatform, secret_key: str, timeout: float = HTTP_TIMEOUT) -> Connector:
    """A connector that speaks for the tool to `platform`."""
    return Connector(platform.id, registration(platform, secret_key), timeout)


def problem(exc: Exception, connector: Connector) -> str:
    """What went wrong in a service call, fit for a log or a table (no token, no address):
    the HTTP status or the error's kind. A refused token (401) is forgotten."""
    status = getattr(getattr(exc, "response", None), "status_code", None)
    if status == 401:
        connector.forget_tokens()
    return (f"HTTP {status}" if status else type(exc).__name__)[:200]
