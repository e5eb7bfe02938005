""" "Als Lernende ansehen": a design's course, one module or one nugget in the course player
that learners get in a SCORM package (`designer.export.learner`), for everyone who may
read the design. Nothing is recorded: the player runs without an LMS."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.snapshot import DesignSnapshot
from designer.export.learner.course import Course, Unit, course_of
from designer.export.learner.render import Links, Notice, render_player
from designer.models import Design
from designer.queries import access
from designer.queries.preview import chapter_key, unit_anchor
from designer.queries.read_model import snapshot

bp = Blueprint("preview", __name__, url_prefix="/designs")

# Shown in the page; anything else (SVG, HTML, office files) is downloaded.
INLINE_TYPES = frozenset(
    {"image/png", "image/jpeg", "image/gif", "image/webp", "video/mp4", "video/webm", "audio/mpeg"}
)


@bp.get("/<int:design_id>/preview")
@login_required
def course(design_id: int):
    design = access.design_for(current_user, design_id)
    learner_course = course_of(snapshot(design))
    return _page(design, learner_course, learner_course.units())


@bp.get("/<int:design_id>/preview/modules/<int:module_id>")
@login_required
def module(design_id: int, module_id: int):
    design = access.design_for(current_user, design_id)
    key = chapter_key(design, module_id)
    learner_course = course_of(snapshot(design))
    chapter = next((c for c in learner_course.chapters if c.key == key), None)
    if chapter is None:  # a module without nuggets shows nothing to learners
        abort(404)
    return _page(design, learner_course, chapter.units)


@bp.get("/<int:design_id>/preview/nuggets/<int:placement_id>")
@login_required
def nugget(design_id: int, placement_id: int):
    design = access.design_for(current_user, design_id)
    anchor = unit_anchor(design, placement_id)
    learner_course = course_of(snapshot(design))
    return _page(design, learner_course, [learner_course.unit(anchor)])


@bp.get("/<int:design_id>/preview/files/<asset_key>")
@login_required
def asset(design_id: int, asset_key: str):
    """A file of the design as the preview shows it (only files the design uses)."""
    design = access.design_for(current_user, design_id)
    return learner_file(snapshot(design), asset_key)


def learner_file(snap: DesignSnapshot | None, asset_key: str) -> Response:
    """A file the snapshot uses, as learners get it (the preview and LTI launches): inline
    only for safe types, else as a download, sandboxed either way; 404 for any other."""
    found = next((a for a in snap.assets if a.key == asset_key), None) if snap else None
    store = current_app.extensions["file_store"]
    if found is None or not found.sha256 or not store.exists(found.sha256):
        abort(404)
    inline = found.mimetype in INLINE_TYPES
    response: Response = send_file(
        store.open(found.sha256),
        mimetype=found.mimetype if inline else "application/octet-stream",
        as_attachment=not inline,
        download_name=found.filename,
    )
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _page(design: Design, learner_course: Course, units: list[Unit] | tuple[Unit, ...]) -> str:
    links = Links(
        url_for("static", filename="learner/learner.css"),
        (url_for("static", filename="learner/player.js"),),
        lambda a: url_for("preview.asset", design_id=design.id, asset_key=a.key),
    )
    notice = Notice(
        _("Preview: this is how learners see it. Nothing done here is recorded."),
        url_for("canvas.show", design_id=design.id),
        _("Back to the Feinkonzept"),
    )
    return render_player(learner_course, units, links, notice=notice)
