"""A course made from a template guides instead of scolding: what the template left open
is a to-do list until someone works on it; what a person wrote is checked as always."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import select

from designer.core import didactic_templates
from designer.extensions import db
from designer.models import Design, Nugget, Placement
from designer.services import nuggets as nugget_service
from designer.services.design_templates import create_from_template


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _make(app, designer_user, workspace, key: str) -> Design:
    design = create_from_template(
        designer_user, workspace, f"builtin:{key}", "Neuer Kurs", "de", app.extensions["file_store"]
    )
    db.session.commit()
    return design


def _panel(client, design: Design) -> str:
    response = client.get(f"/designs/{design.id}/quality/panel")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _nugget(design: Design, activity_kind: str) -> Nugget:
    return db.session.scalar(
        select(Nugget)
        .join(Placement, Placement.nugget_id == Nugget.id)
        .where(Placement.design_id == design.id, Nugget.activity_kind == activity_kind)
    )


@pytest.mark.parametrize("template", didactic_templates.TEMPLATES, ids=lambda t: t.key)
def test_a_course_from_any_builtin_template_opens_without_an_error(
    app, client, login, designer_user, workspace, template
):
    design = _make(app, designer_user, workspace, template.key)
    login(designer_user)
    step = client.get(f"/designs/{design.id}/wizard", follow_redirects=True)
    assert step.status_code == 200
    panel = _panel(client, design)
    assert "0 Fehler" in panel and "finding finding-error" not in panel
    assert panel.count('class="finding-group') <= 3  # a handful of grouped items at most
    summary = _text(panel.split("<summary>")[1].split("</summary>")[0])
    nuggets = sum(len(m.nuggets) for m in template.modules)
    assert summary.startswith("Noch zu füllen:")
    assert (f"{nuggets} Lernnuggets" in summary) == (nuggets > 1)
    assert "im Grobkonzept: Zielgruppe" in summary
    status = _text(client.get(f"/designs/{design.id}/quality/status").get_data(as_text=True))
    assert status.endswith("noch zu füllen") and "Fehler" not in status


def test_editing_a_placeholder_turns_its_to_dos_into_findings(
    app, client, login, designer_user, workspace
):
    design = _make(app, designer_user, workspace, "blended")
    quiz = _nugget(design, "quiz")
    login(designer_user)
    panel = _text(_panel(client, design))
    # The empty quiz blocks approval, but as a to-do of the template, not as a fault.
    assert f"{quiz.title} – Test ohne Fragen" in panel and "vor der Freigabe nötig" in panel
    canvas = client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
    assert canvas.count('class="placeholder-tag"') == len(design.modules[0].placements) + sum(
        len(m.placements) for m in design.modules[1:]
    )

    nugget_service.update_nugget(
        designer_user, quiz, {"title": "Wissenscheck Medienwahl"}, quiz.lock_version, via=design
    )
    db.session.commit()

    html = _panel(client, design)
    panel = _text(html)
    assert "Wissenscheck Medienwahl – " not in panel  # no longer in the to-do list
    assert "1 Fehler" in panel
    error_group = html.split('class="finding-group group-error"')[1].split("</details>")[0]
    assert "Test ohne Fragen oder ohne richtige Antwort" in _text(error_group)
    assert "Wissenscheck Medienwahl" in _text(error_group)
    canvas = client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
    card = canvas.split("Wissenscheck Medienwahl")[1].split("</li>")[0]
    assert "placeholder-tag" not in card
    # The same finding, the same severity wherever it shows.
    api = client.get(f"/api/v1/designs/{design.id}/quality").get_json()
    found = [f for f in api if f["rule"] == "activity.quiz_questions"]
    assert [(f["severity"], f["blocking"]) for f in found] == [("error", True)]


def test_a_grobkonzept_field_leaves_the_list_when_filled_and_is_checked_from_then_on(
    app, client, login, designer_user, workspace
):
    design = _make(app, designer_user, workspace, "seminar")
    login(designer_user)

    def post_audience(target_group: str) -> None:
        db.session.expire_all()
        version = db.session.get(Design, design.id).lock_version
        response = client.post(
            f"/designs/{design.id}/wizard/audience",
            data={"lock_version": str(version), "go": "stay", "target_group": target_group},
        )
        assert response.status_code == 302

    post_audience("Ausbilderinnen und Ausbilder")
    panel = _text(_panel(client, design))
    assert "Zielgruppe" not in panel and "0 Fehler" in panel

    post_audience("")  # emptied after it was written: now a fault, shown as one
    panel = _text(_panel(client, design))
    assert "1 Fehler" in panel
    assert "Im Grobkonzept fehlt die Zielgruppe" in panel
