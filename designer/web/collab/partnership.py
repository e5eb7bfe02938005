"""A partnership's settings: partner organisations, their agreement, the ledger."""

from __future__ import annotations

import csv
import io

from flask import Response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.characters import csv_safe
from designer.queries import access
from designer.queries import collab as queries_collab
from designer.services import partnerships
from designer.services.errors import Conflict, Invalid
from designer.services.permissions import Action, allowed_on_workspace
from designer.services.workspaces import slugify
from designer.web import conflicts
from designer.web.collab import act, bp, item_id
from designer.web.forms import lock_version
from designer.web.forms.collab import AgreementForm, IdForm, PartnerForm
from designer.web.transaction import saving


@bp.route("/w/<slug>/partnership", methods=["GET", "POST"])
@login_required
def partnership(slug: str):
    workspace = access.workspace_by_slug(current_user, slug)
    agreement = partnerships.agreement_of(workspace)
    state = partnerships.agreement_state(agreement)
    form = AgreementForm(data=state)
    stale = None
    if form.validate_on_submit():
        values = {name: getattr(form, name).data for name in partnerships.AGREEMENT_FIELDS}
        with saving(form, done=_("The agreement was saved."), catch=(Invalid, Conflict)) as outcome:
            partnerships.update_agreement(
                current_user, workspace, values, lock_version(form.lock_version.data)
            )
        if outcome.ok:
            return redirect(url_for("collab.partnership", slug=slug))
        if isinstance(outcome.error, Conflict):
            stale = conflicts.kept_in_form(
                form, partnerships.AGREEMENT_FIELDS, outcome.error.current, request.path
            )
    return render_template(
        "collab/partnership.html",
        workspace=workspace,
        form=form,
        stale=stale,
        partners=partnerships.partners_of(workspace),
        partner_form=PartnerForm(formdata=None),
        id_form=IdForm(),
        ledger=queries_collab.ledger(workspace),
        allowed=allowed_on_workspace(current_user, workspace),
        Action=Action,
    ), (409 if stale else 200)


@bp.post("/w/<slug>/partnership/partners")
@login_required
def add_partner(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.WORKSPACE_MANAGE)
    form = PartnerForm()
    return act(
        form,
        lambda: partnerships.add_partner(
            current_user,
            workspace,
            form.name.data,
            form.contribution.data or "",
            form.is_coordinator.data,
        ),
        _("Partner added."),
        url_for("collab.partnership", slug=slug),
    )


@bp.post("/w/<slug>/partnership/partners/remove")
@login_required
def remove_partner(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.WORKSPACE_MANAGE)
    form = IdForm()
    return act(
        form,
        lambda: partnerships.remove_partner(current_user, workspace, item_id(form)),
        _("Partner removed."),
        url_for("collab.partnership", slug=slug),
    )


LEDGER_COLUMNS = ("organisation", "designs", "nuggets", "reused_by_others", "reviews", "comments")


@bp.get("/w/<slug>/ledger.csv")
@login_required
def ledger_csv(slug: str):
    workspace = access.workspace_by_slug(current_user, slug)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Organisation"),
            _("Designs"),
            _("Nuggets contributed"),
            _("Nuggets reused by others"),
            _("Reviews"),
            _("Comments"),
        ]
    )
    for row in queries_collab.ledger(workspace):
        writer.writerow(
            [
                csv_safe(row.organisation or _("(no organisation)")),
                *(getattr(row, c) for c in LEDGER_COLUMNS[1:]),
            ]
        )
    return Response(
        "\ufeff" + out.getvalue(),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="ledger-{slugify(workspace.slug)}.csv"'
        },
    )
