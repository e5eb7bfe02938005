"""The whole review flow through the Flask client: submit, review, approve, outdated."""

from __future__ import annotations

from sqlalchemy import select

from designer.extensions import db
from designer.models import Design, Event, Review, Revision
from designer.quality import get_builtin
from designer.services import designs as design_service


def _manual_answers(value: str = "met", keys=("didactic_basics",)) -> dict[str, str]:
    return {f"verdict:{key}:{c.key}": value for key in keys for c in get_builtin(key).manual}


def _submit(client, design_id: int, reviewer_ids: list[int], checklists=("didactic_basics",)):
    return client.post(
        f"/designs/{design_id}/review/submit",
        data={"reviewers": reviewer_ids, "checklists": list(checklists), "message": "Bitte prüfen"},
    )


def test_submit_review_approve_and_outdate(client, login, people, example_design):
    designer, reviewer = people["designer"], people["reviewer"]
    login(designer)
    form = client.get(f"/designs/{example_design.id}/review/submit").get_data(as_text=True)
    assert reviewer.display_name in form
    assert designer.display_name not in form.split("<form", 1)[1]  # the author is not offered
    response = _submit(client, example_design.id, [reviewer.id])
    assert response.status_code == 302
    design = db.session.get(Design, example_design.id)
    assert design.status == "in_review"
    review = db.session.scalar(select(Review).where(Review.design_id == design.id))
    submitted = db.session.scalar(
        select(Revision).where(
            Revision.design_id == design.id, Revision.number == review.submitted_revision
        )
    )
    assert submitted.kind == "submitted"
    assert review.checklist_keys == ["didactic_basics"]

    client.post("/logout")
    login(reviewer)
    page = client.get(f"/designs/{design.id}/reviews/{review.id}").get_data(as_text=True)
    assert "Sind die Lernziele aus einem beschriebenen Bedarf abgeleitet?" in page
    assert 'name="decision"' in page

    # Every manual criterion needs an answer before an approval.
    response = client.post(
        f"/designs/{design.id}/reviews/{review.id}",
        data={"decision": "approved", "lock_version": review.lock_version},
    )
    assert response.status_code == 422
    assert db.session.get(Review, review.id).decision is None

    response = client.post(
        f"/designs/{design.id}/reviews/{review.id}",
        data={
            "decision": "approved",
            "note": "Gut gemacht",
            "lock_version": review.lock_version,
            **_manual_answers(),
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    review = db.session.get(Review, review.id)
    design = db.session.get(Design, design.id)
    assert (review.decision, design.status) == ("approved", "approved")
    approved = db.session.scalar(
        select(Revision).where(Revision.design_id == design.id, Revision.kind == "approved")
    )
    assert (review.revision_number, review.snapshot_hash) == (
        approved.number,
        approved.snapshot_hash,
    )
    assert review.verdicts["didactic_basics"]["need"]["verdict"] == "met"
    page = client.get(f"/designs/{design.id}/reviews/{review.id}").get_data(as_text=True)
    assert "Freigabe gültig" in page or "Approval valid" in page
    seal = client.get(f"/seal/{review.seal_token}").get_data(as_text=True)
    assert "Gültig" in seal or "Valid" in seal

    # A later change by the designer makes the approval outdated; the record stays.
    design_service.update_grobkonzept(designer, design, {"target_group": "Neu"}, None)
    db.session.commit()
    assert db.session.get(Design, design.id).status == "draft"
    page = client.get(f"/designs/{design.id}/reviews/{review.id}").get_data(as_text=True)
    assert "approval-state" in page and ("veraltet" in page or "outdated" in page)
    assert db.session.get(Review, review.id).decision == "approved"
    anonymous = client.application.test_client()
    seal = anonymous.get(f"/seal/{review.seal_token}")
    assert seal.status_code == 200
    text = seal.get_data(as_text=True)
    assert "Veraltet" in text or "Outdated" in text
    assert "Persona" not in text  # no content of the design on the seal

    kinds = [e.kind for e in db.session.scalars(select(Event).where(Event.design_id == design.id))]
    for kind in (
        "design.submitted",
        "review.requested",
        "review.approved",
        "design.approved",
        "design.approval_outdated",
    ):
        assert kind in kinds


def _blocked_design(people, workspace):
    """A design whose Grobkonzept lacks what learners must know: a blocking error."""
    design = design_service.create_design(people["designer"], workspace, "Lückenhaft")
    db.session.commit()
    return design


def test_blocking_findings_need_a_written_reason(client, login, people, workspace):
    design = _blocked_design(people, workspace)
    login(people["designer"])
    assert (
        _submit(
            client, design.id, [people["reviewer"].id], ["legal", "didactic_basics"]
        ).status_code
        == 302
    )
    review = db.session.scalar(select(Review).where(Review.design_id == design.id))
    client.post("/logout")
    login(people["reviewer"])
    page = client.get(f"/designs/{design.id}/reviews/{review.id}").get_data(as_text=True)
    assert "transparency" in page or "Zielgruppe" in page
    data = {
        "decision": "approved",
        "lock_version": review.lock_version,
        **_manual_answers("met", ("legal", "didactic_basics")),
    }
    response = client.post(f"/designs/{design.id}/reviews/{review.id}", data=data)
    assert response.status_code == 422
    assert "Give a reason" in response.get_data(as_text=True) or "Begründung" in response.get_data(
        as_text=True
    )
    assert db.session.get(Review, review.id).decision is None

    data["override_reason"] = "Pilotkurs, Angaben folgen mit der Ausschreibung."
    response = client.post(f"/designs/{design.id}/reviews/{review.id}", data=data)
    assert response.status_code == 302
    db.session.expire_all()
    review = db.session.get(Review, review.id)
    assert review.decision == "approved" and review.blocking_count > 0
    assert review.override_reason.startswith("Pilotkurs")
    override = db.session.scalar(select(Event).where(Event.kind == "review.override"))
    assert override.payload["reason"].startswith("Pilotkurs")


def test_changes_requested_then_resubmitted(client, login, people, example_design):
    designer = people["designer"]
    login(designer)
    _submit(client, example_design.id, [people["reviewer"].id, people["guest-reviewer"].id])
    first, second = db.session.scalars(select(Review).order_by(Review.id)).all()
    client.post("/logout")
    login(people["reviewer"])
    response = client.post(
        f"/designs/{example_design.id}/reviews/{first.id}",
        data={
            "decision": "changes_requested",
            "note": "Ziele schärfen",
            "lock_version": first.lock_version,
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Design, example_design.id).status == "changes_requested"
    # The other reviewer's open request is withdrawn; it cannot be decided any more.
    assert db.session.get(Review, second.id).withdrawn_at is not None
    withdrawn = db.session.scalar(select(Event).where(Event.kind == "review.withdrawn"))
    assert withdrawn.payload["review_id"] == second.id
    client.post("/logout")
    login(designer)
    assert _submit(client, example_design.id, [people["guest-reviewer"].id]).status_code == 302
    db.session.expire_all()
    assert db.session.get(Design, example_design.id).status == "in_review"
    # A design in review cannot be submitted again.
    assert _submit(client, example_design.id, [people["reviewer"].id]).status_code == 422


def test_submission_refuses_authors_and_unknown_checklists(client, login, people, example_design):
    login(people["designer"])
    response = _submit(client, example_design.id, [people["designer"].id])
    assert response.status_code == 422
    response = _submit(client, example_design.id, [people["reviewer"].id], ["nope"])
    assert response.status_code == 422
    response = _submit(client, example_design.id, [people["viewer"].id])
    assert response.status_code == 422
    assert db.session.get(Design, example_design.id).status == "draft"
    assert db.session.scalar(select(Review)) is None


def test_submitter_cannot_review_own_submission(client, login, people, example_design):
    coordinator = people["coordinator"]
    login(coordinator)
    page = client.get(f"/designs/{example_design.id}/review/submit").get_data(as_text=True)
    option = 'name="reviewers" type="checkbox" value="{}"'
    assert option.format(people["reviewer"].id) in page
    assert option.format(coordinator.id) not in page
    assert _submit(client, example_design.id, [coordinator.id]).status_code == 422
    assert _submit(client, example_design.id, [people["reviewer"].id]).status_code == 302
