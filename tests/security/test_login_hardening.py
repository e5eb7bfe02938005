"""Log-in and sessions under attack: hostile `next` targets, cached pages, sessions that
outlive a log-out, throttling that locked the real user out, and registration that told
which addresses have accounts (issue 15, items 11, 12, 13 and 18)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from designer.extensions import db
from designer.models import LoginAttempt, LoginLink, Membership, User
from designer.models.columns import utcnow
from designer.services import accounts
from tests.conftest import PASSWORD

NEW_PASSWORD = "ein ganz neues Kennwort"


def _login(client, email: str, password: str = PASSWORD, addr: str = "192.0.2.1", query=""):
    return client.post(
        f"/login{query}",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": addr},
    )


# ------------------------------------------------------------------ item 13: next


HOSTILE_NEXT = [
    "/%09/evil.example/phish",
    "/%0a/evil.example/phish",
    "/%0d%0a/evil.example",
    "%09//evil.example",
    "//evil.example/phish",
    "///evil.example",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "%5C%5Cevil.example",
    "https://evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
    "%20//evil.example",
    "/%00/evil.example",
    "evil.example",
]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_hostile_next_after_login_goes_to_the_dashboard(client, make_user, target):
    user = make_user("anna@example.org")
    response = _login(client, user.email, query=f"?next={target}")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_same_site_next_is_kept(client, make_user):
    user = make_user("anna@example.org")
    response = _login(client, user.email, query="?next=/account/tokens%3Fx%3D1")
    assert response.headers["Location"] == "/account/tokens?x=1"


def test_hostile_next_after_choosing_a_language(client):
    response = client.post("/language", data={"locale": "en", "next": "/\t/evil.example"})
    assert response.headers["Location"] == "/"
    response = client.post("/language", data={"locale": "en", "next": "/login"})
    assert response.headers["Location"] == "/login"


# ------------------------------------------------------------ item 18: no-store


def test_logged_in_pages_are_not_stored_in_caches(client, make_user, workspace):
    assert "no-store" not in client.get("/login").headers.get("Cache-Control", "")
    user = make_user("anna@example.org", workspace=workspace)
    _login(client, user.email)
    for path in ("/", f"/w/{workspace.slug}", f"/w/{workspace.slug}/members", "/nowhere"):
        assert client.get(path).headers["Cache-Control"] == "no-store", path
    assert "no-store" not in client.get("/static/css/app.css").headers.get("Cache-Control", "")


# ------------------------------------------------------------ item 11: sessions


def _copy_session(source, target) -> None:
    target.set_cookie("session", source.get_cookie("session").value)


def test_log_out_ends_copied_and_other_sessions(app, client, make_user):
    user = make_user("anna@example.org")
    _login(client, user.email)
    copied, other = app.test_client(), app.test_client()
    _copy_session(client, copied)
    _login(other, user.email)
    assert copied.get("/").status_code == 200 and other.get("/").status_code == 200
    client.post("/logout")
    for session in (client, copied, other):
        response = session.get("/")
        assert response.status_code == 302 and response.location.startswith("/login")
    _login(client, user.email)
    assert client.get("/").status_code == 200, "logging in again works"


def test_password_change_ends_the_other_sessions_only(app, client, make_user):
    user = make_user("anna@example.org")
    _login(client, user.email)
    copied = app.test_client()
    _copy_session(client, copied)
    response = client.post(
        "/account/password",
        data={"old_password": PASSWORD, "new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert response.status_code == 302
    page = client.get("/")
    assert page.status_code == 200, "the session that changed the password goes on"
    assert copied.get("/").status_code == 302
    assert db.session.get(User, user.id).session_version == 2


def test_a_session_without_version_or_with_garbage_finds_nobody(app, make_user):
    from designer.web.security import load_user

    user = make_user("anna@example.org")
    assert load_user(f"{user.id}:1") == user
    assert load_user(str(user.id)) is None
    assert load_user(f"{user.id}:2") is None
    assert load_user("x:1") is None
    assert load_user(f"{user.id}:²") is None
    assert load_user(f"{'9' * 30}:1") is None


# ------------------------------------------------------------ item 12: throttle


@pytest.fixture
def clock(monkeypatch):
    """Moves the throttle's "now" forward (failures keep their real time stamps)."""

    class Clock:
        offset = timedelta(0)

        def advance(self, seconds: int) -> None:
            self.offset += timedelta(seconds=seconds)

    c = Clock()
    monkeypatch.setattr(accounts, "utcnow", lambda: utcnow() + c.offset)
    return c


