"""A .kurswerk bundle carries matching and short-answer questions there and back: the
imported design holds them as written, its editor and its next export show them."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace

from designer.core.assets import DirectoryAssets
from designer.core.snapshot import Answer, Question, from_json
from designer.export.formats import get_format
from designer.export.registry import ExportContext
from designer.extensions import db
from designer.models import Nugget, Placement
from designer.queries.read_model import snapshot
from designer.services.importing import import_path
from tests.paths import EXAMPLE_FILES, EXAMPLE_JSON

MATCH = Question(
    "match",
    "Ordnen Sie zu.",
    (
        Answer("Hund", False, match="bellt"),
        Answer("Katze", False, match="miaut"),
        Answer("", False, match="quakt"),
    ),
)
SHORT = Question("shortanswer", "Hauptstadt?", (Answer("Paris", True, "Genau."),))


def _bundle(snap, path):
    fmt = get_format("kurswerk")
    with path.open("wb") as out:
        fmt.write(snap, out, ExportContext(DirectoryAssets(EXAMPLE_FILES), fmt.read_options({})))
    return path


def test_a_bundle_round_trips_the_new_kinds(app, client, login, workspace, tmp_path, make_user):
    example = from_json(EXAMPLE_JSON.read_bytes())
    nuggets = tuple(
        replace(n, questions=(*n.questions, MATCH, SHORT)) if n.key == "N5" else n
        for n in example.nuggets
    )
    source = replace(example, nuggets=nuggets)
    path = _bundle(source, tmp_path / "kurs.kurswerk")
    design, warnings = import_path(None, workspace, path, app.extensions["file_store"], None)
    db.session.commit()
    assert warnings == []

    imported = snapshot(design)
    quiz = next(n for n in imported.nuggets if n.title == source.nugget("N5").title)
    assert quiz.questions[-2:] == (MATCH, SHORT)

    again = _bundle(imported, tmp_path / "wieder.kurswerk")
    with zipfile.ZipFile(again) as zf:
        written = json.loads(zf.read("design.json"))
    stored = next(n for n in written["design"]["nuggets"] if n["title"] == quiz.title)
    assert stored["questions"][-2]["answers"][2] == {"text": "", "match": "quakt", "correct": False}

    login(make_user("autorin@example.org", workspace=workspace, role="designer"))
    nugget = db.session.query(Nugget).filter_by(workspace_id=workspace.id, title=quiz.title).one()
    placement = (
        db.session.query(Placement).filter_by(design_id=design.id, nugget_id=nugget.id).one()
    )
    page = client.get(f"/designs/{design.id}/nuggets/{placement.id}/edit").get_data(as_text=True)
    assert 'name="q-5-a-2-match" value="quakt"' in page  # after the example's five
    assert 'name="q-6-a-0-text" value="Paris"' in page
