"""Stored versions of a design: save, list, compare, restore."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core import revision_diff
from designer.core.fields import whole_number
from designer.queries import access
from designer.queries import collab as queries_collab
from designer.queries.read_model import revision_snapshot, snapshot
from designer.services import restoring, revisions
from designer.services.permissions import Action, allowed_on_design
from designer.web.collab import bp
from designer.web.forms.collab import IdForm, SaveVersionForm
from designer.web.i18n import current_language
from designer.web.transaction import saving


@bp.get("/designs/<int:design_id>/revisions")
@login_required
def revisions_page(design_id: int):
    design = access.design_for(current_user, design_id)
    return render_template(
        "collab/revisions.html",
        design=design,
        revisions=queries_collab.revisions_of(design),
        form=SaveVersionForm(),
        id_form=IdForm(),
        allowed=allowed_on_design(current_user, design),
        Action=Action,
    )


@bp.post("/designs/<int:design_id>/revisions")
@login_required
def save_version(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    form = SaveVersionForm()
    if not form.validate_on_submit():
        flash(_("Give the version a name."), "error")
        return redirect(request.referrer or url_for("collab.revisions_page", design_id=design.id))
    with saving():
        revision = revisions.save_named_version(current_user, design, form.message.data)
    flash(_("Saved as version %(n)s.", n=revision.number), "success")
    return redirect(url_for("collab.revisions_page", design_id=design.id))


def _version(design, number: str):
    """A stored version's snapshot, or the design as it is now ("current")."""
    if number == "current":
        return snapshot(design), _("current state")
    if whole_number(number) is None:
        abort(400)
    revision = restoring.revision_of(design, int(number))
    return revision_snapshot(revision), _("version %(n)s", n=number)


@bp.get("/designs/<int:design_id>/revisions/compare")
@login_required
def compare(design_id: int):
    design = access.design_for(current_user, design_id)
    old, old_name = _version(design, request.args.get("a", ""))
    new, new_name = _version(design, request.args.get("b", "current"))
    return render_template(
        "collab/compare.html",
        design=design,
        result=revision_diff.diff(old, new),
        old_name=old_name,
        new_name=new_name,
        describe=lambda change: revision_diff.describe(change, current_language()),
        describe_nugget=lambda change: revision_diff.describe_nugget(change, current_language()),
        field_label=lambda name: revision_diff.field_label(name, current_language()),
    )


@bp.post("/designs/<int:design_id>/revisions/restore")
@login_required
def restore(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_EDIT)
    form = IdForm()
    number = whole_number(form.item_id.data) if form.validate_on_submit() else None
    if number is None:
        abort(400)
    with saving():
        revision = restoring.restore_revision(current_user, design, number)
    flash(
        _("Version %(old)s restored as version %(new)s.", old=number, new=revision.number),
        "success",
    )
    return redirect(url_for("designs.overview", design_id=design.id))