def test_delays_grow_with_every_failure_past_the_free_ones(client, make_user, clock):
    user = make_user("anna@example.org")
    assert [_login(client, user.email, "falsch").status_code for _ in range(5)] == [200] * 5
    refused = _login(client, user.email, PASSWORD)
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "30"
    page = refused.get_data(as_text=True)
    assert "Koordination" in page and "in 1 Min." in page
    clock.advance(31)
    assert _login(client, user.email, "falsch").status_code == 200
    assert int(_login(client, user.email, PASSWORD).headers["Retry-After"]) == 60
    clock.advance(61)
    assert _login(client, user.email, PASSWORD).status_code == 302, "the real user gets in"
    assert db.session.query(LoginAttempt).filter_by(email=user.email).count() == 0


def test_one_address_is_throttled_across_accounts(client, make_user):
    emails = [f"probe{i}@example.org" for i in range(11)]
    statuses = [_login(client, e, "falsch", addr="198.51.100.7").status_code for e in emails]
    assert statuses == [200] * 10 + [429]
    user = make_user("anna@example.org")
    assert _login(client, user.email, addr="198.51.100.7").status_code == 429
    assert _login(client, user.email, addr="203.0.113.9").status_code == 302, "others go on"


def test_unknown_and_known_accounts_cost_one_password_hash(client, make_user, monkeypatch):
    user = make_user("anna@example.org")
    checked: list[str] = []
    real = accounts.check_password_hash

    def counting(stored: str, password: str) -> bool:
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(accounts, "check_password_hash", counting)
    _login(client, "nobody@example.org", "falsch")
    _login(client, user.email, "falsch")
    assert len(checked) == 2
    assert checked[0].split("$")[0] == checked[1].split("$")[0], "same method and cost"


# ------------------------------------------------ item 12: the coordinator's link


@pytest.fixture
def locked_out(client, workspace, make_user):
    """A member of `workspace` whose account an attacker has hammered."""
    member = make_user("bea@example.org", workspace=workspace, role="designer")
    for _ in range(6):
        _login(client, member.email, "falsch", addr="203.0.113.66")
    assert _login(client, member.email).status_code == 429
    return member


def _link_from_members_page(client, workspace, member) -> str:
    membership = db.session.query(Membership).filter_by(user_id=member.id).one()
    page = client.post(
        f"/w/{workspace.slug}/members/login-link", data={"membership_id": str(membership.id)}
    ).get_data(as_text=True)
    assert "Einmal-Anmeldelink" in page, page[:2000]
    start = page.index("http://localhost/login-link/")
    return page[start : page.index('"', start)].removeprefix("http://localhost")


