"""Controlled vocabularies of a design, with labels in German and English.

Labels live here (not in the Babel catalogue) because exporters write documents in the
*design's* language, independent of the language of the person who clicks "export".
"""

from __future__ import annotations

from typing import Final

LEARNING_TYPES: Final = (
    "acquisition",
    "inquiry",
    "practice",
    "production",
    "discussion",
    "collaboration",
)
DELIVERY_MODES: Final = ("on_site", "live_online", "self_paced_online", "at_workplace")
SOCIAL_FORMS: Final = ("individual", "pair", "group", "plenary")
ASSESSMENTS: Final = ("none", "formative", "summative")
ACTIVITY_KINDS: Final = (
    "page",
    "quiz",
    "assignment",
    "forum",
    "url",
    "file",
    "live_session",
    "label",
)
BLOOM_LEVELS: Final = ("remember", "understand", "apply", "analyze", "evaluate", "create")
QUESTION_KINDS: Final = ("single", "multi", "truefalse", "match", "shortanswer")
LANGUAGES: Final = ("de", "en")

VOCABULARIES: Final[dict[str, tuple[str, ...]]] = {
    "learning_type": LEARNING_TYPES,
    "delivery_mode": DELIVERY_MODES,
    "social_form": SOCIAL_FORMS,
    "assessment": ASSESSMENTS,
    "activity_kind": ACTIVITY_KINDS,
    "bloom_level": BLOOM_LEVELS,
    "question_kind": QUESTION_KINDS,
    "language": LANGUAGES,
}

# Laurillard's six learning types, one fixed colour each (canvas, charts, Word).
LEARNING_TYPE_COLOURS: Final = {
    "acquisition": "#2F6DB5",
    "inquiry": "#E08A1E",
    "practice": "#7A4FB0",
    "production": "#2E8B57",
    "discussion": "#C0392B",
    "collaboration": "#C9A400",
}

_LABELS: Final[dict[str, dict[str, tuple[str, str]]]] = {
    "learning_type": {
        "acquisition": ("Aneignung", "Acquisition"),
        "inquiry": ("Recherche", "Inquiry"),
        "practice": ("Übung", "Practice"),
        "production": ("Produktion", "Production"),
        "discussion": ("Diskussion", "Discussion"),
        "collaboration": ("Zusammenarbeit", "Collaboration"),
    },
    "delivery_mode": {
        "on_site": ("Präsenz", "On site"),
        "live_online": ("Live online", "Live online"),
        "self_paced_online": ("Online im eigenen Tempo", "Self-paced online"),
        "at_workplace": ("Am Arbeitsplatz", "At the workplace"),
    },
    "social_form": {
        "individual": ("Einzelarbeit", "Individual work"),
        "pair": ("Partnerarbeit", "Pair work"),
        "group": ("Gruppenarbeit", "Group work"),
        "plenary": ("Plenum", "Plenary"),
    },
    "assessment": {
        "none": ("Keine", "None"),
        "formative": ("Formativ", "Formative"),
        "summative": ("Summativ", "Summative"),
    },
    "activity_kind": {
        "page": ("Seite", "Page"),
        "quiz": ("Test", "Quiz"),
        "assignment": ("Aufgabe", "Assignment"),
        "forum": ("Forum", "Forum"),
        "url": ("Link", "Link"),
        "file": ("Datei", "File"),
        "live_session": ("Live-Termin", "Live session"),
        "label": ("Textfeld", "Text block"),
    },
    "bloom_level": {
        "remember": ("Erinnern", "Remember"),
        "understand": ("Verstehen", "Understand"),
        "apply": ("Anwenden", "Apply"),
        "analyze": ("Analysieren", "Analyse"),
        "evaluate": ("Bewerten", "Evaluate"),
        "create": ("Erschaffen", "Create"),
    },
    "question_kind": {
        "single": ("Einfachauswahl", "Single choice"),
        "multi": ("Mehrfachauswahl", "Multiple choice"),
        "truefalse": ("Wahr/Falsch", "True/false"),
        "match": ("Zuordnung", "Matching"),
        "shortanswer": ("Kurzantwort", "Short answer"),
    },
    "language": {"de": ("Deutsch", "German"), "en": ("Englisch", "English")},
}


def label(vocabulary: str, value: str | None, language: str = "de") -> str:
    """The human label of `value` in `language`; the raw value when it is unknown."""
    if not value:
        return ""
    pair = _LABELS.get(vocabulary, {}).get(value)
    if pair is None:
        return value
    return pair[1] if language == "en" else pair[0]


def choices(vocabulary: str, language: str = "de") -> list[tuple[str, str]]:
    """(value, label) pairs of a vocabulary, for select boxes and validation lists."""
    return [(value, label(vocabulary, value, language)) for value in VOCABULARIES[vocabulary]]
