"""The admin area with the Flask client: every action, then the page that shows its result.
Mail goes through a real SMTP server on loopback (the fixtures of test_mail_reset)."""

from __future__ import annotations

import re

import pytest
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import func, select

from designer import create_app
from designer.cli import main
from designer.extensions import db
from designer.models import Asset, Membership, Nugget, OutboxMail, User
from designer.services import tokens, workspaces
from designer.web.admin import size_text
from tests.conftest import PASSWORD
from tests.integration import test_mail_reset as mail_tests
from tests.integration.test_mail_reset import done, link_in, text_of

# The loopback SMTP server of the mail tests.
smtp_server = mail_tests.smtp_server
smtp = mail_tests.smtp


@pytest.fixture
def admin(make_user):
    user = make_user("ada@example.org", name="Ada Admin")
    user.is_admin = True
    db.session.commit()
    return user


@pytest.fixture
def bea(make_user, workspace):
    return make_user("bea@example.org", workspace=workspace, role="designer", name="Bea Beispiel")


def log_in(client, email: str, password: str = PASSWORD):
    return client.post("/login", data={"email": email, "password": password})


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def row_of(html: str, text: str) -> str:
    """The table row that contains `text`."""
    rows = [r for r in re.findall(r"<tr>.*?</tr>", html, re.S) if text in r]
    assert len(rows) == 1, (text, rows)
    return rows[0]


def test_only_administrators_see_the_link_and_enter(app, client, admin, bea):
    log_in(client, bea.email)
    assert 'href="/admin"' not in page(client, "/")
    assert client.get("/admin").status_code == 403
    assert client.get("/admin/accounts").status_code == 403
    other = app.test_client()
    log_in(other, admin.email)
    home = page(other, "/")
    assert 'href="/admin"' in home and "Administration" in home
    assert "Kurswerk" in page(other, "/admin")
    anonymous = app.test_client().get("/admin/accounts")
    assert anonymous.status_code == 302 and "/login" in anonymous.location


def test_deactivate_ends_sessions_and_log_in_then_reactivate(app, client, admin, bea):
    bea_client = app.test_client()
    assert log_in(bea_client, bea.email).status_code == 302
    assert bea_client.get("/").status_code == 200
    _token, secret = tokens.create_token(bea, "Skript", "read")
    db.session.commit()
    api = {"Authorization": f"Bearer {secret}"}
    assert app.test_client().get("/api/v1/workspaces", headers=api).status_code == 200

    log_in(client, admin.email)
    listing = page(client, "/admin/accounts")
    assert "aktiv" in row_of(listing, "bea@example.org")
    answer = client.post(f"/admin/accounts/{bea.id}/deactivate")
    assert answer.status_code == 302
    listing = page(client, "/admin/accounts")
    assert "deaktiviert" in row_of(listing, "bea@example.org")
    assert "Reaktivieren" in row_of(listing, "bea@example.org")
    assert "ist deaktiviert und überall abgemeldet" in listing

    assert bea_client.get("/").status_code == 302  # her session ended
    refused = log_in(app.test_client(), bea.email)
    assert refused.status_code == 403
    assert "Dieses Konto ist deaktiviert" in refused.get_data(as_text=True)
    assert log_in(app.test_client(), bea.email, "falsches passwort").status_code == 200
    assert app.test_client().get("/api/v1/workspaces", headers=api).status_code == 401
    done(app.test_client().post("/forgot-password", data={"email": bea.email}))
    assert db.session.scalar(select(OutboxMail.id)) is None  # no reset for her

    client.post(f"/admin/accounts/{bea.id}/reactivate")
    listing = page(client, "/admin/accounts")
    assert "deaktiviert" not in row_of(listing, "bea@example.org")
    assert "kann sich wieder anmelden" in listing
    assert log_in(app.test_client(), bea.email).status_code == 302


def test_last_log_in_and_search(app, client, admin, bea, make_user):
    make_user("carl@example.org", name="Carl")
    log_in(app.test_client(), bea.email)
    log_in(client, admin.email)
    found = page(client, "/admin/accounts?q=BEISP")
    assert "bea@example.org" in found and "carl@example.org" not in found
    assert "1 Konto" in found
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d UTC", row_of(found, "bea@example.org"))
    assert "Akademie Nord (Gestaltung)" in row_of(found, "bea@example.org")
    never = page(client, "/admin/accounts?q=carl")
    assert "—" in row_of(never, "carl@example.org")  # never logged in
    assert "Kein Konto passt" in page(client, "/admin/accounts?q=niemand")


