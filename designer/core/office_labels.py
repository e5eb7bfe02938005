"""Labels of the Word and Excel documents, in German and English.

Shared by the exporters (which write them) and the plan importers (which read them back),
so that a file Kurswerk wrote is always recognised when it comes back.
"""

from __future__ import annotations

from typing import Final

from designer.core.fields import GROBKONZEPT, GROBKONZEPT_DOCUMENT_ORDER
from designer.core.texts import translate

Pair = tuple[str, str]

# Labels from the one table (`designer.core.fields`), German from the one catalogue.
GROBKONZEPT_LABELS: Final[dict[str, Pair]] = {
    name: (translate(GROBKONZEPT[name].label, "de"), GROBKONZEPT[name].label)
    for name in GROBKONZEPT_DOCUMENT_ORDER
}

# Columns of the Excel Verlaufsplan, in sheet order; the keys are importer field names.
PLAN_COLUMNS: Final[dict[str, Pair]] = {
    "module": ("Modul", "Module"),
    "title": ("Titel", "Title"),
    "summary": ("Kurzbeschreibung", "Summary"),
    "learning_type": ("Lernform", "Learning type"),
    "delivery_mode": ("Durchführungsform", "Delivery mode"),
    "social_form": ("Sozialform", "Social form"),
    "method": ("Methode", "Method"),
    "duration": ("Minuten", "Minutes"),
    "media": ("Medien/Material", "Media/material"),
    "assessment": ("Lernerfolgskontrolle", "Assessment"),
    "activity_kind": ("Aktivitätstyp", "Activity kind"),
    "objectives": ("Lernziele", "Objectives"),
    "rationale": ("Begründung", "Rationale"),
    "license": ("Lizenz", "Licence"),
    "attribution": ("Namensnennung", "Attribution"),
    "tags": ("Schlagwörter", "Tags"),
    "url": ("Link", "Link"),
}

# The Word Feinkonzept's column of notes for authors (never a column of the Excel plan).
AUTHOR_NOTE: Final[Pair] = ("Hinweis für Autor*innen", "Note for authors")

TEXTS: Final[dict[str, Pair]] = {
    "title": ("Titel", "Title"),
    "language": ("Sprache", "Language"),
    "key": ("Schlüssel", "Key"),
    "objective": ("Lernziel", "Objective"),
    "bloom": ("Bloom-Stufe", "Bloom level"),
    "description": ("Beschreibung", "Description"),
    "date": ("Datum", "Date"),
    "start": ("Beginn", "Start"),
    "end": ("Ende", "End"),
    "place": ("Ort", "Place"),
    "total": ("Summe", "Total"),
    "sheet_plan": ("Verlaufsplan", "Lesson plan"),
    "sheet_grobkonzept": ("Grobkonzept", "Course outline"),
    "sheet_modules": ("Module", "Modules"),
}


def pick(pair: Pair, language: str) -> str:
    """The English half of a label pair for "en", the German half otherwise."""
    return pair[1] if language == "en" else pair[0]


def text(key: str, language: str) -> str:
    return pick(TEXTS[key], language)
