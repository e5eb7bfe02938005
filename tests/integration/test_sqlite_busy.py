"""The embedded SQLite under concurrent writes: WAL lets reads go on while another
connection writes, writes wait for each other (busy timeout), and a write that still
cannot get the lock answers 503 with Retry-After and a clear message, never 500."""

from __future__ import annotations

import io
import sqlite3
import threading
import time
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text

from designer.extensions import db
from designer.models import Design, User
from designer.services import designs, tokens
from designer.storage.filestore import FileStore
from tests.conftest import PG_URL

pytestmark = pytest.mark.skipif(bool(PG_URL), reason="SQLite's locking only")


def _engine_file(app) -> str:
    with app.app_context():
        return db.engine.url.database


@contextmanager
def held_lock(path: str, mode: str = "IMMEDIATE"):
    """Another connection (as another worker would) holding the write lock."""
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute(f"BEGIN {mode}")
    other.execute("UPDATE designs SET updated_at = updated_at")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@pytest.fixture
def api(app, workspace):
    """A write token and a few designs of the workspace's coordinator."""
    owner = db.session.scalar(select(User).where(User.email == "coordinator@example.org"))
    rows = [designs.create_design(owner, workspace, f"Kurs {n}") for n in range(4)]
    _row, secret = tokens.create_token(owner, "busy", "write")
    db.session.commit()
    headers = {"Authorization": f"Bearer {secret}"}
    # The first use of a token notes it (a write); the tests' reads come after that.
    assert app.test_client().get("/api/v1/workspaces", headers=headers).status_code == 200
    return headers, [d.id for d in rows]


def _rename(client, headers, design_id: int, title: str):
    version = client.get(f"/api/v1/designs/{design_id}", headers=headers).json["lock_version"]
    return client.patch(
        f"/api/v1/designs/{design_id}",
        json={"lock_version": version, "title": title},
        headers={**headers, "Accept-Language": "en"},
    )


def test_every_connection_uses_wal_and_the_busy_timeout(app):
    assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    timeout = db.session.execute(text("PRAGMA busy_timeout")).scalar()
    assert timeout == app.config["SQLITE_BUSY_TIMEOUT_MS"] == 10_000


def test_reads_go_on_while_another_connection_writes(app, client, api):
    headers, ids = api
    with held_lock(_engine_file(app), "EXCLUSIVE"):
        response = client.get(f"/api/v1/designs/{ids[0]}", headers=headers)
    assert response.status_code == 200
    assert response.json["design"]["title"] == "Kurs 0"


def test_writes_wait_for_a_long_write_in_another_thread(app, api):
    headers, ids = api
    path = _engine_file(app)
    results: list[int] = []
    started = threading.Event()

    def long_write():
        with held_lock(path):
            started.set()
            time.sleep(1)

    def writer(design_id: int):
        client = app.test_client()
        results.append(_rename(client, headers, design_id, f"Neu {design_id}").status_code)

    holder = threading.Thread(target=long_write)
    holder.start()
    started.wait()
    writers = [threading.Thread(target=writer, args=(i,)) for i in ids]
    for thread in writers:
        thread.start()
    for thread in [holder, *writers]:
        thread.join()
    assert results == [200] * len(ids)
    db.session.expire_all()
    assert [db.session.get(Design, i).title for i in ids] == [f"Neu {i}" for i in ids]


def test_a_write_that_cannot_get_the_lock_is_503_with_retry_after(app, client, api, login):
    headers, ids = api
    login(db.session.scalar(select(User).where(User.email == "coordinator@example.org")))
    app.config["SQLITE_BUSY_TIMEOUT_MS"] = 100
    db.session.close()
    db.engine.dispose()  # new connections take the short timeout
    with held_lock(_engine_file(app)):
        refused = _rename(client, headers, ids[0], "Verloren")
        page = client.post(
            f"/designs/{ids[0]}/comments", data={"target": f"design:{ids[0]}", "body": "Hallo"}
        )
    assert refused.status_code == 503
    assert refused.headers["Retry-After"] == "5"
    assert refused.json["error"] == "busy"
    assert "try again in a few seconds" in refused.json["message"]
    assert page.status_code == 503 and page.headers["Retry-After"] == "5"
    assert "in ein paar Sekunden noch einmal" in page.get_data(as_text=True)

    db.session.expire_all()
    assert db.session.get(Design, ids[0]).title == "Kurs 0"
    assert _rename(client, headers, ids[0], "Gespeichert").status_code == 200


def test_an_import_holds_no_lock_while_it_stores_files(app, api, workspace, example_design):
    """Copying an import's files (large ones take seconds) happens before its first row is
    written, so other writers do not wait for it: here one writes while the import is
    inside the file store, with a timeout too short to wait for anything."""
    headers, ids = api
    client = app.test_client()
    bundle = client.post(
        f"/api/v1/designs/{example_design.id}/exports", json={"format": "kurswerk"}, headers=headers
    ).data
    slug = workspace.slug
    app.config["SQLITE_BUSY_TIMEOUT_MS"] = 100
    db.session.close()
    db.engine.dispose()
    in_store, written, results = threading.Event(), threading.Event(), []
    real_put = FileStore.put

    def slow_put(self, stream, max_bytes=None):
        if not in_store.is_set():
            in_store.set()
            written.wait(timeout=10)
        return real_put(self, stream, max_bytes)

    def run_import():
        response = app.test_client().post(
            f"/api/v1/workspaces/{slug}/imports",
            data={"file": (io.BytesIO(bundle), "kurs.kurswerk")},
            content_type="multipart/form-data",
            headers=headers,
        )
        results.append(response.status_code)

    FileStore.put = slow_put
    try:
        importer = threading.Thread(target=run_import)
        importer.start()
        assert in_store.wait(timeout=10)
        renamed = _rename(client, headers, ids[0], "Während des Imports")
        written.set()
        importer.join()
    finally:
        FileStore.put = real_put
    assert renamed.status_code == 200
    assert results == [201]
