"""E-mail notifications through a real SMTP server on loopback (aiosmtpd, the fixture of
test_mail_reset.py): each kind fires at once, waits for the digest or stays quiet, the
digest goes out once a day, and every mail unsubscribes from its kind by a signed link and
by its List-Unsubscribe header (RFC 8058)."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from designer import mailer
from designer.cli import main
from designer.extensions import db
from designer.models import DesignMember, Invitation, NoticeDigest, Notification, OutboxMail, User
from designer.models.columns import utcnow
from designer.services import accounts, notifications, workspaces
from designer.services import comments as comment_service
from designer.services.permissions import Action, can, readers_of
from tests.browser import serious_violations
from tests.integration import test_mail_reset as mail_reset
from tests.integration.test_mail_reset import done, text_of

BASE = "http://localhost"
smtp_server, smtp = mail_reset.smtp_server, mail_reset.smtp  # the SMTP server fixtures


@pytest.fixture
def team(app, workspace, make_user, example_design):
    """Dora wrote the design (German), Rita reviews (English), Vera reads, Gina is a guest
    of the design, Otto works in another workspace."""
    app.config["BASE_URL"] = BASE
    other = workspaces.create_workspace(make_user("other@example.org"), "Andere GmbH")
    people = {
        "dora": make_user("dora@example.org", workspace, "designer", "Dora Autorin"),
        "rita": make_user("rita@example.org", workspace, "reviewer", "Rita Prüferin"),
        "vera": make_user("vera@example.org", workspace, "viewer", "Vera"),
        "gina": make_user("gina@example.org", name="Gina Gast"),
        "otto": make_user("otto@example.org", other, "designer", "Otto"),
    }
    accounts.set_locale(people["rita"], "en")
    db.session.add(
        DesignMember(design_id=example_design.id, user_id=people["gina"].id, role="viewer")
    )
    example_design.created_by_id = people["dora"].id
    db.session.commit()
    return people


def as_user(app, person):
    client = app.test_client()
    client.post("/login", data={"email": person.email, "password": "correct horse battery"})
    return client


def submit(client, design, reviewer):
    return done(
        client.post(
            f"/designs/{design.id}/review/submit",
            data={
                "reviewers": [reviewer.id],
                "checklists": ["didactic_basics"],
                "message": "Bitte",
            },
        )
    )


def subject(message) -> str:
    """The subject as a mail program shows it (a long one arrives folded)."""
    return message["Subject"].strip()


def mails_to(inbox, person) -> list:
    return [m for m in inbox.messages if m["To"] == person.email]


def unsubscribe_path(message) -> str:
    match = re.search(rf"{BASE}(/unsubscribe/[\w.-]+)", text_of(message))
    assert match, text_of(message)
    return match.group(1)


def digests(app) -> str:
    return app.test_cli_runner().invoke(main, ["send-digests"]).output


def checked(page: str, kind: str) -> str:
    """The delivery the settings page shows as chosen for `kind`."""
    match = re.search(
        rf'<input checked id="{kind}-\d" name="{kind}" required type="radio" value="(\w+)"', page
    )
    assert match, page
    return match.group(1)


def test_a_review_request_is_mailed_at_once_in_the_reviewers_language(
    app, smtp, team, example_design
):
    dora, rita = team["dora"], team["rita"]
    assert submit(as_user(app, dora), example_design, rita).status_code == 302
    [message] = smtp.messages  # Dora, who asked, gets nothing
    assert message["To"] == rita.email
    assert subject(message) == f"Review requested: {example_design.title}"
    text = text_of(message)
    assert "Hello Rita Prüferin," in text
    assert f"Dora Autorin asks you to review {example_design.title}." in text
    assert f"{BASE}/designs/{example_design.id}/reviews" in text
    html = message.get_body(("html",)).get_content()
    assert 'lang="en"' in html and "Open in Kurswerk" in html
    path = unsubscribe_path(message)
    assert message["List-Unsubscribe"].strip() == f"<{BASE}{path}>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert db.session.scalar(select(func.count(OutboxMail.id))) == 1  # never twice
    assert mailer.send_due(utcnow() + timedelta(days=1)).sent == 0


def test_a_decision_waits_for_the_digest_which_goes_out_once_a_day(app, smtp, team, example_design):
    dora, rita = team["dora"], team["rita"]
    submit(as_user(app, dora), example_design, rita)
    reviewer = as_user(app, rita)
    review_page = reviewer.get(f"/designs/{example_design.id}/reviews").get_data(as_text=True)
    review_id = int(re.search(rf"/designs/{example_design.id}/reviews/(\d+)", review_page).group(1))
    decided = reviewer.post(
        f"/designs/{example_design.id}/reviews/{review_id}",
        data={"decision": "changes_requested", "note": "Bitte Ziele schärfen", "lock_version": 1},
    )
    assert done(decided).status_code == 302
    assert len(smtp.messages) == 1  # the request only: Dora's default for decisions is the digest

    assert "digests 1; sent 1" in digests(app)
    [digest] = mails_to(smtp, dora)
    assert subject(digest) == f"Ihre Kurswerk-Benachrichtigungen vom {utcnow():%d.%m.%Y}"
    text = text_of(digest)
    assert "Hallo Dora Autorin," in text
    decided = f"Rita Prüferin hat über {example_design.title} entschieden: Änderungen angefordert."
    assert decided in text
    assert f"{BASE}/designs/{example_design.id}/reviews/{review_id}" in text
    assert "Keine Mails mehr zu: Über eine Prüfung meines Kurskonzepts ist entschieden" in text
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert "digests 0; sent 0" in digests(app)  # idempotent: nothing twice the same day
    assert len(mails_to(smtp, dora)) == 1
    assert db.session.scalar(select(func.count(NoticeDigest.id))) == 1

    # What comes after today's digest waits for tomorrow's.
    notifications.design_released(rita, example_design)
    db.session.commit()
    today = utcnow().date()
    assert notifications.write_digests(today) == 3  # Vera, Gina, the coordinator
    assert notifications.write_digests(today + timedelta(days=1)) == 1  # Dora
    mailer.send_due()
    assert len(mails_to(smtp, dora)) == 2
    released = f"Rita Prüferin hat {example_design.title} zur Durchführung freigegeben."
    assert released in text_of(mails_to(smtp, dora)[1])
    assert released in as_user(app, dora).get("/notifications").get_data(as_text=True)


def test_never_and_ones_own_doing_stay_quiet(app, smtp, team, example_design):
    dora, rita = team["dora"], team["rita"]
    reviewer = as_user(app, rita)
    settings = {kind: "now" for kind in notifications.MAIL_KINDS}
    answer = reviewer.post("/account/notifications", data={**settings, "review_requested": "never"})
    assert answer.status_code == 302
    page = reviewer.get("/account/notifications").get_data(as_text=True)
    assert checked(page, "review_requested") == "never" and checked(page, "mention") == "now"

    submit(as_user(app, dora), example_design, rita)
    assert smtp.messages == []
    # The notification still shows in the app.
    assert "Dora Autorin asks you to review" in reviewer.get("/notifications").get_data(
        as_text=True
    )

    # Rita mentions herself and comments on a design she does not own: no mail to her.
    done(
        reviewer.post(
            f"/designs/{example_design.id}/comments",
            data={"target": f"design:{example_design.id}", "body": "Notiz für @Rita Prüferin"},
        )
    )
    assert smtp.messages == []
    assert mailer.send_due(utcnow() + timedelta(days=1)).sent == 0


def test_a_bad_choice_is_refused_and_nothing_is_saved(app, team):
    rita = as_user(app, team["rita"])
    settings = {kind: "now" for kind in notifications.MAIL_KINDS}
    answer = rita.post("/account/notifications", data={**settings, "mention": "sometimes"})
    assert answer.status_code == 200
    page = answer.get_data(as_text=True)
    assert 'class="error"' in page
    assert notifications.settings_of(team["rita"])["review_requested"] == "now"
    assert notifications.settings_of(team["rita"])["mention"] == "digest"


def test_mentions_reach_readers_of_the_design_only(app, smtp, team, example_design):
    rita, vera, gina, otto = team["rita"], team["vera"], team["gina"], team["otto"]
    notifications.save_settings(vera, {"mention": "now"})
    notifications.save_settings(otto, {"mention": "now"})
    db.session.commit()
    body = "@vera, @Gina Gast und @Otto: bitte lesen. Mail an rita@example.org."
    response = as_user(app, rita).post(
        f"/designs/{example_design.id}/comments",
        data={"target": f"design:{example_design.id}", "body": body},
    )
    assert done(response).status_code == 302
    [message] = smtp.messages  # Vera at once; Gina in her digest; Otto never
    assert message["To"] == vera.email
    assert subject(message) == f"Sie wurden erwähnt: {example_design.title}"
    text = text_of(message)
    assert f"Rita Prüferin hat Sie in einem Kommentar zu {example_design.title} erwähnt:" in text
    assert "@vera, @Gina Gast" in text and "#comment-" in text
    mentioned = set(
        db.session.scalars(select(Notification.user_id).where(Notification.kind == "mention"))
    )
    assert mentioned == {vera.id, gina.id}
    assert "digests 1; sent 1" in digests(app)  # Gina's mention
    assert [m["To"] for m in smtp.messages[1:]] == [gina.email]
    page = as_user(app, vera).get("/notifications").get_data(as_text=True)
    assert f"Rita Prüferin hat Sie in einem Kommentar zu {example_design.title} erwähnt:" in page


def test_the_longest_name_wins(app, team, example_design, make_user, workspace):
    anna = make_user("anna@example.org", workspace, "viewer", "Anna")
    anna_berg = make_user("anna.berg@example.org", workspace, "viewer", "Anna Berg")
    assert comment_service.mentioned(example_design, "Danke @Anna Berg!") == {anna_berg.id}
    assert comment_service.mentioned(example_design, "@anna und @ANNA BERG") == {
        anna.id,
        anna_berg.id,
    }
    assert comment_service.mentioned(example_design, "@Annabell") == set()
    assert comment_service.mentioned(example_design, "anna@example.org") == set()


def test_invitations_by_account_are_mailed(app, smtp, team, example_design, workspace, make_user):
    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    erik = make_user("erik@example.org", name="Erik")
    client = as_user(app, coordinator)
    added = client.post(
        f"/w/{workspace.slug}/members", data={"email": erik.email, "role": "expert"}
    )
    assert done(added).status_code == 302
    [message] = smtp.messages
    assert message["To"] == erik.email
    assert subject(message) == "Sie wurden aufgenommen: Akademie Nord"
    assert f"{BASE}/w/{workspace.slug}" in text_of(message)
    added_as = (
        "Coordinator hat Sie in den Arbeitsbereich Akademie Nord aufgenommen"
        " (Rolle: Fachexpertin/Fachexperte)."
    )
    assert added_as in text_of(message)

    helga = make_user("helga@example.org", name="Helga")
    notifications.save_settings(helga, {"invitation": "never"})
    db.session.commit()
    guest = client.post(
        f"/designs/{example_design.id}/people", data={"email": helga.email, "role": "viewer"}
    )
    assert done(guest).status_code == 302
    assert len(smtp.messages) == 1  # Helga chose never, and sees it in the app only
    page = as_user(app, helga).get("/notifications").get_data(as_text=True)
    assert (
        f"Coordinator hat Ihnen Zugang zum Kurskonzept {example_design.title} gegeben"
        " (Rolle: Lesezugriff)." in page
    )
    ida = make_user("ida@example.org", name="Ida")
    done(
        client.post(
            f"/designs/{example_design.id}/people", data={"email": ida.email, "role": "reviewer"}
        )
    )
    assert smtp.messages[-1]["To"] == ida.email
    assert f"{BASE}/designs/{example_design.id}" in text_of(smtp.messages[-1])


def test_training_requests_and_releases(app, smtp, team, example_design, workspace):
    """The functions that the public catalogue and the release feature call."""
    dora, rita = team["dora"], team["rita"]
    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    notifications.save_settings(coordinator, {"training_request": "now"})
    notifications.training_requested(
        example_design, "Frau Müller", "mueller@example.org", "Zwölf Personen, im März"
    )
    db.session.commit()
    mailer.send_due()
    [message] = smtp.messages
    assert message["To"] == coordinator.email
    assert subject(message) == f"Schulung angefragt: {example_design.title}"
    assert "Frau Müller (mueller@example.org) fragt eine Schulung" in text_of(message)
    assert "Zwölf Personen, im März" in text_of(message)
    waiting = select(Notification.user_id).where(
        Notification.kind == "training_request", Notification.mail == "digest"
    )
    assert set(db.session.scalars(waiting)) == {dora.id}
    with pytest.raises(notifications.Invalid):
        notifications.training_requested(example_design, " ", "x@example.org")

    released = notifications.design_released(dora, example_design, revision=4)
    db.session.commit()
    everyone = db.session.scalars(select(User)).all()
    expected = {p.id for p in everyone if can(p, Action.DESIGN_VIEW, example_design)}
    assert {n.user_id for n in released} == expected - {dora.id}
    assert team["otto"].id not in expected and team["gina"].id in expected
    assert rita.id in expected
    digests(app)
    to_rita = mails_to(smtp, rita)
    assert [subject(m) for m in to_rita] == [
        f"Your Kurswerk notifications of {utcnow():%b %-d, %Y}"
    ]
    assert f"Dora Autorin released {example_design.title} for delivery." in text_of(to_rita[0])


def test_the_unsubscribe_link_and_header(app, smtp, team, example_design):
    dora, rita = team["dora"], team["rita"]
    submit(as_user(app, dora), example_design, rita)
    path = unsubscribe_path(smtp.messages[0])
    rita_client, dora_client = as_user(app, rita), as_user(app, dora)
    app.config["WTF_CSRF_ENABLED"] = True  # the signed link needs no CSRF token

    visitor = app.test_client()  # no log-in needed
    landing = visitor.get(path)
    assert landing.status_code == 200
    assert "Keine Mails mehr zu: Jemand bittet mich um eine Prüfung?" in landing.get_data(
        as_text=True
    )
    assert notifications.settings_of(rita)["review_requested"] == "now"  # looking changes nothing
    confirmed = visitor.post(path)
    assert confirmed.status_code == 200
    assert (
        "Erledigt: Sie bekommen keine Mails mehr zu: Jemand bittet mich um eine Prüfung"
        in confirmed.get_data(as_text=True)
    )
    page = rita_client.get("/account/notifications").get_data(as_text=True)
    assert checked(page, "review_requested") == "never"
    assert checked(page, "invitation") == "now"

    # The digest's header stops the digest, as a mail program posts it (RFC 8058).
    notifications.design_released(rita, example_design)
    db.session.commit()
    digests(app)
    [digest] = mails_to(smtp, dora)
    header = digest["List-Unsubscribe"].strip().strip("<>")
    assert header.startswith(f"{BASE}/unsubscribe/")
    one_click = app.test_client().post(
        header.removeprefix(BASE),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200
    page = dora_client.get("/account/notifications").get_data(as_text=True)
    for kind in ("review_decided", "mention", "training_request", "design_released"):
        assert checked(page, kind) == "never"
    assert checked(page, "review_requested") == "now" and checked(page, "invitation") == "now"

    forged = path[:-4] + "abcd"
    assert visitor.get(forged).status_code == 404
    assert visitor.post(forged).status_code == 404
    assert "Dieser Abbestell-Link ist ungültig" in visitor.get(forged).get_data(as_text=True)


def test_without_smtp_notifications_go_to_the_log(app, team, example_design, caplog):
    assert app.config["MAIL_ENABLED"] is False
    page = as_user(app, team["rita"]).get("/account/notifications").get_data(as_text=True)
    assert "E-mail is off in this Kurswerk" in page
    with caplog.at_level(logging.INFO, logger="designer.mail"):
        submit(as_user(app, team["dora"]), example_design, team["rita"])
    assert "rita@example.org" in caplog.text and "Review requested" in caplog.text
    assert db.session.scalar(select(OutboxMail.sent_via)) == "log"


def test_readers_are_those_who_may_view(app, team, example_design):
    everyone = db.session.scalars(select(User)).all()
    may_view = {u.id for u in everyone if can(u, Action.DESIGN_VIEW, example_design)}
    assert {u.id for u in readers_of(example_design)} == may_view
    assert team["gina"].id in may_view and team["otto"].id not in may_view


def test_an_invitation_link_is_mailed_to_an_address(app, smtp, team, workspace, make_user):
    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    client = as_user(app, coordinator)
    url = f"/w/{workspace.slug}/invitations"
    data = {"role": "designer", "days": "7", "note": "Partnerin", "email": " Neu@Partner.example "}
    page = done(client.post(url, data=data)).get_data(as_text=True)
    shown = re.search(r'id="new-link"[^>]*value="[^"]*(/invite/[\w-]+)"', page).group(1)
    assert "Der Link ist auf dem Weg an Neu@Partner.example." in page
    [message] = smtp.messages
    assert message["To"] == "neu@partner.example"
    assert subject(message) == "Einladung zu Akademie Nord in Kurswerk"
    text = text_of(message)
    assert "Hallo," in text
    assert "Coordinator lädt Sie zu Akademie Nord in Kurswerk ein (Rolle: Gestaltung)." in text
    assert f"{BASE}{shown}" in text
    visitor = app.test_client()
    assert "/login" in visitor.get(shown).headers["Location"]  # the link works

    # The address unsubscribes: a second invitation to it is refused and nothing is kept.
    path = unsubscribe_path(message)
    assert message["List-Unsubscribe"].strip() == f"<{BASE}{path}>"
    assert "Keine Mails mehr zu: Jemand nimmt mich" in visitor.get(path).get_data(as_text=True)
    assert "Erledigt" in visitor.post(path).get_data(as_text=True)
    stored = db.session.scalar(select(func.count(Invitation.id)))
    again = done(client.post(url, data=data)).get_data(as_text=True)
    assert "Diese Person möchte keine Einladungsmails." in again
    assert 'id="new-link"' not in again
    assert db.session.scalar(select(func.count(Invitation.id))) == stored
    assert len(smtp.messages) == 1

    # An account's own choice counts for its address; a broken address is refused.
    helga = make_user("helga@example.org", name="Helga")
    notifications.save_settings(helga, {"invitation": "never"})
    db.session.commit()
    refused = done(client.post(url, data={**data, "email": helga.email})).get_data(as_text=True)
    assert "Diese Person möchte keine Einladungsmails." in refused
    broken = done(client.post(url, data={**data, "email": "kein-at"})).get_data(as_text=True)
    assert "Dieser Wert ist ungültig." in broken
    assert db.session.scalar(select(func.count(Invitation.id))) == stored
    assert len(smtp.messages) == 1
    ida = make_user("ida@example.org", name="Ida")
    accounts.set_locale(ida, "en")
    db.session.commit()
    done(client.post(url, data={**data, "email": ida.email}))
    assert subject(smtp.messages[-1]) == "Invitation to Akademie Nord in Kurswerk"
    assert "Hello Ida," in text_of(smtp.messages[-1])


@pytest.mark.e2e
def test_settings_and_unsubscribe_in_chromium(
    app, page, browser, live_server, smtp, team, example_design
):
    dora, rita = team["dora"], team["rita"]
    app.config["BASE_URL"] = live_server
    page.goto(f"{live_server}/login")
    page.fill("#email", dora.email)
    page.fill("#password", "correct horse battery")
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{live_server}/")
    page.goto(f"{live_server}/notifications")
    page.click("text=Welche Benachrichtigungen Sie per E-Mail erreichen")
    page.wait_for_url(f"{live_server}/account/notifications")
    assert serious_violations(page) == []
    mention = page.get_by_role("group", name="Jemand erwähnt mich in einem Kommentar")
    mention.get_by_label("Sofort").check()
    page.click("button[type=submit].primary")
    assert "Ihre Benachrichtigungseinstellungen sind gespeichert." in page.inner_text("main")
    assert mention.get_by_label("Sofort").is_checked()

    comment_service.add_comment(rita, example_design, "@Dora Autorin, bitte ansehen")
    db.session.commit()
    mailer.send_due()
    [message] = smtp.messages
    link = re.search(r"http://127\.0\.0\.1:\d+/unsubscribe/[\w.-]+", text_of(message)).group(0)

    visitor = browser.new_context(locale="de-DE").new_page()  # not logged in
    visitor.goto(link)
    assert serious_violations(visitor) == []
    visitor.click("text=Diese Mails abbestellen")
    assert "Erledigt: Sie bekommen keine Mails mehr zu: Jemand erwähnt mich" in visitor.inner_text(
        "main"
    )
    visitor.context.close()
    page.reload()
    assert mention.get_by_label("Nie").is_checked()


def test_a_digest_run_that_loses_the_race_sends_nothing(
    app, smtp, team, example_design, monkeypatch
):
    """Two runs at the same moment both find no digest of today; the database lets one
    store it, and the other rolls back: no second mail, the items keep waiting."""
    dora = team["dora"]
    notifications.design_released(team["rita"], example_design)
    db.session.commit()
    today = utcnow().date()
    assert notifications.write_digests(today) == 4
    notifications.training_requested(example_design, "Frau Müller", "m@example.org")
    db.session.commit()
    monkeypatch.setattr(notifications, "_sent_on", lambda user_id, day: False)
    queued = db.session.scalar(select(func.count(OutboxMail.id)))
    assert notifications.write_digests(today) == 0
    assert db.session.scalar(select(func.count(OutboxMail.id))) == queued
    waiting = select(Notification).where(
        Notification.kind == "training_request", Notification.user_id == dora.id
    )
    assert db.session.scalar(waiting).mailed_at is None
    assert notifications.write_digests(today + timedelta(days=1)) == 2  # Dora, the coordinator


def test_the_digest_command_needs_the_sites_address(app, team, example_design):
    notifications.design_released(team["rita"], example_design)
    db.session.commit()
    app.config["BASE_URL"] = ""
    result = app.test_cli_runner().invoke(main, ["send-digests"])
    assert result.exit_code == 2 and "DESIGNER_BASE_URL" in result.output
    assert db.session.scalar(select(func.count(NoticeDigest.id))) == 0
