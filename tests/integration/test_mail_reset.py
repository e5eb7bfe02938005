"""E-mail through a real SMTP server on loopback (aiosmtpd), password reset and verified
addresses, with the Flask client (and the reset once in Chromium). Mails go out when a
response is closed (as a WSGI server closes it after sending), so the Flask client tests
close every response (`done`)."""

from __future__ import annotations

import email
import logging
import re
import socket
import time
from datetime import timedelta
from email import policy

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from designer import mailer
from designer.cli import main
from designer.config import mail_settings
from designer.extensions import db
from designer.models import LoginAttempt, Membership, OutboxMail, User
from designer.models.columns import utcnow
from designer.services import accounts, outbox, workspaces
from tests.browser import serious_violations
from tests.conftest import PASSWORD

NEW_PASSWORD = "ein ganz neues passwort"
MAIL_OFF_DE = "E-Mail ist in diesem Kurswerk ausgeschaltet"


class Inbox:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self) -> None:
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


class SmtpServer:
    def __init__(self, port: int) -> None:
        self.inbox = Inbox()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=port)
        self.running = False

    def start(self) -> None:
        self.controller.start()
        self.running = True

    def stop(self) -> None:
        if self.running:
            self.controller.stop()
            self.running = False


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server(app):
    """A configured SMTP server on loopback that is not running yet."""
    port = free_port()
    server = SmtpServer(port)
    app.config.update(mail_settings(f"smtp://127.0.0.1:{port}", "Kurswerk <kw@example.org>"))
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_server):
    smtp_server.start()
    return smtp_server.inbox


def done(response):
    """Read and close a response: closing sends the mails its request queued."""
    response.get_data()
    response.close()
    return response


def text_of(message) -> str:
    return message.get_body(("plain",)).get_content()


def link_in(message, path: str) -> str:
    match = re.search(rf"http://localhost(/{path}/[\w.-]+)", text_of(message))
    assert match, text_of(message)
    return match.group(1)


def log_in(client, email_address: str, password: str):
    return client.post("/login", data={"email": email_address, "password": password})


@pytest.fixture
def dora(make_user):
    user = make_user("dora@example.org", name="Dora")
    accounts.set_locale(user, "de")
    db.session.commit()
    return user


