"""The note for authors through the API: documented, written, read back, checked."""

from __future__ import annotations

from designer.core.fields import AUTHOR_NOTE_LENGTH
from designer.extensions import db
from designer.models import Nugget, NuggetRevision

NUGGET_PATH = "/api/v1/workspaces/{slug}/nuggets/{nugget_id}"


def test_the_openapi_document_describes_the_note(client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    for method in ("patch", "get"):
        operation = paths[NUGGET_PATH][method]
        if method == "patch":
            schema = operation["requestBody"]["content"]["application/json"]["schema"]
        else:
            schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
        note = schema["properties"]["author_note"]
        assert note["type"] == "string" and note["maxLength"] == AUTHOR_NOTE_LENGTH
        assert "never in a learner-facing export" in note["description"]


def test_a_note_is_written_in_a_revision_read_back_and_checked(call, workspace):
    base = f"/workspaces/{workspace.slug}/nuggets"
    created = call(
        "POST", base, json={"title": "Quiz", "author_note": "Fünf Fragen anlegen.\nMit Feedback."}
    )
    assert created.status_code == 201
    nugget = created.json
    assert nugget["author_note"] == "Fünf Fragen anlegen.\nMit Feedback."
    changed = call(
        "PATCH",
        f"{base}/{nugget['id']}",
        json={"lock_version": nugget["lock_version"], "author_note": "  Zehn Fragen.  "},
    )
    assert changed.status_code == 200 and changed.json["author_note"] == "Zehn Fragen."
    assert call("GET", f"{base}/{nugget['id']}").json["author_note"] == "Zehn Fragen."
    revisions = db.session.query(NuggetRevision).filter_by(nugget_id=nugget["id"])
    assert [r.data["author_note"] for r in revisions.order_by(NuggetRevision.revision)] == [
        "Fünf Fragen anlegen.\nMit Feedback.",
        "Zehn Fragen.",
    ]
    too_long = call(
        "PATCH",
        f"{base}/{nugget['id']}",
        json={
            "lock_version": changed.json["lock_version"],
            "author_note": "x" * (AUTHOR_NOTE_LENGTH + 1),
        },
    )
    assert too_long.status_code == 422
    assert too_long.json["errors"] == {"author_note": "too_long"}
    db.session.expire_all()
    assert db.session.get(Nugget, nugget["id"]).author_note == "Zehn Fragen."
