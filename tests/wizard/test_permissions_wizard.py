"""Who may use the gallery, the wizard, the print view and workspace templates.

Every workspace role, a guest (a role on this one design only) and an outsider."""

from __future__ import annotations

import pytest

from designer.extensions import db
from designer.models import DesignMember
from designer.services.permissions import Action, can

PEOPLE = ("coordinator", "designer", "expert", "reviewer", "viewer", "guest", "outsider")

# person → (save a wizard step, open a wizard step, print view, save as template,
#           create from the gallery)
EXPECTED = {
    "coordinator": (302, 200, 200, 302, 302),
    "designer": (302, 200, 200, 302, 302),
    "expert": (403, 403, 200, 403, 302),
    "reviewer": (403, 403, 200, 403, 403),
    "viewer": (403, 403, 200, 403, 403),
    "guest": (302, 200, 200, 403, 403),
    "outsider": (403, 403, 403, 403, 403),
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
    save, open_step, print_view, template, create = EXPECTED[kind]
    login(person)
    lock = str(blended.lock_version)
    got = (
        client.post(
            f"/designs/{blended.id}/wizard/audience",
            data={"lock_version": lock, "target_group": "TG", "go": "stay"},
        ).status_code,
        client.get(f"/designs/{blended.id}/wizard/audience").status_code,
        client.get(f"/designs/{blended.id}/print").status_code,
        client.post(f"/designs/{blended.id}/save-template", data={"name": "T"}).status_code,
        client.post(
            f"/w/{workspace.slug}/designs/new",
            data={"template": "builtin:flipped", "title": "Neu", "language": "de"},
        ).status_code,
    )
    assert got == (save, open_step, print_view, template, create)


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_objective_changes(person, request, client, login, blended):
    kind = request.node.callspec.params["person"]
    login(person)
    response = client.post(
        f"/designs/{blended.id}/objectives", data={"text": "Die TN planen X.", "bloom_level": ""}
    )
    assert response.status_code == (302 if EXPECTED[kind][0] == 302 else 403)


@pytest.mark.parametrize("person", PEOPLE, indirect=True)
def test_template_save_action(person, request, workspace):
    kind = request.node.callspec.params["person"]
    assert can(person, Action.TEMPLATE_SAVE, workspace) == (kind in ("coordinator", "designer"))


def test_anonymous_is_sent_to_log_in(client, blended):
    response = client.get(f"/designs/{blended.id}/wizard/audience")
    assert response.status_code == 302 and "/login" in response.location
