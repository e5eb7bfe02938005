"""/designs/<id>/modules: the modules (columns of the canvas) of a design."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from designer.models import Module
from designer.queries import api
from designer.services import designs as design_service
from designer.web.api import common, schemas
from designer.web.api.spec import operation
from designer.web.transaction import committing


def module_json(m: Module) -> dict[str, Any]:
    return {
        "id": m.id,
        "title": m.title,
        "description": m.description,
        "position": m.position,
        "lock_version": m.lock_version,
    }


@operation(
    "GET",
    "/designs/<int:design_id>/modules",
    summary=_l("List the modules"),
    tag="modules",
    writes=False,
    result=schemas.list_of(schemas.MODULE),
)
def list_modules(design_id: int):
    design = common.design(design_id)
    return jsonify([module_json(m) for m in api.modules_of(design)])


@operation(
    "POST",
    "/designs/<int:design_id>/modules",
    summary=_l("Add a module"),
    tag="modules",
    writes=True,
    status=201,
    body=schemas.MODULE_CREATE,
    result=schemas.MODULE,
    errors=(422,),
)
def create_module(design_id: int):
    design = common.design(design_id)
    data = common.json_body()
    with committing():
        module = design_service.add_module(
            current_user, design, data["title"], data.get("description", "")
        )
    return jsonify(module_json(module)), 201


@operation(
    "PATCH",
    "/designs/<int:design_id>/modules/<int:module_id>",
    summary=_l("Change a module's title or description"),
    tag="modules",
    writes=True,
    body=schemas.MODULE_UPDATE,
    result=schemas.MODULE,
    errors=(409, 422),
)
def update_module(design_id: int, module_id: int):
    design = common.design(design_id)
    data = common.json_body()
    with committing():
        module = design_service.update_module(
            current_user,
            design,
            module_id,
            common.fields_except(data, "lock_version"),
            data["lock_version"],
        )
    return jsonify(module_json(module))


@operation(
    "POST",
    "/designs/<int:design_id>/modules/<int:module_id>/move",
    summary=_l("Move a module to another position"),
    tag="modules",
    writes=True,
    body=schemas.MODULE_MOVE,
    result=schemas.list_of(schemas.MODULE),
    errors=(422,),
)
def move_module(design_id: int, module_id: int):
    design = common.design(design_id)
    data = common.json_body()
    with committing():
        design_service.move_module(current_user, design, module_id, data["position"])
    return jsonify([module_json(m) for m in api.modules_of(design)])


@operation(
    "DELETE",
    "/designs/<int:design_id>/modules/<int:module_id>",
    summary=_l("Move a module (with its placements) to the trash"),
    tag="modules",
    writes=True,
    status=204,
)
def delete_module(design_id: int, module_id: int):
    design = common.design(design_id)
    with committing():
        design_service.delete_module(current_user, design, module_id)
    return "", 204
