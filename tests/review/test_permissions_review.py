"""Role × action matrix for the quality actions: every workspace role, guests on the
design (reviewer, viewer) and an outsider; through `can()` and through the pages."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import Design, Review
from designer.services import designs as design_service
from designer.services import reviews as review_service
from designer.services.errors import PermissionDenied
from designer.services.permissions import Action, can, sign_off_candidates

WHO = ("coordinator", "designer", "expert", "reviewer", "viewer", "guest-reviewer",
       "guest-viewer", "outsider")  # fmt: skip

EXPECTED = {
    Action.CHECKLIST_EDIT: {"coordinator", "designer"},
    Action.DESIGN_COMMENT: {"coordinator", "designer", "expert", "reviewer", "guest-reviewer"},
    Action.DESIGN_SUBMIT: {"coordinator", "designer"},
    Action.DESIGN_SIGN_OFF: {"coordinator", "reviewer", "guest-reviewer"},
    Action.DESIGN_EDIT: {"coordinator", "designer"},
}


@pytest.mark.parametrize("who", WHO)
def test_matrix(people, workspace, example_design, who):
    allowed = {
        action
        for action in EXPECTED
        if can(
            people[who], action, workspace if action == Action.CHECKLIST_EDIT else example_design
        )
    }
    assert allowed == {action for action, roles in EXPECTED.items() if who in roles}


def test_author_cannot_sign_off_even_as_coordinator(people, workspace):
    coordinator = people["coordinator"]
    design = design_service.create_design(coordinator, workspace, "Eigenes Konzept")
    db.session.commit()
    assert not can(coordinator, Action.DESIGN_SIGN_OFF, design)
    assert coordinator not in sign_off_candidates(design)
    assert can(people["reviewer"], Action.DESIGN_SIGN_OFF, design)


def test_expert_submits_own_design(people, workspace):
    design = design_service.create_design(people["expert"], workspace, "Expertenkonzept")
    db.session.commit()
    assert can(people["expert"], Action.DESIGN_SUBMIT, design)
    assert not can(people["expert"], Action.DESIGN_SIGN_OFF, design)


def test_candidates_are_the_people_who_may_sign_off(people, example_design):
    names = {u.email for u in sign_off_candidates(example_design)}
    assert names == {
        "coordinator@example.org",
        "coordinator-member@example.org",
        "reviewer-member@example.org",
        "guest-reviewer@example.org",
    }


# ------------------------------------------------------------------ pages

PAGE_VIEWERS = {"coordinator", "designer", "expert", "reviewer", "viewer"}
DESIGN_VIEWERS = PAGE_VIEWERS | {"guest-reviewer", "guest-viewer"}


def _status(client, login, user, method: str, url: str, data=None) -> int:
    login(user)
    response = client.get(url) if method == "GET" else client.post(url, data=data or {})
    client.post("/logout")
    return response.status_code


@pytest.mark.parametrize("who", WHO)
def test_pages_and_posts(client, login, people, workspace, example_design, who):
    user = people[who]
    d = example_design.id
    ok = {
        ("GET", "/w/akademie-nord/checklists"): who in PAGE_VIEWERS,
        ("GET", f"/designs/{d}/quality/panel"): who in DESIGN_VIEWERS,
        ("GET", f"/designs/{d}/quality/report"): who in DESIGN_VIEWERS,
        ("GET", f"/designs/{d}/reviews"): who in DESIGN_VIEWERS,
        ("GET", f"/designs/{d}/review/submit"): who in EXPECTED[Action.DESIGN_SUBMIT],
    }
    for (method, url), allowed in ok.items():
        status = _status(client, login, user, method, url)
        assert (status == 200) == allowed, (url, status)
        assert status in (200, 403, 404)
    status = _status(client, login, user, "POST", f"/designs/{d}/comments", {"body": "Hallo"})
    assert (status == 302) == (who in EXPECTED[Action.DESIGN_COMMENT]), status
    copy = {"source": "didactic_basics"}
    status = _status(client, login, user, "POST", "/w/akademie-nord/checklists/copy", copy)
    assert (status == 302) == (who in EXPECTED[Action.CHECKLIST_EDIT]), status


@pytest.mark.parametrize("who", WHO)
def test_deciding_a_review(client, login, people, example_design, who):
    """Only the requested reviewer decides; anyone else gets 403 and nothing changes."""
    user = people[who]
    (review,) = review_service.submit_for_review(
        people["designer"], example_design, [people["guest-reviewer"].id], ["legal"]
    )
    db.session.commit()
    status = _status(
        client,
        login,
        user,
        "POST",
        f"/designs/{example_design.id}/reviews/{review.id}",
        {"decision": "changes_requested", "lock_version": str(review.lock_version)},
    )
    db.session.expire_all()
    decided = db.session.get(Review, review.id).decision
    if who == "guest-reviewer":
        assert (status, decided) == (302, "changes_requested")
    else:
        assert status in (403, 404) and decided is None
        assert db.session.get(Design, example_design.id).status == "in_review"


def test_author_cannot_approve_through_the_service(people, example_design):
    designer = people["designer"]
    (review,) = review_service.submit_for_review(
        designer, example_design, [people["reviewer"].id], ["legal"]
    )
    db.session.commit()
    with pytest.raises(PermissionDenied):
        review_service.decide(designer, example_design, review.id, "approved", {})
    # A reviewer who was not requested cannot take over someone else's review either.
    with pytest.raises(PermissionDenied):
        review_service.decide(people["coordinator"], example_design, review.id, "approved", {})
