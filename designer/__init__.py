"""Kurswerk: collaborative course design. `create_app()` is the app factory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """templates/, static/ and migrations/ sit at the repository root in a checkout and
    inside the package in a wheel (see setup.py)."""
    inside = PACKAGE_DIR / name
    return inside if inside.is_dir() else PACKAGE_DIR.parent / name


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    from designer import config, database, extensions
    from designer.core import limits
    from designer.storage.filestore import FileStore
    from designer.web import (
        access_log,
        i18n,
        mails,
        notice_mails,
        register_blueprints,
        security,
    )
    from designer.web.input import InputRequest

    app = Flask(
        __name__,
        template_folder=str(resource_dir("templates")),
        static_folder=str(resource_dir("static")),
    )
    app.request_class = InputRequest
    app.config.update(config.load(overrides))
    limits.configure(app.config["DESIGN_LIMITS"])
    extensions.db.init_app(app)
    with app.app_context():
        database.configure_sqlite(extensions.db.engine, app.config)
    extensions.migrate.init_app(app, extensions.db, directory=str(resource_dir("migrations")))
    extensions.csrf.init_app(app)
    extensions.mail.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    access_log.init_app(app)
    mails.init_app(app)
    notice_mails.init_app(app)
    store = FileStore(app.config["FILE_STORE"], Path(app.config["DATA_DIR"]) / "tmp")
    store.clean_stale()
    app.extensions["file_store"] = store
    register_blueprints(app)
    return app
