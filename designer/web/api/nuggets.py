"""/workspaces/<slug>/nuggets: the workspace's library of learning nuggets."""

from __future__ import annotations

from typing import Any

from flask import jsonify
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from designer.models import Nugget
from designer.queries import api
from designer.queries.nugget_data import revision_data
from designer.services import nuggets as nugget_service
from designer.services.permissions import Action
from designer.web.api import common, schemas
from designer.web.api.spec import operation
from designer.web.transaction import committing


def nugget_json(n: Nugget) -> dict[str, Any]:
    data = revision_data(n)
    schedule = data.pop("schedule")
    data.pop("asset_ids")
    return {
        "id": n.id,
        "revision": n.revision,
        "lock_version": n.lock_version,
        **data,
        **{f"schedule_{k}": v for k, v in schedule.items()},
    }


@operation(
    "GET",
    "/workspaces/<slug>/nuggets",
    summary=_l("List the nuggets of the workspace library"),
    tag="nuggets",
    writes=False,
    result=schemas.list_of(schemas.NUGGET),
    paginated=True,
)
def list_nuggets(slug: str):
    workspace = common.workspace(slug, Action.LIBRARY_VIEW)
    page = api.nuggets_of(workspace, *common.page_request())
    return common.page_response(page, [nugget_json(n) for n in page.items])


@operation(
    "POST",
    "/workspaces/<slug>/nuggets",
    summary=_l("Create a nugget in the library"),
    tag="nuggets",
    writes=True,
    status=201,
    body=schemas.nugget_create,
    result=schemas.NUGGET,
    errors=(422,),
)
def create_nugget(slug: str):
    workspace = common.workspace(slug, Action.LIBRARY_VIEW)
    with committing():
        nugget = nugget_service.create_nugget(current_user, workspace, common.json_body())
    return jsonify(nugget_json(nugget)), 201


@operation(
    "GET",
    "/workspaces/<slug>/nuggets/<int:nugget_id>",
    summary=_l("Read a nugget (its current revision)"),
    tag="nuggets",
    writes=False,
    result=schemas.NUGGET,
)
def read_nugget(slug: str, nugget_id: int):
    workspace = common.workspace(slug, Action.LIBRARY_VIEW)
    return jsonify(nugget_json(nugget_service.nugget_in(workspace.id, nugget_id)))


@operation(
    "PATCH",
    "/workspaces/<slug>/nuggets/<int:nugget_id>",
    summary=_l("Change a nugget (writes a new revision; designs keep their pin)"),
    tag="nuggets",
    writes=True,
    body=schemas.nugget_update,
    result=schemas.NUGGET,
    errors=(409, 422),
)
def update_nugget(slug: str, nugget_id: int):
    workspace = common.workspace(slug, Action.LIBRARY_VIEW)
    nugget = nugget_service.nugget_in(workspace.id, nugget_id)
    data = common.json_body()
    with committing():
        nugget_service.update_nugget(
            current_user, nugget, common.fields_except(data, "lock_version"), data["lock_version"]
        )
    return jsonify(nugget_json(nugget))
