"""Submitting a design for review, and a reviewer's verdicts and decision."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.models import Design
from designer.queries import access
from designer.queries import quality as qq
from designer.queries.read_model import snapshot
from designer.services import reviews as service
from designer.services.errors import Invalid
from designer.services.permissions import Action, allowed_on_design, sign_off_candidates
from designer.web.forms import lock_version, options
from designer.web.forms.quality import DecisionForm, SubmitForm
from designer.web.i18n import current_language
from designer.web.links import finding_href
from designer.web.messages import attach_errors
from designer.web.transaction import saving

bp = Blueprint("reviews", __name__, url_prefix="/designs/<int:design_id>")


def _submit_form(design: Design, lang: str) -> SubmitForm:
    form = SubmitForm()
    form.reviewers.choices = options(
        (u.id, u.display_name) for u in sign_off_candidates(design) if u.id != current_user.id
    )
    form.checklists.choices = options(
        (c.key, c.name(lang)) for c in qq.available_checklists(design.workspace_id)
    )
    return form


@bp.route("/review/submit", methods=["GET", "POST"])
@login_required
def submit(design_id: int):
    design = access.design_for(current_user, design_id, Action.DESIGN_SUBMIT)
    lang = current_language()
    form = _submit_form(design, lang)
    if request.method == "GET" and not form.checklists.data:
        form.checklists.data = ["didactic_basics"]
    if form.validate_on_submit():
        with saving(form, done=_("The design was submitted for review.")) as outcome:
            service.submit_for_review(
                current_user,
                design,
                form.reviewers.data or [],
                form.checklists.data or [],
                form.message.data or "",
            )
        if outcome.ok:
            return redirect(url_for("reviews.index", design_id=design.id))
    status = 422 if request.method == "POST" else 200
    return render_template("quality/submit.html", design=design, form=form), status


@bp.get("/reviews")
@login_required
def index(design_id: int):
    design = access.design_for(current_user, design_id)
    snap = snapshot(design)
    return render_template(
        "quality/reviews.html",
        design=design,
        review_rows=qq.reviews_of(design, qq.current_hash(snap)),
        allowed=allowed_on_design(current_user, design),
        Action=Action,
    )


def _verdict_text(code: str, question: str) -> str:
    if code == "too_long":
        return _("The comment on “%(question)s” is too long.", question=question)
    return _("Answer “%(question)s”: met, not met or not applicable.", question=question)


def _verdict_errors(review, errors: dict[str, str], lang: str) -> dict[str, str]:
    """One message per criterion the reviewer did not answer well, naming its question;
    the page shows it next to that question (the field name is "verdict:<list>:<key>")."""
    questions = {
        f"verdict:{checklist.key}:{c.key}": c.title(lang)
        for checklist in qq.reviewed_checklists(review)
        for c in checklist.manual
    }
    return {
        name: _verdict_text(code, questions[name])
        for name, code in errors.items()
        if name in questions
    }


def _answers(review) -> dict[tuple[str, str], tuple[str, str]]:
    answers = {}
    for checklist in qq.reviewed_checklists(review):
        for criterion in checklist.manual:
            name = f"{checklist.key}:{criterion.key}"
            answers[(checklist.key, criterion.key)] = (
                request.form.get(f"verdict:{name}", ""),
                request.form.get(f"comment:{name}", ""),
            )
    return answers


@bp.route("/reviews/<int:review_id>", methods=["GET", "POST"])
@login_required
def show(design_id: int, review_id: int):
    """The review: automatic results of each checklist, the manual questions and, for the
    requested reviewer, the form to decide."""
    design = access.design_for(current_user, design_id)
    review = qq.review_of(design, review_id)
    allowed = allowed_on_design(current_user, design)
    form = DecisionForm()
    errors: dict[str, str] = {}
    if request.method == "POST" and form.validate_on_submit():
        version = form.lock_version.data
        with saving(show=False, done=_("Your decision was recorded.")) as outcome:
            service.decide(
                current_user,
                design,
                review.id,
                form.decision.data,
                _answers(review),
                form.note.data or "",
                form.override_reason.data or "",
                lock_version(version),
            )
        errors = _verdict_errors(review, outcome.errors, current_language())
        rest = {k: v for k, v in outcome.errors.items() if k not in errors}
        if rest:
            attach_errors(form, Invalid(rest))
        if outcome.ok:
            return redirect(url_for("reviews.show", design_id=design.id, review_id=review.id))
    snap = snapshot(design)
    current = qq.current_hash(snap)
    judged = qq.reviewed_snapshot(review) or snap
    may_decide = (
        Action.DESIGN_SIGN_OFF in allowed
        and review.reviewer_id == current_user.id
        and review.decision is None
        and review.withdrawn_at is None
        and design.status == "in_review"
    )
    return render_template(
        "quality/review.html",
        design=design,
        review=review,
        reviewer=qq.reviewer_name(review),
        results=qq.review_results(design, review, judged),
        form=form,
        errors=errors,
        answers=request.form if request.method == "POST" else None,
        may_decide=may_decide,
        outdated=bool(review.snapshot_hash) and review.snapshot_hash != current,
        finding_href=lambda f: finding_href(design.id, f),
        lang=current_language(),
    ), (422 if errors or (request.method == "POST" and form.errors) else 200)
