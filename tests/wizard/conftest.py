"""Fixtures of the template gallery and guided Grobkonzept tests."""

from __future__ import annotations

import pytest

from designer.extensions import db


@pytest.fixture(autouse=True)
def _quick_password_hashes(monkeypatch):
    """scrypt makes every made-up account cost a second; these tests do not test hashing."""
    from werkzeug.security import generate_password_hash

    from designer.services import accounts

    monkeypatch.setattr(
        accounts,
        "hash_password",
        lambda password: generate_password_hash(password, method="pbkdf2:sha256:1000"),
    )


@pytest.fixture
def designer_user(make_user, workspace):
    return make_user("designer@example.org", workspace=workspace, role="designer")


@pytest.fixture
def blended(app, workspace, designer_user):
    """A design created from the Blended-Learning template by a designer."""
    from designer.services.design_templates import create_from_template

    design = create_from_template(
        designer_user,
        workspace,
        "builtin:blended",
        "Digitale Lernangebote entwickeln",
        "de",
        app.extensions["file_store"],
    )
    db.session.commit()
    return design


@pytest.fixture
def live_server(tmp_path, _pg_schema, monkeypatch):
    """The app on 127.0.0.1 at a random port, CSRF protection on; yields (app, base URL)."""
    import threading

    from sqlalchemy import text
    from werkzeug.serving import make_server

    from designer import create_app

    if _pg_schema:
        monkeypatch.setenv("DATABASE_URL", _pg_schema)
    else:
        monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app(
        {
            "SECRET_KEY": "live-test-secret",
            "DATA_DIR": str(tmp_path / "live"),
            "FILE_STORE": str(tmp_path / "live" / "files"),
            "WTF_CSRF_ENABLED": True,
        }
    )
    with app.app_context():
        if _pg_schema:
            names = ", ".join(t.name for t in db.metadata.sorted_tables)
            db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            db.session.commit()
        else:
            db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield app, f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()
        with app.app_context():
            db.engine.dispose()
