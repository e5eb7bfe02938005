"""Labels of the Word and Excel documents, in German and English.

Shared by the exporters (which write them) and the plan importers (which read them back),
so that a file Kurswerk wrote is always recognised when it comes back.
"""

from __future__ import annotations

from typing import Final

Pair = tuple[str, str]

GROBKONZEPT_LABELS: Final[dict[str, Pair]] = {
    "target_group": ("Zielgruppe", "Target group"),
    "initial_situation": ("Ausgangslage und Bedarf", "Initial situation and need"),
    "prerequisites": ("Voraussetzungen", "Prerequisites"),
    "planned_workload_minutes": ("Geplanter Aufwand (Minuten)", "Planned workload (minutes)"),
    "participants_min": ("Teilnehmende mindestens", "Participants at least"),
    "participants_max": ("Teilnehmende höchstens", "Participants at most"),
    "start_date": ("Beginn", "Start date"),
    "end_date": ("Ende", "End date"),
    "format_summary": ("Format", "Format"),
    "didactic_approach": ("Didaktischer Ansatz", "Didactic approach"),
    "assessment_concept": ("Prüfungskonzept", "Assessment concept"),
    "framework_conditions": ("Rahmenbedingungen", "Framework conditions"),
    "evaluation_plan": ("Evaluation", "Evaluation plan"),
    "offer_description": ("Angebotsbeschreibung", "Offer description"),
}

# Columns of the Excel Verlaufsplan, in sheet order; the keys are importer field names.
PLAN_COLUMNS: Final[dict[str, Pair]] = {
    "module": ("Modul", "Module"),
    "title": ("Titel", "Title"),
    "summary": ("Kurzbeschreibung", "Summary"),
    "learning_type": ("Lerntyp", "Learning type"),
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
