"""Matching and short-answer questions through the API: documented, stored with their
pairs, read back the same, and refused whole (nothing saved) when incomplete."""

from __future__ import annotations

from designer.core.snapshot import DesignSnapshot
from designer.extensions import db
from designer.models import Nugget, NuggetRevision
from designer.queries.nugget_data import apply_snapshot_nugget, revision_data, to_snapshot_nugget
from tests.quality.builders import findings

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


def test_an_incomplete_question_is_kept_as_sent_and_named_by_the_quality_check(call, workspace):
    """As for the other kinds, the API takes what its schema allows (schema-valid input is
    accepted); the editor refuses incomplete questions, the quality rule names them."""
    base = BASE.format(slug=workspace.slug)
    two_rows = {**MATCH, "answers": MATCH["answers"][:2]}
    body = {"title": "Quiz", "activity_kind": "quiz", "questions": [two_rows]}
    created = call("POST", base, json=body)
    assert created.status_code == 201
    assert call("GET", f"{base}/{created.json['id']}").json["questions"] == [two_rows]
    data = revision_data(db.session.get(Nugget, created.json["id"]))
    snap = DesignSnapshot(title="Kurs", nuggets=(to_snapshot_nugget("N1", data, ()),))
    (issue,) = findings(snap, "activity.quiz_questions")
    assert "weniger als zwei Paare oder drei Antworten" in issue.message_de


def test_a_match_on_another_kind_is_not_kept(call, workspace):
    base = BASE.format(slug=workspace.slug)
    single = {
        "kind": "single",
        "text": "Was?",
        "answers": [
            {"text": "A", "correct": True, "match": "x"},
            {"text": "B", "correct": False},
        ],
    }
    created = call("POST", base, json={"title": "Quiz", "questions": [single]})
    assert created.status_code == 201
    stored = call("GET", f"{base}/{created.json['id']}").json["questions"][0]["answers"]
    assert stored == [
        {"text": "A", "correct": True, "feedback": ""},
        {"text": "B", "correct": False, "feedback": ""},
    ]
