"""Bloom's six levels of learning objectives: verb suggestions and vague verbs (de/en).

A learning objective should name behaviour someone can observe ("erläutern", "plan").
Verbs like "verstehen" or "know" describe an inner state nobody can check, so the
objectives editor warns about them as you type (static/js/objectives.js reads the lists
below through a JSON block) and again when the objective is saved.
"""

from __future__ import annotations

import re
from typing import Final

from designer.core.vocab import BLOOM_LEVELS

# Suggested observable verbs per level, in the infinitive used in objectives
# ("Die Teilnehmenden erläutern …" / "Participants explain …").
VERBS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "remember": {
        "de": ("nennen", "aufzählen", "wiedergeben", "benennen", "auflisten"),
        "en": ("name", "list", "recall", "state", "identify"),
    },
    "understand": {
        "de": ("erläutern", "beschreiben", "zusammenfassen", "erklären", "einordnen"),
        "en": ("explain", "describe", "summarise", "classify", "paraphrase"),
    },
    "apply": {
        "de": ("anwenden", "durchführen", "einrichten", "berechnen", "umsetzen"),
        "en": ("apply", "carry out", "set up", "calculate", "use"),
    },
    "analyze": {
        "de": ("analysieren", "vergleichen", "unterscheiden", "untersuchen", "gliedern"),
        "en": ("analyse", "compare", "distinguish", "examine", "break down"),
    },
    "evaluate": {
        "de": ("beurteilen", "bewerten", "begründen", "auswählen", "prüfen"),
        "en": ("assess", "judge", "justify", "select", "critique"),
    },
    "create": {
        "de": ("entwickeln", "gestalten", "erstellen", "planen", "entwerfen"),
        "en": ("develop", "design", "produce", "plan", "compose"),
    },
}

# Verbs (and short phrases) that name no observable behaviour, with common inflections.
VAGUE_VERBS: Final[dict[str, tuple[str, ...]]] = {
    "de": (
        "verstehen",
        "versteht",
        "verstanden",
        "kennen",
        "kennt",
        "kennenlernen",
        "lernen kennen",
        "wissen",
        "weiß",
        "begreifen",
        "begreift",
        "erfahren",
        "erfährt",
        "vertraut sein",
        "sind vertraut",
        "ist vertraut",
        "bewusst sein",
        "sich bewusst",
        "Bescheid wissen",
        "verinnerlichen",
    ),
    "en": (
        "understand",
        "understands",
        "know",
        "knows",
        "learn about",
        "learns about",
        "be aware of",
        "are aware of",
        "is aware of",
        "be familiar with",
        "are familiar with",
        "is familiar with",
        "appreciate",
        "appreciates",
        "grasp",
        "grasps",
        "get to know",
        "become acquainted with",
    ),
}


def verbs_for(level: str, language: str) -> tuple[str, ...]:
    """Suggested verbs of a Bloom level in `language` (German for anything but "en")."""
    return VERBS[level]["en" if language == "en" else "de"]


def _pattern(phrase: str) -> re.Pattern[str]:
    words = r"\s+".join(re.escape(w) for w in phrase.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", re.IGNORECASE)


_PATTERNS: Final = {
    lang: [(phrase, _pattern(phrase)) for phrase in phrases]
    for lang, phrases in VAGUE_VERBS.items()
}


def vague_verbs(text: str) -> list[str]:
    """The vague verbs `text` uses, in both languages, longest phrase first, each once."""
    found: list[str] = []
    for patterns in _PATTERNS.values():
        for phrase, pattern in sorted(patterns, key=lambda item: -len(item[0])):
            if pattern.search(text) and not any(phrase.lower() in f.lower() for f in found):
                found.append(phrase)
    return found


def client_data() -> dict[str, object]:
    """What the objectives editor's script needs: vague verbs and verbs per level."""
    return {
        "vague": {lang: list(phrases) for lang, phrases in VAGUE_VERBS.items()},
        "levels": {level: {k: list(v) for k, v in VERBS[level].items()} for level in BLOOM_LEVELS},
    }
