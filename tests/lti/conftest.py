"""A test LTI platform (LMS) served over real HTTP on loopback: its openid configuration,
its dynamic registration endpoint and its key set, with a key pair of its own."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from html import escape

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from jwcrypto.jwk import JWK
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

REGISTRATION_TOKEN = "reg-token-123"
CLIENT_ID = "kw-client"
DEPLOYMENT = "dep-1"


@dataclass
class TestPlatform:
    """What the platform answers can be changed per test; what it received is kept."""

    base: str = ""
    private_pem: bytes = b""
    public_jwk: dict = field(default_factory=dict)
    issuer: str | None = None  # None: its own address
    registration_status: int = 200
    registrations: list[dict] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)
    design_id: int = 0  # what the browser launch links to
    token_requests: list[dict] = field(default_factory=list)
    scores: list[dict] = field(default_factory=list)
    score_status: int = 200  # what the score endpoint answers (503: the LMS is down)
    tool: str = ""  # the tool's address, for the course page's frame
    paths: list[str] = field(default_factory=list)  # every address asked for, in order

    @property
    def config_url(self) -> str:
        return self.base + "/.well-known/openid-configuration"

    def configuration(self) -> dict:
        return {
            "issuer": self.issuer or self.base,
            "authorization_endpoint": self.base + "/auth",
            "token_endpoint": self.base + "/token",
            "jwks_uri": self.base + "/jwks",
            "registration_endpoint": self.base + "/register",
            "https://purl.imsglobal.org/spec/lti-platform-configuration": {
                "product_family_code": "testlms",
                "version": "1.0",
                "messages_supported": [{"type": "LtiResourceLinkRequest"}],
            },
        }

    def wsgi(self, environ, start_response):
        request = Request(environ)
        self.paths.append(request.path)
        if request.path == "/.well-known/openid-configuration":
            response = Response(json.dumps(self.configuration()), mimetype="application/json")
        elif request.path == "/register" and request.method == "POST":
            self.authorizations.append(request.headers.get("Authorization", ""))
            self.registrations.append(request.get_json())
            body = {
                "client_id": f"client-{len(self.registrations)}",
                "https://purl.imsglobal.org/spec/lti-tool-configuration": {
                    "deployment_id": "dep-1",
                },
            }
            response = Response(
                json.dumps(body), status=self.registration_status, mimetype="application/json"
            )
        elif request.path == "/course":
            response = Response(self.course_page(), mimetype="text/html")
        elif request.path == "/auth":
            response = Response(self.auth_page(request.args), mimetype="text/html")
        elif request.path == "/jwks":
            response = Response(
                json.dumps({"keys": [self.public_jwk]}), mimetype="application/json"
            )
        elif request.path == "/token" and request.method == "POST":
            self.token_requests.append(request.form.to_dict())
            body = {
                "access_token": f"access-{len(self.token_requests)}",
                "token_type": "bearer",
                "expires_in": 3600,
                "scope": request.form.get("scope", ""),
            }
            response = Response(json.dumps(body), mimetype="application/json")
        elif request.path.endswith("/scores") and request.method == "POST":
            self.scores.append(
                {
                    "path": request.path,
                    "authorization": request.headers.get("Authorization", ""),
                    "content_type": request.headers.get("Content-Type", ""),
                    "body": json.loads(request.get_data(as_text=True)),
                    "status": self.score_status,
                }
            )
            response = Response("{}", status=self.score_status, mimetype="application/json")
        elif request.path == "/favicon.ico":
            response = Response(status=204)
        else:
            response = Response("not found", status=404)
        return response(environ, start_response)

    def course_page(self) -> str:
        """A course page of the LMS: Kurswerk in a frame, and the LMS's side of the LTI
        client-side postMessage storage (lti.put_data / lti.get_data)."""
        login = (
            f"{self.tool}/lti/login?iss={self.base}&login_hint=user-7"
            f"&client_id={CLIENT_ID}&lti_storage_target=_parent"
        )
        return f"""<!DOCTYPE html><html><body><h1>LMS</h1>
<script>
window.kwStorage = {{}};
window.addEventListener("message", function (event) {{
  var m = event.data || {{}};
  if (event.origin !== "{self.tool}") return;
  if (m.subject === "lti.put_data") {{
    window.kwStorage[m.key] = m.value;
    event.source.postMessage({{subject: "lti.put_data.response", message_id: m.message_id,
      key: m.key, value: m.value}}, event.origin);
  }} else if (m.subject === "lti.get_data") {{
    event.source.postMessage({{subject: "lti.get_data.response", message_id: m.message_id,
      key: m.key, value: window.kwStorage[m.key]}}, event.origin);
  }}
}});
</script>
<iframe name="kurswerk" title="Kurswerk" src="{login}" width="1000" height="700"></iframe>
</body></html>"""

    def auth_page(self, args) -> str:
        """The LMS's OIDC authorisation answer: a form that posts the id_token back."""
        now = int(time.time())
        lti = "https://purl.imsglobal.org/spec/lti/claim/"
        claims = {
            "iss": self.base,
            "aud": args["client_id"],
            "sub": args["login_hint"],
            "iat": now,
            "exp": now + 300,
            "nonce": args["nonce"],
            lti + "message_type": "LtiResourceLinkRequest",
            lti + "version": "1.3.0",
            lti + "deployment_id": DEPLOYMENT,
            lti + "resource_link": {"id": "rl-1"},
            lti + "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"],
            lti + "custom": {"design": str(self.design_id)},
            "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
                "scope": ["https://purl.imsglobal.org/spec/lti-ags/scope/score"],
                "lineitem": self.base + "/lineitems/1",
            },
        }
        return f"""<!DOCTYPE html><html><body>
<form method="post" action="{escape(args["redirect_uri"])}">
<input type="hidden" name="id_token" value="{sign(self, claims)}">
<input type="hidden" name="state" value="{escape(args["state"])}">
</form><script>document.forms[0].submit();</script></body></html>"""


