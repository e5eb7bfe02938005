""" "Als Lernende ansehen": the course, a module and a nugget in the learner's player, for
everyone who may read the design; its files; the links from the canvas and the editor."""

from __future__ import annotations

from html import unescape

from sqlalchemy import select

from designer.extensions import db
from designer.models import Asset, Module, Placement
from designer.services import designs, placements


def _placements(design) -> list[Placement]:
    return list(
        db.session.scalars(
            select(Placement)
            .join(Module, Module.id == Placement.module_id)
            .where(Placement.design_id == design.id)
            .order_by(Module.position, Module.id, Placement.position, Placement.id)
        )
    )


def test_viewer_sees_the_whole_course_as_learners_do(
    client, login, workspace, make_user, example_design
):
    login(make_user("viewer@example.org", workspace=workspace, role="viewer"))
    response = client.get(f"/designs/{example_design.id}/preview")
    assert response.status_code == 200
    html = unescape(response.get_data(as_text=True))
    assert '<html lang="de" class="kw-nojs">' in html
    assert "/static/learner/learner.css" in html and "/static/learner/player.js" in html
    assert "Vorschau: So sehen es Lernende." in html
    assert f"/designs/{example_design.id}/canvas" in html
    assert 'class="kw-nav"' in html and html.count('class="kw-unit ') == 12
    assert "Selbsttest: Medien und Methoden" in html and "Antworten prüfen" in html
    assert "data-kw-sco" not in html  # nothing is reported anywhere


def test_one_nugget_and_one_module(client, login, workspace, make_user, example_design):
    login(make_user("viewer@example.org", workspace=workspace, role="viewer"))
    placed = _placements(example_design)
    response = client.get(f"/designs/{example_design.id}/preview/nuggets/{placed[3].id}")
    html = unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert html.count('class="kw-unit ') == 1 and 'id="n4"' in html
    assert 'class="kw-nav"' not in html
    assert "<title>Das SAMR-Modell – " in html

    module = placed[3].module_id
    response = client.get(f"/designs/{example_design.id}/preview/modules/{module}")
    html = unescape(response.get_data(as_text=True))
    assert [f'id="n{n}"' in html for n in (3, 4, 5, 6, 7)] == [False, True, True, True, False]


def test_author_notes_never_reach_the_preview(client, login, workspace, make_user):
    user = make_user("notes@example.org", workspace=workspace, role="designer")
    design = designs.create_design(user, workspace, "Mit Hinweisen")
    module = designs.add_module(user, design, "Start")
    placement = placements.add_new_nugget(
        user,
        design,
        module.id,
        {"title": "Quiz", "summary": "Für Lernende", "author_note": "Fünf Fragen anlegen."},
    )
    db.session.commit()
    login(user)
    for url in (
        f"/designs/{design.id}/preview",
        f"/designs/{design.id}/preview/modules/{module.id}",
        f"/designs/{design.id}/preview/nuggets/{placement.id}",
    ):
        html = client.get(url).get_data(as_text=True)
        assert "Für Lernende" in html
        assert "Fünf Fragen" not in html


def test_outsiders_and_wrong_ids_get_nothing(client, login, workspace, make_user, example_design):
    other = make_user("other@example.org")
    login(other)
    assert client.get(f"/designs/{example_design.id}/preview").status_code in (403, 404)
    login(make_user("viewer@example.org", workspace=workspace, role="viewer"))
    base = f"/designs/{example_design.id}/preview"
    assert client.get(f"{base}/nuggets/999999").status_code == 404
    assert client.get(f"{base}/modules/999999").status_code == 404
    assert client.get(f"{base}/files/A999999").status_code == 404
    assert client.get("/designs/999999/preview").status_code == 404


def test_files_show_inline_only_when_safe(client, login, workspace, make_user, example_design):
    login(make_user("viewer@example.org", workspace=workspace, role="viewer"))
    assets = {a.filename: a for a in db.session.scalars(select(Asset))}
    base = f"/designs/{example_design.id}/preview/files"
    image = client.get(f"{base}/A{assets['persona.png'].id}")
    assert image.status_code == 200 and image.mimetype == "image/png"
    assert image.data[:4] == b"\x89PNG"
    assert image.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert "attachment" not in image.headers.get("Content-Disposition", "")
    pdf = client.get(f"{base}/A{assets['persona-vorlage.pdf'].id}")
    assert pdf.status_code == 200 and pdf.mimetype == "application/octet-stream"
    assert pdf.headers["Content-Disposition"].startswith("attachment")
    page = client.get(f"/designs/{example_design.id}/preview").get_data(as_text=True)
    assert f'src="{base}/A{assets["persona.png"].id}"' in page


def test_canvas_and_editor_link_to_the_preview(client, login, workspace, make_user, example_design):
    login(make_user("designer@example.org", workspace=workspace, role="designer"))
    canvas = client.get(f"/designs/{example_design.id}/canvas").get_data(as_text=True)
    assert f'href="/designs/{example_design.id}/preview"' in canvas
    assert "Als Lernende ansehen" in canvas
    placement = _placements(example_design)[1]
    edit = client.get(f"/designs/{example_design.id}/nuggets/{placement.id}/edit")
    assert f'href="/designs/{example_design.id}/preview/nuggets/{placement.id}"' in edit.get_data(
        as_text=True
    )
