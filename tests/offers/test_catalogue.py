"""The public catalogue of offers: publishing, finding, feeds, and nothing internal."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from lxml import etree
from sqlalchemy import select

from designer.extensions import db
from designer.models import Design, Nugget, Offer, User
from designer.services import badges, comments, designs
from designer.services import nuggets as nugget_service
from tests.conftest import PASSWORD

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def coordinator(workspace):
    return db.session.scalar(select(User).where(User.email == "coordinator@example.org"))


def _publish(client, design_id: int, **terms: str):
    data = {"place": "Hamburg", "price": "490,00", "currency": "EUR", **terms}
    return client.post(f"/designs/{design_id}/offer", data=data)


def _login_as(client):
    def do(user: User) -> None:
        response = client.post("/login", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 302

    return do


def _jsonld(html: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block, "the offer page carries JSON-LD"
    return json.loads(block.group(1))


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_a_published_offer_is_found_by_anonymous_visitors(
    app, client, login, coordinator, workspace, example_design
):
    assert client.get(f"/offers/{workspace.slug}").status_code == 404  # nothing published yet
    login(coordinator)
    form = client.get(f"/designs/{example_design.id}/offer").get_data(as_text=True)
    assert "Als Angebot veröffentlichen" in form
    assert _publish(client, example_design.id).status_code == 302
    manage = _text(client.get(f"/designs/{example_design.id}/offer").get_data(as_text=True))
    assert "Veröffentlicht am" in manage and "Angebot aktualisieren" in manage

    visitor = app.test_client()
    listing = _text(visitor.get(f"/offers/{workspace.slug}").get_data(as_text=True))
    assert example_design.title in listing
    assert "1 Angebot" in listing and "490,00 €" in listing and "Präsenz" in listing
    assert "01.02.2027 – 26.03.2027" in listing and "20 Stunden" in listing
    offer = db.session.scalar(select(Offer))
    page = visitor.get(f"/offers/{workspace.slug}/{offer.slug}").get_data(as_text=True)
    course = _jsonld(page)
    assert course["@context"] == "https://schema.org" and course["@type"] == "Course"
    assert course["name"] == example_design.title
    assert course["provider"] == {
        "@type": "Organization",
        "name": workspace.name,
        "url": f"http://localhost/offers/{workspace.slug}",
    }
    instance = course["hasCourseInstance"][0]
    assert instance["@type"] == "CourseInstance" and instance["courseMode"] == "blended"
    assert (instance["startDate"], instance["endDate"]) == ("2027-02-01", "2027-03-26")
    assert instance["location"] == {"@type": "Place", "name": "Hamburg"}
    assert instance["courseWorkload"] == "PT1200M"
    assert course["offers"] == [
        {
            "@type": "Offer",
            "category": "Paid",
            "price": "490.00",
            "priceCurrency": "EUR",
            "url": f"http://localhost/offers/{workspace.slug}/{offer.slug}",
        }
    ]
    assert course["teaches"] and all(isinstance(t, str) for t in course["teaches"])
    english = visitor.get(f"/offers/{workspace.slug}", headers={"Accept-Language": "en"}).get_data(
        as_text=True
    )
    assert "€490.00" in _text(english) and "1 offer" in _text(english)


def test_bad_terms_are_refused_and_nothing_is_published(
    client, login, coordinator, workspace, example_design
):
    login(coordinator)
    response = _publish(client, example_design.id, price="zu teuer", place="x" * 201)
    assert response.status_code == 200
    html = _text(response.get_data(as_text=True))
    assert "Dieser Wert ist ungültig." in html and "Dieser Text ist zu lang." in html
    assert db.session.scalar(select(Offer)) is None
    assert client.get(f"/offers/{workspace.slug}").status_code == 404


def test_the_offer_shows_what_was_published_until_it_is_published_again(
    app, client, login, coordinator, workspace, example_design
):
    login(coordinator)
    _publish(client, example_design.id)
    designs.update_grobkonzept(
        coordinator, example_design, {"offer_description": "Neue Beschreibung"}, None
    )
    db.session.commit()
    visitor = app.test_client()
    slug = db.session.scalar(select(Offer.slug))
    assert "Neue Beschreibung" not in visitor.get(f"/offers/{workspace.slug}/{slug}").text
    _publish(client, example_design.id)
    assert "Neue Beschreibung" in visitor.get(f"/offers/{workspace.slug}/{slug}").text


def test_nothing_internal_or_personal_reaches_the_public(
    app, client, login, coordinator, workspace, example_design
):
    nugget = db.session.scalar(select(Nugget).where(Nugget.workspace_id == workspace.id))
    nugget_service.update_nugget(
        coordinator,
        nugget,
        {"title": "INTERN-NUGGET", "author_note": "INTERN-HINWEIS"},
        nugget.lock_version,
        via=example_design,
    )
    nugget.visibility = "workspace"
    comments.add_comment(coordinator, example_design, "INTERN-KOMMENTAR", "design", None, None)
    badges.save_badge(coordinator, example_design, "Lernmedien-Profi", "", "circle", "blue")
    db.session.commit()
    login(coordinator)
    _publish(client, example_design.id)
    slug = db.session.scalar(select(Offer.slug))
    visitor = app.test_client()
    assert "offer-badge" in visitor.get(f"/offers/{workspace.slug}").text  # its criteria too
    pages = [
        f"/offers/{workspace.slug}",
        f"/offers/{workspace.slug}/{slug}",
        f"/offers/{workspace.slug}/feed.atom",
        f"/offers/{workspace.slug}/feed.json",
    ]
    for path in pages:
        body = visitor.get(path).get_data(as_text=True)
        for secret in ("INTERN-", coordinator.email, "Coordinator"):
            assert secret not in body, (path, secret)


def test_search_and_filters(app, client, login, coordinator, workspace, example_design):
    other = designs.create_design(coordinator, workspace, "Kommunikation im Team")
    designs.update_grobkonzept(
        coordinator, other, {"start_date": "2027-05-03", "offer_description": "Gespräche"}, None
    )
    db.session.commit()
    login(coordinator)
    _publish(client, example_design.id)
    _publish(client, other.id, place="online", price="")
    visitor = app.test_client()

    def titles(query: str) -> list[str]:
        html = visitor.get(f"/offers/{workspace.slug}?{query}").get_data(as_text=True)
        return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', html)

    both = titles("")
    assert both == [unescape(t) for t in both] and len(both) == 2
    assert titles("q=gespräche") == ["Kommunikation im Team"]
    assert titles("month=2027-05") == ["Kommunikation im Team"]
    assert len(titles("month=2027-02")) == 1 and titles("month=2027-02") != titles("month=2027-05")
    assert titles("mode=on_site") == [t for t in both if t != "Kommunikation im Team"]
    assert "Kein Angebot passt" in visitor.get(f"/offers/{workspace.slug}?q=zzz").text
    months = visitor.get(f"/offers/{workspace.slug}").text
    assert "Februar 2027" in months and "Mai 2027" in months


def test_feeds_list_the_offers(app, client, login, coordinator, workspace, example_design):
    login(coordinator)
    _publish(client, example_design.id)
    visitor = app.test_client()
    atom = visitor.get(f"/offers/{workspace.slug}/feed.atom")
    assert atom.mimetype == "application/atom+xml"
    feed = etree.fromstring(atom.data)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}").text
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [example_design.title]
    assert all(e.find(f"{ATOM}{n}") is not None for e in entries for n in ("id", "updated"))
    json_feed = visitor.get(f"/offers/{workspace.slug}/feed.json")
    assert json_feed.mimetype == "application/feed+json"
    data = json_feed.get_json()
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"] for i in data["items"]] == [example_design.title]
    assert data["items"][0]["_course"]["@type"] == "Course"


def test_withdrawn_or_trashed_offers_leave_the_catalogue(
    app, client, login, coordinator, workspace, example_design
):
    login(coordinator)
    _publish(client, example_design.id)
    slug = db.session.scalar(select(Offer.slug))
    assert client.post(f"/designs/{example_design.id}/offer/withdraw").status_code == 302
    visitor = app.test_client()
    assert visitor.get(f"/offers/{workspace.slug}/{slug}").status_code == 404
    manage = client.get(f"/designs/{example_design.id}/offer").get_data(as_text=True)
    assert "Als Angebot veröffentlichen" in manage
    _publish(client, example_design.id)
    designs.delete_design(coordinator, db.session.get(Design, example_design.id))
    db.session.commit()
    assert visitor.get(f"/offers/{workspace.slug}").status_code == 404


def test_only_coordinators_publish(
    app, client, login, coordinator, make_user, workspace, example_design
):
    login(coordinator)
    overview = client.get(f"/designs/{example_design.id}").get_data(as_text=True)
    assert f'href="/designs/{example_design.id}/offer"' in overview
    designer = make_user("designer@example.org", workspace=workspace, role="designer")
    client = app.test_client()
    login = _login_as(client)
    login(designer)
    overview = client.get(f"/designs/{example_design.id}").get_data(as_text=True)
    assert f'href="/designs/{example_design.id}/offer"' not in overview
    assert client.get(f"/designs/{example_design.id}/offer").status_code == 403
    assert _publish(client, example_design.id).status_code == 403
    assert db.session.scalar(select(Offer)) is None
