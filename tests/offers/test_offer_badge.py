"""The badge on the offers: frozen with the offer, shown in the catalogue and on the offer
page, carried by the JSON-LD, the JSON feed and the API; none where the design has none."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from html import unescape

import pytest
from sqlalchemy import select

from designer.core.offers import badge_criteria
from designer.extensions import db
from designer.models import Module, Nugget, Offer, User
from designer.queries.read_model import snapshot
from designer.services import badges, designs
from tests.conftest import PASSWORD

NAME = "Lernmedien-Profi"


@pytest.fixture
def coordinator(workspace):
    return db.session.scalar(select(User).where(User.email == "coordinator@example.org"))


@pytest.fixture
def visitor(app):
    return app.test_client()


def _publish(client, design_id: int) -> None:
    response = client.post(
        f"/designs/{design_id}/offer", data={"place": "Kiel", "price": "", "currency": "EUR"}
    )
    assert response.status_code == 302


def _log_in(client, user: User) -> None:
    client.post("/login", data={"email": user.email, "password": PASSWORD})


def _give_badge(coordinator, design) -> None:
    badges.save_badge(
        coordinator, design, NAME, "Für alle, die Lernmedien planen.", "rosette", "purple"
    )
    db.session.commit()


def _jsonld(html: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block.group(1))


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _pages(visitor, workspace) -> tuple[str, str]:
    slug = db.session.scalar(select(Offer.slug))
    listing = visitor.get(f"/offers/{workspace.slug}")
    page = visitor.get(f"/offers/{workspace.slug}/{slug}")
    assert listing.status_code == page.status_code == 200
    return listing.get_data(as_text=True), page.get_data(as_text=True)


def test_the_badge_criteria_count_without_naming_nuggets(
    app, coordinator, workspace, example_design
):
    _give_badge(coordinator, example_design)
    snap = snapshot(example_design)
    german = badge_criteria(snap)
    assert german == [
        "7 Lernnuggets des Kurses abschließen.",
        "Den Test mit mindestens 80 % richtigen Antworten bestehen.",
        "An den 3 Live-Terminen teilnehmen.",
    ]
    titles = [n.title for n in db.session.scalars(select(Nugget))]
    assert not any(title in line for title in titles for line in german)
    english = badge_criteria(dataclasses.replace(snap, language="en"))
    assert english[0] == "Complete 7 learning nuggets of the course."
    assert english[1] == "Pass the quiz with at least 80 % right answers."


def test_dated_live_sessions_are_named_by_day_and_an_empty_design_asks_for_the_course(
    app, coordinator, workspace, example_design
):
    for module in db.session.scalars(select(Module)):
        module.schedule_date = date(2027, 2, 12)
    db.session.commit()
    lines = badge_criteria(snapshot(example_design))
    assert lines[-1] == "An den 3 Live-Terminen am 12.02.2027, 12.02.2027, 26.03.2027 teilnehmen."
    empty = designs.create_design(coordinator, workspace, "Leer")
    assert badge_criteria(snapshot(empty)) == ["Am ganzen Kurs teilnehmen."]


def test_a_published_offer_shows_its_badge(
    client, login, visitor, coordinator, workspace, example_design
):
    _give_badge(coordinator, example_design)
    login(coordinator)
    _publish(client, example_design.id)
    data = db.session.scalar(select(Offer)).data
    badge = data["badge"]
    assert badge["name"] == NAME and badge["criteria"] == badge_criteria(snapshot(example_design))
    assert badge["competences"][0]["text"] == snapshot(example_design).objectives[0].text
    listing, page = _pages(visitor, workspace)

    for html in (listing, page):
        image = re.search(r'"offer-badge[^"]*"[^>]*>\s*<img src="([^"]+)" alt="([^"]+)"', html)
        assert image, "the badge's image"
        assert unescape(image.group(2)) == f"Badge „{NAME}“"
        png = visitor.get(image.group(1))  # no account needed
        assert png.status_code == 200 and png.mimetype == "image/png"
    assert f"Führt zum Badge {NAME}" in _text(listing)
    assert "Vergeben für: 7 Lernnuggets des Kurses abschließen." in _text(listing)
    assert '<span lang="de">7 Lernnuggets' in listing
    text = _text(page)
    assert f'<a href="#badge">{NAME}</a>' in page and 'id="badge"' in page
    assert f"Badge: {NAME}" in text and "Für alle, die Lernmedien planen." in text
    assert "Vergeben für " + " ".join(badge["criteria"]) in text

    credential = _jsonld(page)["educationalCredentialAwarded"]
    assert credential == {
        "@type": "EducationalOccupationalCredential",
        "name": NAME,
        "description": "Für alle, die Lernmedien planen.",
        "credentialCategory": "badge",
        "url": f"http://localhost{badge['url']}",
        "image": f"http://localhost{badge['image']}",
        "competencyRequired": [c["text"] for c in badge["competences"]],
    }
    assert NAME in _text(visitor.get(badge["url"]).get_data(as_text=True))

    [item] = visitor.get(f"/offers/{workspace.slug}/feed.json").get_json()["items"]
    assert item["_badge"]["name"] == NAME and item["_badge"]["image"] == credential["image"]
    assert item["_course"]["educationalCredentialAwarded"] == credential
    [listed] = client.get(f"/api/v1/workspaces/{workspace.slug}/offers").get_json()
    assert listed["badge"]["criteria"] == badge["criteria"]
    assert listed["course"]["educationalCredentialAwarded"]["name"] == NAME

    english = visitor.get(f"/offers/{workspace.slug}", headers={"Accept-Language": "en"})
    assert f"Leads to the badge {NAME}" in _text(english.get_data(as_text=True))


def test_an_offer_without_a_badge_shows_none(
    client, login, visitor, coordinator, workspace, example_design
):
    login(coordinator)
    _publish(client, example_design.id)
    assert "badge" not in db.session.scalar(select(Offer)).data
    listing, page = _pages(visitor, workspace)
    for html in (listing, page):
        assert "offer-badge" not in html and "Badge" not in _text(html)
    assert "educationalCredentialAwarded" not in _jsonld(page)
    [item] = visitor.get(f"/offers/{workspace.slug}/feed.json").get_json()["items"]
    assert "_badge" not in item
    [listed] = client.get(f"/api/v1/workspaces/{workspace.slug}/offers").get_json()
    assert listed["badge"] is None


def test_an_offer_published_before_badges_renders_and_shows_one_once_published_again(
    client, login, visitor, coordinator, workspace, example_design
):
    _give_badge(coordinator, example_design)
    login(coordinator)
    _publish(client, example_design.id)
    offer = db.session.scalar(select(Offer))
    offer.data = {key: value for key, value in offer.data.items() if key != "badge"}
    db.session.commit()
    listing, page = _pages(visitor, workspace)
    assert "offer-badge" not in listing and "offer-badge" not in page
    assert "educationalCredentialAwarded" not in _jsonld(page)
    _publish(client, example_design.id)
    listing, page = _pages(visitor, workspace)
    assert "offer-badge" in listing and "educationalCredentialAwarded" in _jsonld(page)


def test_a_removed_badge_leaves_the_offer(
    client, login, visitor, coordinator, workspace, example_design
):
    _give_badge(coordinator, example_design)
    login(coordinator)
    _publish(client, example_design.id)
    assert "offer-badge" in _pages(visitor, workspace)[0]
    badges.remove_badge(coordinator, example_design)
    db.session.commit()
    listing, page = _pages(visitor, workspace)
    assert NAME not in listing and NAME not in page
    assert "educationalCredentialAwarded" not in _jsonld(page)
    assert "_badge" not in visitor.get(f"/offers/{workspace.slug}/feed.json").text