def test_coordinator_lets_a_locked_out_member_back_in(app, client, workspace, locked_out):
    coordinator = db.session.query(User).filter_by(email="coordinator@example.org").one()
    _login(client, coordinator.email)
    link = _link_from_members_page(client, workspace, locked_out)
    member_client = app.test_client()
    form = member_client.get(link).get_data(as_text=True)
    assert "bea@example.org" in form
    weak = member_client.post(link, data={"new_password": "1234567890", "confirm": "1234567890"})
    assert weak.status_code == 200 and "häufigsten" in weak.get_data(as_text=True)
    done = member_client.post(link, data={"new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302
    assert member_client.get("/").status_code == 200
    assert "Akademie Nord" in member_client.get("/").get_data(as_text=True)
    again = app.test_client().get(link)
    assert again.status_code == 404 and "abgelaufen" in again.get_data(as_text=True)
    assert _login(app.test_client(), locked_out.email, NEW_PASSWORD).status_code == 302


def test_login_link_only_within_the_coordinators_reach(client, workspace, make_user, login):
    from designer.services import workspaces

    elsewhere = make_user("carl@example.org", workspace=workspace, role="viewer")
    other_owner = make_user("owner@example.org")
    other = workspaces.create_workspace(other_owner, "Andere GmbH")
    workspaces.enrol(other, elsewhere, "designer")
    db.session.commit()
    coordinator = db.session.query(User).filter_by(email="coordinator@example.org").one()
    login(coordinator)
    membership = (
        db.session.query(Membership)
        .filter_by(user_id=elsewhere.id, workspace_id=workspace.id)
        .one()
    )
    response = client.post(
        f"/w/{workspace.slug}/members/login-link",
        data={"membership_id": str(membership.id)},
        follow_redirects=True,
    )
    assert "designer login-link" in response.get_data(as_text=True)
    assert db.session.query(LoginLink).count() == 0


def test_only_coordinators_make_login_links(client, workspace, make_user, login):
    designer = make_user("dora@example.org", workspace=workspace, role="designer")
    viewer = make_user("emil@example.org", workspace=workspace, role="viewer")
    login(designer)
    membership = db.session.query(Membership).filter_by(user_id=viewer.id).one()
    response = client.post(
        f"/w/{workspace.slug}/members/login-link", data={"membership_id": str(membership.id)}
    )
    assert response.status_code == 403
    assert db.session.query(LoginLink).count() == 0


def test_operator_command_prints_a_working_link(app, make_user):
    user = make_user("anna@example.org")
    from designer.cli import main

    result = app.test_cli_runner().invoke(main, ["login-link", "Anna@example.org"])
    assert result.exit_code == 0, result.output
    path = result.output.strip().splitlines()[-1]
    client = app.test_client()
    client.post(path, data={"new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert client.get("/").status_code == 200
    assert db.session.get(User, user.id).session_version == 2


# ------------------------------------------- item 12: registration and passwords


def _register(client, email: str, password: str = "ein-langes-passwort"):
    return client.post(
        "/register",
        data={"display_name": "X", "email": email, "password": password, "confirm": password},
    )


def test_registration_does_not_tell_which_addresses_are_taken(app, make_user):
    taken = make_user("vorhanden@example.org")
    old_hash = taken.password_hash
    answers = []
    for email in ("vorhanden@example.org", "frei@example.org"):
        client = app.test_client()
        response = _register(client, email)
        page = client.get(response.location).get_data(as_text=True)
        answers.append((response.status_code, response.location, page.replace(email, "EMAIL")))
    assert answers[0] == answers[1]
    assert "altes Passwort" in answers[0][2]
    assert db.session.get(User, taken.id).password_hash == old_hash
    assert db.session.query(User).filter_by(email="frei@example.org").count() == 1


def test_common_and_short_passwords_are_refused(client):
    for password, text in (("qwertyuiop", "häufigsten"), ("kurz", "mindestens 10")):
        page = _register(client, "neu@example.org", password).get_data(as_text=True)
        assert text in page, password
    assert db.session.query(User).count() == 0
    assert _register(client, "neu@example.org", "Feldweg am Bach 7").status_code == 302


def test_behind_a_proxy_the_forwarded_client_address_is_throttled(app, make_user):
    from designer import create_app

    behind = create_app({**app.config, "PROXY_HOPS": 1})
    with behind.app_context():
        client = behind.test_client()

        def attempt(email: str, forwarded: str) -> int:
            return client.post(
                "/login",
                data={"email": email, "password": "falsch"},
                headers={"X-Forwarded-For": forwarded},
                environ_base={"REMOTE_ADDR": "127.0.0.1"},
            ).status_code

        assert [attempt(f"p{i}@example.org", "198.51.100.7") for i in range(11)][-1] == 429
        assert attempt("other@example.org", "203.0.113.9") == 200, "the proxy is not the client"
        db.session.remove()
        db.engine.dispose()
