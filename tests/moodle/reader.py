"""Reads a .mbz back for the tests: entries in archive order, parsed XML."""

from __future__ import annotations

import io
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from designer.core.assets import DirectoryAssets
from designer.core.snapshot import DesignSnapshot, from_dict
from designer.export.moodle.writer import write_backup
from tests.paths import EXAMPLE_FILES, EXAMPLE_JSON

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REFERENCE = FIXTURES / "moodle45-reference-course.mbz"
MINIMAL = FIXTURES / "moodle45-minimal-course.mbz"
NOW = 1795271734


@dataclass
class Backup:
    raw: bytes
    members: list[tarfile.TarInfo]
    data: dict[str, bytes]

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.members]

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.data[name])

    def files(self) -> set[str]:
        return {m.name for m in self.members if m.isfile()}


def read(raw: bytes) -> Backup:
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as tar:
        members = tar.getmembers()
        data = {m.name: tar.extractfile(m).read() for m in members if m.isfile()}
    return Backup(raw, members, data)


def export(snap: DesignSnapshot) -> Backup:
    out = io.BytesIO()
    write_backup(snap, out, DirectoryAssets(EXAMPLE_FILES), now=NOW)
    return read(out.getvalue())


def example_dict() -> dict:
    return json.loads(EXAMPLE_JSON.read_bytes())


def every_kind_dict() -> dict:
    """The example plus a file, a text label, a scheduled assignment and a scheduled
    module, so that every activity kind and every date path is exported."""
    doc = example_dict()
    design = doc["design"]
    design["nuggets"] += [
        {
            "key": "N12",
            "title": "Persona-Vorlage",
            "summary": "Die Vorlage zum Ausdrucken.",
            "activity_kind": "file",
            "assets": ["A2"],
        },
        {
            "key": "N13",
            "title": "Hinweis zur Abgabe",
            "content_html": "<p>Bitte laden Sie Ihre Arbeiten bis Freitag hoch.</p>",
            "activity_kind": "label",
        },
        {
            "key": "N14",
            "title": "Transferbericht",
            "summary": "Kurzer Bericht über den Einsatz im Betrieb.",
            "content_html": "<p>Beschreiben Sie auf einer Seite, wie Ihr Kurs ankam.</p>",
            "activity_kind": "assignment",
            "assessment": "summative",
            "schedule": {"date": "2027-03-19", "end": "18:00"},
        },
        {
            "key": "N15",
            "title": "Sprechstunde",
            "summary": "Offene Fragen zum Praxisprojekt.",
            "activity_kind": "live_session",
            "delivery_mode": "live_online",
            "social_form": "group",
            "method": "Beratung",
            "duration_minutes": 45,
            "schedule": {
                "date": "2027-03-05",
                "start": "16:00",
                "end": "16:45",
                "place": "https://meet.example/sprechstunde",
            },
        },
    ]
    modules = design["modules"]
    modules[0]["placements"].insert(1, {"nugget": "N12", "objectives": []})
    modules[2]["placements"].append({"nugget": "N15", "objectives": []})
    modules[3]["placements"][1:1] = [
        {"nugget": "N13", "objectives": []},
        {"nugget": "N14", "objectives": ["O4"]},
    ]
    modules[2]["schedule"] = {"date": "2027-03-12", "start": "09:00", "end": "17:00"}
    return doc


def snapshot(doc: dict) -> DesignSnapshot:
    return from_dict(doc)
