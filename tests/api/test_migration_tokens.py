"""Migration 0004 (api_tokens) builds the schema the models describe: upgraded from an empty
database and from the previous revision, and down again, on SQLite and (when
KURSWERK_TEST_DATABASE_URL is set) on a fresh PostgreSQL database created and dropped here."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from designer import create_app, resource_dir
from designer.extensions import db

PG_URL = os.environ.get("KURSWERK_TEST_DATABASE_URL")
MIGRATIONS = str(resource_dir("migrations"))


def _fresh_postgres() -> Iterator[str]:
    server = make_url(PG_URL)
    name = f"kurswerk_migrations_{uuid.uuid4().hex[:8]}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(autouse=True)
def _keep_loggers():
    """migrations/env.py loads alembic.ini's logging config, which disables every logger
    it does not name; later tests still need theirs."""
    loggers = [logging.getLogger(n) for n in list(logging.root.manager.loggerDict)]
    before = {lg.name: lg.disabled for lg in loggers}
    level = logging.root.level
    yield
    for lg in loggers:
        lg.disabled = before[lg.name]
    logging.root.setLevel(level)


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_app(request, tmp_path, monkeypatch):
    """An app on an empty database (no tables at all)."""
    if request.param == "postgresql":
        if not PG_URL:
            pytest.skip("KURSWERK_TEST_DATABASE_URL is not set")
        urls = _fresh_postgres()
        monkeypatch.setenv("DATABASE_URL", next(urls))
    else:
        urls = iter(())
        monkeypatch.delenv("DATABASE_URL", raising=False)
    app = create_app({"SECRET_KEY": "migrations", "DATA_DIR": str(tmp_path / "data")})
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()
    for _ in urls:  # drops the PostgreSQL database
        pass


def _differences() -> list:
    with db.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), db.metadata)


def _previous_revisions() -> set[str]:
    script = ScriptDirectory(os.path.join(MIGRATIONS))
    previous = set()
    for head in script.get_heads():
        down = script.get_revision(head).down_revision
        previous |= set(down) if isinstance(down, tuple) else {down}
    return {r for r in previous if r}


def test_upgrade_from_empty_matches_the_models(empty_app):
    upgrade(directory=MIGRATIONS, revision="heads")
    assert _differences() == []


def test_upgrade_from_the_previous_revision_matches_the_models(empty_app):
    previous = _previous_revisions()
    assert previous, "there is a revision before the head"
    for revision in sorted(previous):
        upgrade(directory=MIGRATIONS, revision=revision)
    assert _differences() != [], "the previous revision lacks the newest tables"
    upgrade(directory=MIGRATIONS, revision="heads")
    assert _differences() == []


def test_newest_revisions_downgrade_cleanly(empty_app):
    upgrade(directory=MIGRATIONS, revision="heads")
    for revision in sorted(_previous_revisions()):
        downgrade(directory=MIGRATIONS, revision=revision)
    upgrade(directory=MIGRATIONS, revision="heads")
    assert _differences() == []
