"""Guests of a design, invitation links of a design or workspace, accepting a link."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.extensions import db
from designer.models import Design, Workspace
from designer.queries import access
from designer.queries import collab as queries_collab
from designer.services import invitations, notifications, outbox
from designer.services.permissions import Action
from designer.web.auth import forget_invitation, remember_invitation
from designer.web.collab import act, bp, item_id
from designer.web.forms.collab import (
    GuestForm,
    GuestInvitationForm,
    GuestRoleForm,
    IdForm,
    InvitationForm,
)
from designer.web.messages import error_text
from designer.web.notice_mails import invitation_mail
from designer.web.transaction import saving


def _people_page(design: Design, form=None, link_form=None, new_link: str | None = None):
    workspace = db.session.get(Workspace, design.workspace_id)
    return render_template(
        "collab/people.html",
        design=design,
        workspace=workspace,
        guests=queries_collab.guests_of(design),
        links=queries_collab.open_invitations(workspace, design),
        link_status=invitations.status,
        form=form or GuestForm(),
        link_form=link_form or GuestInvitationForm(),
        role_form=GuestRoleForm,
        id_form=IdForm(),
        new_link=new_link,
    )


@bp.route("/designs/<int:design_id>/people", methods=["GET", "POST"])
@login_required
def people(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_MEMBERS)
    form = GuestForm()
    if form.validate_on_submit():
        workspace = db.session.get(Workspace, design.workspace_id)
        with saving(form, done=_("The person can open this design now.")) as outcome:
            invitations.invite_existing(
                current_user, workspace, design, form.email.data, form.role.data
            )
        if outcome.ok:
            return redirect(url_for("collab.people", design_id=design.id))
    return _people_page(design, form=form)


def _new_link(
    form: InvitationForm | GuestInvitationForm, workspace: Workspace, design: Design | None
) -> str | None:
    """Create an invitation link from a posted form; its secret token, or None with the
    errors on the form."""
    if not form.validate_on_submit():
        return None
    token = None
    with saving(form) as outcome:
        invitation, token = invitations.create_invitation(
            current_user, workspace, design, form.role.data, form.days.data, form.note.data or ""
        )
        if form.email.data:
            person, address = notifications.invitation_address(form.email.data)
            outbox.queue(invitation_mail(current_user, person, address, invitation, token))
    if not outcome.ok:
        return None
    if form.email.data:
        flash(_("The link is on its way to %(email)s.", email=form.email.data.strip()), "success")
    return token


def _link(token: str) -> str:
    return url_for("collab.invitation", token=token, _external=True)


@bp.post("/designs/<int:design_id>/people/links")
@login_required
def design_link(design_id: int):
    """Create a link and show it once (rendered, never stored in the session)."""
    design = access.design_for(current_user, design_id, Action.DESIGN_MEMBERS)
    link_form = GuestInvitationForm()
    workspace = db.session.get(Workspace, design.workspace_id)
    token = _new_link(link_form, workspace, design)
    if token:
        return _people_page(design, new_link=_link(token))
    return _people_page(design, link_form=link_form), 400


@bp.post("/designs/<int:design_id>/people/role")
@login_required
def guest_role(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_MEMBERS)
    form = GuestRoleForm()
    return act(
        form,
        lambda: invitations.change_guest_role(current_user, design, item_id(form), form.role.data),
        _("Saved."),
        url_for("collab.people", design_id=design.id),
    )


@bp.post("/designs/<int:design_id>/people/remove")
@login_required
def remove_guest(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_MEMBERS)
    form = IdForm()
    return act(
        form,
        lambda: invitations.remove_guest(current_user, design, item_id(form)),
        _("Access removed."),
        url_for("collab.people", design_id=design.id),
    )


@bp.post("/designs/<int:design_id>/people/revoke")
@login_required
def revoke_design_link(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_MEMBERS)
    form = IdForm()
    workspace = db.session.get(Workspace, design.workspace_id)
    return act(
        form,
        lambda: invitations.revoke(current_user, item_id(form), workspace),
        _("The link no longer works."),
        url_for("collab.people", design_id=design.id),
    )


def _workspace_links_page(workspace: Workspace, link_form=None, new_link: str | None = None):
    return render_template(
        "collab/workspace_links.html",
        workspace=workspace,
        links=queries_collab.open_invitations(workspace, None),
        link_status=invitations.status,
        link_form=link_form or InvitationForm(),
        id_form=IdForm(),
        new_link=new_link,
    )


@bp.route("/w/<slug>/invitations", methods=["GET", "POST"])
@login_required
def workspace_links(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.MEMBERS_MANAGE)
    link_form = InvitationForm()
    token = _new_link(link_form, workspace, None)
    if token:
        return _workspace_links_page(workspace, new_link=_link(token))
    return _workspace_links_page(workspace, link_form=link_form)


@bp.post("/w/<slug>/invitations/revoke")
@login_required
def revoke_workspace_link(slug: str):
    workspace = access.workspace_by_slug(current_user, slug, Action.MEMBERS_MANAGE)
    form = IdForm()
    return act(
        form,
        lambda: invitations.revoke(current_user, item_id(form), workspace),
        _("The link no longer works."),
        url_for("collab.workspace_links", slug=slug),
    )


@bp.route("/invite/<token>", methods=["GET", "POST"])
def invitation(token: str):
    """Anyone may look at a link; accepting needs an account (log in, then come back)."""
    found = invitations.find(token)
    state = invitations.status(found)
    if not current_user.is_authenticated:
        if state == "valid":
            remember_invitation(token)
            return redirect(url_for("auth.login"))
        return render_template("collab/invitation.html", state=state, message=_state_text(state))
    if state != "valid":
        forget_invitation()
    form = IdForm(item_id=str(found.id) if found else "0")
    if request.method == "POST" and form.validate_on_submit():
        with saving(show=False, done=_("Welcome! You have joined.")) as outcome:
            accepted = invitations.accept(current_user, token)
        forget_invitation()
        if not outcome.ok:
            return render_template(
                "collab/invitation.html",
                state="refused",
                message=" ".join(error_text(c) for c in outcome.errors.values()),
            )
        if accepted.design_id:
            return redirect(url_for("designs.overview", design_id=accepted.design_id))
        workspace = db.session.get(Workspace, accepted.workspace_id)
        return redirect(url_for("workspaces.show", slug=workspace.slug))
    target = None
    if state == "valid":
        target = (
            db.session.get(Design, found.design_id).title
            if found.design_id
            else db.session.get(Workspace, found.workspace_id).name
        )
    return render_template(
        "collab/invitation.html",
        state=state,
        message=_state_text(state),
        invitation=found,
        target=target,
        form=form,
    )


def _state_text(state: str) -> str:
    return "" if state == "valid" else error_text(f"invitation_{state}")
