"""Review and sign-off: submitting a design, a reviewer's verdicts and decision.

An approval is given to one state of the design: a Revision of kind "approved" is stored
and its number and snapshot hash are kept on the Review. A later change sends the design
back to draft (`designs.mark_changed`); the review record stays and shows as outdated.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence

from sqlalchemy import select

from designer.core.snapshot import DesignSnapshot, snapshot_hash
from designer.models import Design, Review, User, db
from designer.models.columns import utcnow
from designer.models.quality import DECISIONS, VERDICTS
from designer.quality import checklist_to_dict
from designer.queries.quality import (
    blocking_count,
    load_checklist,
    review_results,
    reviewed_checklists,
)
from designer.queries.read_model import snapshot
from designer.services import events
from designer.services.errors import Invalid, NotFound, PermissionDenied
from designer.services.locking import check_version
from designer.services.notifications import notify
from designer.services.permissions import Action, require, sign_off_candidates
from designer.services.revisions import store_revision

SUBMITTABLE = ("draft", "changes_requested")
MAX_TEXT = 5000


def _pending(design: Design) -> list[Review]:
    return list(
        db.session.scalars(
            select(Review).where(
                Review.design_id == design.id,
                Review.decision.is_(None),
                Review.withdrawn_at.is_(None),
            )
        )
    )


def _withdraw(actor: User, design: Design, reviews: Sequence[Review]) -> None:
    """Open requests that no longer matter: the design was resubmitted or decided."""
    now = utcnow()
    for review in reviews:
        review.withdrawn_at = now
        events.record(
            "review.withdrawn", actor, design.workspace_id, design.id, review_id=review.id
        )


def submit_for_review(
    actor: User,
    design: Design,
    reviewer_ids: Sequence[int],
    checklist_keys: Sequence[str],
    message: str = "",
) -> list[Review]:
    """Stores a "submitted" revision and asks each reviewer for a review."""
    require(actor, Action.DESIGN_SUBMIT, design)
    if design.status not in SUBMITTABLE:
        raise Invalid({"status": "not_submittable"})
    errors: dict[str, str] = {}
    # Four eyes: whoever submits does not review their own submission either.
    candidates = {u.id: u for u in sign_off_candidates(design) if u.id != actor.id}
    reviewer_ids = list(dict.fromkeys(reviewer_ids))
    if not reviewer_ids:
        errors["reviewers"] = "required"
    elif any(rid not in candidates for rid in reviewer_ids):
        errors["reviewers"] = "not_a_reviewer"
    checklist_keys = list(dict.fromkeys(checklist_keys))
    checklists = []
    if not checklist_keys:
        errors["checklists"] = "required"
    for key in checklist_keys:
        try:
            checklists.append(load_checklist(design.workspace_id, key))
        except NotFound:
            errors["checklists"] = "unknown"
    if errors:
        raise Invalid(errors)
    _withdraw(actor, design, _pending(design))
    now = utcnow()
    revision = store_revision(design, actor, "submitted", message)
    design.status = "in_review"
    stored = [checklist_to_dict(c) for c in checklists]
    reviews = [
        Review(
            design_id=design.id,
            reviewer_id=rid,
            requested_by_id=actor.id,
            submitted_revision=revision.number,
            checklist_keys=checklist_keys,
            checklists=stored,
            verdicts={},
            requested_at=now,
        )
        for rid in reviewer_ids
    ]
    db.session.add_all(reviews)
    db.session.flush()
    events.record(
        "design.submitted",
        actor,
        design.workspace_id,
        design.id,
        revision=revision.number,
        reviewers=reviewer_ids,
        checklists=checklist_keys,
    )
    for review in reviews:
        events.record(
            "review.requested",
            actor,
            design.workspace_id,
            design.id,
            review_id=review.id,
            reviewer_id=review.reviewer_id,
        )
    notify(reviewer_ids, actor, design, "review_requested", revision=revision.number)
    return reviews


def _clean_verdicts(
    review: Review, answers: Mapping[tuple[str, str], tuple[str, str]], need_all: bool
) -> dict[str, dict[str, dict[str, str]]]:
    """Verdicts per checklist and manual criterion; every one is needed for an approval."""
    verdicts: dict[str, dict[str, dict[str, str]]] = {}
    errors: dict[str, str] = {}
    for checklist in reviewed_checklists(review):
        for criterion in checklist.manual:
            verdict, comment = answers.get((checklist.key, criterion.key), ("", ""))
            field = f"verdict:{checklist.key}:{criterion.key}"
            comment = (comment or "").strip()
            if verdict and verdict not in VERDICTS:
                errors[field] = "unknown"
            elif not verdict and need_all:
                errors[field] = "required"
            elif len(comment) > MAX_TEXT:
                errors[field] = "too_long"
            if verdict or comment:
                verdicts.setdefault(checklist.key, {})[criterion.key] = {
                    "verdict": verdict,
                    "comment": comment,
                }
    if errors:
        raise Invalid(errors)
    return verdicts


def decide(
    actor: User,
    design: Design,
    review_id: int,
    decision: str,
    answers: Mapping[tuple[str, str], tuple[str, str]],
    note: str = "",
    override_reason: str = "",
    expected_version: int | None = None,
) -> Review:
    """The reviewer's sign-off (approved) or request for changes.

    Blocking findings of the chosen checklists prevent an approval unless the reviewer
    gives a written reason for overriding them."""
    require(actor, Action.DESIGN_SIGN_OFF, design)
    review = _undecided_review(actor, design, review_id, expected_version)
    if decision not in DECISIONS:
        raise Invalid({"decision": "unknown"})
    verdicts = _clean_verdicts(review, answers, need_all=decision == "approved")
    note, override_reason = _clean_texts(note, override_reason)
    snap = snapshot(design)
    blocking = _blocking_count(design, review, snap, decision, override_reason)
    review.verdicts = verdicts
    review.decision = decision
    review.note = note
    review.blocking_count = blocking
    review.override_reason = override_reason if decision == "approved" and blocking else ""
    review.signed_at = utcnow()
    _pin_version(actor, design, review, snap)
    _record_decision(actor, design, review)
    _update_status(actor, design)
    notify(
        {design.created_by_id, review.requested_by_id},
        actor,
        design,
        "review_decided",
        decision=decision,
        review_id=review.id,
    )
    return review


def _undecided_review(
    actor: User, design: Design, review_id: int, expected_version: int | None
) -> Review:
    """The actor's own review of `design`, still waiting for a decision."""
    review = db.session.get(Review, review_id)
    if review is None or review.design_id != design.id:
        raise NotFound("review")
    if review.reviewer_id != actor.id:
        raise PermissionDenied(str(Action.DESIGN_SIGN_OFF))
    check_version(review, expected_version, {"decision": review.decision})
    if review.decision is not None or review.withdrawn_at is not None:
        raise Invalid({"decision": "already_decided"})
    if design.status != "in_review":
        raise Invalid({"decision": "not_in_review"})
    return review


