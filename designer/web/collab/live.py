"""The event feed with presence, and a Grobkonzept form that survives conflicts."""

from __future__ import annotations

from flask import jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.queries import access
from designer.queries import collab as queries_collab
from designer.services import designs as design_service
from designer.services import presence
from designer.services.errors import Conflict, Invalid
from designer.services.permissions import Action
from designer.web import activity_texts, conflicts
from designer.web.collab import bp
from designer.web.forms.grobkonzept import GrobkonzeptForm
from designer.web.messages import attach_errors, error_text
from designer.web.security import wants_json
from designer.web.transaction import saving


@bp.get("/designs/<int:design_id>/events")
@login_required
def events(design_id: int):
    """Newer events and who else is here. Without `after`, no events: only where to start."""
    design = access.design_for(current_user, design_id)
    with saving():
        presence.heartbeat(design, current_user)
    after = request.args.get("after", type=int)
    rows = [] if after is None else queries_collab.events_after(design, after)
    last_id = rows[-1].id if rows else (after or queries_collab.last_event_id(design))
    actors = queries_collab.users_by_id({e.actor_id for e in rows})
    viewers = presence.viewers(design, exclude=current_user)
    response = jsonify(
        events=[activity_texts.as_json(e, actors.get(e.actor_id)) for e in rows],
        last_id=last_id,
        presence=[
            {"id": u.id, "name": u.display_name, "initials": activity_texts.initials(u)}
            for u in viewers
        ],
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/designs/<int:design_id>/grobkonzept/edit", methods=["GET", "POST"])
@login_required
def edit_grobkonzept(design_id: int):
    """Edit the Grobkonzept; a stale save opens the conflict view (static/js/conflict.js)."""
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    state = design_service.grobkonzept_state(design)
    form = GrobkonzeptForm.of(state)
    stale = None
    if form.validate_on_submit():
        values = form.values(GrobkonzeptForm.FIELDS)
        with saving(show=False, catch=(Invalid, Conflict)) as outcome:
            design_service.update_grobkonzept(current_user, design, values, form.expected_version())
        if isinstance(outcome.error, Invalid):
            if wants_json():
                return jsonify(errors={k: error_text(v) for k, v in outcome.errors.items()}), 422
            attach_errors(form, outcome.error)
        elif isinstance(outcome.error, Conflict):
            if wants_json():
                raise outcome.error
            # Without JavaScript: keep what was typed, show the other version beside it and
            # base the next save on the current version.
            stale = conflicts.kept_in_form(
                form, GrobkonzeptForm.FIELDS, outcome.error.current, request.path
            )
        else:
            target = url_for("designs.overview", design_id=design.id)
            if wants_json():
                return jsonify(ok=True, lock_version=design.lock_version, redirect=target)
            return redirect(target)
    elif request.method == "POST" and wants_json():
        return jsonify(errors={k: " ".join(map(str, v)) for k, v in form.errors.items()}), 422
    return render_template(
        "collab/grobkonzept_edit.html",
        design=design,
        form=form,
        stale=stale,
        title=_("Edit the Grobkonzept"),
    ), (409 if stale else 200)
