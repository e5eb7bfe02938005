"""The guided Grobkonzept: steps, resuming, validation, conflicts and expert mode."""

from __future__ import annotations

import re
from html import unescape

from designer.extensions import db
from designer.models import Design
from designer.services import designs as design_service
from designer.web.wizard_steps import ALL_FIELDS, STEPS
from tests.wizard.helpers import expected_error, field_error


def _fresh(design_id: int) -> Design:
    db.session.expire_all()
    return db.session.get(Design, design_id)


def _post_step(client, design, step, go="next", **values):
    data = {"lock_version": str(_fresh(design.id).lock_version), "go": go, **values}
    return client.post(f"/designs/{design.id}/wizard/{step}", data=data)


def test_six_steps_with_accessible_progress(client, login, designer_user, blended):
    login(designer_user)
    assert len(STEPS) == 6
    html = client.get(f"/designs/{blended.id}/wizard/prerequisites").get_data(as_text=True)
    assert "Schritt 2 von 6" in html
    assert "Sicherer Umgang mit Office-Programmen" in html  # the worked example, in German
    current = re.findall(r'<a href="([^"]+)" aria-current="step"', html)
    assert current == [f"/designs/{blended.id}/wizard/prerequisites"]
    assert 'id="prerequisites-help"' in html and 'id="prerequisites-example"' in html


def test_english_interface(client, login, workspace, make_user, blended):
    user = make_user("en@example.org", workspace=workspace, role="designer")
    user.locale = "en"
    db.session.commit()
    login(user)
    html = unescape(client.get(f"/designs/{blended.id}/wizard/audience").get_data(as_text=True))
    assert "Step 1 of 6" in html and "Target group and need" in html
    assert "Trainers and skilled workers" in html  # the worked example


def test_step_saves_only_its_fields_and_moves_on(client, login, designer_user, blended):
    login(designer_user)
    response = _post_step(
        client,
        blended,
        "audience",
        target_group="Ausbilder*innen aus KMU",
        initial_situation="Schulungen sind bisher Vorträge.",
        offer_description="must not be saved by this step",
    )
    assert response.status_code == 302
    assert response.location == f"/designs/{blended.id}/wizard/prerequisites"
    design = _fresh(blended.id)
    assert design.target_group == "Ausbilder*innen aus KMU"
    assert design.initial_situation == "Schulungen sind bisher Vorträge."
    assert design.offer_description == ""


def test_save_and_stay(client, login, designer_user, blended):
    login(designer_user)
    response = _post_step(client, blended, "offer", go="stay", offer_description="In acht Wochen")
    assert response.location == f"/designs/{blended.id}/wizard/offer"
    assert _fresh(blended.id).offer_description == "In acht Wochen"


def test_last_step_leads_to_the_overview(client, login, designer_user, blended):
    login(designer_user)
    response = _post_step(client, blended, "offer", offer_description="Text")
    assert response.location == f"/designs/{blended.id}"


def test_wizard_resumes_at_the_first_incomplete_step(client, login, designer_user, blended):
    login(designer_user)
    assert client.get(f"/designs/{blended.id}/wizard").location.endswith("/wizard/audience")
    _post_step(client, blended, "audience", target_group="TG", initial_situation="IS")
    _post_step(client, blended, "prerequisites", prerequisites="Office")
    assert client.get(f"/designs/{blended.id}/wizard").location.endswith("/wizard/objectives")
    design_service.add_objective(designer_user, _fresh(blended.id), "Die TN erstellen X", "create")
    db.session.commit()
    # The template filled in format and approach; the workload is still missing.
    assert client.get(f"/designs/{blended.id}/wizard").location.endswith("/wizard/frame")
    # An earlier step can be revisited at any time.
    assert client.get(f"/designs/{blended.id}/wizard/audience").status_code == 200


