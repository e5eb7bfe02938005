"""Exporting designs for the SCORM tests and reading the packages back."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

from lxml import etree

from designer.core.assets import DirectoryAssets
from designer.core.snapshot import Answer, DesignSnapshot, Question, from_json
from designer.export.formats import get_format
from designer.export.registry import ExportContext
from designer.export.scorm.validate import MANIFEST
from tests.paths import EXAMPLE_FILES, EXAMPLE_JSON

VERSIONS = ("scorm12", "scorm2004")


def example() -> DesignSnapshot:
    return from_json(EXAMPLE_JSON.read_bytes())


def without_online(snap: DesignSnapshot) -> DesignSnapshot:
    """The example with every nugget on site or live: no SCO besides the start page."""
    nuggets = tuple(
        dataclasses.replace(n, delivery_mode="on_site" if i % 2 else "live_online")
        for i, n in enumerate(snap.nuggets)
    )
    return dataclasses.replace(snap, nuggets=nuggets)


SECOND_QUIZ = "Kursraum einrichten"


def with_second_quiz(snap: DesignSnapshot) -> DesignSnapshot:
    """The example whose page "Kursraum einrichten" (N9) is a quiz with a matching and a
    short-answer question, passed at 50 % by its own pass mark."""
    match = Question(
        "match",
        "Ordnen Sie jeder Aktivität ihren Zweck zu.",
        (
            Answer("Forum", False, match="Austausch"),
            Answer("Test", False, match="Wissen prüfen"),
            Answer("Aufgabe", False, match="Abgabe"),
            Answer("", False, match="Live-Chat"),
        ),
    )
    short = Question(
        "shortanswer",
        "Wie heißt die Lernplattform, die der Kurs nutzt?",
        (Answer("Moodle", True, "Genau: Moodle."), Answer("Moodle 4.5", True)),
        feedback="Der Kurs läuft in Moodle.",
    )
    n9 = dataclasses.replace(
        snap.nugget("N9"), activity_kind="quiz", questions=(match, short), pass_mark_percent=50
    )
    nuggets = tuple(n9 if n.key == "N9" else n for n in snap.nuggets)
    return dataclasses.replace(snap, nuggets=nuggets)


def export(
    snap: DesignSnapshot,
    key: str,
    options: dict[str, str] | None = None,
    files: Path = EXAMPLE_FILES,
) -> bytes:
    out = io.BytesIO()
    fmt = get_format(key)
    fmt.write(snap, out, ExportContext(DirectoryAssets(files), fmt.read_options(options or {})))
    return out.getvalue()


def open_zip(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def manifest(data: bytes) -> etree._Element:
    return etree.fromstring(open_zip(data).read(MANIFEST))


def ns(root: etree._Element) -> dict[str, str]:
    return {"cp": etree.QName(root).namespace}


def launch_hrefs(data: bytes) -> dict[str, str]:
    """Item title → launch file, resolved the way an LMS does (item → resource href)."""
    root = manifest(data)
    n = ns(root)
    hrefs = {r.get("identifier"): r.get("href") for r in root.iterfind(".//cp:resource", n)}
    return {
        item.findtext("cp:title", namespaces=n): hrefs[item.get("identifierref")]
        for item in root.iterfind(".//cp:item[@identifierref]", n)
    }


def scorm_types(data: bytes) -> dict[str, str]:
    """Resource identifier → sco | asset."""
    root = manifest(data)
    out = {}
    for resource in root.iterfind(".//cp:resource", ns(root)):
        kind = [v for k, v in resource.attrib.items() if k.lower().endswith("}scormtype")]
        out[resource.get("identifier")] = kind[0]
    return out


def mastery_by_title(data: bytes) -> dict[str, str]:
    """Item title → pass mark from the manifest (1.2 masteryscore, 2004 minNormalizedMeasure)."""
    root = manifest(data)
    n = ns(root)
    out = {}
    for item in root.iterfind(".//cp:item[@identifierref]", n):
        value = item.findtext("{*}masteryscore") or item.findtext(".//{*}minNormalizedMeasure")
        if value:
            out[item.findtext("cp:title", namespaces=n)] = value
    return out
