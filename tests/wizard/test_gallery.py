"""Starting a design from the template gallery, and saving workspace templates."""

from __future__ import annotations

from html import unescape

from sqlalchemy import func, select

from designer.core.didactic_templates import TEMPLATES
from designer.extensions import db
from designer.models import Design, DesignTemplate, Nugget, Workspace
from designer.queries.read_model import snapshot
from tests.wizard.helpers import expected_error, field_error


def _create(client, workspace, template, title="Kurs", language="de"):
    return client.post(
        f"/w/{workspace.slug}/designs/new",
        data={"template": template, "title": title, "language": language},
    )


def test_gallery_lists_the_built_in_templates(client, login, designer_user, workspace):
    login(designer_user)
    html = unescape(client.get(f"/w/{workspace.slug}/designs/new").get_data(as_text=True))
    assert len(TEMPLATES) >= 6
    for name in (
        "Leeres Kurskonzept",
        "Blended-Learning-Kurs",
        "Live-Online-Training",
        "Präsenzseminar mit Praxistransfer",
        "Flipped Classroom",
        "Workshop-Reihe",
    ):
        assert name in html
    assert 'value="builtin:blended"' in html


def test_creating_from_blended_fills_modules_and_library(client, login, designer_user, workspace):
    login(designer_user)
    response = _create(client, workspace, "builtin:blended", "Digitale Lernangebote")
    assert response.status_code == 302
    design = db.session.scalar(select(Design).where(Design.title == "Digitale Lernangebote"))
    assert response.location == f"/designs/{design.id}/wizard"
    snap = snapshot(design)
    assert [m.title for m in snap.modules] == [
        "Auftakt live online",
        "Selbstlernphase online",
        "Live-Session: Vertiefung",
        "Transfer am Arbeitsplatz",
        "Abschluss live",
    ]
    placed = list(snap.placed())
    assert len(placed) == 11
    assert {p.delivery_mode for p in placed} == {"live_online", "self_paced_online", "at_workplace"}
    first = placed[0].nugget
    assert (first.title, first.learning_type, first.social_form, first.duration_minutes) == (
        "Kennenlernen und Erwartungen",
        "discussion",
        "plenary",
        30,
    )
    assert first.method == "Blitzlicht" and first.summary == ""
    assert first.author_note.startswith("Beschreiben Sie, wie sich die Teilnehmenden vorstellen")
    assert snap.grobkonzept.format_summary.startswith("Blended Learning")
    assert design.template_key == "builtin:blended"
    library = db.session.scalar(
        select(func.count(Nugget.id)).where(Nugget.workspace_id == workspace.id)
    )
    assert library == 11


def test_english_template_texts(client, login, designer_user, workspace):
    login(designer_user)
    _create(client, workspace, "builtin:live_online", "Live training", "en")
    design = db.session.scalar(select(Design).where(Design.title == "Live training"))
    snap = snapshot(design)
    assert design.language == "en"
    assert [m.title for m in snap.modules] == ["Session 1", "Session 2"]
    inputs = [p.nugget for p in snap.placed() if p.nugget.title.startswith("Short input")]
    assert inputs and all(n.duration_minutes <= 10 for n in inputs)


def test_blank_template_gives_an_empty_design(client, login, designer_user, workspace):
    login(designer_user)
    _create(client, workspace, "builtin:blank", "Leer")
    design = db.session.scalar(select(Design).where(Design.title == "Leer"))
    assert snapshot(design).modules == ()
    assert design.template_key == "builtin:blank"


def test_missing_title_is_shown_next_to_the_field(app, client, login, workspace, make_user):
    user = make_user("en@example.org", workspace=workspace, role="designer")
    user.locale = "en"
    db.session.commit()
    login(user)
    response = _create(client, workspace, "builtin:blended", "   ")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert field_error(html, "title") == expected_error(app, "required", "en")
    assert 'value="builtin:blended" checked' in html
    assert db.session.scalar(select(func.count(Design.id))) == 0


def test_unknown_template_is_refused(client, login, designer_user, workspace):
    login(designer_user)
    response = _create(client, workspace, "builtin:nonexistent")
    assert response.status_code == 200
    assert field_error(response.get_data(as_text=True), "template")
    assert db.session.scalar(select(func.count(Design.id))) == 0


