"""/designs/<id>/objectives: the learning objectives of a design."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from designer.models import LearningObjective
from designer.queries import api
from designer.services import designs as design_service
from designer.web.api import common, schemas
from designer.web.api.spec import operation
from designer.web.transaction import committing


def objective_json(o: LearningObjective) -> dict[str, Any]:
    return {
        "id": o.id,
        "text": o.text,
        "bloom_level": o.bloom_level,
        "position": o.position,
        "lock_version": o.lock_version,
    }


@operation(
    "GET",
    "/designs/<int:design_id>/objectives",
    summary=_l("List the learning objectives"),
    tag="objectives",
    writes=False,
    result=schemas.list_of(schemas.OBJECTIVE),
)
def list_objectives(design_id: int):
    design = common.design(design_id)
    return jsonify([objective_json(o) for o in api.objectives_of(design)])


@operation(
    "POST",
    "/designs/<int:design_id>/objectives",
    summary=_l("Add a learning objective"),
    tag="objectives",
    writes=True,
    status=201,
    body=schemas.OBJECTIVE_CREATE,
    result=schemas.OBJECTIVE,
    errors=(422,),
)
def create_objective(design_id: int):
    design = common.design(design_id)
    data = common.json_body()
    with committing():
        objective = design_service.add_objective(
            current_user, design, data["text"], data.get("bloom_level", "")
        )
    return jsonify(objective_json(objective)), 201


@operation(
    "PATCH",
    "/designs/<int:design_id>/objectives/<int:objective_id>",
    summary=_l("Change a learning objective"),
    tag="objectives",
    writes=True,
    body=schemas.OBJECTIVE_UPDATE,
    result=schemas.OBJECTIVE,
    errors=(409, 422),
)
def update_objective(design_id: int, objective_id: int):
    design = common.design(design_id)
    data = common.json_body()
    current = {o.id: o for o in api.objectives_of(design)}.get(objective_id)
    with committing():
        objective = design_service.update_objective(
            current_user,
            design,
            objective_id,
            data.get("text", current.text if current else ""),
            data.get("bloom_level", current.bloom_level if current else ""),
            data["lock_version"],
        )
    return jsonify(objective_json(objective))


@operation(
    "DELETE",
    "/designs/<int:design_id>/objectives/<int:objective_id>",
    summary=_l("Remove a learning objective"),
    tag="objectives",
    writes=True,
    status=204,
)
def delete_objective(design_id: int, objective_id: int):
    design = common.design(design_id)
    with committing():
        design_service.remove_objective(current_user, design, objective_id)
    return "", 204
