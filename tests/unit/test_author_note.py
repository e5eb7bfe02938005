"""The note for authors: kept in the snapshot and its JSON, shown in the Feinkonzept,
absent from everything a learner gets (searched byte by byte in the unpacked files)."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from dataclasses import replace

import pytest
from docx import Document

from designer.core import snapshot as s
from designer.core.assets import DirectoryAssets
from designer.core.didactic_templates import BLENDED, template_snapshot
from designer.core.fields import AUTHOR_NOTE, AUTHOR_NOTE_LENGTH
from designer.core.revision_diff import FieldChange, describe, diff
from designer.export.formats import get_format
from designer.export.registry import ExportContext
from designer.importers.plan_table import guess_field
from designer.importers.plans import read_plan
from designer.quality import check
from tests.paths import EXAMPLE_FILES, EXAMPLE_JSON

MARKER = "AN-MARKER-7f3a"
EVERY_MODE = "on_site,live_online,self_paced_online,at_workplace"
# Every export a learner (or a course's buyer) gets, with the options that export the most.
LEARNER_EXPORTS = [
    *(
        (version, {"packaging": packaging, "content_modes": EVERY_MODE})
        for version in ("scorm12", "scorm2004")
        for packaging in ("per_nugget", "single")
    ),
    ("moodle", {}),
    ("xlsx", {}),
    ("docx", {"document": "offer"}),
    ("docx", {"document": "grobkonzept"}),
]


def example() -> s.DesignSnapshot:
    return s.from_json(EXAMPLE_JSON.read_bytes())


def with_notes(snap: s.DesignSnapshot) -> s.DesignSnapshot:
    """Every nugget gets a note holding the marker (and a line break, as notes do)."""
    nuggets = tuple(
        replace(n, author_note=f"{MARKER} {n.key}\nFünf Fragen anlegen.") for n in snap.nuggets
    )
    return replace(snap, nuggets=nuggets)


def export(snap: s.DesignSnapshot, key: str, options: dict[str, str]) -> bytes:
    out = io.BytesIO()
    fmt = get_format(key)
    fmt.write(snap, out, ExportContext(DirectoryAssets(EXAMPLE_FILES), fmt.read_options(options)))
    return out.getvalue()


def unpacked(data: bytes) -> dict[str, bytes]:
    """The file itself and every member of it, unpacked (zip, or a gzipped tar)."""
    files = {"(file)": data}
    if zipfile.is_zipfile(io.BytesIO(data)):
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            files.update({name: zf.read(name) for name in zf.namelist()})
    elif data[:2] == b"\x1f\x8b":
        files["(gunzipped)"] = gzip.decompress(data)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
            members = [m for m in tar.getmembers() if m.isfile()]
            files.update({m.name: tar.extractfile(m).read() for m in members})
    return files


def holding(data: bytes, needle: str) -> list[str]:
    return [name for name, body in unpacked(data).items() if needle.encode() in body]


@pytest.fixture(scope="module")
def noted() -> s.DesignSnapshot:
    return with_notes(example())


# --------------------------------------------------------------------------- snapshot


def test_the_note_round_trips_through_the_interchange_format(noted):
    text = s.to_json(noted)
    assert s.from_json(text) == noted
    stored = json.loads(text)["design"]["nuggets"][0]
    assert stored["author_note"] == f"{MARKER} N1\nFünf Fragen anlegen."


def test_documents_without_the_field_still_read_and_an_empty_note_is_left_out():
    snap = example()
    assert all(n.author_note == "" for n in snap.nuggets)
    assert "author_note" not in json.loads(EXAMPLE_JSON.read_bytes())["design"]["nuggets"][0]
    assert "author_note" not in s.to_json(snap)
    assert s.snapshot_hash(s.from_json(s.to_json(snap))) == s.snapshot_hash(snap)


def test_the_reader_refuses_a_note_too_long_or_not_text():
    data = json.loads(EXAMPLE_JSON.read_bytes())
    data["design"]["nuggets"][0]["author_note"] = "x" * (AUTHOR_NOTE_LENGTH + 1)
    data["design"]["nuggets"][1]["author_note"] = ["not", "text"]
    with pytest.raises(s.FormatError) as refused:
        s.from_dict(data)
    assert refused.value.problems == [
        f"design.json: design.nuggets[0].author_note: must be at most {AUTHOR_NOTE_LENGTH} "
        f"characters, not {AUTHOR_NOTE_LENGTH + 1}",
        "design.json: design.nuggets[1].author_note: must be text",
    ]
    data["design"]["nuggets"][0]["author_note"] = "x" * AUTHOR_NOTE_LENGTH
    del data["design"]["nuggets"][1]["author_note"]
    assert s.from_dict(data).nuggets[0].author_note == "x" * AUTHOR_NOTE_LENGTH


def test_the_revision_diff_names_the_note_in_both_languages():
    old = example()
    new = replace(old, nuggets=(replace(old.nuggets[0], author_note="Neu"), *old.nuggets[1:]))
    (change,) = diff(old, new).nuggets
    assert change.changes == (FieldChange("author_note", "", "Neu"),)
    assert describe(change.changes[0], "de") == "Hinweis für Autor*innen: geändert"
    assert describe(change.changes[0], "en") == "Note for authors: changed"


def test_quality_rules_do_not_ask_for_a_note(noted):
    template = template_snapshot(BLENDED, "de", "Kurs")
    for snap in (example(), template):
        assert any(n.author_note for n in snap.nuggets) == (snap is template)
        without = replace(snap, nuggets=tuple(replace(n, author_note="") for n in snap.nuggets))
        assert check(without) == check(snap)
    assert check(noted) == check(example())


# --------------------------------------------------------------------------- exports


@pytest.mark.parametrize(("key", "options"), LEARNER_EXPORTS, ids=lambda v: str(v))
def test_no_learner_facing_export_carries_the_note(noted, key, options):
    data = export(noted, key, options)
    assert holding(data, MARKER) == []
    # The search looks in the right place: the same files carry the design's title.
    assert holding(data, noted.title)


def test_template_instructions_reach_no_learner(noted):
    snap = template_snapshot(BLENDED, "de", "Blended")
    instruction = "Legen Sie fünf Fragen an"
    assert any(instruction in n.author_note for n in snap.nuggets)
    for key, options in LEARNER_EXPORTS:
        assert holding(export(snap, key, options), instruction) == [], (key, options)


@pytest.mark.parametrize("key", ["json", "kurswerk"])
def test_the_interchange_exports_keep_the_note(noted, key):
    data = export(noted, key, {})
    text = data if key == "json" else zipfile.ZipFile(io.BytesIO(data)).read("design.json")
    assert s.from_json(text) == noted


def test_the_feinkonzept_shows_the_note_in_its_own_column_not_in_the_activity(noted):
    doc = Document(io.BytesIO(export(noted, "docx", {"document": "feinkonzept"})))
    plans = [t for t in doc.tables if t.rows[0].cells[0].text == "Zeit"]
    assert plans
    seen = []
    for plan in plans:
        header = [c.text for c in plan.rows[0].cells]
        note, activity = (
            header.index("Hinweis für Autor*innen"),
            header.index("Aktivität (Trainer / Teilnehmende)"),
        )
        for row in plan.rows[1:]:
            cells = [c.text for c in row.cells]
            assert MARKER not in cells[activity]
            seen.append(cells[note])
    placed = [p.nugget for p in noted.placed()]
    assert seen == [n.author_note for n in placed]


def test_the_english_feinkonzept_labels_the_column_for_authors(noted):
    english = replace(noted, language="en")
    doc = Document(io.BytesIO(export(english, "docx", {"document": "feinkonzept"})))
    headers = {c.text for t in doc.tables for c in t.rows[0].cells}
    assert "Note for authors" in headers


def test_a_feinkonzept_read_back_as_a_plan_returns_the_notes_as_notes(noted, tmp_path):
    path = tmp_path / "feinkonzept.docx"
    path.write_bytes(export(noted, "docx", {"document": "feinkonzept"}))
    snap = read_plan(path).snapshot
    placed = [p.nugget for p in noted.placed()]
    assert [n.author_note for n in snap.nuggets] == [n.author_note for n in placed]
    assert [n.rationale for n in snap.nuggets] == [n.rationale for n in placed]
    assert all(MARKER not in n.summary for n in snap.nuggets)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Hinweis für Autor*innen", "author_note"),
        ("Note for authors", "author_note"),
        ("Autorenhinweis", "author_note"),
        ("Hinweise", "rationale"),
        ("Kommentar (Begründung)", "rationale"),
    ],
)
def test_plan_headers_for_author_notes(header, field):
    assert guess_field(header) == field


def test_the_note_is_plain_text_with_plain_line_ends():
    assert AUTHOR_NOTE.clean("  Erst dies.\r\nDann das.\rZuletzt.  ") == (
        "Erst dies.\nDann das.\nZuletzt."
    )
    assert AUTHOR_NOTE.clean("<b>bleibt</b>") == "<b>bleibt</b>"  # text, escaped where shown
    assert AUTHOR_NOTE.clean(None) == ""