def _clean_texts(note: str, override_reason: str) -> tuple[str, str]:
    note, override_reason = (note or "").strip(), (override_reason or "").strip()
    if len(note) > MAX_TEXT or len(override_reason) > MAX_TEXT:
        raise Invalid({"note": "too_long"})
    return note, override_reason


def _blocking_count(
    design: Design, review: Review, snap: DesignSnapshot, decision: str, override_reason: str
) -> int:
    """The blocking findings of the review's checklists; an approval despite them needs
    a reason."""
    blocking = blocking_count(review_results(design, review, snap))
    if decision == "approved" and blocking and not override_reason:
        raise Invalid({"override_reason": "override_reason_required"})
    return blocking


def _pin_version(actor: User, design: Design, review: Review, snap: DesignSnapshot) -> None:
    """The version the decision is about: an approval stores a revision and gets a seal;
    a request for changes refers to the submitted revision."""
    if review.decision == "approved":
        revision = store_revision(design, actor, "approved", review.note)
        review.revision_number, review.snapshot_hash = revision.number, revision.snapshot_hash
        review.seal_token = secrets.token_urlsafe(24)
    else:
        review.revision_number = review.submitted_revision
        review.snapshot_hash = snapshot_hash(snap)


def _record_decision(actor: User, design: Design, review: Review) -> None:
    events.record(
        f"review.{review.decision}",
        actor,
        design.workspace_id,
        design.id,
        review_id=review.id,
        revision=review.revision_number,
        snapshot_hash=review.snapshot_hash,
        blocking=review.blocking_count,
    )
    if review.override_reason:
        events.record(
            "review.override",
            actor,
            design.workspace_id,
            design.id,
            review_id=review.id,
            blocking=review.blocking_count,
            reason=review.override_reason,
        )


def _update_status(actor: User, design: Design) -> None:
    """Changes requested by anyone sends the design back; it is approved once every
    reviewer of the submission approved."""
    reviews = db.session.scalars(
        select(Review).where(Review.design_id == design.id, Review.withdrawn_at.is_(None))
    ).all()
    latest = max(r.submitted_revision for r in reviews)
    current = [r for r in reviews if r.submitted_revision == latest]
    if any(r.decision == "changes_requested" for r in current):
        status = "changes_requested"
    elif all(r.decision == "approved" for r in current):
        status = "approved"
    else:
        return
    if design.status != status:
        design.status = status
        _withdraw(actor, design, [r for r in current if r.decision is None])
        events.record(f"design.{status}", actor, design.workspace_id, design.id)
