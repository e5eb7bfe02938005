"""Files that come in with an import: kept apart by key in a bundle, checked against the
sha256 in design.json, and passing the same type check as an upload (every way in)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from sqlalchemy import func, select

from designer.extensions import db
from designer.models import Asset, Design, Nugget, Placement, Workspace
from designer.services.assets import attach_upload
from tests.paths import EXAMPLE_FILES, EXAMPLE_JSON
from tests.wizard.helpers import expected_error, field_error

PNG = (EXAMPLE_FILES / "persona.png").read_bytes()
OTHER_PNG = PNG + b"other bytes after the image"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!doctype html><script>alert(document.cookie)</script>"


def _stored_files(app) -> list[Path]:
    root = Path(app.config["FILE_STORE"])
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _import(call, workspace, data: bytes, name: str = "kurs.kurswerk"):
    return call(
        "POST",
        f"/workspaces/{workspace.slug}/imports",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _export(call, design_id: int) -> zipfile.ZipFile:
    response = call("POST", f"/designs/{design_id}/exports", json={"format": "kurswerk"})
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(response.get_data()))


def _files(bundle: zipfile.ZipFile) -> dict[str, bytes]:
    """Asset key → bytes, read the way design.json names them."""
    doc = json.loads(bundle.read("design.json"))
    return {
        a["key"]: bundle.read(f"files/{a['key']}/{a['filename']}") for a in doc["design"]["assets"]
    }


def _rebundle(bundle: zipfile.ZipFile, changes: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for name in bundle.namelist():
            out.writestr(name, changes.get(name, bundle.read(name)))
    return buffer.getvalue()


def _old_bundle(doc: dict, files: dict[str, bytes]) -> bytes:
    """A bundle as Kurswerk wrote it before: each file under `files/<filename>`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("design.json", json.dumps(doc))
        for name, data in files.items():
            zf.writestr(f"files/{name}", data)
    return buffer.getvalue()


PDF = {"persona-vorlage.pdf": (EXAMPLE_FILES / "persona-vorlage.pdf").read_bytes()}


def _example_doc(**asset_changes) -> dict:
    doc = json.loads(EXAMPLE_JSON.read_text())
    doc["design"]["assets"][0].update(asset_changes)
    return doc


def _attach_second_persona(app, designer_user, design) -> None:
    """A second file named persona.png with other bytes, on the last nugget of the canvas."""
    placement = db.session.scalars(
        select(Placement).where(Placement.design_id == design.id).order_by(Placement.id)
    ).all()[-1]
    nugget = db.session.get(Nugget, placement.nugget_id)
    attach_upload(
        designer_user,
        nugget,
        io.BytesIO(OTHER_PNG),
        "persona.png",
        {},
        app.extensions["file_store"],
        app.config["MAX_UPLOAD_BYTES"],
        nugget.lock_version,
        via=design,
    )
    db.session.commit()


# ------------------------------------------------------------------ round trip


def test_two_files_of_one_name_survive_a_bundle_round_trip(
    app, call, workspace, example_design, designer_user
):
    _attach_second_persona(app, designer_user, example_design)
    first = _export(call, example_design.id)
    exported = _files(first)
    assert sorted(hashlib.sha256(b).hexdigest() for b in exported.values() if b[:4] == PNG[:4]) == (
        sorted(hashlib.sha256(b).hexdigest() for b in (PNG, OTHER_PNG))
    )
    names = [n for n in first.namelist() if n.endswith("/persona.png")]
    assert len(names) == len(set(names)) == 2

    response = _import(call, workspace, _rebundle(first, {}))
    assert response.status_code == 201, response.json
    again = _files(_export(call, response.json["id"]))
    assert sorted(again.values()) == sorted(exported.values())
    pngs = db.session.scalars(
        select(Asset.sha256).where(
            Asset.filename == "persona.png", Asset.workspace_id == workspace.id
        )
    ).all()
    assert {hashlib.sha256(PNG).hexdigest(), hashlib.sha256(OTHER_PNG).hexdigest()} == set(pngs)


def test_a_bundle_written_before_keys_is_still_read(call, workspace):
    files = {p.name: p.read_bytes() for p in EXAMPLE_FILES.iterdir()}
    response = _import(call, workspace, _old_bundle(_example_doc(), files))
    assert response.status_code == 201, response.json
    assert sorted(_files(_export(call, response.json["id"])).values()) == sorted(files.values())