def test_reset_flow_through_smtp(app, client, smtp, dora):
    old = app.test_client()
    assert log_in(old, dora.email, PASSWORD).status_code == 302
    assert log_in(app.test_client(), dora.email, "falsch falsch").status_code == 200
    assert db.session.scalar(select(func.count(LoginAttempt.id))) == 1

    login_page = client.get("/login").get_data(as_text=True)
    assert "Passwort vergessen?" in login_page and "/forgot-password" in login_page
    form_page = client.get("/forgot-password").get_data(as_text=True)
    assert MAIL_OFF_DE not in form_page
    answer = done(client.post("/forgot-password", data={"email": "DORA@example.org "}))
    unknown = done(client.post("/forgot-password", data={"email": "nobody@example.org"}))
    assert answer.status_code == unknown.status_code == 200
    assert answer.get_data() == unknown.get_data()  # the same answer either way
    assert "auf dem Weg" in answer.get_data(as_text=True)

    [message] = smtp.messages
    assert message["To"] == "dora@example.org"
    assert message["Subject"] == "Neues Passwort für Kurswerk festlegen"
    assert "Hallo Dora," in text_of(message)
    html = message.get_body(("html",)).get_content()
    assert 'lang="de"' in html and "Neues Passwort festlegen" in html
    path = link_in(message, "reset")
    assert path in html

    page = client.get(path)
    assert page.status_code == 200 and "dora@example.org" in page.get_data(as_text=True)
    short = client.post(path, data={"new_password": "kurz", "confirm": "kurz"})
    assert short.status_code == 200  # the rules of registration apply
    common = "password123"
    refused = client.post(path, data={"new_password": common, "confirm": common})
    assert "häufigsten" in refused.get_data(as_text=True)
    reset = client.post(path, data={"new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert reset.status_code == 302
    assert client.get("/").status_code == 200  # logged in by the link

    assert old.get("/").status_code == 302  # every other session ended
    assert db.session.scalar(select(func.count(LoginAttempt.id))) == 0
    assert log_in(app.test_client(), dora.email, PASSWORD).status_code == 200
    assert log_in(app.test_client(), dora.email, NEW_PASSWORD).status_code == 302

    again = client.get(path)
    assert again.status_code == 404
    assert "„Passwort vergessen?“" in again.get_data(as_text=True)
    assert len(smtp.messages) == 1  # nothing sent twice


def test_reset_link_lasts_one_hour(app, client, smtp, dora, monkeypatch):
    done(client.post("/forgot-password", data={"email": dora.email}))
    path = link_in(smtp.messages[0], "reset")
    start = utcnow()
    monkeypatch.setattr(accounts, "utcnow", lambda: start + timedelta(minutes=59))
    assert client.get(path).status_code == 200
    monkeypatch.setattr(accounts, "utcnow", lambda: start + timedelta(minutes=61))
    late = client.get(path)
    assert late.status_code == 404
    post = client.post(path, data={"new_password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert post.status_code == 404
    assert log_in(app.test_client(), dora.email, PASSWORD).status_code == 302


def test_reset_requests_are_limited_per_hour(client, smtp, dora):
    for _ in range(accounts.RESET_LINKS_PER_HOUR + 2):
        done(client.post("/forgot-password", data={"email": dora.email}))
    assert len(smtp.messages) == accounts.RESET_LINKS_PER_HOUR


def test_a_forged_host_does_not_redirect_reset_links(app, client, smtp, dora):
    app.config["BASE_URL"] = "https://kurswerk.example.org"
    forged = {"Host": "evil.example"}
    done(client.post("/forgot-password", data={"email": dora.email}, headers=forged))
    text = text_of(smtp.messages[0])
    assert "https://kurswerk.example.org/reset/" in text and "evil.example" not in text


def register(client, email_address: str, name: str):
    data = {
        "display_name": name,
        "email": email_address,
        "password": PASSWORD,
        "confirm": PASSWORD,
    }
    return done(client.post("/register", data=data))


def test_verification_flow(app, client, smtp, workspace, login):
    visitor = app.test_client()
    visitor.post("/language", data={"locale": "en"})
    assert register(visitor, "erik@example.org", "Erik").status_code == 302
    [message] = smtp.messages
    assert message["Subject"] == "Confirm your e-mail address for Kurswerk"  # his language
    assert "Hello Erik," in text_of(message)
    erik = db.session.scalar(select(User).where(User.email == "erik@example.org"))
    assert erik.email_verified_at is None
    assert log_in(app.test_client(), erik.email, PASSWORD).status_code == 302  # may log in

    register(visitor, "erik@example.org", "Someone else")  # taken: rolled back, no mail
    assert len(smtp.messages) == 1
    assert db.session.scalar(select(func.count(OutboxMail.id))) == 1

    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    login(coordinator)
    members_url = f"/w/{workspace.slug}/members"
    add = client.post(members_url, data={"email": erik.email, "role": "designer"})
    assert "hat ihre E-Mail-Adresse noch nicht bestätigt" in add.get_data(as_text=True)
    assert not db.session.scalar(select(Membership).where(Membership.user_id == erik.id))

    # Erik joins by an invitation link; the coordinator sends his confirmation again.
    membership = workspaces.enrol(workspace, erik, "viewer")
    db.session.commit()
    page = client.get(members_url).get_data(as_text=True)
    assert "nicht bestätigt" in page and "Bestätigungsmail erneut senden" in page
    resend = done(
        client.post(f"{members_url}/verification", data={"membership_id": str(membership.id)})
    )
    assert resend.status_code == 302
    assert "ist auf dem Weg" in client.get(members_url).get_data(as_text=True)
    assert len(smtp.messages) == 2
    path = link_in(smtp.messages[1], "verify")

    assert "your e-mail address is confirmed" in visitor.get(path).get_data(as_text=True)
    db.session.refresh(erik)
    assert erik.email_verified_at is not None
    assert visitor.get(path).status_code == 200  # twice does no harm
    assert visitor.get(path[:-3] + "xyz").status_code == 404
    page = client.get(members_url).get_data(as_text=True)
    assert "nicht bestätigt" not in page and "Bestätigungsmail erneut senden" not in page

    other = workspaces.create_workspace(coordinator, "Zweiter Bereich")
    db.session.commit()
    client.post(f"/w/{other.slug}/members", data={"email": erik.email, "role": "designer"})
    assert db.session.scalar(
        select(Membership).where(Membership.user_id == erik.id, Membership.workspace_id == other.id)
    )


def test_only_coordinators_resend_over_the_web(client, smtp, workspace, make_user, login):
    pending = make_user("pending@example.org", workspace=workspace, role="viewer", verified=False)
    membership = db.session.scalar(select(Membership).where(Membership.user_id == pending.id))
    login(make_user("designer@example.org", workspace=workspace, role="designer"))
    answer = client.post(
        f"/w/{workspace.slug}/members/verification", data={"membership_id": str(membership.id)}
    )
    assert answer.status_code in (403, 404)
    assert smtp.messages == []


def test_mail_waits_while_the_server_is_down(app, client, smtp_server, dora):
    done(client.post("/forgot-password", data={"email": dora.email}))
    row = db.session.scalar(select(OutboxMail))
    assert row.sent_at is None and row.attempts == 1 and row.last_error
    assert row.next_try_at > utcnow()

    smtp_server.start()
    runner = app.test_cli_runner()
    assert "sent 0, failed 0, waiting 1" in runner.invoke(main, ["send-mail"]).output  # not due
    assert smtp_server.inbox.messages == []

    later = utcnow() + outbox.retry_delay(1) + timedelta(seconds=1)
    assert mailer.send_due(later).sent == 1
    assert mailer.send_due(later + timedelta(hours=1)).sent == 0
    assert len(smtp_server.inbox.messages) == 1
    db.session.refresh(row)
    assert row.sent_at is not None and row.sent_via == "smtp"
    assert "/reset/" in text_of(smtp_server.inbox.messages[0])

    # A second mail that became due is sent by the command (as from cron).
    outbox.queue(outbox.Mail(dora.email, "Test", "Hallo", ""))
    db.session.commit()
    assert "sent 1, failed 0, waiting 0" in runner.invoke(main, ["send-mail"]).output
    assert len(smtp_server.inbox.messages) == 2


def test_a_claimed_mail_is_not_sent_by_another_sender(app, smtp, dora):
    row = outbox.queue(outbox.Mail(dora.email, "Einmal", "Nur einmal", ""))
    db.session.commit()
    now = utcnow()
    assert outbox.claim(row.id, now) is not None
    assert outbox.claim(row.id, now) is None  # a second sender loses
    assert mailer.send_due(now).sent == 0
    expired = now + timedelta(seconds=outbox.CLAIM_SECONDS + 1)
    assert mailer.send_due(expired).sent == 1  # a sender that died does not lose the mail
    assert len(smtp.messages) == 1


def test_without_smtp_mail_goes_to_the_log(app, client, dora, caplog):
    assert app.config["MAIL_ENABLED"] is False
    assert MAIL_OFF_DE in client.get("/forgot-password").get_data(as_text=True)
    with caplog.at_level(logging.INFO, logger="designer.mail"):
        answer = done(client.post("/forgot-password", data={"email": dora.email}))
    assert MAIL_OFF_DE in answer.get_data(as_text=True)
    match = re.search(r"http://localhost(/reset/[\w.-]+)", caplog.text)
    assert match and "dora@example.org" in caplog.text
    assert db.session.scalar(select(OutboxMail.sent_via)) == "log"
    assert client.get(match.group(1)).status_code == 200


def test_smtp_url_settings():
    tls = mail_settings("smtp://user:pa%40ss@mail.example.org:587", "a@example.org")
    assert tls["MAIL_ENABLED"] and tls["MAIL_USE_TLS"] and not tls["MAIL_USE_SSL"]
    assert (tls["MAIL_USERNAME"], tls["MAIL_PASSWORD"]) == ("user", "pa@ss")
    assert tls["MAIL_DEFAULT_SENDER"] == "a@example.org"
    ssl = mail_settings("smtps://mail.example.org")
    assert ssl["MAIL_USE_SSL"] and not ssl["MAIL_USE_TLS"] and ssl["MAIL_PORT"] == 465
    plain = mail_settings("smtp://127.0.0.1:2525")
    assert not plain["MAIL_USE_TLS"] and not plain["MAIL_USE_SSL"] and plain["MAIL_PORT"] == 2525
    assert mail_settings("")["MAIL_ENABLED"] is False
    with pytest.raises(ValueError):
        mail_settings("http://mail.example.org")


def wait_for_mail(inbox: Inbox, count: int) -> None:
    """A real server sends after it closed the response, in its own thread."""
    for _ in range(200):
        if len(inbox.messages) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"{len(inbox.messages)} mails arrived, expected {count}")


@pytest.mark.e2e
def test_reset_in_chromium(page, live_server, smtp, dora):
    page.goto(f"{live_server}/login")
    page.click("text=Passwort vergessen?")
    page.wait_for_url(f"{live_server}/forgot-password")
    assert serious_violations(page) == []
    page.fill("#email", dora.email)
    page.click("button[type=submit].primary")
    assert "auf dem Weg" in page.inner_text("main")
    assert serious_violations(page) == []
    wait_for_mail(smtp, 1)
    link = re.search(r"http://127\.0\.0\.1:\d+/reset/[\w.-]+", text_of(smtp.messages[0]))
    page.goto(link.group(0))
    assert "dora@example.org" in page.inner_text("main")
    page.fill("#new_password", NEW_PASSWORD)
    page.fill("#confirm", NEW_PASSWORD)
    page.click("button[type=submit].primary")
    page.wait_for_url(f"{live_server}/")
    assert "Ihr neues Passwort ist gesetzt" in page.inner_text("main")
