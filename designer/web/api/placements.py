"""/designs/<id>/placements: nuggets on the canvas of a design."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from designer.models import Placement
from designer.queries import api
from designer.services import nuggets as nugget_service
from designer.services import placements as placement_service
from designer.web.api import common, schemas
from designer.web.api.spec import operation
from designer.web.transaction import committing


def placement_json(p: Placement, objective_ids: list[int] | None = None) -> dict[str, Any]:
    if objective_ids is None:
        objective_ids = sorted(o.id for o in p.objectives)
    return {
        "id": p.id,
        "module_id": p.module_id,
        "nugget_id": p.nugget_id,
        "nugget_revision": p.nugget_revision,
        "position": p.position,
        "duration_override": p.duration_override,
        "delivery_mode_override": p.delivery_mode_override,
        "objective_ids": objective_ids,
        "lock_version": p.lock_version,
    }


@operation(
    "GET",
    "/designs/<int:design_id>/placements",
    summary=_l("List the placements in canvas order"),
    tag="placements",
    writes=False,
    result=schemas.list_of(schemas.PLACEMENT),
    paginated=True,
)
def list_placements(design_id: int):
    design = common.design(design_id)
    page = api.placements_of(design, *common.page_request())
    return common.page_response(page, [placement_json(p, ids) for p, ids in page.items])


@operation(
    "POST",
    "/designs/<int:design_id>/placements",
    summary=_l("Place a library nugget in a module (pinned to its current revision)"),
    tag="placements",
    writes=True,
    status=201,
    body=schemas.PLACEMENT_CREATE,
    result=schemas.PLACEMENT,
    errors=(422,),
)
def create_placement(design_id: int):
    design = common.design(design_id)
    data = common.json_body()
    nugget = nugget_service.nugget_in(design.workspace_id, data["nugget_id"])
    with committing():
        placement = placement_service.place_nugget(
            current_user, design, data["module_id"], nugget, data.get("position")
        )
    return jsonify(placement_json(placement)), 201


@operation(
    "POST",
    "/designs/<int:design_id>/placements/<int:placement_id>/move",
    summary=_l("Move a placement to a module and position"),
    tag="placements",
    writes=True,
    body=schemas.PLACEMENT_MOVE,
    result=schemas.PLACEMENT,
    errors=(409, 422),
)
def move_placement(design_id: int, placement_id: int):
    design = common.design(design_id)
    data = common.json_body()
    with committing():
        placement = placement_service.move_placement(
            current_user,
            design,
            placement_id,
            data["module_id"],
            data["position"],
            data["lock_version"],
        )
    return jsonify(placement_json(placement))


@operation(
    "PATCH",
    "/designs/<int:design_id>/placements/<int:placement_id>",
    summary=_l("Change a placement's objective links and overrides"),
    tag="placements",
    writes=True,
    body=schemas.PLACEMENT_UPDATE,
    result=schemas.PLACEMENT,
    errors=(409, 422),
)
def update_placement(design_id: int, placement_id: int):
    design = common.design(design_id)
    data = common.json_body()
    with committing():
        placement = placement_service.update_placement(
            current_user,
            design,
            placement_id,
            common.fields_except(data, "lock_version"),
            data["lock_version"],
        )
    return jsonify(placement_json(placement))


@operation(
    "DELETE",
    "/designs/<int:design_id>/placements/<int:placement_id>",
    summary=_l("Remove a placement from the canvas"),
    tag="placements",
    writes=True,
    status=204,
)
def delete_placement(design_id: int, placement_id: int):
    design = common.design(design_id)
    with committing():
        placement_service.remove_placement(current_user, design, placement_id)
    return "", 204
