"""The own account (GDPR): the data export, a new e-mail address confirmed by mail,
deleting the account, and the retention of logs and notifications (`designer purge-old`)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from designer.cli import main
from designer.extensions import db
from designer.models import (
    Design,
    Event,
    LoginAttempt,
    Membership,
    Notification,
    OutboxMail,
    User,
)
from designer.models.columns import utcnow
from designer.queries.personal_data import SECTIONS
from designer.services import comments, tokens, workspaces
from tests.conftest import PASSWORD
from tests.integration import test_mail_reset as mail_tests
from tests.integration.test_mail_reset import done, link_in, text_of

smtp_server = mail_tests.smtp_server
smtp = mail_tests.smtp


@pytest.fixture
def bea(make_user, workspace):
    return make_user("bea@example.org", workspace=workspace, role="designer", name="Bea Beispiel")


@pytest.fixture
def carl(make_user, workspace):
    return make_user("carl@example.org", workspace=workspace, role="designer", name="Carl Clever")


def log_in(client, email: str, password: str = PASSWORD):
    return client.post("/login", data={"email": email, "password": password})


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def test_account_page_is_linked_from_the_header(client, bea):
    log_in(client, bea.email)
    home = page(client, "/")
    assert 'href="/account"' in home
    html = page(client, "/account")
    assert "Ihr Konto" in html and "bea@example.org" in html
    assert "Meine Daten herunterladen (ZIP)" in html and "Konto löschen" in html


def test_data_export_holds_the_persons_data_and_nobody_elses(
    client, bea, carl, example_design, workspace
):
    comments.add_comment(bea, example_design, "Bitte das Ziel schärfen, @Carl Clever")
    comments.add_comment(carl, example_design, "Carls eigener Kommentar")
    _token, secret = tokens.create_token(bea, "Skript", "read")
    log_in(client, bea.email)
    db.session.add(LoginAttempt(email=bea.email, remote_addr="203.0.113.9"))
    db.session.add(LoginAttempt(email=carl.email, remote_addr="198.51.100.1"))
    db.session.commit()

    response = client.get("/account/data.zip")
    assert response.status_code == 200
    assert response.mimetype == "application/zip"
    assert "attachment" in response.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        assert sorted(archive.namelist()) == sorted(f"{s}.json" for s in SECTIONS)
        data = {s: json.loads(archive.read(f"{s}.json")) for s in SECTIONS}
        raw = b"".join(archive.read(name) for name in archive.namelist())

    assert data["profile"]["email"] == "bea@example.org"
    assert data["profile"]["display_name"] == "Bea Beispiel"
    assert data["profile"]["last_login_at"]
    assert data["memberships"]["workspaces"] == [
        {
            "workspace": "Akademie Nord",
            "role": "designer",
            "organisation": "",
            "since": data["memberships"]["workspaces"][0]["since"],
        }
    ]
    assert [c["text"] for c in data["comments"]] == ["Bitte das Ziel schärfen, @Carl Clever"]
    assert data["comments"][0]["design"] == example_design.title
    assert [t["name"] for t in data["api_tokens"]] == ["Skript"]
    assert [a["from"] for a in data["failed_logins"]] == ["203.0.113.9"]
    [added] = [e for e in data["activity"] if e["what"] == "comment.added"]
    assert added["workspace"] == "Akademie Nord" and added["design"] == example_design.title
    # Nothing of Carl's, no secret, no hash.
    assert b"Carls eigener Kommentar" not in raw
    assert b"carl@example.org" not in raw and b"198.51.100.1" not in raw
    assert secret.encode() not in raw and b"token_hash" not in raw and b"password" not in raw


def test_notifications_and_reviews_are_in_the_export(client, bea, carl, example_design):
    comments.add_comment(carl, example_design, "Frage an alle")
    db.session.add(
        Notification(user_id=bea.id, design_id=example_design.id, kind="mention", payload={})
    )
    db.session.commit()
    log_in(client, bea.email)
    with zipfile.ZipFile(io.BytesIO(client.get("/account/data.zip").data)) as archive:
        notes = json.loads(archive.read("notifications.json"))
        reviews = json.loads(archive.read("reviews.json"))
    assert {n["kind"] for n in notes} >= {"mention"}
    assert all(n["design"] == example_design.title for n in notes)
    assert reviews == []


def test_change_email_keeps_the_old_address_until_confirmed(app, client, smtp, bea, carl):
    log_in(client, bea.email)
    wrong = client.post("/account/email", data={"email": "bea@neu.example", "password": "nein"})
    assert wrong.status_code == 422 and "Das Passwort ist falsch" in wrong.get_data(as_text=True)
    taken = client.post("/account/email", data={"email": carl.email, "password": PASSWORD})
    assert "existiert bereits" in taken.get_data(as_text=True)
    same = client.post("/account/email", data={"email": bea.email, "password": PASSWORD})
    assert "bereits Ihre aktuelle E-Mail-Adresse" in same.get_data(as_text=True)
    assert smtp.messages == []

    sent = done(
        client.post("/account/email", data={"email": "Bea@Neu.example", "password": PASSWORD})
    )
    assert sent.status_code == 302
    html = page(client, "/account")
    assert "Neue Adresse, noch nicht bestätigt: bea@neu.example" in html
    assert "Wir haben einen Link an bea@neu.example geschickt" in html
    [message] = smtp.messages
    assert message["To"] == "bea@neu.example"
    assert message["Subject"] == "Neue E-Mail-Adresse für Kurswerk bestätigen"
    assert "Hallo Bea Beispiel," in text_of(message)

    # Until confirmed, the old address logs in and the new one does not.
    assert log_in(app.test_client(), "bea@example.org").status_code == 302
    assert log_in(app.test_client(), "bea@neu.example").status_code == 200

    path = link_in(message, "account/email")
    visitor = app.test_client()
    confirmed = visitor.get(path)
    assert confirmed.status_code == 302 and "/login" in confirmed.location
    assert "Ihre E-Mail-Adresse ist jetzt bea@neu.example" in page(visitor, "/login")
    html = page(client, "/account")
    assert "bea@neu.example" in html and "noch nicht bestätigt" not in html
    assert log_in(app.test_client(), "bea@neu.example").status_code == 302
    assert log_in(app.test_client(), "bea@example.org").status_code == 200

    assert visitor.get(path).status_code == 302  # used: the address no longer waits
    assert "ungültig, abgelaufen oder wurde schon benutzt" in page(visitor, "/login")
    db.session.refresh(bea)
    assert bea.email == "bea@neu.example" and bea.pending_email is None
    assert bea.email_verified_at is not None


def test_a_broken_confirmation_link_changes_nothing(app, client, bea):
    visitor = app.test_client()
    response = visitor.get("/account/email/kaputt")
    assert response.status_code == 302
    assert "ungültig, abgelaufen oder wurde schon benutzt" in page(visitor, "/login")
    db.session.refresh(bea)
    assert bea.email == "bea@example.org"


def test_delete_account_keeps_designs_and_shows_former_member(
    app, client, bea, carl, workspace, example_design
):
    from designer.services import designs as design_service

    own = design_service.create_design(bea, workspace, "Beas Konzept")
    comments.add_comment(bea, example_design, "Beas Hinweis zum Ziel")
    db.session.commit()
    own_id = own.id
    bea_client = app.test_client()
    log_in(bea_client, bea.email)
    other_session = app.test_client()
    log_in(other_session, bea.email)

    wrong = bea_client.post("/account/delete", data={"password": "nicht richtig"})
    assert wrong.status_code == 422 and "Das Passwort ist falsch" in wrong.get_data(as_text=True)
    assert bea_client.get("/account").status_code == 200  # still there

    gone = bea_client.post("/account/delete", data={"password": PASSWORD})
    assert gone.status_code == 302 and "/login" in gone.location
    assert "Ihr Konto wurde gelöscht" in page(bea_client, "/login")
    assert other_session.get("/").status_code == 302  # every session ended
    assert log_in(app.test_client(), "bea@example.org").status_code == 200  # no account

    # Her design stays with the workspace; her name there is "ehemaliges Mitglied".
    log_in(client, carl.email)
    assert "Beas Konzept" in page(client, f"/w/{workspace.slug}")
    assert db.session.get(Design, own_id).deleted_at is None
    overview = page(client, f"/designs/{example_design.id}")
    assert "Beas Hinweis zum Ziel" in overview and "ehemaliges Mitglied" in overview
    assert "Bea Beispiel" not in overview
    activity = page(client, f"/w/{workspace.slug}/activity")
    assert "ehemaliges Mitglied" in activity and "Bea Beispiel" not in activity
    client.post("/language", data={"locale": "en"})
    assert "former member" in page(client, f"/designs/{example_design.id}")

    deleted = db.session.scalar(select(User).where(User.id == bea.id))
    assert deleted.email.endswith("@deleted.invalid") and deleted.deleted_at is not None
    assert not db.session.scalar(select(Membership).where(Membership.user_id == bea.id))
    members = page(client, f"/w/{workspace.slug}/members")
    assert "bea@example.org" not in members


def test_the_last_coordinator_must_hand_over_first(app, client, workspace, carl):
    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    log_in(client, coordinator.email)
    html = page(client, "/account")
    assert "Sie sind die einzige Koordination dieser Arbeitsbereiche" in html
    assert "Akademie Nord" in html
    refused = client.post("/account/delete", data={"password": PASSWORD})
    assert refused.status_code == 422
    assert "Machen Sie zuerst ein anderes Mitglied" in refused.get_data(as_text=True)
    db.session.refresh(coordinator)
    assert coordinator.deleted_at is None

    membership = db.session.scalar(select(Membership).where(Membership.user_id == carl.id))
    workspaces.change_role(coordinator, workspace, membership.id, "coordinator")
    db.session.commit()
    assert "einzige Koordination" not in page(client, "/account")
    assert client.post("/account/delete", data={"password": PASSWORD}).status_code == 302
    assert log_in(app.test_client(), "coordinator@example.org").status_code == 200


def test_other_peoples_notifications_forget_the_deleted_name(
    app, client, bea, carl, example_design
):
    thread = comments.add_comment(carl, example_design, "Wer prüft das?")
    comments.add_comment(bea, example_design, "Ich", parent_id=thread.id)
    db.session.commit()
    assert db.session.scalar(
        select(func.count(Notification.id)).where(Notification.user_id == carl.id)
    )
    log_in(client, bea.email)
    client.post("/account/delete", data={"password": PASSWORD})
    carl_client = app.test_client()
    log_in(carl_client, carl.email)
    assert "Bea Beispiel" not in page(carl_client, "/notifications")


def test_purge_old_applies_retention(app, client, bea, example_design, workspace):
    old = utcnow() - timedelta(days=400)
    db.session.add_all(
        [
            Notification(
                user_id=bea.id,
                design_id=example_design.id,
                kind="mention",
                payload={"actor": "Alte Nachricht"},
                created_at=old,
            ),
            Notification(user_id=bea.id, design_id=example_design.id, kind="mention", payload={}),
            LoginAttempt(email=bea.email, created_at=utcnow() - timedelta(days=31)),
            LoginAttempt(email=bea.email),
            Event(workspace_id=workspace.id, kind="workspace.renamed", created_at=old, payload={}),
            OutboxMail(
                recipient="x@example.org",
                subject="Alt",
                body_text="x",
                sent_at=utcnow() - timedelta(days=40),
            ),
        ]
    )
    db.session.commit()
    events_before = db.session.scalar(select(func.count(Event.id)))
    app.config["RETENTION_DAYS"] = {**app.config["RETENTION_DAYS"]}
    output = app.test_cli_runner().invoke(main, ["purge-old"]).output
    assert "purged 0 events, 1 notifications, 1 failed log-ins, 0 log-in links, 1 sent mails" in (
        output
    )
    assert db.session.scalar(select(func.count(Event.id))) == events_before  # events kept
    assert db.session.scalar(select(func.count(Notification.id))) == 1
    assert db.session.scalar(select(func.count(LoginAttempt.id))) == 1

    app.config["RETENTION_DAYS"] = {**app.config["RETENTION_DAYS"], "events": 300}
    output = app.test_cli_runner().invoke(main, ["purge-old"]).output
    assert "purged 1 events" in output
    log_in(client, bea.email)
    assert "Alte Nachricht" not in page(client, "/notifications")


def test_retention_is_read_from_the_environment(monkeypatch):
    from designer.config import RETENTION_DEFAULTS, retention_days

    monkeypatch.setenv("DESIGNER_RETENTION_DAYS_EVENTS", "730")
    monkeypatch.setenv("DESIGNER_RETENTION_DAYS_NOTIFICATIONS", "0")
    days = retention_days(RETENTION_DEFAULTS)
    assert days["events"] == 730 and days["notifications"] == 0
    assert days["login_attempts"] == RETENTION_DEFAULTS["login_attempts"]
    monkeypatch.setenv("DESIGNER_RETENTION_DAYS_SENT_MAIL", "viele")
    with pytest.raises(ValueError, match="DESIGNER_RETENTION_DAYS_SENT_MAIL"):
        retention_days(RETENTION_DEFAULTS)


def test_the_last_administrator_cannot_delete_their_account(app, client, make_user):
    ada = make_user("ada@example.org", name="Ada Admin")
    ada.is_admin = True
    db.session.commit()
    log_in(client, ada.email)
    refused = client.post("/account/delete", data={"password": PASSWORD})
    assert refused.status_code == 422
    assert "letzte Administrator*in" in refused.get_data(as_text=True)
    other = make_user("otto@example.org")
    other.is_admin = True
    db.session.commit()
    assert client.post("/account/delete", data={"password": PASSWORD}).status_code == 302
    assert log_in(app.test_client(), ada.email).status_code == 200
