"""Shared fixtures: `app`, `client`, `users`/`login` helpers and a real Chromium.

The database is SQLite in a temporary folder, or the PostgreSQL named by
KURSWERK_TEST_DATABASE_URL (CI runs the whole suite on both). On PostgreSQL the schema is
created once per run and emptied between tests.
"""

from __future__ import annotations

import os
import threading

import pytest
from sqlalchemy import text
from werkzeug.serving import make_server

from designer import create_app
from designer.extensions import db
from tests.browser import CHROMIUM, CHROMIUM_ARGS, missing_reason

PG_URL = os.environ.get("KURSWERK_TEST_DATABASE_URL")
PASSWORD = "correct horse battery"


@pytest.fixture(scope="session")
def _pg_schema():
    """On PostgreSQL: create the schema once per run (from the models)."""
    if not PG_URL:
        yield None
        return
    os.environ["DATABASE_URL"] = PG_URL
    app = create_app({"SECRET_KEY": "test", "DATA_DIR": "/tmp/kurswerk-pg-test"})
    with app.app_context():
        db.drop_all()
        db.session.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        db.create_all()
    yield PG_URL


def _empty_tables() -> None:
    names = ", ".join(t.name for t in db.metadata.sorted_tables)
    db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    db.session.commit()


@pytest.fixture
def app(tmp_path, _pg_schema, monkeypatch):
    if _pg_schema:
        monkeypatch.setenv("DATABASE_URL", _pg_schema)
    else:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    application = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "DATA_DIR": str(tmp_path / "data"),
            "FILE_STORE": str(tmp_path / "data" / "files"),
            "WTF_CSRF_ENABLED": False,
            # Cheap scrypt parameters: the real ones cost ~0.1 s per hash.
            "PASSWORD_HASH_METHOD": "scrypt:1024:8:1",
        }
    )
    with application.app_context():
        if _pg_schema:
            _empty_tables()
        else:
            db.create_all()
        yield application
        db.session.remove()
        if _pg_schema:
            _empty_tables()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_user(app):
    """make_user("anna@x.de", workspace=ws, role="designer") → User (committed), with a
    confirmed address unless verified=False."""
    from designer.models.columns import utcnow
    from designer.services import accounts, workspaces

    def make(
        email: str, workspace=None, role: str = "designer", name: str = "", verified: bool = True
    ):
        user = accounts.register(
            email,
            name or email.split("@")[0].title(),
            PASSWORD,
            hash_method=app.config["PASSWORD_HASH_METHOD"],
        )
        if verified:
            user.email_verified_at = utcnow()
        if workspace is not None:
            workspaces.enrol(workspace, user, role)
        db.session.commit()
        return user

    return make


@pytest.fixture
def workspace(app, make_user):
    """A workspace whose coordinator is coordinator@example.org."""
    from designer.services import workspaces

    owner = make_user("coordinator@example.org")
    ws = workspaces.create_workspace(owner, "Akademie Nord")
    db.session.commit()
    return ws


@pytest.fixture
def login(client):
    def do(user) -> None:
        response = client.post("/login", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 302, response.data[:500]

    return do


@pytest.fixture
def example_design(app, workspace):
    """The example course imported into `workspace` (with its files)."""
    from designer.importers.kurswerk import read_json_file
    from designer.services.importing import import_design
    from tests.paths import EXAMPLE_JSON

    design = import_design(
        None, workspace, read_json_file(EXAMPLE_JSON), app.extensions["file_store"]
    )
    db.session.commit()
    return design


@pytest.fixture
def live_server(app):
    """The test app on 127.0.0.1 at a free port, with CSRF protection as in production."""
    app.config["WTF_CSRF_ENABLED"] = True
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait for what a page does next; a CI machine of 2 cores running the suite
    # answers an htmx request in well under a second, but under load it can take several.
    expect.set_options(timeout=15_000)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE")
    pg = context.new_page()
    yield pg
    context.close()
