"""Exports and imports leave no file behind: not after a download (browser or API), not
after a failed export or import, and not after a worker was killed mid-import (the next
start removes what it left)."""

from __future__ import annotations

import dataclasses
import io
import os
import tempfile
import time
from pathlib import Path

import pytest

from designer import create_app
from designer.export.formats import get_format
from designer.extensions import db
from designer.models import Asset, Design
from designer.queries import exporting
from designer.services import importing, tokens


@pytest.fixture(autouse=True)
def system_tmp(tmp_path, monkeypatch) -> Path:
    """The system temp folder of this test alone, so that what lands there can be counted."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def leftovers(app, system_tmp: Path) -> list[str]:
    scratch = Path(app.config["DATA_DIR"]) / "tmp"
    found = [p.name for p in system_tmp.iterdir()]
    if scratch.is_dir():
        found += [p.name for p in scratch.iterdir()]
    store = Path(app.config["FILE_STORE"])
    return found + [p.name for p in store.glob(".upload-*")]


@pytest.fixture
def designer(client, workspace, make_user, login):
    user = make_user("d@example.org", workspace=workspace, role="designer")
    login(user)
    return user


def _api_headers(user) -> dict[str, str]:
    _row, secret = tokens.create_token(user, "export", "write")
    db.session.commit()
    return {"Authorization": f"Bearer {secret}"}


@pytest.mark.parametrize("key", ["kurswerk", "scorm12", "docx"])
def test_downloads_leave_nothing(app, client, designer, example_design, system_tmp, key):
    before = leftovers(app, system_tmp)
    response = client.get(f"/designs/{example_design.id}/export/{key}")
    assert response.status_code == 200
    assert int(response.headers["Content-Length"]) == len(response.data) > 100
    response.close()
    api = client.post(
        f"/api/v1/designs/{example_design.id}/exports",
        json={"format": key},
        headers=_api_headers(designer),
    )
    assert api.status_code == 200 and len(api.data) > 100
    api.close()
    assert leftovers(app, system_tmp) == before


def test_failed_exports_leave_nothing(
    app, client, designer, example_design, system_tmp, monkeypatch
):
    before = leftovers(app, system_tmp)
    asset = db.session.query(Asset).filter_by(filename="persona.png").one()
    missing = app.extensions["file_store"].path(asset.sha256)
    missing.rename(missing.with_suffix(".away"))
    response = client.get(f"/designs/{example_design.id}/export/kurswerk")
    assert response.status_code == 302
    api = client.post(
        f"/api/v1/designs/{example_design.id}/exports",
        json={"format": "scorm12"},
        headers=_api_headers(designer),
    )
    assert api.status_code == 422
    missing.with_suffix(".away").rename(missing)

    def broken(snap, out, ctx):
        out.write(b"half an export")
        raise RuntimeError("exporter failed")

    real = get_format("json")
    monkeypatch.setattr(
        exporting, "get_format", lambda key: dataclasses.replace(real, write=broken)
    )
    assert client.get(f"/designs/{example_design.id}/export/json").status_code == 500
    assert leftovers(app, system_tmp) == before


def test_imports_leave_nothing_and_use_the_app_scratch_folder(
    app, client, designer, workspace, example_design, system_tmp, monkeypatch
):
    bundle = client.get(f"/designs/{example_design.id}/export/kurswerk").data
    before = leftovers(app, system_tmp)
    designs = db.session.query(Design).count()
    page = client.post(
        f"/w/{workspace.slug}/import",
        data={"file": (io.BytesIO(bundle), "kurs.kurswerk")},
        content_type="multipart/form-data",
    )
    assert page.status_code == 302
    refused = client.post(
        f"/api/v1/workspaces/{workspace.slug}/imports",
        data={"file": (io.BytesIO(b'{"format": "other"}'), "plan.json")},
        content_type="multipart/form-data",
        headers=_api_headers(designer),
    )
    assert refused.status_code == 422
    assert db.session.query(Design).count() == designs + 1
    assert leftovers(app, system_tmp) == before

    seen = []

    def crash(actor, workspace, path, store, max_bytes):
        seen.append(path)
        raise RuntimeError("worker died")

    monkeypatch.setattr(importing, "import_path", crash)
    crashed = client.post(
        f"/w/{workspace.slug}/import",
        data={"file": (io.BytesIO(bundle), "kurs.kurswerk")},
        content_type="multipart/form-data",
    )
    assert crashed.status_code == 500
    assert seen[0].parent.parent == Path(app.config["DATA_DIR"]) / "tmp"
    assert leftovers(app, system_tmp) == before


def test_start_removes_what_a_killed_worker_left(app, tmp_path):
    data = Path(app.config["DATA_DIR"])
    stale_import = data / "tmp" / "import-abc"
    stale_import.mkdir(parents=True)
    (stale_import / "kurs.kurswerk").write_bytes(b"upload")
    stale_store = Path(app.config["FILE_STORE"]) / ".upload-xyz"
    stale_store.parent.mkdir(parents=True, exist_ok=True)
    stale_store.write_bytes(b"half")
    day_ago = time.time() - 24 * 60 * 60
    for path in (stale_import, stale_store):
        os.utime(path, (day_ago, day_ago))
    running = data / "tmp" / "import-now"  # another worker's import in progress
    running.mkdir()

    create_app({"SECRET_KEY": "x", "DATA_DIR": str(data), "FILE_STORE": app.config["FILE_STORE"]})
    assert not stale_import.exists() and not stale_store.exists()
    assert running.exists()
