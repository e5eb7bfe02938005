"""Activity feeds: who changed what and when, per design and per workspace."""

from __future__ import annotations

from flask import render_template, request
from flask_login import current_user, login_required

from designer.queries import access
from designer.queries import collab as queries_collab
from designer.web import activity_texts as words
from designer.web.collab import bp


def _filter() -> queries_collab.ActivityFilter:
    kind = request.args.get("kind", "")
    return queries_collab.ActivityFilter(
        kind=kind if kind in words.KIND_GROUPS else "",
        actor_id=request.args.get("person", type=int),
        before=request.args.get("before", type=int),
    )


def _render(title_of, scope: dict, **context):
    filt = _filter()
    rows, next_before = queries_collab.activity(filt=filt, **scope)
    actors = queries_collab.users_by_id({e.actor_id for e in rows})
    return render_template(
        "collab/activity.html",
        items=[(e, words.describe(e, actors.get(e.actor_id))) for e in rows],
        next_before=next_before,
        filt=filt,
        kinds=words.KIND_GROUPS,
        people=queries_collab.actors_of(**scope),
        title_of=title_of,
        **context,
    )


@bp.get("/designs/<int:design_id>/activity")
@login_required
def design_activity(design_id: int):
    design = access.design_for(current_user, design_id)
    return _render(design.title, {"design_id": design.id}, design=design, workspace=None)


@bp.get("/w/<slug>/activity")
@login_required
def workspace_activity(slug: str):
    workspace = access.workspace_by_slug(current_user, slug)
    return _render(workspace.name, {"workspace_id": workspace.id}, design=None, workspace=workspace)