def test_changed_bytes_are_refused_by_their_sha256_and_nothing_is_written(
    app, call, workspace, example_design
):
    bundle = _export(call, example_design.id)
    doc = json.loads(bundle.read("design.json"))
    png = next(a for a in doc["design"]["assets"] if a["filename"] == "persona.png")
    assert png["sha256"] == hashlib.sha256(PNG).hexdigest()
    stored, designs = _stored_files(app), db.session.query(Design).count()

    response = _import(
        call, workspace, _rebundle(bundle, {f"files/{png['key']}/persona.png": OTHER_PNG})
    )
    assert response.status_code == 422
    assert response.json["problems"] == [
        "persona.png: the file's bytes do not match its sha256 in design.json"
    ]
    assert db.session.query(Design).count() == designs
    assert _stored_files(app) == stored
    # The same bundle unchanged goes in: the check does not refuse honest files.
    assert _import(call, workspace, _rebundle(bundle, {})).status_code == 201


def test_a_damaged_zip_member_is_refused_not_a_server_error(call, workspace, example_design):
    bundle = _export(call, example_design.id)
    raw = bytearray(_rebundle(bundle, {}))
    info = next(
        i for i in zipfile.ZipFile(io.BytesIO(bytes(raw))).infolist() if "persona.png" in i.filename
    )
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    raw[start + 10 : start + 40] = b"\xff" * 30  # break the deflate stream of one member
    response = _import(call, workspace, bytes(raw))
    assert response.status_code == 422
    assert "persona.png is damaged" in response.json["problems"][0]


# ------------------------------------------------------------ type checks


def test_bundle_files_pass_the_upload_type_check(app, call, workspace):
    for name, data in (("evil.html", HTML), ("evil.svg", SVG), ("bild.png", SVG)):
        doc = _example_doc(filename=name, mimetype="image/png")
        response = _import(call, workspace, _old_bundle(doc, {name: data, **PDF}))
        assert response.status_code == 422, name
        assert response.json["problems"][0].startswith(
            f"{name}: this kind of file is not allowed or its name does not match its content"
        )
        assert db.session.query(Design).count() == 0
        assert db.session.query(Asset).count() == 0
        assert _stored_files(app) == []


def test_the_stored_type_is_read_from_the_bytes_not_the_claim(call, workspace):
    doc = _example_doc(mimetype="text/html")
    files = {p.name: p.read_bytes() for p in EXAMPLE_FILES.iterdir()}
    response = _import(call, workspace, _old_bundle(doc, files))
    assert response.status_code == 201
    exported = json.loads(_export(call, response.json["id"]).read("design.json"))
    assert {a["filename"]: a["mimetype"] for a in exported["design"]["assets"]} == {
        "persona.png": "image/png",
        "persona-vorlage.pdf": "application/pdf",
    }


def test_web_import_names_the_refused_file(client, login, workspace, make_user):
    login(make_user("d@example.org", workspace=workspace, role="designer"))
    doc = _example_doc(filename="evil.html")
    page = client.post(
        f"/w/{workspace.slug}/import",
        data={"file": (io.BytesIO(_old_bundle(doc, {"evil.html": HTML, **PDF})), "kurs.kurswerk")},
        content_type="multipart/form-data",
    )
    assert page.status_code == 200
    assert "evil.html: this kind of file is not allowed" in page.get_data(as_text=True)
    assert db.session.query(Design).count() == 0


def test_template_files_pass_the_upload_type_check(
    app, client, login, designer_user, example_design
):
    from designer.services.design_templates import save_as_template

    row = save_as_template(designer_user, example_design, "Mit SVG")
    sha, size = app.extensions["file_store"].put_bytes(SVG)
    snap = json.loads(json.dumps(row.snapshot))
    snap["design"]["assets"][0].update(
        filename="bild.svg", mimetype="image/svg+xml", sha256=sha, size=size
    )
    row.snapshot = snap
    db.session.commit()
    login(designer_user)
    workspace = db.session.get(Workspace, example_design.workspace_id)
    response = client.post(
        f"/w/{workspace.slug}/designs/new",
        data={"template": f"workspace:{row.id}", "title": "Mit SVG", "language": "de"},
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert field_error(html, "template") == expected_error(app, "file_type", "de")
    assert db.session.scalar(select(func.count(Design.id)).where(Design.title == "Mit SVG")) == 0
