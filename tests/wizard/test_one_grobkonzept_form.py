"""The expert page and the collaborative editor are one Grobkonzept form: the same labels,
the same messages for the same input, the same conflict view on a stale save."""

from __future__ import annotations

import re
from html import unescape

import pytest

from designer.extensions import db
from designer.models import Design
from designer.services import designs as design_service
from designer.web.wizard_steps import ALL_FIELDS
from tests.wizard.helpers import expected_error, field_error

EDITORS = ("/designs/{id}/grobkonzept", "/designs/{id}/grobkonzept/edit")


def _fresh(design_id: int) -> Design:
    db.session.expire_all()
    return db.session.get(Design, design_id)


def _all_values(design: Design, **changes: str) -> dict[str, str]:
    values = {name: "" for name in ALL_FIELDS}
    values["pass_mark_percent"] = str(design.pass_mark_percent)  # shown filled in, always
    values.update(title=design.title, lock_version=str(design.lock_version), **changes)
    return values


def _labels(html: str) -> dict[str, str]:
    found = re.findall(r'<label for="(\w+)">([^<]*)</label>', html)
    return {name: unescape(text) for name, text in found if name in ALL_FIELDS}


def test_both_editors_show_every_field_with_the_same_label(client, login, designer_user, blended):
    login(designer_user)
    expert, collab = (
        _labels(client.get(url.format(id=blended.id)).get_data(as_text=True)) for url in EDITORS
    )
    assert set(expert) == set(ALL_FIELDS)
    assert expert == collab
    assert expert["target_group"] == "Zielgruppe"
    assert expert["participants_min"] == "Teilnehmende mindestens"


@pytest.mark.parametrize("url", EDITORS)
def test_both_editors_refuse_the_same_input_with_the_same_messages(
    app, client, login, designer_user, blended, url
):
    login(designer_user)
    values = _all_values(
        _fresh(blended.id),
        planned_workload_minutes="zwanzig",
        participants_min="12",
        participants_max="8",
        start_date="2027-03-01",
        end_date="2027-02-01",
        prerequisites="Eigenes Lernprojekt",
    )
    response = client.post(url.format(id=blended.id), data=values)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert field_error(html, "planned_workload_minutes") == expected_error(
        app, "not_a_number", "de"
    )
    assert field_error(html, "participants_max") == expected_error(app, "below_min", "de")
    assert field_error(html, "end_date") == expected_error(app, "before_start", "de")
    assert "Eigenes Lernprojekt" in html  # what was typed stays
    assert _fresh(blended.id).participants_min is None  # nothing half-saved


@pytest.mark.parametrize("url", EDITORS)
def test_both_editors_save_the_same_values(client, login, designer_user, blended, url):
    login(designer_user)
    values = _all_values(
        _fresh(blended.id), target_group=" Fachkräfte ", participants_max="16", end_date=""
    )
    assert client.post(url.format(id=blended.id), data=values).status_code == 302
    design = _fresh(blended.id)
    assert (design.target_group, design.participants_max, design.end_date) == (
        "Fachkräfte",
        16,
        None,
    )


@pytest.mark.parametrize("url", EDITORS)
def test_a_stale_save_opens_the_same_conflict_view(client, login, designer_user, blended, url):
    login(designer_user)
    stale = _fresh(blended.id)
    values = _all_values(stale, target_group="Meine Zielgruppe")
    design_service.update_grobkonzept(
        designer_user, _fresh(blended.id), {"target_group": "Ihre Zielgruppe"}, stale.lock_version
    )
    db.session.commit()
    response = client.post(url.format(id=blended.id), data=values)
    assert response.status_code == 409
    html = unescape(response.get_data(as_text=True))
    assert 'id="conflict-server-title"' in html
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th><td class="value">([^<]*)</td>', html)
    assert ("Zielgruppe", "Meine Zielgruppe") in rows
    assert "Ihre Zielgruppe" in html
    current = _fresh(blended.id).lock_version
    assert f'name="lock_version" type="hidden" value="{current}"' in html
    assert (
        f'<a class="button" href="{url.format(id=blended.id)}">Gespeicherten Stand übernehmen</a>'
        in html
    )
    # Saving the form again keeps mine on top of the current version.
    again = client.post(url.format(id=blended.id), data={**values, "lock_version": str(current)})
    assert again.status_code == 302
    assert _fresh(blended.id).target_group == "Meine Zielgruppe"


@pytest.mark.parametrize("url", EDITORS)
def test_a_fresh_save_shows_no_conflict_view(client, login, designer_user, blended, url):
    login(designer_user)
    html = client.get(url.format(id=blended.id)).get_data(as_text=True)
    assert 'id="conflict-server-title"' not in html


@pytest.mark.parametrize("url", EDITORS)
@pytest.mark.parametrize("typed", ["0", "101", "abc", "80,5", ""])
def test_both_editors_refuse_a_pass_mark_outside_1_to_100(
    app, client, login, designer_user, blended, url, typed
):
    login(designer_user)
    values = _all_values(_fresh(blended.id), pass_mark_percent=typed, target_group="Neu")
    response = client.post(url.format(id=blended.id), data=values)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    message = expected_error(app, "not_a_pass_mark", "de")
    assert message == "Bitte eine Bestehensgrenze als ganze Zahl von 1 bis 100 (Prozent) eingeben."
    assert field_error(html, "pass_mark_percent") == message
    design = _fresh(blended.id)
    assert (design.pass_mark_percent, design.target_group) == (80, "")  # nothing half-saved


@pytest.mark.parametrize("url", EDITORS)
def test_a_saved_pass_mark_shows_on_the_grobkonzept_pages(
    client, login, designer_user, blended, url
):
    login(designer_user)
    values = _all_values(_fresh(blended.id), pass_mark_percent=" 70 ")
    assert client.post(url.format(id=blended.id), data=values).status_code == 302
    assert _fresh(blended.id).pass_mark_percent == 70
    field = re.compile(
        r'<input[^>]*id="pass_mark_percent"[^>]*value="70"|value="70"[^>]*id="pass_mark_percent"'
    )
    for page in (*EDITORS, "/designs/{id}/wizard/assessment"):
        html = client.get(page.format(id=blended.id)).get_data(as_text=True)
        assert field.search(html), page
        assert "Bestehensgrenze für Tests (Prozent richtiger Antworten)" in unescape(html)
    overview = unescape(client.get(f"/designs/{blended.id}").get_data(as_text=True))
    assert "<dt>Bestehensgrenze für Tests</dt><dd>70 %</dd>" in overview


def test_the_english_message_for_a_wrong_pass_mark(app):
    assert expected_error(app, "not_a_pass_mark", "en") == (
        "Enter a pass mark as a whole number from 1 to 100 (percent)."
    )
