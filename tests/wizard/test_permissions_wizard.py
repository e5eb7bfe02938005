"""Who may use the gallery, the wizard, the print view and workspace templates.

Every workspace role, a guest (a role on this one design only) and an outsider."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import DesignMember
from designer.services.permissions import Action, can

PEOPLE = ("coordinator", "designer", "expert", "reviewer", "viewer", "guest", "outsider")

# person → (save a wizard step, open a wizard step, open the expert form, print view,
#           save as template, create from the gallery)
EXPECTED = {
    "coordinator": (302, 200, 200, 200, 302, 302),
    "designer": (302, 200, 200, 200, 302, 302),
    "expert": (403, 403, 403, 200, 403, 302),
    "reviewer": (403, 403, 403, 200, 403, 403),
    "viewer": (403, 403, 403, 200, 403, 403),
    "guest": (302, 200, 200, 200, 403, 403),
    "outsider": (403, 403, 403, 403, 403, 403),
}


@pytest.fixture
def person(request, make_user, workspace, blended, designer_user):
    kind = request.param
    if kind == "designer":
        return designer_user
    if kind == "coordinator":
        from designer.models import User

        return db.session.scalar(db.select(User).where(User.email == "coordinator@example.org"))
    if kind in ("guest", "outsider"):
        user = make_user(f"{kind}@example.org")
        if kind == "guest":
            db.session.add(DesignMember(design_id=blended.id, user_id=user.id, role="expert"))
            db.session.commit()
        return user
    return make_user(f"{kind}@example.org", workspace=workspace, role=kind)


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_wizard_routes(person, request, client, login, workspace, blended):
    kind = request.node.callspec.params["person"]
    login(person)
    lock = str(blended.lock_version)
    got = (
        client.post(
            f"/designs/{blended.id}/wizard/audience",
            data={"lock_version": lock, "target_group": "TG", "go": "stay"},
        ).status_code,
        client.get(f"/designs/{blended.id}/wizard/audience").status_code,
        client.get(f"/designs/{blended.id}/grobkonzept").status_code,
        client.get(f"/designs/{blended.id}/print").status_code,
        client.post(f"/designs/{blended.id}/save-template", data={"name": "T"}).status_code,
        client.post(
            f"/w/{workspace.slug}/designs/new",
            data={"template": "builtin:flipped", "title": "Neu", "language": "de"},
        ).status_code,
    )
    assert got == EXPECTED[kind]


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_objective_changes(person, request, client, login, blended, designer_user):
    from designer.services.designs import add_objective

    kind = request.node.callspec.params["person"]
    objective = add_objective(designer_user, blended, "Die TN nennen Y.")
    db.session.commit()
    login(person)
    expected = 302 if EXPECTED[kind][0] == 302 else 403
    base = f"/designs/{blended.id}/objectives"
    got = (
        client.post(base, data={"text": "Die TN planen X.", "bloom_level": ""}).status_code,
        client.post(
            f"{base}/{objective.id}",
            data={"text": "Die TN nennen Z.", "lock_version": objective.lock_version},
        ).status_code,
        client.post(f"{base}/{objective.id}/move", data={"position": "1"}).status_code,
        client.post(f"{base}/{objective.id}/remove").status_code,
    )
    assert got == (expected,) * 4


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_template_save_action(person, request, workspace):
    kind = request.node.callspec.params["person"]
    assert can(person, Action.TEMPLATE_SAVE, workspace) == (kind in ("coordinator", "designer"))


def test_anonymous_is_sent_to_log_in(client, blended):
    response = client.get(f"/designs/{blended.id}/wizard/audience")
    assert response.status_code == 302 and "/login" in response.location
