"""Imports: a file of any type of `designer.importers.registry` becomes a new design."""

from __future__ import annotations

import tempfile
from pathlib import Path

from flask import current_app, jsonify, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from werkzeug.utils import secure_filename

from designer.blueprints.api import common, schemas
from designer.blueprints.api.spec import operation
from designer.export.assets import MissingAsset
from designer.extensions import db
from designer.filestore import FileTooLarge
from designer.importers import registry as import_registry
from designer.importers.base import ImportRefused
from designer.services.importing import import_design
from designer.services.permissions import Action


@operation(
    "POST",
    "/workspaces/<slug>/imports",
    summary=_l("Import a file as a new design (multipart field `file`)"),
    tag="imports",
    writes=True,
    status=201,
    multipart=schemas.IMPORT_UPLOAD,
    result=schemas.IMPORTED,
    errors=(413, 422),
    description=_l("Refused files answer 422 with `problems`; nothing is written then."),
)
def create_import(slug: str):
    workspace = common.workspace(slug, Action.DESIGN_CREATE)
    upload = request.files.get("file")
    if upload is None:
        return jsonify(error="invalid", problems=["file: send the file in the field `file`"]), 422
    name = secure_filename(upload.filename or "") or "upload"
    with tempfile.TemporaryDirectory(prefix="kurswerk-import-") as folder:
        path = Path(folder) / name
        upload.save(path)
        try:
            imported = import_registry.read(path)
            design = import_design(
                current_user,
                workspace,
                imported,
                current_app.extensions["file_store"],
                current_app.config["MAX_UPLOAD_BYTES"],
            )
        except (ImportRefused, MissingAsset, FileTooLarge) as exc:
            db.session.rollback()
            problems = getattr(exc, "problems", [str(exc)])
            return jsonify(error="import_refused", problems=problems), 422
        db.session.commit()
    response = jsonify(id=design.id, title=design.title, warnings=imported.warnings)
    response.status_code = 201
    response.headers["Location"] = url_for("api.read_design", design_id=design.id)
    return response
