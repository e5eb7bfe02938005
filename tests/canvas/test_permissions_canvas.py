"""Who may use the canvas, the nugget editor and the library: every workspace role, a
guest holding a role on the design only, and a member of another workspace."""

from __future__ import annotations

import io

import pytest

from designer.extensions import db
from designer.models import DesignMember, Nugget, User
from tests.canvas.conftest import HTMX, add_nuggets, module_ids

PEOPLE = (
    "coordinator",
    "designer",
    "expert",
    "reviewer",
    "viewer",
    "guest_designer",
    "guest_viewer",
    "outsider",
)
EDITORS = {"coordinator", "designer", "guest_designer"}
DESIGN_READERS = set(PEOPLE) - {"outsider"}
LIBRARY_READERS = {"coordinator", "designer", "expert", "reviewer", "viewer"}
LIBRARY_EDITORS = {"coordinator", "designer"}


@pytest.fixture
def setting(app, workspace, make_user, designer, design):
    """(person by kind, design, placement) with one nugget on the canvas."""
    from designer.services import workspaces

    first, _ = module_ids(design)
    (placement,) = add_nuggets(designer, design, first, 1)
    owner = db.session.scalar(db.select(User).where(User.email == "coordinator@example.org"))
    people = {"designer": designer, "coordinator": owner}
    for role in ("expert", "reviewer", "viewer"):
        people[role] = make_user(f"{role}@example.org", workspace=workspace, role=role)
    for role in ("designer", "viewer"):
        guest = make_user(f"guest-{role}@example.org")
        db.session.add(DesignMember(design_id=design.id, user_id=guest.id, role=role))
        people[f"guest_{role}"] = guest
    outsider = make_user("outsider@example.org")
    workspaces.create_workspace(outsider, "Andere Akademie")
    people["outsider"] = outsider
    db.session.commit()
    return people, design, placement


def _expect(status: int, allowed: bool, ok: int) -> None:
    assert status == (ok if allowed else 403), status


@pytest.mark.parametrize("kind", PEOPLE)
def test_canvas_editor_and_library_rights(client, login, setting, workspace, kind):
    people, design, placement = setting
    login(people[kind])
    _canvas(client, design, placement, kind)
    _editor(client, design, placement, kind)
    _library(client, workspace, placement, kind)


def _canvas(client, design, placement, kind: str) -> None:
    _expect(client.get(f"/designs/{design.id}/canvas").status_code, kind in DESIGN_READERS, 200)
    _first, second = module_ids(design)
    moved = client.post(
        f"/designs/{design.id}/canvas/placements/{placement.id}/move",
        data={"module_id": second, "position": 0, "lock_version": placement.lock_version},
        headers=HTMX,
    )
    _expect(moved.status_code, kind in EDITORS, 200)
    added = client.post(f"/designs/{design.id}/canvas/modules", data={"title": "Neu"}, headers=HTMX)
    _expect(added.status_code, kind in EDITORS, 200)


def _editor(client, design, placement, kind: str) -> None:
    url = f"/designs/{design.id}/nuggets/{placement.id}/edit"
    _expect(client.get(url).status_code, kind in EDITORS, 200)
    db.session.expire_all()
    nugget = db.session.get(Nugget, placement.nugget_id)
    upload = client.post(
        f"/designs/{design.id}/nuggets/{placement.id}/assets",
        data={
            "file": (io.BytesIO(b"Notizen"), "notizen.txt"),
            "lock_version": str(nugget.lock_version),
        },
        content_type="multipart/form-data",
    )
    _expect(upload.status_code, kind in EDITORS, 302)


def _library(client, workspace, placement, kind: str) -> None:
    _expect(client.get(f"/w/{workspace.slug}/library").status_code, kind in LIBRARY_READERS, 200)
    nugget_id = placement.nugget_id
    _expect(
        client.get(f"/w/{workspace.slug}/library/{nugget_id}/edit").status_code,
        kind in LIBRARY_EDITORS,
        200,
    )
    forked = client.post(f"/w/{workspace.slug}/library/{nugget_id}/fork")
    _expect(forked.status_code, kind in LIBRARY_EDITORS, 302)
    copies = db.session.scalars(db.select(Nugget).where(Nugget.forked_from_id == nugget_id))
    assert len(copies.all()) == (1 if kind in LIBRARY_EDITORS else 0)
