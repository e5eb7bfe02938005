"""No English left on German pages: the main pages, rendered for a German user, show no
English catalogue text verbatim where the catalogue has a German one."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from designer.extensions import db
from designer.models import Placement, User
from designer.services import accounts
from tests.unit.test_translations import CATALOGUE

PAGES = (
    "/",
    "/account/password",
    "/account/tokens",
    "/catalogue",
    "/notifications",
    "/w/{slug}",
    "/w/{slug}/activity",
    "/w/{slug}/checklists",
    "/w/{slug}/designs/new",
    "/w/{slug}/import",
    "/w/{slug}/import/plan",
    "/w/{slug}/invitations",
    "/w/{slug}/library",
    "/w/{slug}/members",
    "/w/{slug}/requests",
    "/w/{slug}/sharing",
    "/w/{slug}/trash",
    "/designs/{design}",
    "/designs/{design}/activity",
    "/designs/{design}/canvas",
    "/designs/{design}/comments",
    "/designs/{design}/export",
    "/designs/{design}/grobkonzept",
    "/designs/{design}/grobkonzept/edit",
    "/designs/{design}/nuggets/{placement}/edit",
    "/designs/{design}/people",
    "/designs/{design}/print",
    "/designs/{design}/quality/report",
    "/designs/{design}/review/submit",
    "/designs/{design}/reviews",
    "/designs/{design}/revisions",
    "/designs/{design}/save-template",
    "/designs/{design}/wizard",
)
ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}


class Texts(HTMLParser):
    """The texts a person reads or hears: text nodes and labelling attributes."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        self.texts += [value for name, value in attrs if name in ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data)


def page_texts(html: str) -> list[str]:
    parser = Texts()
    parser.feed(html)
    return [" ".join(t.split()) for t in parser.texts]


# English texts that are German words too ("der Import"), for example as a version's name.
ALSO_GERMAN = {"Import"}


def english_msgids() -> set[str]:
    """English texts whose German differs, that have no placeholders and that are no German
    text of the catalogue themselves ("Module" is the German plural of "Modul")."""
    with CATALOGUE.open("rb") as fh:
        catalog = [m for m in read_po(fh) if isinstance(m.id, str) and m.id]
    german = {m.string for m in catalog}
    return {
        m.id
        for m in catalog
        if m.string != m.id and "%(" not in m.id and m.id not in german | ALSO_GERMAN
    }


def untranslated(html: str, msgids: set[str]) -> set[str]:
    found = {text for text in page_texts(html) if text in msgids}
    full = " ".join(page_texts(html))
    if "Kurswerk bundle" in full:
        found.add("Kurswerk bundle")
    found |= {f"{ext} twice" for ext in re.findall(r"(\.[a-z0-9]+)\)?\s+\1(?![\w.])", full)}
    found |= set(re.findall(r"%\(\w+\)[sd]", full))
    return found


@pytest.fixture
def crawl(client, workspace, example_design, login):
    owner = db.session.query(User).filter_by(email="coordinator@example.org").one()
    owner.display_name = "Clara Koch"  # not "Coordinator", which is also a catalogue text
    placement = db.session.query(Placement).filter_by(design_id=example_design.id).first()

    def run(locale: str) -> dict[str, str]:
        accounts.set_locale(owner, locale)
        db.session.commit()
        login(owner)
        pages = {}
        for pattern in PAGES:
            url = pattern.format(
                slug=workspace.slug, design=example_design.id, placement=placement.id
            )
            response = client.get(url, follow_redirects=True)
            assert response.status_code == 200, url
            pages[url] = response.get_data(as_text=True)
        return pages

    return run


def test_german_pages_show_no_english_catalogue_text(crawl):
    msgids = english_msgids()
    found = {url: untranslated(html, msgids) for url, html in crawl("de").items()}
    assert {url: texts for url, texts in found.items() if texts} == {}


def test_the_crawl_finds_english_on_english_pages(crawl):
    """The same check on the English pages finds the catalogue's texts (so it can fire)."""
    msgids = english_msgids()
    found = set().union(*(untranslated(html, msgids) for html in crawl("en").values()))
    assert {"Learning type", "Delivery mode", "Canvas"} <= found
    assert "Kurswerk bundle" in found


def test_extension_twice_and_leftover_placeholders_are_caught():
    html = "<h2>Moodle course backup (.mbz) <span>.mbz</span></h2><p>%(n)s Befunde</p>"
    assert untranslated(html, set()) == {".mbz twice", "%(n)s"}
    assert untranslated("<h2>Moodle-Kurssicherung <span>.mbz</span></h2>", set()) == set()
