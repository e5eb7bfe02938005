"""Requests for training ("Bildungsanfragen") sent from the public catalogue: stored with
what the form asks and nothing else, refused with a clear message (too fast, too old,
too many, bad fields) keeping what was typed, answered, turned into a design, closed,
and deleted after the workspace's retention period."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
from sqlalchemy import func, select

from designer.cli import main
from designer.extensions import db
from designer.models import (
    Design,
    Notification,
    Offer,
    OutboxMail,
    RequestSender,
    TrainingRequest,
    User,
)
from designer.models.columns import utcnow
from designer.services import offers
from designer.services import requests as service

SECRET = "test-secret"  # the test app's SECRET_KEY


@pytest.fixture
def coordinator(workspace):
    return db.session.scalar(select(User).where(User.email == "coordinator@example.org"))


@pytest.fixture
def offer(coordinator, example_design) -> Offer:
    published = offers.publish_offer(
        coordinator, example_design, offers.clean_terms("Hamburg", "490", "EUR")
    )
    db.session.commit()
    return published


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def stamp(seconds_ago: int = 10) -> str:
    return service.form_stamp(SECRET, utcnow() - timedelta(seconds=seconds_ago))


def form(**values: str) -> dict[str, str]:
    data = {
        "topic": "Excel für die Buchhaltung",
        "participants": "12",
        "target_group": "Sachbearbeitung Buchhaltung",
        "delivery_mode": "live_online",
        "period_start": "2027-03-01",
        "period_end": "2027-04-30",
        "name": "Frau Müller",
        "organisation": "Hafenlogistik GmbH",
        "email": "mueller@example.org",
        "phone": "040 123456",
        "message": "Gern vormittags.",
        "website": "",
        "stamp": stamp(),
    }
    data.update(values)
    return data


def send(client, workspace, data, offer_slug: str = "", lang: str = "de"):
    query = f"?offer={offer_slug}" if offer_slug else ""
    return client.post(
        f"/offers/{workspace.slug}/request{query}",
        data=data,
        headers={"Accept-Language": lang},
    )


def stored() -> int:
    return db.session.scalar(select(func.count(TrainingRequest.id)))


def test_a_visitor_requests_an_offer_and_the_coordinator_sees_it(
    app, client, login, coordinator, workspace, example_design, offer
):
    visitor = app.test_client()
    page = visitor.get(f"/offers/{workspace.slug}/{offer.slug}").get_data(as_text=True)
    assert f"/offers/{workspace.slug}/request?offer={offer.slug}" in page
    assert "Diese Schulung anfragen" in text(page)
    listing = visitor.get(f"/offers/{workspace.slug}").get_data(as_text=True)
    assert f'href="/offers/{workspace.slug}/request"' in listing

    blank = visitor.get(f"/offers/{workspace.slug}/request?offer={offer.slug}").text
    assert f'value="{example_design.title}"' in blank  # the topic starts as the offer's title
    assert "Was mit Ihren Daten geschieht" in text(blank)
    assert "180 Tage nach dem Abschluss gelöscht" in text(blank)
    assert re.search(r'<div class="trap" hidden aria-hidden="true">', blank)

    response = send(visitor, workspace, form(), offer.slug)
    assert response.status_code == 302 and response.location.endswith("/request/sent")
    assert "Ihre Bildungsanfrage wurde an Akademie Nord gesendet" in text(
        visitor.get(response.location).text
    )
    row = db.session.scalar(select(TrainingRequest))
    assert (row.topic, row.participants, row.delivery_mode) == (
        "Excel für die Buchhaltung",
        12,
        "live_online",
    )
    assert (row.offer_id, row.offer_title, row.state, row.language) == (
        offer.id,
        example_design.title,
        "new",
        "de",
    )
    # No network address is stored: the sender is counted by a keyed hash only.
    [sender] = db.session.scalars(select(RequestSender))
    assert sender.address_hash == service.sender_hash("127.0.0.1", SECRET)
    assert "127.0.0.1" not in str(vars(row)) and len(sender.address_hash) == 64
    # The coordinator's notification leads to the request.
    [note] = db.session.scalars(select(Notification).where(Notification.user_id == coordinator.id))
    assert note.payload["request_id"] == row.id and note.design_id == example_design.id

    login(coordinator)
    listing = text(client.get(f"/w/{workspace.slug}/requests").text)
    assert "Bildungsanfragen" in listing and "Excel für die Buchhaltung" in listing
    assert "neu (1)" in listing and "Frau Müller, Hafenlogistik GmbH" in listing
    shown = text(client.get(f"/w/{workspace.slug}/requests/{row.id}").text)
    assert "mueller@example.org" in shown and "040 123456" in shown
    assert "Live online" in shown and "01.03.2027 – 30.04.2027" in shown
    assert f"Angebot {example_design.title}" in shown
    notes = client.get("/notifications").text
    assert f"/w/{workspace.slug}/requests/{row.id}" in notes
    assert "Bildungsanfragen" in text(client.get(f"/w/{workspace.slug}").text)


def test_a_free_form_request_reaches_the_coordinators(
    app, client, login, coordinator, workspace, offer
):
    visitor = app.test_client()
    response = send(visitor, workspace, form(topic="Erste Hilfe am Arbeitsplatz", participants=""))
    assert response.status_code == 302
    row = db.session.scalar(select(TrainingRequest))
    assert row.offer_id is None and row.participants is None
    [note] = db.session.scalars(select(Notification))
    assert note.user_id == coordinator.id and note.design_id is None
    assert note.payload["topic"] == "Erste Hilfe am Arbeitsplatz"
    login(coordinator)
    notes = text(client.get("/notifications").text)
    assert "Frau Müller (mueller@example.org) fragt eine Schulung zu Erste Hilfe" in notes


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"stamp": "now"}, "sehr schnell nach dem Öffnen gesendet"),
        ({"stamp": "yesterday"}, "vor mehr als einem Tag geöffnet"),
        ({"stamp": "forged"}, "unvollständig oder veraltet"),
        ({"topic": ""}, "Bitte füllen Sie dieses Feld aus."),
        ({"email": "mueller at example"}, "Dieser Wert ist ungültig."),
        ({"message": "x" * 2001}, "Dieser Text ist zu lang."),
        ({"phone": "1" * 41}, "Dieser Text ist zu lang."),
        ({"participants": "0"}, "ganze Zahl von 1 bis 10000"),
        ({"period_end": "2027-02-01"}, "Das Enddatum liegt vor dem Startdatum."),
        ({"delivery_mode": "by_pigeon"}, "Unbekannter Wert."),
    ],
)
def test_refusals_say_why_and_keep_what_was_typed(app, workspace, offer, change, message):
    ages = {"now": stamp(0), "yesterday": stamp(25 * 3600)}
    if change.get("stamp") in ages:
        change = {"stamp": ages[change["stamp"]]}
    visitor = app.test_client()
    response = send(visitor, workspace, form(**change))
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in text(page)
    typed = form(**change)
    assert f'value="{typed["organisation"]}"' in page and typed["message"] in page
    assert stored() == 0 and db.session.scalar(select(func.count(Notification.id))) == 0
    fresh = re.search(r'name="stamp" type="hidden" value="([^"]+)"', page).group(1)
    service.check_stamp(fresh, SECRET, utcnow() + timedelta(seconds=5), service_rules(app))


def service_rules(app) -> service.FormRules:
    return service.FormRules.of(app.config)


def test_refusals_in_english(app, workspace, offer):
    response = send(app.test_client(), workspace, form(stamp=stamp(0)), lang="en")
    assert "sent very quickly after it was opened" in text(response.text)
    assert "Request for training" in text(response.text)


def test_the_rate_limit_counts_per_address_and_an_hour(app, workspace, offer):
    visitor = app.test_client()
    for n in range(5):
        assert send(visitor, workspace, form(topic=f"Thema {n}")).status_code == 302
    refused = send(visitor, workspace, form(topic="Thema 6"))
    assert refused.status_code == 429
    assert "Zu viele Anfragen" in text(refused.text) and 'value="Thema 6"' in refused.text
    assert stored() == 5
    other = app.test_client()
    elsewhere = other.post(
        f"/offers/{workspace.slug}/request",
        data=form(topic="Anderes Netz"),
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert elsewhere.status_code == 302 and stored() == 6
    # An hour later the address may send again.
    for sender in db.session.scalars(select(RequestSender)):
        sender.created_at -= timedelta(minutes=61)
    db.session.commit()
    assert send(visitor, workspace, form(topic="Später")).status_code == 302


def test_the_honeypot_gets_a_neutral_answer_and_stores_nothing(app, workspace, offer):
    visitor = app.test_client()
    response = send(visitor, workspace, form(website="https://spam.example"))
    assert response.status_code == 302 and response.location.endswith("/request/sent")
    assert stored() == 0 and db.session.scalar(select(func.count(Notification.id))) == 0
    assert db.session.scalar(select(func.count(RequestSender.id))) == 1  # it counts


def test_the_form_needs_a_published_catalogue(app, workspace):
    assert app.test_client().get(f"/offers/{workspace.slug}/request").status_code == 404


def coordinator_page(client, workspace, row) -> str:
    return text(client.get(f"/w/{workspace.slug}/requests/{row.id}").text)


def test_answer_close_and_purge(app, client, login, coordinator, workspace, offer):
    send(app.test_client(), workspace, form(), lang="en")
    row = db.session.scalar(select(TrainingRequest))
    assert row.language == "en"
    login(coordinator)
    base = f"/w/{workspace.slug}/requests/{row.id}"

    empty = client.post(f"{base}/answer", data={"answer": "  "})
    assert "Bitte füllen Sie dieses Feld aus." in text(empty.text)
    assert row.state == "new" and db.session.scalar(select(func.count(OutboxMail.id))) == 0

    answered = client.post(f"{base}/answer", data={"answer": "Gern, am 3. März?"})
    assert answered.status_code == 302
    page = coordinator_page(client, workspace, row)
    assert "beantwortet" in page and "Gern, am 3. März?" in page
    [mail] = db.session.scalars(select(OutboxMail).where(OutboxMail.recipient == row.email))
    assert mail.subject == "Your request for training: Excel für die Buchhaltung"
    assert "Hello Frau Müller," in mail.body_text and "Gern, am 3. März?" in mail.body_text
    assert mail.headers == {"Reply-To": coordinator.email}
    listing = text(client.get(f"/w/{workspace.slug}/requests?state=answered").text)
    assert "Excel für die Buchhaltung" in listing and "beantwortet (1)" in listing

    assert client.post(f"{base}/close").status_code == 302
    page = coordinator_page(client, workspace, row)
    assert "abgeschlossen am" in page and "Antwort senden" not in page
    assert "abgeschlossen (1)" in text(client.get(f"/w/{workspace.slug}/requests").text)
    activity = text(client.get(f"/w/{workspace.slug}/activity").text)
    assert "Eine Bildungsanfrage ist über den Katalog eingegangen" in activity
    assert "Coordinator hat eine Bildungsanfrage beantwortet" in activity
    assert "Coordinator hat eine Bildungsanfrage abgeschlossen" in activity
    assert "mueller" not in activity.lower()  # the log names no requester

    # Kept for the workspace's period after closing, then deleted with its notifications.
    runner = app.test_cli_runner()
    assert "purged 0 requests" in runner.invoke(main, ["purge-requests"]).output
    row.closed_at = utcnow() - timedelta(days=181)
    db.session.commit()
    assert "purged 1 requests" in runner.invoke(main, ["purge-requests"]).output
    assert stored() == 0
    assert db.session.scalar(select(func.count(Notification.id))) == 0
    assert client.get(base).status_code == 404
    assert "Noch keine Bildungsanfragen" in text(client.get(f"/w/{workspace.slug}/requests").text)


def test_open_requests_and_other_workspaces_periods_are_kept(
    app, client, login, coordinator, workspace, offer
):
    visitor = app.test_client()
    send(visitor, workspace, form(topic="Offen"))
    send(visitor, workspace, form(topic="Geschlossen"))
    open_row, closed_row = db.session.scalars(select(TrainingRequest).order_by("id"))
    open_row.created_at = utcnow() - timedelta(days=400)
    closed_row.state, closed_row.closed_at = "closed", utcnow() - timedelta(days=40)
    db.session.commit()
    login(coordinator)
    bad = client.post(f"/w/{workspace.slug}/requests", data={"retention_days": "3"})
    assert "Bitte eine Zahl von Tagen von 7 bis 3650 eingeben." in text(bad.text)
    assert workspace.request_retention_days == 180
    assert "purged 0" in app.test_cli_runner().invoke(main, ["purge-requests"]).output
    saved = client.post(f"/w/{workspace.slug}/requests", data={"retention_days": "30"})
    assert saved.status_code == 302
    assert 'value="30"' in client.get(f"/w/{workspace.slug}/requests").text
    assert "30 Tage nach dem Abschluss gelöscht" in text(
        visitor.get(f"/offers/{workspace.slug}/request").text
    )
    assert "purged 1" in app.test_cli_runner().invoke(main, ["purge-requests"]).output
    assert [r.topic for r in db.session.scalars(select(TrainingRequest))] == ["Offen"]


def test_a_request_becomes_a_design_with_its_fields(
    app, client, login, coordinator, workspace, offer
):
    send(app.test_client(), workspace, form())
    row = db.session.scalar(select(TrainingRequest))
    login(coordinator)
    base = f"/w/{workspace.slug}/requests/{row.id}"
    assert "Vorlage" in coordinator_page(client, workspace, row)
    unknown = client.post(f"{base}/design", data={"template": "builtin:nonsense"})
    assert "Unbekannter Wert." in text(unknown.text)
    assert db.session.scalar(select(func.count(Design.id))) == 1  # the example only

    made = client.post(f"{base}/design", data={"template": "builtin:blank"})
    assert made.status_code == 302
    design = db.session.scalar(select(Design).where(Design.id == row.design_id))
    assert made.location.endswith(f"/designs/{design.id}")
    assert design.title == "Excel für die Buchhaltung" and design.language == "de"
    assert design.target_group == "Sachbearbeitung Buchhaltung"
    assert design.participants_max == 12
    assert (str(design.start_date), str(design.end_date)) == ("2027-03-01", "2027-04-30")
    assert design.format_summary == "Live online"
    assert "mueller" not in str(vars(design))  # contact data stay with the request
    page = coordinator_page(client, workspace, row)
    assert "Aus dieser Anfrage erstelltes Kurskonzept: Excel für die Buchhaltung" in page
    assert "Kurskonzept erstellen" not in page
    again = client.post(f"{base}/design", data={"template": "builtin:blank"})
    assert "bereits ein Kurskonzept" in text(again.text)
    assert db.session.scalar(select(func.count(Design.id))) == 2

    # The requester asks for deletion: gone at once with its notifications; the design stays.
    deleted = client.post(f"{base}/delete")
    assert deleted.status_code == 302 and deleted.location.endswith("/requests")
    assert stored() == 0 and db.session.scalar(select(func.count(Notification.id))) == 0
    assert db.session.get(Design, design.id) is not None
    assert "Die Anfrage ist gelöscht." in text(client.get(f"/w/{workspace.slug}/requests").text)
    assert client.get(base).status_code == 404


def test_only_coordinators_handle_requests(app, client, login, make_user, workspace, offer):
    send(app.test_client(), workspace, form())
    row = db.session.scalar(select(TrainingRequest))
    designer = make_user("designer@example.org", workspace, "designer")
    login(designer)
    base = f"/w/{workspace.slug}/requests"
    assert client.get(base).status_code == 403
    assert client.get(f"{base}/{row.id}").status_code == 403
    assert client.post(f"{base}/{row.id}/answer", data={"answer": "Hallo"}).status_code == 403
    assert client.post(f"{base}/{row.id}/close").status_code == 403
    assert client.post(f"{base}/{row.id}/delete").status_code == 403
    assert (
        client.post(f"{base}/{row.id}/design", data={"template": "builtin:blank"}).status_code
        == 403
    )
    assert client.post(base, data={"retention_days": "30"}).status_code == 403
    db.session.refresh(row)
    assert (row.state, row.answer, row.design_id) == ("new", "", None)
    assert "Bildungsanfragen" not in text(client.get(f"/w/{workspace.slug}").text)


def test_the_form_is_protected_against_cross_site_posts(app, workspace, offer):
    app.config["WTF_CSRF_ENABLED"] = True
    visitor = app.test_client()
    assert send(visitor, workspace, form()).status_code == 400
    assert stored() == 0
    page = visitor.get(f"/offers/{workspace.slug}/request").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert send(visitor, workspace, form(csrf_token=token)).status_code == 302
    assert stored() == 1
