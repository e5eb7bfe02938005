"""A design's badge: the page where designers give it one, its images, and the public
Open Badges 2.0 documents (badge class, issuer, criteria) that issued badges point to."""

from __future__ import annotations

import json

from flask import (
    Blueprint,
    Response,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.assets import StoreAssets
from designer.core.badges import badge_svg, competences, criteria_lines
from designer.core.openbadges import BadgeUrls, badge_class_ob2, issuer_ob2
from designer.core.snapshot import DesignSnapshot
from designer.core.vocab import BADGE_COLOURS
from designer.export.badges import OB2_KEYWORD, badge_png, bake
from designer.models import Design, Workspace
from designer.queries import access
from designer.queries import badges as badge_queries
from designer.queries.offers import workspace_of
from designer.queries.read_model import snapshot
from designer.services import badges as badge_service
from designer.services.errors import NotFound
from designer.services.permissions import Action, can
from designer.web.forms.badges import BadgeButtonForm, BadgeForm, BadgeImageForm
from designer.web.transaction import saving

bp = Blueprint("badges", __name__)

OB2_JSON = "application/ld+json"


@bp.route("/designs/<int:design_id>/badge", methods=["GET", "POST"])
@login_required
def edit(design_id: int):
    design = access.design_for(current_user, design_id)
    badge = badge_service.badge_of(design)
    form = BadgeForm(obj=badge)
    if form.validate_on_submit():
        with saving(form, done=_("The badge is saved.")) as outcome:
            badge_service.save_badge(
                current_user,
                design,
                form.name.data,
                form.description.data,
                form.shape.data,
                form.colour.data,
            )
        if outcome.ok:
            return redirect(url_for("badges.edit", design_id=design.id))
    snap = snapshot(design)
    return render_template(
        "badges/edit.html",
        design=design,
        badge=badge,
        snap=snap,
        lines=criteria_lines(snap),
        competences=competences(snap),
        form=form,
        image_form=BadgeImageForm(),
        button_form=BadgeButtonForm(),
        may_edit=can(current_user, Action.DESIGN_EDIT, design),
        may_award=can(current_user, Action.BADGE_AWARD, design),
        colours=BADGE_COLOURS,
    )


@bp.post("/designs/<int:design_id>/badge/image")
@login_required
def upload_image(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    form = BadgeImageForm()
    if form.validate_on_submit() and form.image.data:
        upload = form.image.data
        with saving(done=_("The image is saved.")):
            badge_service.set_badge_image(
                current_user,
                design,
                upload.stream,
                upload.filename,
                current_app.extensions["file_store"],
            )
    return redirect(url_for("badges.edit", design_id=design.id))


@bp.post("/designs/<int:design_id>/badge/image/remove")
@login_required
def remove_image(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    if BadgeButtonForm().validate_on_submit():
        with saving(done=_("The badge shows the drawn image again.")):
            badge_service.drop_badge_image(current_user, design)
    return redirect(url_for("badges.edit", design_id=design.id))


@bp.post("/designs/<int:design_id>/badge/remove")
@login_required
def remove(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    if BadgeButtonForm().validate_on_submit():
        with saving(done=_("The badge is removed.")):
            badge_service.remove_badge(current_user, design)
    return redirect(url_for("badges.edit", design_id=design.id))


@bp.get("/designs/<int:design_id>/badge.svg")
@login_required
def design_svg(design_id: int):
    snap = _with_badge(access.design_for(current_user, design_id))
    return _svg(snap)


@bp.get("/designs/<int:design_id>/badge.png")
@login_required
def design_png(design_id: int):
    design = access.design_for(current_user, design_id)
    snap = _with_badge(design)
    found = badge_service.badge_of(design)
    return _png(snap, _urls(found.public_id, _workspace(design)))


# --------------------------------------------------------------------------- public


@bp.get("/badges/<public_id>")
def badge_class(public_id: str):
    found = badge_queries.public_badge(public_id)
    urls = _urls(public_id, found.workspace)
    return _json(badge_class_ob2(found.snap, urls))


@bp.get("/badges/<public_id>/criteria")
def criteria_page(public_id: str):
    found = badge_queries.public_badge(public_id)
    return render_template(
        "badges/criteria.html",
        found=found,
        lines=criteria_lines(found.snap),
        competences=competences(found.snap),
    )


@bp.get("/badges/<public_id>/image.png")
def public_png(public_id: str):
    found = badge_queries.public_badge(public_id)
    return _png(found.snap, _urls(public_id, found.workspace))


@bp.get("/badges/<public_id>/image.svg")
def public_svg(public_id: str):
    return _svg(badge_queries.public_badge(public_id).snap)


@bp.get("/issuers/<slug>")
def issuer(slug: str):
    workspace = badge_queries.issuing_workspace(slug)
    return _json(issuer_ob2(workspace.name, _issuer_urls(workspace)))


# --------------------------------------------------------------------------- helpers


def _with_badge(design: Design) -> DesignSnapshot:
    snap = snapshot(design)
    if snap.badge is None:
        raise NotFound("badge")
    return snap


def _workspace(design: Design) -> Workspace:
    return workspace_of(design)


def site_base() -> str:
    """The site's address: DESIGNER_BASE_URL when set, else the request's."""
    return current_app.config.get("BASE_URL") or request.host_url.rstrip("/")


def _urls(public_id: str, workspace: Workspace) -> BadgeUrls:
    return BadgeUrls(site_base(), public_id, workspace.slug)


def _issuer_urls(workspace: Workspace) -> BadgeUrls:
    return BadgeUrls(site_base(), "", workspace.slug)


def _svg(snap: DesignSnapshot) -> Response:
    assert snap.badge is not None
    return Response(badge_svg(snap.badge), mimetype="image/svg+xml")


def _png(snap: DesignSnapshot, urls: BadgeUrls) -> Response:
    """The badge image with its badge class baked in (Open Badges 2.0 baking)."""
    assert snap.badge is not None
    png = badge_png(snap.badge, StoreAssets(current_app.extensions["file_store"]))
    metadata = json.dumps(badge_class_ob2(snap, urls), ensure_ascii=False)
    return Response(bake(png, OB2_KEYWORD, metadata), mimetype="image/png")


def _json(document: dict) -> Response:
    response = jsonify(document)
    response.mimetype = OB2_JSON
    return response
