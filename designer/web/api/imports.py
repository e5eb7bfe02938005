"""Imports: a file of any type of `designer.importers.registry` becomes a new design."""

from __future__ import annotations

from flask import current_app, jsonify, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from designer.importers.base import ImportRefused
from designer.services.importing import import_upload
from designer.services.permissions import Action
from designer.web.api import common, schemas
from designer.web.api.errors import message
from designer.web.api.spec import operation
from designer.web.transaction import saving


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
    with saving(catch=(ImportRefused,)) as outcome:
        design, warnings = import_upload(
            current_user,
            workspace,
            upload.stream,
            upload.filename or "",
            current_app.extensions["file_store"],
            current_app.config["MAX_UPLOAD_BYTES"],
        )
    if isinstance(outcome.error, ImportRefused):
        problems = [message(p) for p in outcome.error.problems]
        return jsonify(error="import_refused", problems=problems), 422
    response = jsonify(id=design.id, title=design.title, warnings=warnings)
    response.status_code = 201
    response.headers["Location"] = url_for("api.read_design", design_id=design.id)
    return response
