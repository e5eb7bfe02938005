"""The schema is made by migrations only: upgrading from empty gives exactly the models."""

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, text

from designer import create_app
from designer.extensions import db

PG_URL = os.environ.get("KURSWERK_TEST_DATABASE_URL")


def database_urls(tmp_path):
    yield f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    if PG_URL:
        name = f"kurswerk_mig_{uuid.uuid4().hex[:8]}"
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {name}"))
        try:
            yield PG_URL.rsplit("/", 1)[0] + "/" + name
        finally:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            admin.dispose()


def migrated_app(url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", url)
    return create_app({"SECRET_KEY": "x", "DATA_DIR": str(tmp_path / "data")})


def test_migrations_produce_the_models_schema(tmp_path, monkeypatch):
    for url in database_urls(tmp_path):
        app = migrated_app(url, tmp_path, monkeypatch)
        with app.app_context():
            directory = app.extensions["migrate"].directory
            upgrade(directory=directory)
            with db.engine.connect() as conn:
                diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
            assert diff == [], f"{url.split(':')[0]}: migrations and models differ: {diff}"
            # Down to the first revision and up again: the previous revision upgrades cleanly.
            downgrade(directory=directory, revision="0001")
            upgrade(directory=directory)
            db.engine.dispose()


@pytest.mark.parametrize("command", ["demo"])
def test_run_and_demo_upgrade_an_empty_database(tmp_path, monkeypatch, command):
    from click.testing import CliRunner

    from designer.cli import main

    monkeypatch.setenv("DESIGNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    result = CliRunner().invoke(main, [command, "--password", "demo-passwort-123"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "kurswerk.sqlite3").exists()