@pytest.fixture(scope="session")
def _platform_keys():
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public = JWK.from_pem(pem)
    jwk = json.loads(public.export_public())
    jwk |= {"alg": "RS256", "use": "sig"}
    return pem, jwk


@pytest.fixture
def platform(app, _platform_keys):
    """A running test platform; the app accepts its plain http (loopback) addresses."""
    app.config["LTI_ALLOW_HTTP"] = True
    lms = TestPlatform(private_pem=_platform_keys[0], public_jwk=_platform_keys[1])
    server = make_server("127.0.0.1", 0, lms.wsgi, threaded=True)
    lms.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield lms
    server.shutdown()
    thread.join()


@dataclass
class TestMemberships:
    """The platform's Names and Roles service, on a host of its own (as Canvas has one):
    the members of course `ctx-1` in pages of `page_size`, each page linking the next."""

    base: str = ""
    members: list[dict] = field(default_factory=list)
    page_size: int = 2
    status: int = 200  # what it answers (500: broken, 403: the tool may not read members)
    requests: list[dict] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.base + "/courses/ctx-1/memberships"

    def wsgi(self, environ, start_response):
        request = Request(environ)
        self.requests.append(
            {
                "page": request.args.get("page", "1"),
                "authorization": request.headers.get("Authorization", ""),
                "accept": request.headers.get("Accept", ""),
            }
        )
        page = int(request.args.get("page", "1"))
        start = (page - 1) * self.page_size
        body = {"id": self.url, "context": {"id": "ctx-1"}}
        body["members"] = self.members[start : start + self.page_size]
        response = Response(
            json.dumps(body),
            status=self.status,
            mimetype="application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
        )
        if start + self.page_size < len(self.members):
            response.headers["Link"] = f'<{self.url}?page={page + 1}>; rel="next"'
        return response(environ, start_response)


@pytest.fixture
def memberships():
    service = TestMemberships()
    server = make_server("127.0.0.1", 0, service.wsgi, threaded=True)
    service.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield service
    server.shutdown()
    thread.join()


def add_platform(workspace, name: str, issuer: str):
    """A platform of `workspace` that tests only count results of (it is never called)."""
    from designer.models import LtiPlatform, db

    platform = LtiPlatform(
        workspace_id=workspace.id,
        name=name,
        issuer=issuer,
        client_id="c1",
        auth_login_url=issuer + "/auth",
        auth_token_url=issuer + "/token",
        key_set_url=issuer + "/jwks",
    )
    db.session.add(platform)
    db.session.flush()
    return platform


LAUNCH_WAIT = 60_000  # ms: a launch passes pages of two sites; slow on a loaded machine


def open_launched(page, platform, ready: str):
    """The test LMS's course page with Kurswerk launched in its frame, once the launched
    page has `ready` (a CSS selector): after the page's network is idle, with `expect`,
    asking again when the frame navigated under it (the storage page posts the launch a
    second time), until LAUNCH_WAIT has passed."""
    from playwright.sync_api import expect

    # Until the frame's log-in, authorisation and launch pages have passed, even a
    # frame locator's expect can wait for ever (seen with Playwright 1.65).
    page.goto(platform.base + "/course", wait_until="networkidle")
    frame = page.frame_locator("iframe[name=kurswerk]")
    deadline = time.monotonic() + LAUNCH_WAIT / 1000
    while True:
        try:
            expect(frame.locator(ready).first).to_be_attached(timeout=5_000)
            return frame, page.frame(name="kurswerk")
        except AssertionError:
            if time.monotonic() > deadline:
                raise


@pytest.fixture
def coordinator(workspace):
    from designer.models import User, db

    return db.session.query(User).filter_by(email="coordinator@example.org").one()


def sign(platform: TestPlatform, claims: dict, key: bytes | None = None) -> str:
    """An id_token as the platform signs it (with another key when `key` is given)."""
    import jwt

    return jwt.encode(
        claims,
        key or platform.private_pem,
        algorithm="RS256",
        headers={"kid": platform.public_jwk["kid"]},
    )


@pytest.fixture
def registered(platform, coordinator, workspace):
    """The test platform registered for the workspace by hand."""
    from designer.models import db
    from designer.services import lti_platforms

    stored = lti_platforms.add_manually(
        coordinator,
        workspace,
        {
            "name": "Test-LMS",
            "issuer": platform.base,
            "client_id": CLIENT_ID,
            "deployment_ids": [DEPLOYMENT],
            "auth_login_url": platform.base + "/auth",
            "auth_token_url": platform.base + "/token",
            "key_set_url": platform.base + "/jwks",
        },
        allow_http=True,
    )
    db.session.commit()
    return stored


@pytest.fixture
def released(example_design, coordinator):
    """The example design with its current state released for delivery."""
    from designer.models import db
    from designer.services import releases

    releases.release(coordinator, example_design, message="Freigabe")
    db.session.commit()
    return example_design
