"""Two people save the same nugget: nothing typed is lost, nothing saved is overwritten
unseen. The later save is merged field by field against the revision its form was
loaded with (409 with the merged form)."""

import re

import pytest
from sqlalchemy import select

from designer.extensions import db
from designer.models import Nugget, Placement
from designer.web.forms.nuggets import nugget_form_data


def form_data(nugget, placement) -> dict:
    data = {
        "objective_ids": [o.id for o in placement.objectives],
        "placement_lock_version": placement.lock_version,
    }
    for name, value in nugget_form_data(nugget).items():
        if value is True:
            data[name] = "y"
        elif value in (False, None):
            continue
        else:
            data[name] = value
    return data


@pytest.fixture
def setup(app, workspace, make_user, example_design):
    anna = make_user("anna@example.org", workspace=workspace, role="designer")
    bert = make_user("bert@example.org", workspace=workspace, role="designer")
    nugget = db.session.scalar(select(Nugget).where(Nugget.title == "Das SAMR-Modell"))
    placement = db.session.scalar(select(Placement).where(Placement.nugget_id == nugget.id))
    url = f"/designs/{example_design.id}/nuggets/{placement.id}/edit"
    return anna, bert, nugget, url, placement


def save_as(app, user, url, data):
    client = app.test_client()
    client.post("/login", data={"email": user.email, "password": "correct horse battery"})
    return client.post(url, data=data)


def test_changes_to_different_fields_are_merged(app, setup):
    anna, bert, nugget, url, placement = setup
    loaded = form_data(nugget, placement)  # both open the editor now
    bert_saves = save_as(app, bert, url, {**loaded, "title": "SAMR kompakt"})
    assert bert_saves.status_code == 302
    answer = save_as(app, anna, url, {**loaded, "summary": "Vier Stufen digitaler Medien."})
    page = answer.get_data(as_text=True)
    assert answer.status_code == 409
    assert 'value="SAMR kompakt"' in page  # Bert's title is in Anna's form now
    assert "Vier Stufen digitaler Medien." in page  # and Anna's summary is kept
    merged = {
        name: value
        for name, value in re.findall(
            r'name="(lock_version|base_revision)" type="hidden" value="(\d+)"', page
        )
    }
    again = save_as(
        app, anna, url,
        {**loaded, "title": "SAMR kompakt", "summary": "Vier Stufen digitaler Medien.", **merged},
    )  # fmt: skip
    assert again.status_code == 302
    db.session.refresh(nugget)
    assert (nugget.title, nugget.summary) == ("SAMR kompakt", "Vier Stufen digitaler Medien.")


def test_both_changing_one_field_shows_both_versions(app, setup):
    anna, bert, nugget, url, placement = setup
    loaded = form_data(nugget, placement)
    save_as(app, bert, url, {**loaded, "duration_minutes": "25"})
    answer = save_as(app, anna, url, {**loaded, "duration_minutes": "40", "method": "Lesen"})
    page = answer.get_data(as_text=True)
    assert answer.status_code == 409
    row = re.search(
        r'<td class="value">40</td><td class="value">25</td>',
        page,
    )
    assert row, "the comparison shows Anna's 40 beside Bert's 25"
    assert 'name="duration_minutes" type="text" value="40"' in page
    db.session.refresh(nugget)
    assert nugget.duration_minutes == 25  # nothing saved until Anna decides
