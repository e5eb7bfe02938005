"""A badge per design: criteria from the design, the drawn image, baking, the badge page."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from lxml import etree
from sqlalchemy import func, select

from designer.core.badges import badge_svg, competences, criteria, criteria_lines
from designer.core.snapshot import Asset as SnapAsset
from designer.core.snapshot import Badge, from_json, to_json
from designer.export.badges import (
    OB2_KEYWORD,
    OB3_KEYWORD,
    NotPNG,
    bake,
    baked,
    chunks,
    drawn_png,
)
from designer.extensions import db
from designer.models import Asset, User
from designer.models import Badge as BadgeRow
from tests.paths import EXAMPLE_JSON


@pytest.fixture
def example():
    return from_json(EXAMPLE_JSON.read_text())


@pytest.fixture
def coordinator(workspace):
    return db.session.scalar(select(User).where(User.email == "coordinator@example.org"))


def _save(client, design_id: int, **values: str):
    data = {"name": "Lernmedien-Profi", "description": "", "shape": "shield", "colour": "teal"}
    return client.post(f"/designs/{design_id}/badge", data={**data, **values})


# --------------------------------------------------------------------------- pure


def test_criteria_follow_the_design(example):
    found = criteria(example)
    assert [q.placed.nugget.title for q in found.quizzes] == ["Selbsttest: Medien und Methoden"]
    assert [q.pass_mark for q in found.quizzes] == [80]
    assert len(found.live) == 3 and all(
        p.nugget.activity_kind == "live_session" for p in found.live
    )
    assert all(p.nugget.activity_kind not in ("quiz", "live_session") for p in found.complete)
    lines = criteria_lines(example)
    assert lines[0].startswith("Diese Nuggets abschließen: „Input: Lernzielgruppen im Betrieb“")
    assert (
        "Den Test „Selbsttest: Medien und Methoden“ mit mindestens 80 % richtigen Antworten "
        "bestehen." in lines
    )
    assert (
        "Am Live-Termin „Abschlusstag: Präsentation und Feedback“ am 26.03.2027 teilnehmen."
        in lines
    )
    assert criteria_lines(example, "en")[0].startswith("Complete these nuggets: “Input")


def test_a_quiz_s_own_pass_mark_and_the_design_s_change_the_criteria(example):
    quiz = next(n for n in example.nuggets if n.activity_kind == "quiz")
    own = replace(
        example,
        nuggets=tuple(
            replace(n, pass_mark_percent=65) if n is quiz else n for n in example.nuggets
        ),
    )
    assert [q.pass_mark for q in criteria(own).quizzes] == [65]
    design_mark = replace(example, grobkonzept=replace(example.grobkonzept, pass_mark_percent=90))
    assert "mindestens 90 %" in " ".join(criteria_lines(design_mark))


def test_a_design_without_activities_asks_to_take_part(example):
    empty = replace(example, modules=())
    assert criteria_lines(empty) == ["Am ganzen Kurs teilnehmen."]


def test_competences_are_the_objectives_with_bloom_levels(example):
    found = competences(example)
    assert [c.text for c in found] == [o.text for o in example.objectives]
    assert found[0].bloom_label == "Analysieren"
    assert competences(example, "en")[0].bloom_label == "Analyse"


def test_the_svg_escapes_every_text_and_names_badge_and_provider():
    badge = Badge(name='<script>alert("x")</script> & Co', issuer="Müller & Söhne <GmbH>")
    svg = badge_svg(badge)
    assert "<script>" not in svg
    doc = etree.fromstring(svg.encode())
    text = " ".join(doc.itertext())
    assert "&" in text and "Müller & Söhne <GmbH>" in text
    assert doc.get("aria-label") == badge.name


@pytest.mark.parametrize("shape", ["circle", "hexagon", "shield", "rosette"])
def test_each_shape_draws_a_png(shape):
    png = drawn_png(Badge(name="Lernmedien-Profi", shape=shape, colour="red", issuer="Akademie"))
    kinds = [k for k, _ in chunks(png)]
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND"
    assert int.from_bytes(chunks(png)[0][1][:4], "big") == 400  # width


def test_baking_writes_one_itxt_chunk_per_keyword():
    png = drawn_png(Badge(name="B"))
    assert baked(png, OB2_KEYWORD) is None
    once = bake(png, OB2_KEYWORD, '{"name": "Ä"}')
    twice = bake(bake(once, OB2_KEYWORD, '{"name": "B"}'), OB3_KEYWORD, "a.b.c")
    assert baked(twice, OB2_KEYWORD) == '{"name": "B"}' and baked(twice, OB3_KEYWORD) == "a.b.c"
    assert [k for k, _ in chunks(twice)].count(b"iTXt") == 2
    assert chunks(twice)[-2][0] == b"iTXt"  # before IEND


def test_not_a_png_is_refused():
    with pytest.raises(NotPNG):
        chunks(b"GIF89a....")
    with pytest.raises(NotPNG):
        chunks(drawn_png(Badge(name="B"))[:-20])


def test_the_badge_travels_in_the_design_json(example):
    with_badge = replace(
        example, badge=Badge(name="B", description="D", shape="rosette", colour="green", issuer="X")
    )
    assert from_json(to_json(with_badge)) == with_badge
    image = SnapAsset(key="A1", filename="b.png", mimetype="image/png", sha256="ab" * 32, size=9)
    with_image = replace(with_badge, badge=replace(with_badge.badge, image=image))
    assert from_json(to_json(with_image)) == with_image
    assert "badge" not in json.loads(to_json(example))["design"]


# --------------------------------------------------------------------------- the page


def test_a_designer_gives_the_design_a_badge(
    app, client, login, coordinator, workspace, example_design
):
    login(coordinator)
    page = client.get(f"/designs/{example_design.id}/badge").get_data(as_text=True)
    assert "Dem Kurskonzept ein Badge geben" in page and "Diese Nuggets abschließen" in page
    overview = client.get(f"/designs/{example_design.id}").get_data(as_text=True)
    assert f'href="/designs/{example_design.id}/badge"' in overview
    assert _save(client, example_design.id).status_code == 302

    page = client.get(f"/designs/{example_design.id}/badge").get_data(as_text=True)
    assert "Das Badge ist gespeichert." in page and "Lernmedien-Profi" in page
    assert "mit mindestens 80 % richtigen Antworten bestehen" in page and "(Analysieren)" in page
    assert 'checked id="shape-2" name="shape" type="radio" value="shield"' in page

    svg = client.get(f"/designs/{example_design.id}/badge.svg")
    assert svg.mimetype == "image/svg+xml" and "Akademie Nord" in svg.get_data(as_text=True)
    png = client.get(f"/designs/{example_design.id}/badge.png")
    assert png.mimetype == "image/png"
    badge_class = json.loads(baked(png.data, OB2_KEYWORD))
    row = db.session.scalar(select(BadgeRow))
    assert badge_class["type"] == "BadgeClass" and badge_class["name"] == "Lernmedien-Profi"
    assert badge_class["id"] == f"http://localhost/badges/{row.public_id}"
    assert badge_class["issuer"] == "http://localhost/issuers/" + workspace.slug
    assert "80 % richtigen Antworten" in badge_class["criteria"]["narrative"]
    assert [a["targetCode"] for a in badge_class["alignment"]] == [
        "analyze",
        "evaluate",
        "create",
        "apply",
    ]

    visitor = app.test_client()
    assert json.loads(visitor.get(f"/badges/{row.public_id}").data) == badge_class
    criteria_page = visitor.get(f"/badges/{row.public_id}/criteria").get_data(as_text=True)
    assert "Lernmedien-Profi" in criteria_page and "Akademie Nord" in criteria_page
    issuer = json.loads(visitor.get(badge_class["issuer"].removeprefix("http://localhost")).data)
    assert issuer["type"] == "Issuer" and issuer["name"] == "Akademie Nord"
    assert visitor.get(f"/designs/{example_design.id}/badge.png").status_code == 302  # log in


def test_bad_input_is_refused_with_a_message_and_nothing_saved(
    client, login, coordinator, example_design
):
    login(coordinator)
    page = _save(client, example_design.id, name="  ", shape="triangle").get_data(as_text=True)
    assert "Bitte füllen Sie dieses Feld aus." in page and "Unbekannter Wert." in page
    page = _save(client, example_design.id, name="x" * 201).get_data(as_text=True)
    assert "Dieser Text ist zu lang." in page
    assert db.session.scalar(select(func.count(BadgeRow.id))) == 0
    page = client.get(f"/designs/{example_design.id}/badge").get_data(as_text=True)
    assert "Dem Kurskonzept ein Badge geben" in page


def test_the_page_in_english(client, login, coordinator, example_design):
    login(coordinator)
    client.post("/language", data={"locale": "en"})
    page = _save(client, example_design.id, name="").get_data(as_text=True)
    assert "This field is required." in page and "Give the design a badge" in page
    # The criteria are the badge's own words: in the design's language, marked as such.
    assert '<ul lang="de"><li>Diese Nuggets' in page
    assert "Diese Nuggets abschließen:" in page and "(Analysieren)" in page


def test_viewers_see_the_badge_but_cannot_change_it(
    client, login, make_user, workspace, coordinator, example_design
):
    login(coordinator)
    _save(client, example_design.id)
    client.post("/logout")
    viewer = make_user("viewer@example.org", workspace=workspace, role="viewer")
    login(viewer)
    page = client.get(f"/designs/{example_design.id}/badge").get_data(as_text=True)
    assert "Lernmedien-Profi" in page and "Badge speichern" not in page
    assert _save(client, example_design.id, name="Anders").status_code == 403
    assert db.session.scalar(select(BadgeRow.name)) == "Lernmedien-Profi"


def test_an_uploaded_png_replaces_the_drawn_image_and_svg_is_refused(
    app, client, login, coordinator, example_design
):
    login(coordinator)
    url = f"/designs/{example_design.id}/badge/image"
    early = client.post(url, data={"image": (io.BytesIO(b"x"), "a.png")}, follow_redirects=True)
    assert "Speichern Sie zuerst das Badge" in early.get_data(as_text=True)
    _save(client, example_design.id)
    assets_before = db.session.scalar(select(func.count(Asset.id)))
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    refused = client.post(url, data={"image": (io.BytesIO(svg), "a.svg")}, follow_redirects=True)
    assert "muss eine PNG-Datei (.png) sein" in refused.get_data(as_text=True)
    renamed = client.post(url, data={"image": (io.BytesIO(svg), "a.png")}, follow_redirects=True)
    assert "muss eine PNG-Datei (.png) sein" in renamed.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Asset.id))) == assets_before
    scratch = app.extensions["file_store"].scratch.path()
    assert not any(scratch.iterdir())

    own = drawn_png(Badge(name="Eigenes Bild", colour="red"))
    done = client.post(url, data={"image": (io.BytesIO(own), "eigen.png")}, follow_redirects=True)
    assert "Das Bild ist gespeichert." in done.get_data(as_text=True)
    assert "Wieder das gezeichnete Bild verwenden" in done.get_data(as_text=True)
    png = client.get(f"/designs/{example_design.id}/badge.png").data
    assert [c for c in chunks(png) if c[0] != b"iTXt"] == chunks(own)
    assert json.loads(baked(png, OB2_KEYWORD))["name"] == "Lernmedien-Profi"

    back = client.post(url + "/remove", follow_redirects=True).get_data(as_text=True)
    assert "Das Badge zeigt wieder das gezeichnete Bild." in back
    png = client.get(f"/designs/{example_design.id}/badge.png").data
    assert [c for c in chunks(png) if c[0] != b"iTXt"] != chunks(own)


def test_removing_the_badge(app, client, login, coordinator, example_design):
    login(coordinator)
    _save(client, example_design.id)
    public_id = db.session.scalar(select(BadgeRow.public_id))
    page = client.post(f"/designs/{example_design.id}/badge/remove", follow_redirects=True)
    assert "Das Badge ist entfernt." in page.get_data(as_text=True)
    assert "Dem Kurskonzept ein Badge geben" in page.get_data(as_text=True)
    assert app.test_client().get(f"/badges/{public_id}").status_code == 404
    assert client.get(f"/designs/{example_design.id}/badge.png").status_code == 404


def test_the_exports_of_the_design_carry_its_badge(client, login, coordinator, example_design):
    """Through the read model: the Moodle backup has badges.xml, the Word offer the badge."""
    import tarfile

    import docx

    login(coordinator)
    _save(client, example_design.id)
    mbz = client.get(f"/designs/{example_design.id}/export/moodle")
    assert mbz.status_code == 200
    with tarfile.open(fileobj=io.BytesIO(mbz.data), mode="r:gz") as tar:
        badges = tar.extractfile("badges.xml").read().decode()
    assert (
        "<name>Lernmedien-Profi</name>" in badges
        and "<issuername>Akademie Nord</issuername>" in badges
    )
    offer = client.get(f"/designs/{example_design.id}/export/docx?document=offer")
    texts = [p.text for p in docx.Document(io.BytesIO(offer.data)).paragraphs]
    assert (
        "Wer die Kriterien erfüllt, erhält das Badge „Lernmedien-Profi“ von Akademie Nord." in texts
    )


def test_an_imported_design_brings_its_badge(app, workspace, coordinator, example):
    """Export to design.json and import again: the badge comes along (drawn; the
    importing workspace is its issuer)."""
    from designer.core.assets import NoAssets
    from designer.importers.kurswerk import Imported
    from designer.queries.read_model import snapshot
    from designer.services.importing import import_design

    badge = Badge(
        name="Lernmedien-Profi", description="D", shape="rosette", colour="red", issuer="X"
    )
    imported = Imported(
        replace(
            example,
            badge=badge,
            assets=(),
            nuggets=tuple(replace(n, assets=()) for n in example.nuggets),
        ),
        NoAssets(),
    )
    design = import_design(coordinator, workspace, imported, app.extensions["file_store"])
    db.session.commit()
    assert snapshot(design).badge == replace(badge, issuer="Akademie Nord")
    assert json.loads(to_json(snapshot(design)))["design"]["badge"]["name"] == "Lernmedien-Profi"


def test_a_badge_the_reader_refuses_is_named_with_its_place(example):
    from designer.core.snapshot import FormatError

    document = json.loads(to_json(example))
    document["design"]["badge"] = {"name": "", "shape": "triangle"}
    with pytest.raises(FormatError) as refused:
        from_json(json.dumps(document))
    problems = " ".join(refused.value.problems)
    assert "design.badge.name" in problems and "design.badge.shape" in problems
