"""A real OpenID provider on loopback (tests/oidc_provider: the certified `oidc-provider`
under Node, installed by `npm ci --prefix tests/oidc_provider`), started once per run, and
helpers that walk through its log-in and consent pages with `requests` as a browser would.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

import pytest
import requests
from werkzeug.serving import make_server

PROVIDER_DIR = Path(__file__).resolve().parent.parent / "oidc_provider"
CLIENT_ID = "kurswerk-test"
CLIENT_SECRET = "a-long-client-secret-for-the-tests-only"
# Keys of the providers the tests configure: the environment's, and one stored one.
KEYS = ("sso", "test-idp")
USERS = {
    "nina": {
        "email": "nina@firma.example",
        "email_verified": True,
        "name": "Nina Neumann",
        "groups": ["kurswerk-staff"],
    },
    "dora": {"email": "dora@example.org", "email_verified": True, "name": "Dora vom Provider"},
    "gero": {"email": "gero@firma.example", "email_verified": False, "name": "Gero Ungeprüft"},
    "nomail": {"name": "Ohne Adresse"},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class OidcProvider:
    issuer: str
    app_port: int  # the port the browser tests' app listens on (its redirect URI)

    def settings(self, name: str = "Firmen-Login") -> dict[str, str]:
        return {
            "name": name,
            "issuer": self.issuer,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
        }


def _missing() -> str | None:
    if not shutil.which("node"):
        return "Node.js not found: apt-get install nodejs npm"
    if not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        return "the test OpenID provider is not installed: npm ci --prefix tests/oidc_provider"
    return None


@contextmanager
def running_provider(app_port: int) -> Iterator[OidcProvider]:
    """The provider on a free port, with one client whose redirect URIs are the test
    app's callbacks (the Flask client's `localhost` and the browser tests' port); it stops
    when the block ends."""
    port = free_port()
    redirect_uris = [
        f"{base}/sign-on/{key}/callback"
        for base in ("http://localhost", f"http://127.0.0.1:{app_port}")
        for key in KEYS
    ]
    client = {
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "redirect_uris": redirect_uris,
    }
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT": json.dumps(client),
        "OIDC_USERS": json.dumps(USERS),
    }
    process = subprocess.Popen(
        ["node", "provider.js"],
        cwd=PROVIDER_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for line in process.stdout:
            if line.startswith("ready "):
                break
        else:
            pytest.fail(f"the OpenID provider did not start (exit {process.wait()})")
        # Keep reading its output, so that a full pipe never blocks it.
        threading.Thread(target=process.stdout.read, daemon=True).start()
        yield OidcProvider(f"http://127.0.0.1:{port}", app_port)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def oidc_provider():
    """The provider for the whole run."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    with running_provider(free_port()) as provider:
        yield provider


@pytest.fixture
def sso(app, oidc_provider):
    """The app with the provider configured by the environment's settings."""
    app.config["OIDC"] = oidc_provider.settings()
    return oidc_provider


@pytest.fixture
def sso_server(app, sso):
    """The test app on the port the provider knows, with CSRF protection on."""
    app.config["WTF_CSRF_ENABLED"] = True
    server = make_server("127.0.0.1", sso.app_port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{sso.app_port}"
    server.shutdown()
    thread.join()


def _form(html: str) -> tuple[str, dict[str, str]]:
    action = unescape(re.search(r'<form[^>]*action="([^"]+)"', html).group(1))
    fields = dict(
        re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html)
    )
    return action, fields


def through_provider(authorize_url: str, login: str, *, consent: bool = True) -> str:
    """Log in as `login` on the provider's pages and allow (or refuse) access; the
    address the provider sends the browser back to (the app's callback)."""
    browser = requests.Session()
    response = browser.get(authorize_url, allow_redirects=False, timeout=10)
    url = authorize_url
    for _step in range(12):
        if response.is_redirect:
            url = urljoin(url, response.headers["Location"])
            if "/sign-on/" in url:
                return url
            response = browser.get(url, allow_redirects=False, timeout=10)
            continue
        assert response.status_code == 200, response.text[:500]
        action, fields = _form(response.text)
        target = urljoin(url, action)
        if fields.get("prompt") == "login":
            data = {**fields, "login": login, "password": "beliebig"}
        elif consent:
            data = fields
        else:
            abort = re.search(r'href="([^"]*/abort)"', response.text).group(1)
            response = browser.get(urljoin(url, unescape(abort)), allow_redirects=False)
            continue
        response = browser.post(target, data=data, allow_redirects=False, timeout=10)
    raise AssertionError("the provider never sent the browser back")


def local(url: str) -> str:
    """The path and query of an app URL, for the Flask test client."""
    parts = urlsplit(url)
    return urlunsplit(("", "", parts.path, parts.query, ""))


def with_param(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    query[name] = value
    return urlunsplit(parts._replace(query=urlencode(query)))


def param(url: str, name: str) -> str:
    return parse_qs(urlsplit(url).query)[name][0]