def test_an_administrator_cannot_deactivate_themself(client, admin):
    log_in(client, admin.email)
    assert client.post(f"/admin/accounts/{admin.id}/deactivate").status_code == 302
    assert "Ihr eigenes Konto können Sie nicht deaktivieren" in page(client, "/admin/accounts")
    db.session.refresh(admin)
    assert admin.deactivated_at is None


def test_grant_and_revoke_administration(app, client, admin, bea):
    log_in(client, admin.email)
    client.post(f"/admin/accounts/{bea.id}/admin", data={"on": "1"})
    listing = page(client, "/admin/accounts")
    assert "(Administrator*in)" in row_of(listing, "bea@example.org")
    bea_client = app.test_client()
    log_in(bea_client, bea.email)
    assert bea_client.get("/admin").status_code == 200

    client.post(f"/admin/accounts/{bea.id}/admin", data={"on": "0"})
    assert "(Administrator*in)" not in row_of(page(client, "/admin/accounts"), "bea@example.org")
    assert bea_client.get("/admin").status_code == 403

    client.post(f"/admin/accounts/{admin.id}/admin", data={"on": "0"})  # the last one
    listing = page(client, "/admin/accounts")
    assert "letzte Administrator*in" in listing
    assert "(Administrator*in)" in row_of(listing, "ada@example.org")


def test_reset_mail_from_the_admin_area(app, client, smtp, admin, bea):
    log_in(client, admin.email)
    done(client.post(f"/admin/accounts/{bea.id}/reset"))
    assert "bea@example.org" in page(client, "/admin/accounts")
    [message] = smtp.messages
    assert message["To"] == "bea@example.org"
    path = link_in(message, "reset")
    visitor = app.test_client()
    new = "ein ganz neues passwort"
    assert visitor.post(path, data={"new_password": new, "confirm": new}).status_code == 302
    assert log_in(app.test_client(), bea.email, new).status_code == 302


def test_test_mail_goes_through_the_outbox(app, client, smtp, admin):
    log_in(client, admin.email)
    mail_page = page(client, "/admin/mail")
    assert "eingeschaltet" in mail_page and "127.0.0.1" in mail_page
    done(client.post("/admin/mail/test"))
    [message] = smtp.messages
    assert message["To"] == "ada@example.org"
    assert message["Subject"] == "Testmail von Kurswerk"
    assert "Hallo Ada Admin," in text_of(message)
    after = page(client, "/admin/mail")
    assert "ist auf dem Weg zu ada@example.org" in after
    assert "0 wartend, 0 fehlgeschlagen, 1 gesendet" in after


def test_mail_off_is_shown_and_the_test_mail_is_logged(app, client, admin):
    log_in(client, admin.email)
    assert "ausgeschaltet" in page(client, "/admin/mail")
    done(client.post("/admin/mail/test"))
    assert "in das Protokoll geschrieben" in page(client, "/admin/mail")
    assert db.session.scalar(select(OutboxMail.sent_via)) == "log"


def test_workspaces_sizes_and_handing_coordination_over(
    app, client, admin, bea, workspace, example_design
):
    log_in(client, admin.email)
    listing = page(client, "/admin/workspaces")
    row = row_of(listing, "Akademie Nord")
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    nuggets = db.session.scalar(
        select(func.count(Nugget.id)).where(Nugget.workspace_id == workspace.id)
    )
    file_bytes = db.session.scalar(select(func.sum(Asset.size)))
    assert cells[1:5] == ["2", "1", "1", str(nuggets)]  # members, coordinators, designs
    assert nuggets > 0 and file_bytes > 0
    assert cells[5] == size_text(file_bytes)

    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    client.post(f"/admin/accounts/{coordinator.id}/deactivate")
    assert "keine aktive" in row_of(page(client, "/admin/workspaces"), "Akademie Nord")

    url = f"/admin/workspaces/{workspace.id}"
    assert "bea@example.org" in page(client, url)
    refused = client.post(url, data={"email": "niemand@example.org"})
    assert "Mit dieser E-Mail-Adresse gibt es kein Konto" in refused.get_data(as_text=True)
    client.post(url, data={"email": "Bea@example.org"})
    shown = page(client, url)
    assert "koordiniert jetzt diesen Arbeitsbereich" in shown
    assert "Koordination" in row_of(shown, "bea@example.org")
    assert "keine aktive" not in row_of(page(client, "/admin/workspaces"), "Akademie Nord")
    bea_client = app.test_client()
    log_in(bea_client, bea.email)
    assert bea_client.get(f"/w/{workspace.slug}/members").status_code == 200
    # The administrator did not become a member.
    assert not db.session.scalar(select(Membership).where(Membership.user_id == admin.id))


