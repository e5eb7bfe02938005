"""The objectives editor: add, edit, reorder, remove; Bloom levels and vague verbs."""

from __future__ import annotations

from html import unescape

from designer.extensions import db
from designer.models import Design, LearningObjective
from tests.wizard.helpers import expected_error, field_error


def _objectives(design_id: int) -> list[tuple[str, str]]:
    db.session.expire_all()
    design = db.session.get(Design, design_id)
    return [(o.text, o.bloom_level) for o in design.objectives]


def _add(client, design, text, level="", back="wizard"):
    return client.post(
        f"/designs/{design.id}/objectives",
        data={"text": text, "bloom_level": level, "back": back},
        follow_redirects=True,
    )


def test_add_objectives_with_bloom_levels(client, login, designer_user, blended):
    login(designer_user)
    response = _add(client, blended, "Die TN analysieren ihre Zielgruppe.", "analyze")
    assert response.request.path == f"/designs/{blended.id}/wizard/objectives"
    _add(client, blended, "Die TN erstellen ein Erklärvideo.", "create")
    assert _objectives(blended.id) == [
        ("Die TN analysieren ihre Zielgruppe.", "analyze"),
        ("Die TN erstellen ein Erklärvideo.", "create"),
    ]
    html = unescape(response.get_data(as_text=True))
    assert "analysieren, vergleichen" in html  # verb suggestions in the design's language


def test_vague_verb_is_warned_about_on_save(client, login, designer_user, blended):
    login(designer_user)
    response = _add(client, blended, "Die TN verstehen die Grundlagen der Mediendidaktik.")
    html = unescape(response.get_data(as_text=True))
    assert 'class="flash flash-warning"' in html
    assert "verstehen" in html.split('class="flash flash-warning"')[1].split("</p>")[0]
    # saved all the same, and the warning stays beside the objective
    assert _objectives(blended.id)[0][0].startswith("Die TN verstehen")
    objective = db.session.scalar(db.select(LearningObjective))
    beside = html.split(f'id="objective-{objective.id}-vague"')[1].split("</p>")[0]
    assert "verstehen" in beside


def test_precise_objective_has_no_warning(client, login, designer_user, blended):
    login(designer_user)
    html = _add(client, blended, "Die TN erläutern drei Lerntypen.", "understand").get_data(
        as_text=True
    )
    assert "flash-warning" not in html


def test_empty_objective_error_next_to_the_field(app, client, login, designer_user, blended):
    login(designer_user)
    response = _add(client, blended, "  ", "apply")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert field_error(html, "new-objective") == expected_error(app, "required", "de")
    assert _objectives(blended.id) == []


def test_unknown_bloom_level_is_refused(client, login, designer_user, blended):
    login(designer_user)
    response = _add(client, blended, "Die TN planen X.", "wizardry", back="expert")
    assert response.status_code == 200
    assert field_error(response.get_data(as_text=True), "new-objective-level")
    assert _objectives(blended.id) == []


def test_edit_reorder_and_remove(client, login, designer_user, blended):
    login(designer_user)
    for text in ("A nennen", "B erläutern", "C planen"):
        _add(client, blended, text)
    ids = [o.id for o in db.session.get(Design, blended.id).objectives]
    version = db.session.get(LearningObjective, ids[1]).lock_version
    response = client.post(
        f"/designs/{blended.id}/objectives/{ids[1]}",
        data={"text": "B beschreiben", "bloom_level": "understand", "lock_version": version},
    )
    assert response.status_code == 302
    client.post(f"/designs/{blended.id}/objectives/{ids[2]}/move", data={"position": "0"})
    assert [t for t, _ in _objectives(blended.id)] == ["C planen", "A nennen", "B beschreiben"]
    response = client.post(
        f"/designs/{blended.id}/objectives/{ids[0]}/remove", data={"back": "expert"}
    )
    assert response.location == f"/designs/{blended.id}/grobkonzept#objectives"
    assert _objectives(blended.id) == [("C planen", ""), ("B beschreiben", "understand")]


def test_stale_objective_edit_is_a_conflict(client, login, designer_user, blended):
    login(designer_user)
    _add(client, blended, "A nennen")
    objective = db.session.scalar(db.select(LearningObjective))
    response = client.post(
        f"/designs/{blended.id}/objectives/{objective.id}",
        data={"text": "A aufzählen", "lock_version": str(objective.lock_version + 5)},
    )
    assert response.status_code == 409
    assert _objectives(blended.id) == [("A nennen", "")]


def test_objective_of_another_design_is_not_found(client, login, designer_user, blended, app):
    from designer.services.design_templates import create_from_template
    from designer.services.designs import add_objective

    other = create_from_template(
        designer_user,
        _workspace(blended),
        "builtin:blank",
        "Anderer Entwurf",
        "de",
        app.extensions["file_store"],
    )
    foreign = add_objective(designer_user, other, "Fremdes Ziel planen")
    db.session.commit()
    login(designer_user)
    response = client.post(f"/designs/{blended.id}/objectives/{foreign.id}/remove")
    assert response.status_code == 404


def _workspace(design):
    from designer.models import Workspace

    return db.session.get(Workspace, design.workspace_id)


def test_failed_edit_shows_the_error_beside_that_objective(
    app, client, login, designer_user, blended
):
    login(designer_user)
    _add(client, blended, "A nennen", "remember")
    objective = db.session.scalar(db.select(LearningObjective))
    response = client.post(
        f"/designs/{blended.id}/objectives/{objective.id}",
        data={"text": " ", "bloom_level": "nonsense", "lock_version": objective.lock_version},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    oid = f"objective-{objective.id}"
    assert field_error(html, f"{oid}-text") == expected_error(app, "required", "de")
    assert _objectives(blended.id) == [("A nennen", "remember")]


def test_failed_add_on_the_expert_page_keeps_the_saved_grobkonzept(
    client, login, designer_user, blended
):
    login(designer_user)
    response = _add(client, blended, "", back="expert")
    html = unescape(response.get_data(as_text=True))
    assert field_error(html, "new-objective")
    assert "Blended Learning: Live-Online-Auftakt" in html  # the stored format summary
