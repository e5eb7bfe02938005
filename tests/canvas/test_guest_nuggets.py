"""A guest of one design and the workspace library (issue 15, item 9): placing needs the
right to see the nugget, and a guest's edits never write library nuggets that other
designs use (the save makes a copy for the guest's design)."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import DesignMember, Nugget, NuggetRevision, Placement
from designer.services import designs
from tests.api.conftest import token_for
from tests.canvas.conftest import add_nuggets, module_ids
from tests.canvas.test_editor import _form

__all__ = ["token_for"]


@pytest.fixture
def other_design(designer, workspace):
    """A second design of the workspace that uses the library nugget "Gemeinsam"."""
    d = designs.create_design(designer, workspace, "Anderes Konzept")
    designs.add_module(designer, d, "Eins")
    db.session.commit()
    return d


@pytest.fixture
def shared(designer, other_design):
    first = module_ids(other_design)[0]
    (placement,) = add_nuggets(designer, other_design, first, 1, title="Gemeinsam")
    return db.session.get(Nugget, placement.nugget_id)


@pytest.fixture
def guest(make_user, design):
    person = make_user("gast@example.org", name="Gerda Gast")
    db.session.add(DesignMember(design_id=design.id, user_id=person.id, role="expert"))
    db.session.commit()
    return person


def _placements(design) -> list[Placement]:
    return db.session.query(Placement).filter_by(design_id=design.id).all()


def _place_on_canvas(client, design, nugget):
    return client.post(
        f"/designs/{design.id}/canvas/modules/{module_ids(design)[0]}/place",
        data={"nugget_id": str(nugget.id)},
    )


def test_a_guest_cannot_place_a_library_nugget(client, login, guest, design, shared):
    login(guest)
    assert _place_on_canvas(client, design, shared).status_code == 404
    assert _placements(design) == []
    page = client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
    assert "Gemeinsam" not in page


def test_a_guest_cannot_place_a_library_nugget_through_the_api(
    client, guest, design, shared, token_for
):
    response = client.post(
        f"/api/v1/designs/{design.id}/placements",
        json={"module_id": module_ids(design)[0], "nugget_id": shared.id},
        headers={"Authorization": f"Bearer {token_for(guest)}"},
    )
    assert response.status_code == 404
    assert _placements(design) == []


def test_a_guest_places_a_nugget_of_their_own_design_again(client, login, guest, designer, design):
    (placement,) = add_nuggets(designer, design, module_ids(design)[0], 1, title="Hier")
    login(guest)
    nugget = db.session.get(Nugget, placement.nugget_id)
    assert _place_on_canvas(client, design, nugget).status_code == 302
    assert len(_placements(design)) == 2
    page = client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
    assert page.count("Hier") >= 2


def test_a_member_places_a_library_nugget(client, login, designer, design, shared):
    login(designer)
    assert _place_on_canvas(client, design, shared).status_code == 302
    assert [p.nugget_id for p in _placements(design)] == [shared.id]


@pytest.fixture
def both_use_it(designer, design, shared):
    """`shared` placed on the guest's design as well (by a designer)."""
    from designer.services import placements

    placement = placements.place_nugget(designer, design, module_ids(design)[0], shared)
    db.session.commit()
    return placement


def test_a_guests_save_makes_a_copy_for_their_design(
    client, login, guest, design, other_design, shared, both_use_it
):
    login(guest)
    url = f"/designs/{design.id}/nuggets/{both_use_it.id}/edit"
    editor = client.get(url).get_data(as_text=True)
    assert "Beim Speichern entsteht eine Kopie" in editor
    response = client.post(url, data=_form(shared, both_use_it, title="Gerdas Fassung"))
    assert response.status_code == 302
    db.session.expire_all()
    original = db.session.get(Nugget, shared.id)
    assert (original.title, original.revision) == ("Gemeinsam", 1)
    assert db.session.query(NuggetRevision).filter_by(nugget_id=shared.id).count() == 1
    mine = db.session.get(Placement, both_use_it.id)
    copy = db.session.get(Nugget, mine.nugget_id)
    assert copy.id != shared.id and copy.forked_from_id == shared.id
    assert (copy.title, mine.nugget_revision) == ("Gerdas Fassung", copy.revision)
    assert "Gerdas Fassung" in client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
    login(db.session.get(type(guest), other_design.created_by_id))
    other_canvas = client.get(f"/designs/{other_design.id}/canvas").get_data(as_text=True)
    assert "Gemeinsam" in other_canvas
    assert "Aktualisierung verfügbar" not in other_canvas


def test_a_guests_second_save_edits_their_copy(client, login, guest, design, shared, both_use_it):
    login(guest)
    url = f"/designs/{design.id}/nuggets/{both_use_it.id}/edit"
    client.post(url, data=_form(shared, both_use_it, title="Erste"))
    db.session.expire_all()
    copy = db.session.get(Nugget, db.session.get(Placement, both_use_it.id).nugget_id)
    placement = db.session.get(Placement, both_use_it.id)
    client.post(url, data=_form(copy, placement, title="Zweite"))
    db.session.expire_all()
    assert db.session.query(Nugget).filter(Nugget.forked_from_id == shared.id).count() == 1
    assert db.session.get(Nugget, copy.id).title == "Zweite"


def test_a_member_still_edits_the_library_nugget(
    client, login, designer, design, other_design, shared, both_use_it
):
    login(designer)
    url = f"/designs/{design.id}/nuggets/{both_use_it.id}/edit"
    assert "Beim Speichern entsteht eine Kopie" not in client.get(url).get_data(as_text=True)
    client.post(url, data=_form(shared, both_use_it, title="Neue Fassung"))
    db.session.expire_all()
    assert db.session.get(Nugget, shared.id).revision == 2
    other_canvas = client.get(f"/designs/{other_design.id}/canvas").get_data(as_text=True)
    assert "Aktualisierung verfügbar" in other_canvas


def test_a_guest_edits_a_nugget_only_their_design_uses_in_place(
    client, login, guest, designer, design
):
    (placement,) = add_nuggets(designer, design, module_ids(design)[0], 1, title="Nur hier")
    nugget = db.session.get(Nugget, placement.nugget_id)
    login(guest)
    url = f"/designs/{design.id}/nuggets/{placement.id}/edit"
    client.post(url, data=_form(nugget, placement, title="Nur hier, besser"))
    db.session.expire_all()
    assert db.session.get(Placement, placement.id).nugget_id == nugget.id
    assert db.session.get(Nugget, nugget.id).title == "Nur hier, besser"