def test_administrators_do_not_see_designs_they_are_not_members_of(
    client, admin, workspace, example_design
):
    log_in(client, admin.email)
    for url in (
        f"/designs/{example_design.id}",
        f"/designs/{example_design.id}/canvas",
        f"/designs/{example_design.id}/activity",
        f"/w/{workspace.slug}",
        f"/api/v1/designs/{example_design.id}",
    ):
        assert client.get(url).status_code in (403, 404), url
    assert example_design.title not in page(client, "/admin/workspaces")
    # As a member, the same administrator sees it.
    workspaces.enrol(workspace, admin, "viewer")
    db.session.commit()
    assert client.get(f"/designs/{example_design.id}").status_code == 200


def test_health_page(app, client, admin, example_design):
    from designer.services import outbox

    outbox.queue(outbox.Mail("x@example.org", "Wartet", "Text", ""))
    failed = outbox.queue(outbox.Mail("y@example.org", "Fehler", "Text", ""))
    failed.last_error = "ConnectionRefusedError: nope"
    db.session.commit()
    log_in(client, admin.email)
    html = page(client, "/admin")
    assert "SQLite" in html or "PostgreSQL" in html
    assert "nicht erfasst" in html  # tests make the schema without migrations
    head = ScriptDirectory(app.extensions["migrate"].directory).get_current_head()
    assert head in html  # the migration head
    assert "1 wartend, 1 fehlgeschlagen, 0 gesendet" in html
    files, size = app.extensions["file_store"].usage()
    assert files == 2 and size > 0
    assert f"{files} Dateien" in html
    assert "ausgeschaltet" in html  # mail is off in tests
    assert "Benachrichtigungen" in html and "365" in html  # retention


def test_sign_on_has_its_place(client, admin):
    log_in(client, admin.email)
    html = page(client, "/admin/sign-on")
    assert "Anmeldung" in html and "OpenID Connect" in html


def test_create_user_admin_and_set_admin_commands(tmp_path, monkeypatch):
    monkeypatch.setenv("DESIGNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    run("db", "upgrade")
    out = run("create-user", "root@example.org", "--password", PASSWORD, "--admin")
    assert "as administrator" in out
    run("create-user", "eva@example.org", "--password", PASSWORD)
    assert "no longer" not in run("set-admin", "eva@example.org", "--on")
    run("set-admin", "eva@example.org", "--off")
    refused = run("set-admin", "root@example.org", "--off", code=2)
    assert "last administrator" in refused
    run("set-admin", "nobody@example.org", "--on", code=2)

    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False})
    with app.app_context():
        client = app.test_client()
        assert log_in(client, "root@example.org").status_code == 302
        listing = client.get("/admin/accounts").get_data(as_text=True)
        assert "(Administrator*in)" in row_of(listing, "root@example.org")
        assert "(Administrator*in)" not in row_of(listing, "eva@example.org")
        db.session.remove()
        db.engine.dispose()


def test_an_account_outside_the_workspace_joins_as_coordinator(client, admin, workspace, make_user):
    dana = make_user("dana@example.org", name="Dana")
    log_in(client, admin.email)
    url = f"/admin/workspaces/{workspace.id}"
    assert "dana@example.org" not in page(client, url)
    assert client.post(url, data={"email": dana.email}).status_code == 302
    assert "Koordination" in row_of(page(client, url), "dana@example.org")
    row = row_of(page(client, "/admin/workspaces"), "Akademie Nord")
    members, coordinators = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[1:3]
    assert (members, coordinators) == ("2", "2")


def test_the_admin_area_speaks_english(client, admin, bea):
    log_in(client, admin.email)
    client.post("/language", data={"locale": "en"})
    client.post(f"/admin/accounts/{bea.id}/deactivate")
    listing = page(client, "/admin/accounts")
    assert "Accounts" in listing and "Last log-in" in listing
    assert "deactivated" in row_of(listing, "bea@example.org")
    assert "is deactivated and logged out everywhere" in listing
    assert "Schema revision" in page(client, "/admin")
