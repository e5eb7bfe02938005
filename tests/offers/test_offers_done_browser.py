"""Issue 17's "Done means" in Chromium, for the catalogue: a coordinator gives two designs
badges and publishes both as offers; an anonymous visitor finds them (search and filter),
opens one, reads its badge, its criteria and the state of its quality seal, and sends a
request for training; the coordinator sees it arrive and turns it into a design that opens
pre-filled. Catalogue and offer page fit 390 and 1440 px with no serious accessibility
fault. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from designer.core.snapshot import snapshot_hash
from designer.extensions import db
from designer.importers.kurswerk import read_json_file
from designer.models import Design, Offer, Review, TrainingRequest, User
from designer.queries.read_model import snapshot
from designer.services import revisions
from designer.services.importing import import_design
from tests.browser import serious_violations
from tests.conftest import PASSWORD
from tests.paths import EXAMPLE_JSON

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
SECOND = "Online-Workshops moderieren"
BADGES = {
    "first": ("Lernmedien-Profi", "Plant und erstellt Lernmedien für den eigenen Betrieb."),
    "second": ("Moderation online", "Moderiert Workshops im Videokonferenzraum sicher."),
}


def check(page, name: str, width: int) -> None:
    """No sideways scroll, no serious or critical axe finding, and a screenshot."""
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), name
    assert serious_violations(page) == [], name
    page.screenshot(path=str(SHOTS / f"{width}-{name}.png"), full_page=True)


def _second_design(app, workspace) -> Design:
    """The example course once more, as another offer: other title, month and text."""
    imported = read_json_file(EXAMPLE_JSON)
    snap = imported.snapshot
    grobkonzept = replace(
        snap.grobkonzept,
        start_date="2027-05-03",
        end_date="2027-05-28",
        offer_description="Sie moderieren Online-Workshops mit Breakout-Räumen und Whiteboard.",
        pass_mark_percent=70,
    )
    doc = replace(imported, snapshot=replace(snap, title=SECOND, grobkonzept=grobkonzept))
    made = import_design(None, workspace, doc, app.extensions["file_store"])
    db.session.commit()
    return made


def _seal(design: Design, reviewer: User) -> None:
    """An approved review of the design as it stands (the review flow has its own tests)."""
    revision = revisions.save_named_version(reviewer, design, "Zur Prüfung")
    db.session.add(
        Review(
            design_id=design.id,
            reviewer_id=reviewer.id,
            submitted_revision=revision.number,
            decision="approved",
            revision_number=revision.number,
            snapshot_hash=snapshot_hash(snapshot(design)),
            signed_at=design.created_at,
            seal_token="siegel-der-akademie-nord-1",
        )
    )
    db.session.commit()


def _log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit].primary")
    page.wait_for_url(f"{base}/")


def _give_badge(page, base: str, design: Design, name: str, text: str) -> None:
    page.goto(f"{base}/designs/{design.id}")
    page.get_by_role("link", name="Badge", exact=True).click()
    page.fill("#name", name)
    page.fill("#description", text)
    page.get_by_label("Sechseck").check()
    page.get_by_role("button", name="Dem Kurskonzept ein Badge geben").click()
    page.wait_for_selector("text=Das Badge ist gespeichert.")


def _publish(page, base: str, design: Design, place: str, price: str) -> None:
    page.goto(f"{base}/designs/{design.id}")
    page.get_by_role("link", name="Angebot", exact=True).click()
    page.get_by_text("Das Angebot zeigt das Badge").wait_for()
    page.fill("#place", place)
    page.fill("#price", price)
    page.get_by_role("button", name="Als Angebot veröffentlichen").click()
    page.wait_for_selector("text=Das Angebot ist veröffentlicht.")


def _titles(page) -> list[str]:
    return page.locator(".offer-card h2").all_inner_texts()


def test_two_offers_with_badges_are_found_requested_and_turned_into_a_design(
    browser, live_server, app, workspace, example_design
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    coordinator = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    second = _second_design(app, workspace)
    first_title = example_design.title

    office = browser.new_context(locale="de-DE", viewport={"width": 1440, "height": 900})
    page = office.new_page()
    _log_in(page, live_server, coordinator.email)
    _give_badge(page, live_server, example_design, *BADGES["first"])
    _give_badge(page, live_server, second, *BADGES["second"])
    db.session.expire_all()
    _seal(example_design, coordinator)
    _publish(page, live_server, example_design, "Hamburg, Bildungszentrum", "490")
    _publish(page, live_server, second, "online", "")
    db.session.expire_all()
    criteria = {
        o.data["title"]: o.data["badge"]["criteria"] for o in db.session.scalars(select(Offer))
    }
    assert set(criteria) == {first_title, SECOND}

    catalogue = f"{live_server}/offers/{workspace.slug}"
    for width in (1440, 390):
        visitor = browser.new_context(locale="de-DE", viewport={"width": width, "height": 900})
        anonymous = visitor.new_page()
        anonymous.goto(catalogue)
        assert anonymous.get_by_role("status").first.inner_text() == "2 Angebote"
        assert sorted(_titles(anonymous)) == sorted([first_title, SECOND])
        cards = anonymous.locator(".offer-card")
        for name, _text in BADGES.values():
            card = cards.filter(has_text=f"Führt zum Badge {name}")
            image = card.get_by_role("img", name=f"Badge „{name}“")
            image.evaluate("img => img.decode()")
            assert image.evaluate("img => img.naturalWidth") == 400
        check(anonymous, "offers-with-badges", width)

        anonymous.fill("#q", "Breakout")
        anonymous.get_by_role("button", name="Suchen").click()
        anonymous.wait_for_url("**q=Breakout**")
        assert _titles(anonymous) == [SECOND]
        anonymous.fill("#q", "")
        anonymous.select_option("#month", "2027-02")
        anonymous.get_by_role("button", name="Suchen").click()
        anonymous.wait_for_url("**month=2027-02**")
        assert _titles(anonymous) == [first_title]

        anonymous.get_by_role("link", name=first_title).click()
        anonymous.get_by_role("heading", level=1, name=first_title).wait_for()
        name, text = BADGES["first"]
        badge = anonymous.locator(".offer-badge-full")
        assert badge.get_by_role("heading", level=2).inner_text() == f"Badge: {name}"
        assert text in badge.inner_text()
        assert badge.locator(".badge-criteria li").all_inner_texts() == criteria[first_title]
        seal = anonymous.locator(".offer-facts div", has_text="Qualitätssiegel")
        assert seal.locator("dd").inner_text() == "Gültig"
        check(anonymous, "offer-with-badge", width)
        if width == 390:
            seal.get_by_role("link", name="Gültig").click()
            anonymous.get_by_text("Das Kurskonzept ist seit der Freigabe unverändert.").wait_for()
            anonymous.go_back()
            anonymous.get_by_role("link", name="Diese Schulung anfragen").click()
            anonymous.get_by_role("heading", level=1, name="Bildungsanfrage").wait_for()
            anonymous.get_by_label("Zahl der Personen (optional)").fill("14")
            anonymous.get_by_label("Wer nimmt teil? (optional)").fill("Ausbilderinnen der Werft")
            anonymous.get_by_label("Gewünschte Durchführungsform").select_option("live_online")
            anonymous.get_by_label("Ihr Name").fill("Frau Petersen")
            anonymous.get_by_label("E-Mail-Adresse").fill("petersen@example.org")
            anonymous.wait_for_timeout(3000)  # a person takes a few seconds; faster is refused
            anonymous.get_by_role("button", name="Anfrage senden").click()
            anonymous.get_by_role(
                "heading", level=1, name="Vielen Dank für Ihre Anfrage"
            ).wait_for()
        visitor.close()

    assert db.session.scalar(select(TrainingRequest.name)) == "Frau Petersen"
    page.goto(f"{live_server}/w/{workspace.slug}")
    page.get_by_role("link", name="Bildungsanfragen").click()
    page.get_by_role("heading", level=1, name="Bildungsanfragen").wait_for()
    page.get_by_role("link", name=first_title).first.click()
    assert page.get_by_role("link", name="petersen@example.org").is_visible()
    page.get_by_label("Vorlage").select_option("builtin:blank")
    page.get_by_role("button", name="Kurskonzept anlegen").click()
    page.wait_for_url("**/designs/*")
    assert page.locator("h1").first.inner_text() == first_title
    made = db.session.scalar(select(TrainingRequest.design_id))
    page.goto(f"{live_server}/designs/{made}/grobkonzept")
    assert page.locator("#target_group").input_value() == "Ausbilderinnen der Werft"
    assert page.locator("#participants_max").input_value() == "14"
    office.close()
