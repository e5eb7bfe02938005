"""The access log keeps no secrets: a real Werkzeug server (as `designer run` serves)
logs the LTI registration link and the LMS's registration token redacted, and so does a
request line in gunicorn's access log; ordinary addresses stay readable."""

import contextlib
import logging
import urllib.request

import pytest

from designer.web.access_log import HIDDEN, redact

SECRET = "Zq8k2Xo1aB3cD4eF5gH6iJ7kL8mN9oP"
BEARER = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl"


def _get(url: str) -> None:
    with contextlib.suppress(urllib.error.HTTPError):  # the log line is what counts
        urllib.request.urlopen(url, timeout=10).read()


def test_the_served_registration_link_is_logged_without_its_secrets(live_server, caplog):
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        _get(
            f"{live_server}/lti/register/{SECRET}?openid_configuration="
            f"http%3A%2F%2F127.0.0.1%3A8045%2Fmod%2Flti%2Fopenid-configuration.php"
            f"&registration_token={BEARER}"
        )
        _get(f"{live_server}/login?next=%2Fdesigns%2F12")
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name == "werkzeug")
    assert f"GET /lti/register/{HIDDEN}?openid_configuration=http" in logged
    assert f"registration_token={HIDDEN}" in logged
    assert SECRET not in logged and BEARER not in logged
    assert "GET /login?next=/designs/12 HTTP/1.1" in logged  # Werkzeug logs it unquoted


def test_gunicorns_access_lines_are_redacted_too(app, caplog):
    atoms = {"r": f"POST /lti/results/{BEARER} HTTP/1.1", "s": "204"}
    with caplog.at_level(logging.INFO, logger="gunicorn.access"):
        logging.getLogger("gunicorn.access").info('"%(r)s" %(s)s', atoms)
    assert [r.getMessage() for r in caplog.records] == [
        f'"POST /lti/results/{HIDDEN} HTTP/1.1" 204'
    ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ('"GET /designs/12/canvas HTTP/1.1" 200', True),
        ('"GET /static/vendor/lucide/lucide-sprite-0.460.0.svg HTTP/1.1" 200', True),
        ('"GET /offers/demo/lernen-mit-digitalen-medien HTTP/1.1" 200', True),
        ('"GET /reset/IjEi.Z1x2Yw.abcdefghijklmnopqrstuvwxyz HTTP/1.1" 200', False),
        ('"GET /sign-on/kc/callback?code=abc123&state=xyz HTTP/1.1" 302', False),
        ('"GET /unsubscribe/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c HTTP/1.1"', False),
        ('"GET /lti/login?iss=https%3A%2F%2Flms&lti_message_hint=7 HTTP/1.1" 302', True),
    ],
)
def test_what_is_kept_and_what_is_hidden(line, kept):
    assert (redact(line) == line) is kept
    assert ("abc123" in redact(line)) is False