def test_save_as_workspace_template_and_start_from_it(
    client, login, designer_user, workspace, blended
):
    login(designer_user)
    page = client.get(f"/designs/{blended.id}/save-template")
    assert page.status_code == 200
    response = client.post(
        f"/designs/{blended.id}/save-template",
        data={"name": "Unser Blended-Format", "description": "Bewährt im Cluster"},
    )
    assert response.status_code == 302
    row = db.session.scalar(select(DesignTemplate))
    assert (row.name, row.workspace_id, row.created_by_id) == (
        "Unser Blended-Format",
        workspace.id,
        designer_user.id,
    )
    gallery = unescape(client.get(f"/w/{workspace.slug}/designs/new").get_data(as_text=True))
    assert "Unser Blended-Format" in gallery and f'value="workspace:{row.id}"' in gallery

    _create(client, workspace, f"workspace:{row.id}", "Zweiter Durchgang")
    copy = db.session.scalar(select(Design).where(Design.title == "Zweiter Durchgang"))
    original, again = snapshot(blended), snapshot(copy)
    assert [m.title for m in again.modules] == [m.title for m in original.modules]
    assert [p.nugget.title for p in again.placed()] == [p.nugget.title for p in original.placed()]
    assert copy.template_key == f"workspace:{row.id}"


def test_template_needs_a_name(app, client, login, designer_user, blended):
    login(designer_user)
    response = client.post(f"/designs/{blended.id}/save-template", data={"name": ""})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert field_error(html, "name") == expected_error(app, "required", "de")
    assert db.session.scalar(select(func.count(DesignTemplate.id))) == 0


def test_template_of_another_workspace_cannot_be_used(
    client, login, designer_user, workspace, blended, make_user
):
    from designer.services import workspaces
    from designer.services.design_templates import save_as_template

    row = save_as_template(designer_user, blended, "Intern")
    other_owner = make_user("other@example.org")
    other = workspaces.create_workspace(other_owner, "Andere Akademie")
    db.session.commit()
    login(other_owner)
    response = _create(client, other, f"workspace:{row.id}", "Fremd")
    assert response.status_code == 200
    assert field_error(response.get_data(as_text=True), "template")


def test_template_whose_file_is_gone(app, client, login, designer_user, example_design):
    from designer.services.design_templates import save_as_template

    row = save_as_template(designer_user, example_design, "Mit Dateien")
    db.session.commit()
    store = app.extensions["file_store"]
    for asset in row.snapshot["design"]["assets"]:
        store.path(asset["sha256"]).unlink()
    login(designer_user)
    workspace = db.session.get(Workspace, example_design.workspace_id)
    response = _create(client, workspace, f"workspace:{row.id}", "Kaputt")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert field_error(html, "template") == expected_error(app, "template_file_missing", "de")
    assert db.session.scalar(select(func.count(Design.id)).where(Design.title == "Kaputt")) == 0


def test_template_with_files_copies_them(app, client, login, designer_user, example_design):
    from designer.services.design_templates import save_as_template

    row = save_as_template(designer_user, example_design, "Mit Dateien")
    db.session.commit()
    login(designer_user)
    workspace = db.session.get(Workspace, example_design.workspace_id)
    assert _create(client, workspace, f"workspace:{row.id}", "Kopie").status_code == 302
    copy = db.session.scalar(select(Design).where(Design.title == "Kopie"))
    assert [a.filename for a in snapshot(copy).assets] == [
        a.filename for a in snapshot(example_design).assets
    ]


def _version_rows(client, design_id: int) -> list[str]:
    import re

    page = unescape(client.get(f"/designs/{design_id}/revisions").get_data(as_text=True))
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [" ".join(re.sub(r"<[^>]+>", " ", row).split()) for row in body.split("<tr>")[1:]]


def test_first_version_says_which_template_the_design_was_made_from(
    client, login, designer_user, workspace, example_design
):
    login(designer_user)
    _create(client, workspace, "builtin:blended", "Digitale Lernangebote")
    design = db.session.scalar(select(Design).where(Design.title == "Digitale Lernangebote"))
    (first,) = _version_rows(client, design.id)
    assert first.startswith("1 aus einer Vorlage erstellt Blended-Learning-Kurs")
    assert "Import" not in first and "importiert" not in first
    activity = unescape(client.get(f"/designs/{design.id}/activity").get_data(as_text=True))
    assert "aus einer Vorlage erstellt" in activity and "importiert" not in activity
    # An imported design still says so.
    (imported,) = _version_rows(client, example_design.id)
    assert imported.startswith("1 importiert Import")
