"""Exports (every registered format) and imports through the API."""

import io
import json
import zipfile

from designer.export.formats import formats
from designer.extensions import db
from designer.models import Design
from tests.paths import EXAMPLE_JSON


def test_every_registered_format_exports(call, example_design):
    assert formats()
    for key, fmt in formats().items():
        response = call("POST", f"/designs/{example_design.id}/exports", json={"format": key})
        assert response.status_code == 200, key
        assert response.mimetype == fmt.mimetype, key
        assert f".{fmt.extension}" in response.headers["Content-Disposition"], key
        assert len(response.get_data()) > 0, key


def test_export_of_json_is_the_design(call, example_design):
    response = call("POST", f"/designs/{example_design.id}/exports", json={"format": "json"})
    assert json.loads(response.get_data())["design"]["title"] == example_design.title


def test_export_refuses_unknown_format_and_option(call, example_design):
    url = f"/designs/{example_design.id}/exports"
    unknown = call("POST", url, json={"format": "pdf"})
    assert unknown.status_code == 422
    assert unknown.json["errors"] == {"format": "unknown"}
    option = call("POST", url, json={"format": "json", "options": {"colour": "red"}})
    assert option.status_code == 422
    assert option.json["errors"] == {"options.colour": "unknown_option"}


def test_read_token_may_export(call, read_token, example_design):
    url = f"/designs/{example_design.id}/exports"
    assert call("POST", url, token=read_token, json={"format": "json"}).status_code == 200


def _bundle(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_import_of_a_bundle_creates_a_design(call, workspace, example_design):
    bundle = call("POST", f"/designs/{example_design.id}/exports", json={"format": "kurswerk"})
    response = call(
        "POST",
        f"/workspaces/{workspace.slug}/imports",
        data={"file": (io.BytesIO(bundle.get_data()), "kurs.kurswerk")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 201
    design = db.session.get(Design, response.json["id"])
    assert design.title == example_design.title
    assert design.workspace_id == workspace.id


def test_refused_import_is_422_with_problems_and_writes_nothing(call, workspace):
    count = db.session.query(Design).count()
    raw = json.loads(EXAMPLE_JSON.read_text())
    raw["design"]["modules"][0]["placements"][0]["nugget"] = "missing"
    response = call(
        "POST",
        f"/workspaces/{workspace.slug}/imports",
        data={"file": (io.BytesIO(_bundle({"design.json": json.dumps(raw).encode()})), "x.zip")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert response.json["error"] == "import_refused"
    assert any("missing" in p for p in response.json["problems"])
    assert db.session.query(Design).count() == count


def test_import_needs_a_file_and_a_known_type(call, workspace):
    url = f"/workspaces/{workspace.slug}/imports"
    assert call("POST", url, data={}, content_type="multipart/form-data").status_code == 422
    exe = call(
        "POST",
        url,
        data={"file": (io.BytesIO(b"MZ\x90\x00"), "tool.exe")},
        content_type="multipart/form-data",
    )
    assert exe.status_code == 422
    assert "cannot import this kind of file" in exe.json["problems"][0]


def test_upload_above_the_request_limit_is_413(app, call, workspace):
    app.config["MAX_CONTENT_LENGTH"] = 1024
    response = call(
        "POST",
        f"/workspaces/{workspace.slug}/imports",
        data={"file": (io.BytesIO(b"x" * 4096), "big.json")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 413
    assert response.json["error"] == "413"
