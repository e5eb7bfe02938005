"""What one design may hold (designer/core/limits.py), and long lists in pages: imports beyond
a limit are refused with a message and write nothing; the canvas, the API and the editors
refuse the item beyond a limit; the API's lists and the library and sharing pages come in
pages."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from designer.core import limits
from designer.core import snapshot as snapshot_module
from designer.extensions import db
from designer.models import Asset, Design, Module, Nugget, Placement
from designer.services import designs, nuggets, placements, tokens
from tests.paths import EXAMPLE_JSON


@pytest.fixture
def small(monkeypatch):
    """Limits small enough for the example course to break them."""
    small = limits.Limits(nuggets_per_design=3, modules_per_design=2, page_size=2)
    monkeypatch.setattr(limits, "_active", small)
    return small


@pytest.fixture
def designer(workspace, make_user):
    return make_user("designer@example.org", workspace=workspace, role="designer")


def _counts() -> tuple[int, ...]:
    return tuple(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Design, Nugget, Placement, Module, Asset)
    )


def _stored_files(app) -> list[Path]:
    root = Path(app.config["FILE_STORE"])
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _huge_document(n: int = 100_000) -> bytes:
    keys = [f"n{i}" for i in range(n)]
    design = {
        "title": "Riesig",
        "modules": [{"key": "m", "title": "M", "placements": [{"nugget": k} for k in keys]}],
        "nuggets": [{"key": k, "title": f"Nugget {k}", "duration_minutes": 5} for k in keys],
    }
    return json.dumps({"format": "kurswerk-design", "format_version": 1, "design": design}).encode()


def test_a_design_json_with_100000_nuggets_is_refused_before_it_is_read(
    app, client, workspace, designer, login, monkeypatch
):
    read = []
    monkeypatch.setattr(
        snapshot_module._Reader, "document", lambda self, data: read.append(1) or None
    )
    document = _huge_document()
    assert len(document) > 7_000_000
    login(designer)
    before = _counts()
    page = client.post(
        f"/w/{workspace.slug}/import",
        data={"file": (io.BytesIO(document), "design.json")},
        content_type="multipart/form-data",
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Ein Kurskonzept darf höchstens 1000 Lernnuggets enthalten." in text
    assert read == [], "the document was read item by item before the limits were checked"
    assert _counts() == before and _stored_files(app) == []
    assert "Riesig" not in client.get(f"/w/{workspace.slug}").get_data(as_text=True)


def test_api_import_beyond_a_limit_answers_422_in_english_and_writes_nothing(
    app, client, workspace, designer, small
):
    _row, secret = tokens.create_token(designer, "t", "write")
    db.session.commit()
    before = _counts()
    response = client.post(
        f"/api/v1/workspaces/{workspace.slug}/imports",
        data={"file": (io.BytesIO(EXAMPLE_JSON.read_bytes()), "design.json")},
        content_type="multipart/form-data",
        headers={"Authorization": f"Bearer {secret}", "Accept-Language": "en"},
    )
    assert response.status_code == 422
    assert set(response.json["problems"]) == {
        "A design may hold at most 3 nuggets.",
        "A design may hold at most 2 modules.",
    }
    assert _counts() == before and _stored_files(app) == []


def test_every_importer_checks_the_limits(app, workspace, designer, small):
    """A plan or a template is no design.json: the check on the whole snapshot refuses it."""
    from designer.importers.base import Imported, ImportRefused
    from designer.services.importing import import_design

    snap = snapshot_module.from_json(EXAMPLE_JSON.read_bytes())
    with pytest.raises(ImportRefused) as refused:
        import_design(designer, workspace, Imported(snap), app.extensions["file_store"])
    assert "too_many:nuggets:3" in refused.value.problems
    db.session.rollback()
    assert _counts() == (0, 0, 0, 0, 0)


def test_the_canvas_refuses_a_module_beyond_the_limit_with_a_message(
    client, workspace, designer, login, small
):
    design = designs.create_design(designer, workspace, "Klein")
    designs.add_module(designer, design, "Eins")
    designs.add_module(designer, design, "Zwei")
    db.session.commit()
    login(designer)
    response = client.post(f"/designs/{design.id}/canvas/modules", data={"title": "Drei"})
    assert response.status_code == 422
    assert "Ein Kurskonzept darf höchstens 2 Module enthalten." in response.get_data(as_text=True)
    page = client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
    assert "Zwei" in page and "Drei" not in page


def test_placing_beyond_the_nugget_limit_is_refused_on_the_canvas_and_in_the_api(
    client, workspace, designer, login, small
):
    design = designs.create_design(designer, workspace, "Klein")
    module = designs.add_module(designer, design, "Eins")
    for i in range(3):
        placements.add_new_nugget(designer, design, module.id, {"title": f"N{i}"})
    spare = nuggets.create_nugget(designer, workspace, {"title": "Vierte"})
    db.session.commit()
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/modules/{module.id}/place", data={"nugget_id": spare.id}
    )
    assert response.status_code == 422
    assert "höchstens 3 Lernnuggets" in response.get_data(as_text=True)
    api = client.post(
        f"/api/v1/designs/{design.id}/placements",
        json={"module_id": module.id, "nugget_id": spare.id},
        headers={"Accept-Language": "en"},
    )
    assert api.status_code == 422
    assert api.json["messages"]["nugget"] == "A design may hold at most 3 nuggets."
    assert db.session.scalar(select(func.count()).select_from(Placement)) == 3
    assert "Vierte" not in client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)


def test_questions_beyond_the_limit_are_refused(workspace, designer, monkeypatch):
    from designer.services.errors import Invalid

    monkeypatch.setattr(limits, "_active", limits.Limits(questions_per_nugget=1))
    question = {"kind": "truefalse", "text": "?", "answers": [{"text": "ja", "correct": True}]}
    with pytest.raises(Invalid) as refused:
        nuggets.create_nugget(
            designer, workspace, {"title": "Quiz", "questions": [question, question]}
        )
    assert refused.value.errors == {"questions": "too_many:questions:1"}


def test_the_command_line_refuses_an_import_beyond_the_limits_of_its_environment(
    tmp_path, monkeypatch
):
    from click.testing import CliRunner

    from designer.cli import main

    monkeypatch.setenv("DESIGNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    runner = CliRunner()
    for args in (["db", "upgrade"], ["demo", "--password", "demo-passwort-123"]):
        assert runner.invoke(main, args, catch_exceptions=False).exit_code == 0
    monkeypatch.setenv("DESIGNER_LIMITS", "nuggets_per_design=3")
    refused = runner.invoke(main, ["import", str(EXAMPLE_JSON), "--workspace", "demo"])
    assert refused.exit_code == 2
    assert "A design may hold at most 3 nuggets." in refused.output
    monkeypatch.delenv("DESIGNER_LIMITS")
    listing = runner.invoke(main, ["export", "2", "--format", "json", "-o", str(tmp_path / "x")])
    assert "no design with id 2" in listing.output


# ------------------------------------------------------------------------ pages


def _library(designer, workspace, count: int = 5) -> list[str]:
    titles = [f"Nugget {chr(65 + i)}" for i in range(count)]
    for title in titles:
        nuggets.create_nugget(designer, workspace, {"title": title})
    db.session.commit()
    return titles


def test_api_lists_come_in_pages_with_link_and_total(client, workspace, designer, small):
    titles = _library(designer, workspace)
    _row, secret = tokens.create_token(designer, "t", "read")
    db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    url = f"/api/v1/workspaces/{workspace.slug}/nuggets"
    first = client.get(url, headers=headers)
    assert [n["title"] for n in first.json] == titles[:2]
    assert first.headers["X-Total-Count"] == "5"
    assert 'rel="next"' in first.headers["Link"] and "page=2" in first.headers["Link"]
    last = client.get(url + "?page=2&per_page=3", headers=headers)
    assert [n["title"] for n in last.json] == titles[3:]
    assert 'rel="next"' not in last.headers["Link"] and 'rel="prev"' in last.headers["Link"]
    for bad in ("page=0", "per_page=0", "per_page=100000", "page=abc", "page=%C2%B2"):
        response = client.get(f"{url}?{bad}", headers=headers)
        assert response.status_code == 422, bad
        assert response.json["error"] == "invalid"


def test_openapi_documents_the_paging(client):
    document = client.get("/api/v1/openapi.json").json
    operation = document["paths"]["/api/v1/workspaces/{slug}/nuggets"]["get"]
    assert {p["name"] for p in operation["parameters"] if p["in"] == "query"} == {
        "page",
        "per_page",
    }
    assert {"Link", "X-Total-Count"} <= set(operation["responses"]["200"]["headers"])


def test_library_page_shows_page_links_that_keep_the_search(
    client, workspace, designer, login, small
):
    titles = _library(designer, workspace)
    login(designer)
    first = client.get(f"/w/{workspace.slug}/library?q=Nugget").get_data(as_text=True)
    assert "Gefundene Lernnuggets: 5" in first and "Seite 1 von 3" in first
    assert titles[0] in first and titles[2] not in first
    assert 'rel="next"' in first and "q=Nugget" in first and "page=2" in first
    second = client.get(f"/w/{workspace.slug}/library?q=Nugget&page=2").get_data(as_text=True)
    assert titles[2] in second and titles[0] not in second and 'rel="prev"' in second
    beyond = client.get(f"/w/{workspace.slug}/library?page=99999999999999999999")
    assert beyond.status_code == 200


def test_sharing_page_comes_in_pages(client, workspace, designer, login, small):
    titles = _library(designer, workspace)
    login(designer)
    first = client.get(f"/w/{workspace.slug}/sharing").get_data(as_text=True)
    assert "Seite 1 von 3" in first and titles[0] in first and titles[4] not in first
    last = client.get(f"/w/{workspace.slug}/sharing?page=3").get_data(as_text=True)
    assert titles[4] in last and titles[0] not in last and 'rel="next"' not in last
