"""A save that lost a race names the person who changed the thing in the meantime,
where Kurswerk knows them: on the canvas, on error pages and in the nugget editor."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import select

from designer.extensions import db
from designer.models import Module, Nugget, Placement
from designer.services import designs
from tests.canvas.test_editor_conflicts import form_data, save_as
from tests.conftest import PASSWORD


@pytest.fixture
def pair(app, workspace, make_user, example_design):
    anna = make_user("anna@example.org", workspace=workspace, role="designer", name="Anna Berg")
    bert = make_user("bert@example.org", workspace=workspace, role="designer", name="Bert Klein")
    module = db.session.scalar(select(Module).where(Module.design_id == example_design.id))
    return anna, bert, module


def _client(app, user):
    client = app.test_client()
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    return client


def _rename(client, design, module, title, version, **headers):
    url = f"/designs/{design.id}/canvas/modules/{module.id}/rename"
    return client.post(url, data={"title": title, "lock_version": version}, headers=headers)


def test_a_stale_canvas_save_names_who_changed_it(app, pair, example_design):
    anna, bert, module = pair
    loaded = module.lock_version
    designs.update_module(anna, example_design, module.id, {"title": "Annas Titel"}, loaded)
    db.session.commit()
    bert_client = _client(app, bert)
    answer = _rename(
        bert_client, example_design, module, "Berts Titel", loaded, **{"HX-Request": "true"}
    )
    assert answer.status_code == 409
    assert answer.get_json()["changed_by"] == "Anna Berg"
    assert answer.get_json()["message"] == "Anna Berg hat das inzwischen geändert."
    page = unescape(_rename(bert_client, example_design, module, "B", loaded).get_data(True))
    assert "Anna Berg hat das inzwischen geändert. Laden Sie die Seite neu" in page
    canvas = unescape(bert_client.get(f"/designs/{example_design.id}/canvas").get_data(True))
    assert 'data-conflict-by="{name} hat das inzwischen geändert.' in canvas


def test_ones_own_earlier_change_names_nobody(app, pair, example_design):
    anna, _bert, module = pair
    loaded = module.lock_version
    designs.update_module(anna, example_design, module.id, {"title": "Erster Tab"}, loaded)
    db.session.commit()
    answer = _rename(
        _client(app, anna), example_design, module, "Zweiter Tab", loaded, **{"HX-Request": "true"}
    )
    assert answer.status_code == 409
    assert answer.get_json()["changed_by"] is None
    assert answer.get_json()["message"] == "Jemand anderes hat das inzwischen geändert."


def test_the_nugget_editor_names_who_saved_in_the_meantime(app, pair, example_design):
    anna, bert, _module = pair
    nugget = db.session.scalar(select(Nugget).where(Nugget.title == "Das SAMR-Modell"))
    placement = db.session.scalar(select(Placement).where(Placement.nugget_id == nugget.id))
    url = f"/designs/{example_design.id}/nuggets/{placement.id}/edit"
    loaded = form_data(nugget, placement)
    assert save_as(app, bert, url, {**loaded, "duration_minutes": "25"}).status_code == 302
    answer = save_as(app, anna, url, {**loaded, "duration_minutes": "40"})
    page = unescape(answer.get_data(as_text=True))
    assert answer.status_code == 409
    assert "Bert Klein hat das inzwischen geändert" in page
    assert re.search(r"<th scope=\"col\">Gespeichert von Bert Klein</th>", page)
    assert "Jemand anderes" not in page and "jemand anderem" not in page
