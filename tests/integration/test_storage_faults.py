"""A read-only data folder or a full disk: reads and log-in keep working, writes answer
with a message that says what is wrong (503 read-only, 507 full), nothing is half-saved,
and the fault is logged once.

Tests run as root, whom chmod does not stop: the read-only store is SQLite's read-only
mode (`?mode=ro`), the full disk an OSError(ENOSPC) from the file store's low-level
write and SQLite's own "database or disk is full" (a page limit)."""

from __future__ import annotations

import errno
import io
import logging
import os

import pytest
from flask_migrate import upgrade
from sqlalchemy import event, func, select

from designer import create_app
from designer.extensions import db
from designer.models import Asset, Comment, Nugget, Placement
from designer.services import tokens
from designer.storage import filestore
from designer.web import faults
from tests.conftest import PASSWORD, PG_URL

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def fresh_log(monkeypatch):
    monkeypatch.setattr(faults, "_logged", set())


@pytest.fixture
def designer(workspace, make_user, example_design):
    user = make_user("d@example.org", workspace=workspace, role="designer")
    example_design.created_by_id = user.id
    db.session.commit()
    return user


def _fault_logs(caplog, kind: str) -> int:
    return sum(1 for r in caplog.records if f"storage {kind}" in r.getMessage())


def _comment(client, design_id: int, body: str):
    return client.post(
        f"/designs/{design_id}/comments", data={"target": f"design:{design_id}", "body": body}
    )


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's read-only mode")
def test_read_only_store_lets_people_in_and_read_but_refuses_writes(
    app, workspace, designer, example_design, caplog
):
    _row, secret = tokens.create_token(designer, "lesen", "read")
    db.session.commit()
    path = db.engine.url.database
    read_only = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATA_DIR": app.config["DATA_DIR"],
            "WTF_CSRF_ENABLED": False,
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///file:{path}?mode=ro&uri=true",
        }
    )
    client = read_only.test_client()
    caplog.set_level(logging.WARNING, logger="designer.storage")

    login = client.post("/login", data={"email": designer.email, "password": PASSWORD})
    assert login.status_code == 302
    design = example_design.id
    slug = workspace.slug
    for url in (
        "/",
        f"/w/{slug}",
        f"/w/{slug}/library",
        f"/designs/{design}",
        f"/designs/{design}/canvas",
        f"/designs/{design}/revisions",
        f"/designs/{design}/activity",
        f"/designs/{design}/export/json",
    ):
        assert client.get(url, follow_redirects=True).status_code == 200, url
    api = client.get(
        f"/api/v1/designs/{example_design.id}", headers={"Authorization": f"Bearer {secret}"}
    )
    assert api.status_code == 200

    for body in ("Erste Frage", "Zweite Frage"):
        refused = _comment(client, example_design.id, body)
        assert refused.status_code == 503
        assert "Der Speicher ist schreibgeschützt" in refused.get_data(as_text=True)
    assert _fault_logs(caplog, "read_only") == 1
    assert db.session.scalar(select(func.count(Comment.id))) == 0
    with read_only.app_context():
        db.engine.dispose()


def _upload(client, design, placement):
    nugget = db.session.get(Nugget, placement.nugget_id)
    return client.post(
        f"/designs/{design.id}/nuggets/{placement.id}/assets",
        data={
            "file": (io.BytesIO(PNG), "plan.png"),
            "alt_text": "Plan",
            "license": "CC-BY-4.0",
            "lock_version": str(nugget.lock_version),
        },
        content_type="multipart/form-data",
    )


class _FullDisk:
    """A file whose writes fail as on a full disk."""

    def __init__(self, real):
        self.real = real

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_upload_on_a_full_disk_says_so_and_saves_nothing(
    app, client, login, designer, example_design, monkeypatch, caplog
):
    placement = db.session.scalars(
        select(Placement).where(Placement.design_id == example_design.id)
    ).first()
    assets = db.session.scalar(select(func.count(Asset.id)))
    login(designer)
    real_fdopen = os.fdopen
    monkeypatch.setattr(filestore.os, "fdopen", lambda *a, **k: _FullDisk(real_fdopen(*a, **k)))
    caplog.set_level(logging.WARNING, logger="designer.storage")

    for _ in range(2):
        refused = _upload(client, example_design, placement)
        assert refused.status_code == 507
        assert "Der Speicher ist voll" in refused.get_data(as_text=True)
    assert _fault_logs(caplog, "full") == 1
    assert db.session.scalar(select(func.count(Asset.id))) == assets
    store = app.extensions["file_store"].root
    assert not list(store.glob(".upload-*"))

    monkeypatch.undo()
    assert _upload(client, example_design, placement).status_code == 302


@pytest.mark.skipif(bool(PG_URL), reason="SQLite's page limit")
def test_a_full_database_says_so(app, client, login, designer, example_design):
    design_id = example_design.id
    login(designer)
    db.session.commit()
    with db.engine.connect() as connection:
        connection.exec_driver_sql("VACUUM")  # no free pages left for the next write
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    def cap(dbapi_connection, _record):
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "connect", cap)
    db.engine.dispose()
    try:
        refused = _comment(client, design_id, "x" * 4900)
        assert refused.status_code == 507
        assert "Der Speicher ist voll" in refused.get_data(as_text=True)
        assert client.get(f"/designs/{design_id}").status_code == 200
    finally:
        event.remove(db.engine, "connect", cap)
        db.engine.dispose()
    assert db.session.scalar(select(func.count(Comment.id))) == 0
    assert _comment(client, design_id, "Kurz").status_code == 302


def test_upgrading_the_database_keeps_the_app_logs(tmp_path, monkeypatch):
    """`designer run` upgrades the database in the serving process; alembic's logging
    set-up must not silence the app's loggers (the error log and the storage notes)."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    fresh = create_app({"SECRET_KEY": "x", "DATA_DIR": str(tmp_path / "fresh")})
    with fresh.app_context():
        upgrade(directory=fresh.extensions["migrate"].directory)
        db.engine.dispose()
    assert not fresh.logger.disabled
    assert not logging.getLogger("designer.storage").disabled
