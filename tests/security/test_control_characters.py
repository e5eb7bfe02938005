"""Control characters (`\\x0b` from Word, NUL, ...) never reach the database through a form,
the API, an import or an upload's file name; and one stored earlier does not break any
export (XML cannot hold them)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import select

from designer.core.characters import csv_safe, has_control, strip_control, without_control
from designer.core.fields import whole_number
from designer.core.snapshot import from_json
from designer.export.formats import formats
from designer.extensions import db
from designer.models import Asset, Design, Module, Nugget, Placement
from tests.paths import EXAMPLE_FILES, EXAMPLE_JSON

HOSTILE = "Zeile eins\x0bZeile zwei\x00\x1f\x7f\ufffe"
CLEAN = "Zeile eins\nZeile zwei"


# ------------------------------------------------------------------ the rule


def test_the_rule_strips_controls_and_keeps_tabs_and_new_lines():
    assert strip_control(HOSTILE) == CLEAN
    assert strip_control("a\tb\r\nc") == "a\tb\r\nc"
    assert has_control("\ud800") and has_control("\x85") and not has_control("Größe ✓ 😀")
    snap = from_json(EXAMPLE_JSON.read_bytes())
    hostile = without_control(
        type(snap)(**{**snap.__dict__, "title": HOSTILE}),
    )
    assert hostile.title == CLEAN and hostile.nuggets == snap.nuggets


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), (" 7 ", 7), ("²", None), ("1e3", None), ("abc", None), ("-1", None),
     ("9" * 30, None), (str(2**31), None), (str(2**31 - 1), 2**31 - 1), ("", None)],
)  # fmt: skip
def test_whole_numbers(text, number):
    assert whole_number(text) == number


def test_csv_cells_that_start_like_a_formula_are_quoted():
    for text in ("=1", "+1", "-1", "@x", "\tx", "\rx"):
        assert csv_safe(text) == "'" + text
    assert csv_safe("Akademie Nord") == "Akademie Nord"


# ------------------------------------------------------------------ the edges


@pytest.fixture
def designer_client(client, workspace, make_user, login):
    login(make_user("d@example.org", workspace=workspace, role="designer"))
    return client


def _exports_all_formats(client, design_id: int) -> None:
    for key in sorted(formats()):
        response = client.get(f"/designs/{design_id}/export/{key}")
        assert response.status_code == 200, (key, response.data[:300])
    exported = client.get(f"/designs/{design_id}/export/json").data
    assert b"\\u000b" not in exported and not has_control(exported.decode())


def test_form_input_is_stripped_and_every_export_works(designer_client, example_design):
    module = db.session.scalars(
        select(Module).where(Module.design_id == example_design.id).order_by(Module.position)
    ).first()
    response = designer_client.post(
        f"/designs/{example_design.id}/canvas/modules/{module.id}/rename",
        data={"title": "Modul\x0beins\x00", "lock_version": module.lock_version},
    )
    assert response.status_code in (200, 302), response.data[:300]
    db.session.expire_all()
    assert db.session.get(Module, module.id).title == "Modul\neins"
    canvas = designer_client.get(f"/designs/{example_design.id}/canvas").get_data(as_text=True)
    assert "Modul\neins" in canvas
    _exports_all_formats(designer_client, example_design.id)


def test_api_refuses_control_characters_with_a_message(call, example_design):
    url = f"/designs/{example_design.id}"
    version = call("GET", url).json["lock_version"]
    for text in ("vertical\x0btab", "nul\x00", "lone\ud800"):
        answer = call("PATCH", url, json={"lock_version": version, "target_group": text})
        assert answer.status_code == 422
        assert answer.json["errors"] == {"target_group": "control_character"}
        assert answer.json["messages"]["target_group"] == (
            "Steuerzeichen (etwa NUL oder ein vertikaler Tabulator) sind nicht erlaubt."
        )
    assert call("GET", url).json["design"]["grobkonzept"]["target_group"] == (
        example_design.target_group
    )
    fine = call("PATCH", url, json={"lock_version": version, "target_group": "a\tb\nc"})
    assert fine.status_code == 200


def test_imported_control_characters_are_stripped(call, workspace):
    doc = json.loads(EXAMPLE_JSON.read_text())
    doc["design"]["title"] = HOSTILE
    doc["design"]["nuggets"][0]["summary"] = HOSTILE
    doc["design"]["modules"][0]["title"] = "Modul\x00"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("design.json", json.dumps(doc))
        for path in EXAMPLE_FILES.iterdir():
            zf.write(path, f"files/{path.name}")
    answer = call(
        "POST",
        f"/workspaces/{workspace.slug}/imports",
        data={"file": (io.BytesIO(buffer.getvalue()), "kurs.kurswerk")},
        content_type="multipart/form-data",
    )
    assert answer.status_code == 201, answer.json
    shown = call("GET", f"/designs/{answer.json['id']}").json["design"]
    assert shown["title"] == CLEAN
    assert shown["nuggets"][0]["summary"] == CLEAN
    assert shown["modules"][0]["title"] == "Modul"


def test_text_stored_before_the_rule_does_not_break_any_export(designer_client, example_design):
    """Data saved by an earlier version may hold control characters: exports strip them."""
    # What an earlier version could have stored: PostgreSQL's text never holds NUL.
    stored = HOSTILE if db.engine.dialect.name == "sqlite" else HOSTILE.replace("\x00", "")
    db.session.get(Design, example_design.id).target_group = stored
    db.session.commit()
    _exports_all_formats(designer_client, example_design.id)
    xlsx = designer_client.get(f"/designs/{example_design.id}/export/xlsx").data
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zf:
        sheets = "".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".xml"))
    assert CLEAN in sheets


def test_upload_file_name_loses_its_control_characters(designer_client, example_design):
    placement = db.session.scalars(
        select(Placement).where(Placement.design_id == example_design.id)
    ).first()
    nugget = db.session.get(Nugget, placement.nugget_id)
    response = designer_client.post(
        f"/designs/{example_design.id}/nuggets/{placement.id}/assets",
        data={
            "file": (io.BytesIO(b"Notizen"), "noti\x00zen\x0b.txt"),
            "lock_version": nugget.lock_version,
        },
        content_type="multipart/form-data",
    )
    assert response.status_code in (200, 302), response.data[:500]
    names = db.session.scalars(select(Asset.filename)).all()
    assert "notizen\n.txt" in names or "notizen.txt" in names
    assert not any(has_control(n) for n in names)
