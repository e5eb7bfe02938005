"""No lost work: stale saves get 409 with the current state; different nuggets never clash."""

import pytest
from sqlalchemy.orm.exc import StaleDataError

from designer.extensions import db
from designer.models import Design, Nugget, Placement
from designer.services import designs as design_service
from designer.services import nuggets as nugget_service
from designer.services.errors import Conflict
from tests.conftest import PASSWORD

JSON = {"Accept": "application/json"}


def logged_in(app, user):
    client = app.test_client()
    assert (
        client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 302
    )
    return client


def form_of(design: Design, **changes) -> dict:
    values = {
        "title": design.title,
        "target_group": design.target_group,
        "lock_version": str(design.lock_version),
    }
    values.update(changes)
    return values


def test_second_stale_grobkonzept_save_gets_409_with_the_other_version(app, people, example_design):
    anna = logged_in(app, people["designer"])
    bert = logged_in(app, people["coordinator"])
    url = f"/designs/{example_design.id}/grobkonzept/edit"
    base = form_of(example_design)
    first = anna.post(url, data={**base, "target_group": "Annas Zielgruppe"}, headers=JSON)
    assert first.status_code == 200
    new_version = first.get_json()["lock_version"]
    second = bert.post(url, data={**base, "target_group": "Berts Zielgruppe"}, headers=JSON)
    assert second.status_code == 409
    current = second.get_json()["current"]
    assert current["target_group"] == "Annas Zielgruppe"
    assert current["lock_version"] == new_version
    db.session.expire_all()
    assert db.session.get(Design, example_design.id).target_group == "Annas Zielgruppe"
    # Bert keeps his text and saves on top of the current version.
    again = bert.post(
        url,
        data={**base, "target_group": "Berts Zielgruppe", "lock_version": str(new_version)},
        headers=JSON,
    )
    assert again.status_code == 200
    db.session.expire_all()
    assert db.session.get(Design, example_design.id).target_group == "Berts Zielgruppe"


def test_without_javascript_the_form_keeps_what_was_typed_and_shows_both(
    app, people, example_design
):
    anna = logged_in(app, people["designer"])
    bert = logged_in(app, people["coordinator"])
    url = f"/designs/{example_design.id}/grobkonzept/edit"
    base = form_of(example_design)
    anna.post(url, data={**base, "target_group": "Annas Zielgruppe"})
    page = bert.post(url, data={**base, "target_group": "Berts Zielgruppe"})
    assert page.status_code == 409  # as in the wizard: the save was refused
    html = page.get_data(as_text=True)
    assert "Berts Zielgruppe" in html and "Annas Zielgruppe" in html
    db.session.expire_all()
    current = db.session.get(Design, example_design.id).lock_version
    assert f'value="{current}"' in html


def test_invalid_input_answers_422_with_field_texts(app, people, example_design):
    anna = logged_in(app, people["designer"])
    url = f"/designs/{example_design.id}/grobkonzept/edit"
    response = anna.post(
        url,
        data=form_of(example_design, start_date="2027-05-02", end_date="2027-05-01"),
        headers=JSON,
    )
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {"end_date"}


def _two_nuggets(design):
    ids = db.session.query(Placement.nugget_id).filter_by(design_id=design.id).limit(2).all()
    return [db.session.get(Nugget, i) for (i,) in ids]


def test_two_people_editing_the_same_nugget_second_gets_conflict(people, example_design):
    nugget, _other = _two_nuggets(example_design)
    seen_by_both = nugget.lock_version
    nugget_service.update_nugget(
        people["designer"], nugget, {"duration_minutes": 45}, seen_by_both, via=example_design
    )
    db.session.commit()
    with pytest.raises(Conflict) as caught:
        nugget_service.update_nugget(
            people["coordinator"], nugget, {"duration_minutes": 15}, seen_by_both
        )
    db.session.rollback()
    assert caught.value.current["duration_minutes"] == 45
    assert caught.value.current["lock_version"] == nugget.lock_version
    assert db.session.get(Nugget, nugget.id).duration_minutes == 45


def test_two_people_editing_different_nuggets_both_save(people, example_design):
    first, second = _two_nuggets(example_design)
    versions = first.lock_version, second.lock_version
    nugget_service.update_nugget(people["designer"], first, {"title": "Eins"}, versions[0])
    nugget_service.update_nugget(people["coordinator"], second, {"title": "Zwei"}, versions[1])
    db.session.commit()
    assert (first.title, second.title) == ("Eins", "Zwei")


def test_simultaneous_saves_the_database_refuses_become_409(app, people, example_design):
    """Both saves pass the lock_version check; the versioned UPDATE lets only one through."""
    design_id = example_design.id
    stale = db.session.get(Design, design_id)
    seen = stale.lock_version
    with app.app_context():  # a second request, in its own session, wins the race
        other = db.session.get(Design, design_id)
        design_service.update_grobkonzept(people["designer"], other, {"title": "Zuerst"}, seen)
        db.session.commit()
    with pytest.raises(StaleDataError):
        design_service.update_grobkonzept(people["coordinator"], stale, {"title": "Zweiter"}, seen)
    db.session.rollback()
    assert db.session.get(Design, design_id).title == "Zuerst"


def test_a_refused_simultaneous_save_answers_409(app, people):
    @app.get("/_test/stale")
    def stale():
        raise StaleDataError("UPDATE matched 0 rows")

    client = app.test_client()
    response = client.get("/_test/stale", headers=JSON)
    assert response.status_code == 409
    assert response.get_json()["error"] == "conflict"
    assert client.get("/_test/stale").status_code == 409
