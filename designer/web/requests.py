"""Requests for training: the public form of the catalogue, and the coordinators' pages
where requests are answered, turned into designs or closed."""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.vocab import label
from designer.models import TrainingRequest, User, Workspace
from designer.models.columns import utcnow
from designer.models.requests import REQUEST_STATES
from designer.queries import access
from designer.queries import offers as catalogue
from designer.queries import requests as queries
from designer.queries.wizard import gallery
from designer.services import outbox
from designer.services import requests as service
from designer.services.permissions import Action
from designer.web.forms import options
from designer.web.forms.requests import (
    AnswerForm,
    CloseForm,
    RequestDesignForm,
    RequestForm,
    RetentionForm,
    mode_choices,
)
from designer.web.i18n import current_language
from designer.web.transaction import saving

bp = Blueprint("requests", __name__)

FORM_FIELDS = (*service.FIELD_KINDS, "participants", service.HONEYPOT)


@bp.route("/offers/<slug>/request", methods=["GET", "POST"])
def new(slug: str):
    """The request form, for an offer (`?offer=<slug>`) or free-form."""
    workspace = catalogue.catalogue_workspace(slug)
    offer_slug = request.values.get("offer", "")[:80]
    entry = catalogue.entry(workspace, offer_slug) if offer_slug else None
    form = RequestForm()
    language = current_language()
    form.delivery_mode.choices = mode_choices(lambda mode: label("delivery_mode", mode, language))
    status = 200
    if request.method == "GET" and entry is not None:
        form.topic.data = entry.data["title"]
    if form.validate_on_submit():
        secret = current_app.config["SECRET_KEY"]
        sending = service.Sending(
            sender=service.sender_hash(request.remote_addr or "", secret),
            stamp=form.stamp.data or "",
            language=language,
            now=utcnow(),
        )
        values = {name: getattr(form, name).data for name in FORM_FIELDS}
        with saving(form) as outcome:
            service.submit_request(
                workspace,
                entry.offer if entry else None,
                values,
                sending,
                service.FormRules.of(current_app.config),
                secret,
            )
        if outcome.ok:
            return redirect(url_for("requests.sent", slug=slug))
        if outcome.errors.get("form") == "request_too_many":
            status = 429
    form.stamp.data = service.form_stamp(current_app.config["SECRET_KEY"], utcnow())
    page = render_template("requests/new.html", workspace=workspace, entry=entry, form=form)
    return page, status


@bp.get("/offers/<slug>/request/sent")
def sent(slug: str):
    workspace = catalogue.catalogue_workspace(slug)
    return render_template("requests/sent.html", workspace=workspace)


# ------------------------------------------------------------------ coordinators


def _workspace(slug: str) -> Workspace:
    return access.workspace_by_slug(current_user, slug, Action.REQUESTS_MANAGE)


@bp.route("/w/<slug>/requests", methods=["GET", "POST"])
@login_required
def index(slug: str):
    workspace = _workspace(slug)
    state = request.args.get("state", "")
    state = state if state in REQUEST_STATES else ""
    form = RetentionForm(data={"retention_days": str(workspace.request_retention_days)})
    if form.validate_on_submit():
        with saving(form, done=_("The retention period is saved.")) as outcome:
            service.set_retention(current_user, workspace, form.retention_days.data or "")
        if outcome.ok:
            return redirect(url_for("requests.index", slug=slug))
    return render_template(
        "requests/index.html",
        workspace=workspace,
        rows=queries.requests_of(current_user, workspace, state),
        counts=queries.state_counts(workspace),
        state=state,
        form=form,
    )


@bp.get("/w/<slug>/requests/<int:request_id>")
@login_required
def show(slug: str, request_id: int):
    workspace = _workspace(slug)
    row = queries.request_for(current_user, workspace, request_id)
    return _page(workspace, row, AnswerForm(), _design_form(workspace, row))


def _design_form(workspace: Workspace, row: TrainingRequest) -> RequestDesignForm:
    form = RequestDesignForm()
    form.template.choices = options((g.value, g.name) for g in gallery(workspace, row.language))
    return form


def _page(workspace, row, answer_form, design_form, status: int = 200):
    page = render_template(
        "requests/show.html",
        workspace=workspace,
        row=row,
        design=queries.design_of(row),
        answer_form=answer_form,
        design_form=design_form,
        close_form=CloseForm(),
    )
    return page, status


@bp.post("/w/<slug>/requests/<int:request_id>/answer")
@login_required
def answer(slug: str, request_id: int):
    workspace = _workspace(slug)
    row = queries.request_for(current_user, workspace, request_id)
    form = AnswerForm()
    if form.validate_on_submit():
        done = _("The answer is on its way to %(email)s.", email=row.email)
        with saving(form, done=done) as outcome:
            write = _answer_writer(workspace, current_user)
            service.answer_request(current_user, workspace, row, form.answer.data or "", write)
        if outcome.ok:
            return redirect(url_for("requests.show", slug=slug, request_id=request_id))
    return _page(workspace, row, form, _design_form(workspace, row), 200)


@bp.post("/w/<slug>/requests/<int:request_id>/close")
@login_required
def close(slug: str, request_id: int):
    workspace = _workspace(slug)
    row = queries.request_for(current_user, workspace, request_id)
    if CloseForm().validate_on_submit():
        with saving(done=_("The request is closed.")):
            service.close_request(current_user, workspace, row)
    return redirect(url_for("requests.show", slug=slug, request_id=request_id))


@bp.post("/w/<slug>/requests/<int:request_id>/delete")
@login_required
def delete(slug: str, request_id: int):
    workspace = _workspace(slug)
    row = queries.request_for(current_user, workspace, request_id)
    if CloseForm().validate_on_submit():
        with saving(done=_("The request is deleted.")):
            service.delete_request(current_user, workspace, row)
        return redirect(url_for("requests.index", slug=slug))
    return redirect(url_for("requests.show", slug=slug, request_id=request_id))


@bp.post("/w/<slug>/requests/<int:request_id>/design")
@login_required
def design(slug: str, request_id: int):
    workspace = _workspace(slug)
    row = queries.request_for(current_user, workspace, request_id)
    form = _design_form(workspace, row)
    if form.validate_on_submit():
        done = _("The design is created from the request.")
        with saving(form, done=done) as outcome:
            made = service.design_from_request(
                current_user,
                workspace,
                row,
                form.template.data or "",
                current_app.extensions["file_store"],
            )
        if outcome.ok:
            return redirect(url_for("designs.overview", design_id=made.id))
    return _page(workspace, row, AnswerForm(), form)


def _answer_writer(workspace: Workspace, actor: User):
    """The answer as a mail in the request's language, replies going to the coordinator."""

    def write(row: TrainingRequest) -> outbox.Mail:
        with force_locale(row.language):
            subject = " ".join(_("Your request for training: %(topic)s", topic=row.topic).split())
            context = {"row": row, "workspace": workspace, "subject": subject}
            text = render_template("mail/request_answer.txt", **context)
            html = render_template("mail/request_answer.html", **context)
        return outbox.Mail(row.email, subject, text, html, {"Reply-To": actor.email})

    return write
