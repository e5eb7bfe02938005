"""Mails of requests for training through a real SMTP server on loopback: the coordinators
hear of a request (with a link to it), the author of the offer's design too, and the
requester gets the coordinator's answer in the language of the request."""

from __future__ import annotations

from sqlalchemy import select

from designer.extensions import db
from designer.models import TrainingRequest, User
from designer.services import notifications, offers
from tests.integration import test_mail_reset as mail_reset
from tests.integration.test_mail_reset import done, text_of
from tests.offers.test_requests import form

smtp_server, smtp = mail_reset.smtp_server, mail_reset.smtp  # the SMTP server fixtures


def _coordinator() -> User:
    return db.session.scalar(select(User).where(User.email == "coordinator@example.org"))


def _publish(design):
    published = offers.publish_offer(_coordinator(), design, offers.clean_terms("", "", "EUR"))
    db.session.commit()
    return published


def test_coordinators_and_the_author_hear_of_a_request(
    app, smtp, workspace, example_design, make_user
):
    author = make_user("dora@example.org", workspace, "designer", "Dora Autorin")
    example_design.created_by_id = author.id
    notifications.save_settings(_coordinator(), {"training_request": "now"})
    notifications.save_settings(author, {"training_request": "now"})
    offer = _publish(example_design)
    visitor = app.test_client()
    response = visitor.post(f"/offers/{workspace.slug}/request?offer={offer.slug}", data=form())
    done(response)
    row = db.session.scalar(select(TrainingRequest))
    by_address = {m["To"]: m for m in smtp.messages}
    assert set(by_address) == {"coordinator@example.org", "dora@example.org"}
    to_coordinator = by_address["coordinator@example.org"]
    assert to_coordinator["Subject"].strip() == f"Schulung angefragt: {example_design.title}"
    body = text_of(to_coordinator)
    assert "Frau Müller (mueller@example.org) fragt eine Schulung" in body
    assert "Gern vormittags." in body
    assert f"http://localhost/w/{workspace.slug}/requests/{row.id}" in body
    assert f"http://localhost/designs/{example_design.id}" in text_of(by_address[author.email])


def test_a_free_form_request_names_its_topic_and_never_stays_quiet(
    app, smtp, workspace, example_design
):
    _publish(example_design)
    visitor = app.test_client()
    done(visitor.post(f"/offers/{workspace.slug}/request", data=form(topic="Erste Hilfe")))
    assert smtp.messages == []  # the coordinator's default is the digest
    notifications.save_settings(_coordinator(), {"training_request": "now"})
    db.session.commit()
    done(visitor.post(f"/offers/{workspace.slug}/request", data=form(topic="Brandschutz")))
    [message] = smtp.messages
    assert message["Subject"].strip() == "Schulung angefragt: Brandschutz"
    notifications.save_settings(_coordinator(), {"training_request": "never"})
    db.session.commit()
    done(visitor.post(f"/offers/{workspace.slug}/request", data=form(topic="Stapler")))
    assert len(smtp.messages) == 1


def test_the_answer_reaches_the_requester_in_their_language(
    app, smtp, workspace, example_design, login, client
):
    _publish(example_design)
    visitor = app.test_client()
    done(
        visitor.post(
            f"/offers/{workspace.slug}/request",
            data=form(name="Ms Miller", email="miller@example.org"),
            headers={"Accept-Language": "en"},
        )
    )
    row = db.session.scalar(select(TrainingRequest))
    login(_coordinator())
    done(
        client.post(
            f"/w/{workspace.slug}/requests/{row.id}/answer",
            data={"answer": "Happy to help.\nWould 3 March suit you?"},
        )
    )
    [answer] = [m for m in smtp.messages if m["To"] == "miller@example.org"]
    assert answer["Subject"].strip() == "Your request for training: Excel für die Buchhaltung"
    assert answer["Reply-To"] == "coordinator@example.org"
    body = text_of(answer)
    assert body.startswith("Hello Ms Miller,")
    assert "Would 3 March suit you?" in body
    assert "Akademie Nord answers your request for training" in body
