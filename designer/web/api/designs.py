"""/designs: list and create in a workspace; read as snapshot JSON, update the
Grobkonzept, move to the trash."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from designer.core.snapshot import to_dict
from designer.models import Design
from designer.queries import api
from designer.queries.read_model import snapshot
from designer.queries.wizard import BLANK_CHOICE, gallery
from designer.services import designs as design_service
from designer.services.design_templates import create_from_template
from designer.services.permissions import Action
from designer.web.api import common, schemas
from designer.web.api.spec import operation
from designer.web.i18n import current_language
from designer.web.transaction import committing


def design_json(design: Design) -> dict[str, Any]:
    return {
        "id": design.id,
        "status": design.status,
        "lock_version": design.lock_version,
        **to_dict(snapshot(design)),
    }


def summary_json(design: Design) -> dict[str, Any]:
    return {
        "id": design.id,
        "title": design.title,
        "status": design.status,
        "language": design.language,
        "lock_version": design.lock_version,
        "updated_at": design.updated_at.isoformat(),
    }


@operation(
    "GET",
    "/workspaces/<slug>/designs",
    summary=_l("List the designs of a workspace"),
    tag="designs",
    writes=False,
    result=schemas.list_of(schemas.DESIGN_SUMMARY),
    paginated=True,
)
def list_designs(slug: str):
    workspace = common.workspace(slug)
    page = api.designs_of(workspace, *common.page_request())
    return common.page_response(page, [summary_json(d) for d in page.items])


@operation(
    "GET",
    "/workspaces/<slug>/templates",
    summary=_l("List the templates a design can start from"),
    tag="designs",
    writes=False,
    result=schemas.list_of(schemas.TEMPLATE),
)
def list_templates(slug: str):
    workspace = common.workspace(slug)
    return jsonify(
        [
            {
                "key": item.value,
                "title": item.name,
                "description": item.description,
                "builtin": item.builtin,
                "modules": item.modules,
                "nuggets": item.nuggets,
                "minutes": item.minutes,
            }
            for item in gallery(workspace, current_language())
        ]
    )


@operation(
    "POST",
    "/workspaces/<slug>/designs",
    summary=_l("Create a design"),
    tag="designs",
    writes=True,
    status=201,
    body=schemas.DESIGN_CREATE,
    result=schemas.DESIGN,
    errors=(422,),
)
def create_design(slug: str):
    workspace = common.workspace(slug, Action.DESIGN_CREATE)
    data = common.json_body()
    with committing():
        design = create_from_template(
            current_user,
            workspace,
            data.get("template") or BLANK_CHOICE,
            data["title"],
            data.get("language", "de"),
            current_app.extensions["file_store"],
        )
    response = jsonify(design_json(design))
    response.status_code = 201
    response.headers["Location"] = url_for("api.read_design", design_id=design.id)
    return response


@operation(
    "GET",
    "/designs/<int:design_id>",
    summary=_l("Read a design as snapshot JSON (the interchange format)"),
    tag="designs",
    writes=False,
    result=schemas.DESIGN,
)
def read_design(design_id: int):
    return jsonify(design_json(common.design(design_id)))


@operation(
    "PATCH",
    "/designs/<int:design_id>",
    summary=_l("Change Grobkonzept fields"),
    tag="designs",
    writes=True,
    body=schemas.DESIGN_UPDATE,
    result=schemas.DESIGN,
    errors=(409, 422),
)
def update_design(design_id: int):
    design = common.design(design_id)
    data = common.json_body()
    with committing():
        design_service.update_grobkonzept(
            current_user, design, common.fields_except(data, "lock_version"), data["lock_version"]
        )
    return jsonify(design_json(design))


@operation(
    "DELETE",
    "/designs/<int:design_id>",
    summary=_l("Move a design to the trash"),
    tag="designs",
    writes=True,
    status=204,
)
def delete_design(design_id: int):
    design = common.design(design_id)
    with committing():
        design_service.delete_design(current_user, design)
    return "", 204
