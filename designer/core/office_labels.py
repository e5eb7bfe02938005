"""Labels of the Word and Excel documents, in German and English.

Shared by the exporters (which write them) and the plan importers (which read them back),
so that a file Kurswerk wrote is always recognised when it comes back.
"""

from __future__ import annotations

from typing import Final

from designer.core.fields import GROBKONZEPT, GROBKONZEPT_DOCUMENT_ORDER, NUGGET_FIELDS
from designer.core.texts import translate

Pair = tuple[str, str]

# Labels from the one table (`designer.core.fields`), German from the one catalogue.
GROBKONZEPT_LABELS: Final[dict[str, Pair]] = {
    name: (translate(GROBKONZEPT[name].label, "de"), GROBKONZEPT[name].label)
    for name in GROBKONZEPT_DOCUMENT_ORDER
}


def nugget_pair(name: str, short: bool = False) -> Pair:
    """(German, English) label of a nugget field from the one table; `short` without the
    unit ("Dauer" rather than "Dauer (Minuten)")."""
    field = NUGGET_FIELDS[name]
    label = (short and field.short) or field.label
    return translate(label, "de"), label


# Columns of the Excel Verlaufsplan, in sheet order; the keys are importer field names.
PLAN_COLUMNS: Final[dict[str, Pair]] = {
    "module": ("Modul", "Module"),
    **{
        column: nugget_pair(field)
        for column, field in (
            ("title", "title"),
            ("summary", "summary"),
            ("learning_type", "learning_type"),
            ("delivery_mode", "delivery_mode"),
            ("social_form", "social_form"),
            ("method", "method"),
            ("duration", "duration_minutes"),
            ("media", "media"),
            ("assessment", "assessment"),
            ("activity_kind", "activity_kind"),
            ("objectives", "objectives"),
            ("rationale", "rationale"),
            ("license", "license"),
            ("attribution", "attribution"),
            ("tags", "tags"),
            ("url", "url"),
        )
    },
}

# The Word Feinkonzept's column of notes for authors (never a column of the Excel plan).
AUTHOR_NOTE: Final[Pair] = nugget_pair("author_note")

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
