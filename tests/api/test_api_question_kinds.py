"""Matching and short-answer questions through the API: documented, stored with their
pairs, read back the same, and refused whole (nothing saved) when incomplete."""

from __future__ import annotations

from designer.extensions import db
from designer.models import Nugget, NuggetRevision
from designer.queries.nugget_data import apply_snapshot_nugget, revision_data, to_snapshot_nugget

BASE = "/workspaces/{slug}/nuggets"
MATCH = {
    "kind": "match",
    "text": "Ordnen Sie zu.",
    "feedback": "",
    "answers": [
        {"text": "Hund", "correct": False, "feedback": "", "match": "bellt"},
        {"text": "Katze", "correct": False, "feedback": "", "match": "miaut"},
        {"text": "", "correct": False, "feedback": "", "match": "quakt"},
    ],
}
SHORT = {
    "kind": "shortanswer",
    "text": "Hauptstadt von Frankreich?",
    "feedback": "",
    "answers": [{"text": "Paris", "correct": True, "feedback": "Genau."}],
}


def test_the_openapi_document_names_the_kinds_and_the_match(client):
    path = "/api/v1/workspaces/{slug}/nuggets/{nugget_id}"
    patch = client.get("/api/v1/openapi.json").json["paths"][path]["patch"]
    question = patch["requestBody"]["content"]["application/json"]["schema"]["properties"][
        "questions"
    ]["items"]
    assert {"match", "shortanswer"} <= set(question["properties"]["kind"]["enum"])
    assert (
        "distractor"
        in question["properties"]["answers"]["items"]["properties"]["match"]["description"]
    )


def test_new_kinds_are_stored_and_read_back(call, workspace):
    base = BASE.format(slug=workspace.slug)
    sent_short = {**SHORT, "answers": [{"text": " Paris ", "correct": False, "feedback": "Genau."}]}
    created = call("POST", base, json={"title": "Quiz", "questions": [MATCH, sent_short]})
    assert created.status_code == 201, created.json
    assert created.json["questions"] == [MATCH, SHORT]  # short answers are always accepted
    assert call("GET", f"{base}/{created.json['id']}").json["questions"] == [MATCH, SHORT]
    nugget = db.session.get(Nugget, created.json["id"])
    revision = db.session.query(NuggetRevision).filter_by(nugget_id=nugget.id).one()
    assert revision.data["questions"] == [MATCH, SHORT]
    snap_nugget = to_snapshot_nugget("N1", revision_data(nugget), ())
    assert [a.match for a in snap_nugget.questions[0].answers] == ["bellt", "miaut", "quakt"]
    copy = Nugget(workspace_id=workspace.id, title="Kopie")
    apply_snapshot_nugget(copy, snap_nugget, [])
    assert copy.questions == [MATCH, SHORT]


def test_an_incomplete_question_is_refused_in_the_users_language_and_nothing_saved(call, workspace):
    base = BASE.format(slug=workspace.slug)
    created = call("POST", base, json={"title": "Quiz", "questions": [SHORT]}).json
    two_rows = {**MATCH, "answers": MATCH["answers"][:2]}
    refused = call(
        "PATCH",
        f"{base}/{created['id']}",
        json={"lock_version": created["lock_version"], "questions": [SHORT, two_rows]},
        headers={"Accept-Language": "de"},
    )
    assert refused.status_code == 422
    assert refused.json["errors"] == {"questions.1": "too_few_pairs"}
    assert "mindestens zwei Elemente" in refused.json["messages"]["questions.1"]
    english = call(
        "POST",
        base,
        json={"title": "Leer", "questions": [{**SHORT, "answers": []}]},
        headers={"Accept-Language": "en"},
    )
    assert english.status_code == 422
    assert english.json["messages"]["questions.0"] == (
        "A short-answer question needs at least one accepted answer."
    )
    db.session.expire_all()
    assert db.session.get(Nugget, created["id"]).questions == [SHORT]
    assert db.session.query(Nugget).filter_by(title="Leer").count() == 0
    assert call("GET", f"{base}/{created['id']}").json["questions"] == [SHORT]


def test_a_match_on_another_kind_is_refused(call, workspace):
    base = BASE.format(slug=workspace.slug)
    single = {
        "kind": "single",
        "text": "Was?",
        "answers": [
            {"text": "A", "correct": True, "match": "x"},
            {"text": "B", "correct": False},
        ],
    }
    refused = call("POST", base, json={"title": "Quiz", "questions": [single]})
    assert refused.status_code == 422
    assert refused.json["errors"] == {"questions.0": "match_not_allowed"}
