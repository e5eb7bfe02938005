"""The nugget library: full-text search, filters, usage counts, copies."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import Nugget
from designer.queries.library import LibraryFilter, search, usage_counts
from designer.services import designs, nuggets, placements
from tests.canvas.conftest import module_ids


@pytest.fixture
def library(designer, workspace):
    def make(title, **values):
        return nuggets.create_nugget(designer, workspace, {"title": title, **values})

    items = {
        "video": make(
            "Erklärvideo drehen",
            learning_type="production",
            delivery_mode="at_workplace",
            duration_minutes=120,
            tags=["Video", "Übung"],
        ),
        "forum": make(
            "Austausch",
            summary="Forum mit Peer-Feedback",
            learning_type="discussion",
            duration_minutes=45,
            tags=["Forum"],
        ),
        "input": make(
            "Input",
            content_html="<p>Die 100% sichere Methode</p>",
            duration_minutes=15,
            delivery_mode="live_online",
        ),
    }
    db.session.commit()
    return items


def _titles(found: list[Nugget]) -> list[str]:
    return [n.title for n in found]


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        (LibraryFilter(text="video"), ["Erklärvideo drehen"]),  # title, any case
        (LibraryFilter(text="PEER"), ["Austausch"]),  # summary
        (LibraryFilter(text="100% sichere"), ["Input"]),  # content; % is literal
        (LibraryFilter(text="Method_"), []),  # _ is literal, no wildcard
        (LibraryFilter(text="Forum"), ["Austausch"]),  # summary and tag
        (LibraryFilter(text="Übung"), ["Erklärvideo drehen"]),  # non-ASCII tag
        (LibraryFilter(learning_type="discussion"), ["Austausch"]),
        (LibraryFilter(delivery_mode="live_online"), ["Input"]),
        (LibraryFilter(min_minutes=30, max_minutes=60), ["Austausch"]),
        (LibraryFilter(tag="Video"), ["Erklärvideo drehen"]),
        (LibraryFilter(tag="Vid"), []),  # tags match whole
        (LibraryFilter(tag="Übung", min_minutes=100), ["Erklärvideo drehen"]),
    ],
)
def test_search_and_filters(library, workspace, criteria, expected):
    assert _titles(search(workspace, criteria)) == expected


def test_search_stays_in_the_workspace(library, workspace, make_user):
    from designer.services import workspaces

    other_user = make_user("other@example.org")
    other = workspaces.create_workspace(other_user, "Andere")
    nuggets.create_nugget(other_user, other, {"title": "Erklärvideo anderswo"})
    db.session.commit()
    assert _titles(search(workspace, LibraryFilter(text="video"))) == ["Erklärvideo drehen"]


def test_usage_counts_designs_not_placements(library, designer, workspace, design):
    first, second = module_ids(design)
    video = library["video"]
    placements.place_nugget(designer, design, first, video)
    placements.place_nugget(designer, design, second, video)
    other = designs.create_design(designer, workspace, "Zweites Konzept")
    module = designs.add_module(designer, other, "M")
    placements.place_nugget(designer, other, module.id, video)
    placements.place_nugget(designer, other, module.id, library["forum"])
    db.session.commit()
    ids = [n.id for n in library.values()]
    assert usage_counts(ids) == {video.id: 2, library["forum"].id: 1}
    designs.delete_design(designer, other)
    db.session.commit()
    assert usage_counts(ids) == {video.id: 1}


def test_library_page_filters_and_counts(client, login, designer, workspace, library, design):
    placements.place_nugget(designer, design, module_ids(design)[0], library["forum"])
    db.session.commit()
    login(designer)
    html = client.get(
        f"/w/{workspace.slug}/library?q=&learning_type=discussion&min_minutes=10"
    ).get_data(as_text=True)
    assert "Austausch" in html and "Erklärvideo" not in html
    assert '<td class="num">1</td>' in html
    refused = client.get(f"/w/{workspace.slug}/library?min_minutes=viele")
    assert refused.status_code == 200
    assert 'id="min_minutes-error"' in refused.get_data(as_text=True)


def test_make_a_copy_forks(client, login, designer, workspace, library):
    login(designer)
    original = library["forum"]
    response = client.post(f"/w/{workspace.slug}/library/{original.id}/fork")
    assert response.status_code == 302
    copy = db.session.scalars(db.select(Nugget).where(Nugget.forked_from_id == original.id)).one()
    assert response.headers["Location"].endswith(f"/library/{copy.id}/edit")
    assert (copy.title, copy.summary, copy.tags) == (original.title, original.summary, ["Forum"])
    assert copy.revision == 1
