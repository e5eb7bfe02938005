"""/workspaces: the workspaces of the caller."""

from __future__ import annotations

from flask import jsonify
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from designer.queries import access
from designer.web.api import schemas
from designer.web.api.spec import operation


@operation(
    "GET",
    "/workspaces",
    summary=_l("List your workspaces"),
    tag="workspaces",
    writes=False,
    result=schemas.list_of(schemas.WORKSPACE),
)
def list_workspaces():
    return jsonify(
        [
            {"slug": w.slug, "name": w.name, "kind": w.kind, "role": role}
            for w, role in access.workspaces_of(current_user)
        ]
    )