def test_invalid_values_are_shown_next_to_the_field_and_nothing_is_saved(
    app, client, login, designer_user, blended
):
    login(designer_user)
    response = _post_step(
        client,
        blended,
        "frame",
        planned_workload_minutes="viel",
        participants_min="12",
        participants_max="8",
        start_date="2027-03-01",
        end_date="2027-02-01",
        framework_conditions="Lernplattform",
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert field_error(html, "planned_workload_minutes") == expected_error(
        app, "not_a_number", "de"
    )
    assert field_error(html, "participants_max") == expected_error(app, "below_min", "de")
    assert field_error(html, "end_date") == expected_error(app, "before_start", "de")
    assert 'aria-invalid="true"' in html
    assert "Lernplattform" in html  # what was typed stays in the form
    design = _fresh(blended.id)
    assert design.framework_conditions == "" and design.participants_min is None


def test_errors_in_english_for_an_english_user(app, client, login, workspace, make_user, blended):
    user = make_user("en@example.org", workspace=workspace, role="designer")
    user.locale = "en"
    db.session.commit()
    login(user)
    response = _post_step(client, blended, "frame", planned_workload_minutes="-3")
    text = field_error(response.get_data(as_text=True), "planned_workload_minutes")
    assert text == expected_error(app, "not_a_number", "en")


def test_stale_save_shows_both_versions(client, login, designer_user, blended):
    login(designer_user)
    stale = _fresh(blended.id).lock_version
    design_service.update_grobkonzept(
        designer_user, _fresh(blended.id), {"target_group": "Their target group"}, stale
    )
    db.session.commit()
    response = client.post(
        f"/designs/{blended.id}/wizard/audience",
        data={
            "lock_version": str(stale),
            "go": "next",
            "target_group": "My target group",
            "initial_situation": "My situation",
        },
    )
    assert response.status_code == 409
    html = unescape(response.get_data(as_text=True))
    assert "My target group" in html and "Their target group" in html
    current = _fresh(blended.id).lock_version
    assert f'name="lock_version" type="hidden" value="{current}"' in html
    assert _fresh(blended.id).target_group == "Their target group"

    keep_mine = client.post(
        f"/designs/{blended.id}/wizard/audience",
        data={
            "lock_version": str(current),
            "go": "next",
            "target_group": "My target group",
            "initial_situation": "My situation",
        },
    )
    assert keep_mine.status_code == 302
    assert _fresh(blended.id).target_group == "My target group"


def test_expert_mode_shows_every_field_and_is_remembered(client, login, designer_user, blended):
    login(designer_user)
    assert client.post(f"/designs/{blended.id}/expert-mode", data={"mode": "on"}).status_code == 302
    assert (
        client.get(f"/designs/{blended.id}/wizard").location == f"/designs/{blended.id}/grobkonzept"
    )
    html = client.get(f"/designs/{blended.id}/grobkonzept").get_data(as_text=True)
    for name in ALL_FIELDS:
        assert f'name="{name}"' in html
    values = {name: "" for name in ALL_FIELDS}
    values.update(
        target_group="Fachkräfte",
        initial_situation="Vorträge",
        planned_workload_minutes="1200",
        start_date="2027-02-01",
        participants_max="16",
        pass_mark_percent="75",
        lock_version=str(_fresh(blended.id).lock_version),
    )
    assert client.post(f"/designs/{blended.id}/grobkonzept", data=values).status_code == 302
    design = _fresh(blended.id)
    assert (design.target_group, design.planned_workload_minutes, design.participants_max) == (
        "Fachkräfte",
        1200,
        16,
    )
    assert design.pass_mark_percent == 75
    assert design.start_date.isoformat() == "2027-02-01"
    client.post(f"/designs/{blended.id}/expert-mode", data={"mode": "off"})
    assert client.get(f"/designs/{blended.id}/wizard").location.endswith("/wizard/prerequisites")


def test_expert_form_conflict(client, login, designer_user, blended):
    login(designer_user)
    values = {name: "" for name in ALL_FIELDS}
    values.update(lock_version=str(_fresh(blended.id).lock_version - 1), prerequisites="Mine")
    response = client.post(f"/designs/{blended.id}/grobkonzept", data=values)
    assert response.status_code == 409
    assert "Mine" in response.get_data(as_text=True)


def test_unknown_step_is_404(client, login, designer_user, blended):
    login(designer_user)
    assert client.get(f"/designs/{blended.id}/wizard/nonsense").status_code == 404


def test_overview_menu_links(client, login, designer_user, blended):
    login(designer_user)
    html = client.get(f"/designs/{blended.id}").get_data(as_text=True)
    for href in ("wizard", "grobkonzept", "print", "canvas", "save-template"):
        assert f'href="/designs/{blended.id}/{href}"' in html


def test_overview_menu_for_a_viewer(client, login, workspace, make_user, blended):
    login(make_user("viewer@example.org", workspace=workspace, role="viewer"))
    html = client.get(f"/designs/{blended.id}").get_data(as_text=True)
    assert f'href="/designs/{blended.id}/print"' in html
    assert f'href="/designs/{blended.id}/wizard"' not in html
    assert f'href="/designs/{blended.id}/save-template"' not in html


def test_step_page_runs_a_bounded_number_of_queries(client, login, designer_user, blended):
    from sqlalchemy import event

    login(designer_user)
    for text in ("A nennen", "B planen", "C prüfen"):
        design_service.add_objective(designer_user, _fresh(blended.id), text)
    db.session.commit()
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        for step in STEPS:
            statements.clear()
            response = client.get(f"/designs/{blended.id}/wizard/{step.key}")
            assert response.status_code == 200
            # 6, and 2 for the design's navigation (the user's roles on the design)
            assert len(statements) <= 8, (step.key, len(statements))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
