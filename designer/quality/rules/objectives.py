"""Rules on learning objectives and constructive alignment."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from designer.core.snapshot import DesignSnapshot, Nugget
from designer.core.vocab import ACTIVITY_KINDS
from designer.quality.definitions import Param, rule
from designer.quality.findings import Issue
from designer.quality.text import marked, mentions, quote


@rule(
    "objective.no_nugget",
    severity="error",
    category="objectives",
    title_de="Lernziel ohne Lernnugget",
    title_en="Objective without a nugget",
)
def no_nugget(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    linked = {key for placed in snap.placed() for key in placed.objectives}
    for objective in snap.objectives:
        if objective.key not in linked:
            yield Issue(
                "objective",
                objective.key,
                f"Das Lernziel {quote(objective.text, 'de')} ist mit keinem Lernnugget "
                "verknüpft. Verknüpfen Sie es mit einer Lernaktivität, die darauf hinführt, "
                "oder streichen Sie es.",
                f"The objective {quote(objective.text, 'en')} is linked to no nugget. Link "
                "it to a learning activity that leads to it, or remove it.",
            )


@rule(
    "objective.not_assessed",
    severity="warning",
    category="objectives",
    title_de="Lernziel wird nicht überprüft",
    title_en="Objective is not assessed",
)
def not_assessed(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """Constructive alignment: some nugget linked to the objective must check it. An
    objective linked to no nugget at all is reported by `objective.no_nugget` instead."""
    linked: set[str] = set()
    assessed: set[str] = set()
    for placed in snap.placed():
        linked.update(placed.objectives)
        if placed.nugget.assessment != "none":
            assessed.update(placed.objectives)
    for objective in snap.objectives:
        if objective.key in linked and objective.key not in assessed:
            yield Issue(
                "objective",
                objective.key,
                f"Das Lernziel {quote(objective.text, 'de')} wird von keinem verknüpften "
                "Nugget überprüft. Ergänzen Sie eine Übung, einen Test oder eine Aufgabe mit "
                "Rückmeldung (Leistungsnachweis: formativ oder summativ).",
                f"No linked nugget assesses the objective {quote(objective.text, 'en')}. Add "
                "an exercise, quiz or assignment with feedback (assessment: formative or "
                "summative).",
            )


def is_organisational(nugget: Nugget, params: Mapping[str, Any]) -> bool:
    """A welcome, a break or a text block needs no learning objective."""
    if nugget.activity_kind in params["organisational_kinds"]:
        return True
    return marked(nugget.title, nugget.tags, params["organisational_terms"])


@rule(
    "objective.nugget_unlinked",
    severity="warning",
    category="objectives",
    title_de="Lernnugget ohne Lernziel",
    title_en="Nugget without an objective",
    params=(
        Param(
            "organisational_kinds",
            ("label",),
            "Aktivitätsarten, die kein Lernziel brauchen",
            "Activity kinds that need no objective",
            ACTIVITY_KINDS,
        ),
        Param(
            "organisational_terms",
            (
                "Begrüßung",
                "Willkommen",
                "Kennenlernen",
                "Vorstellungsrunde",
                "Organisatorisches",
                "Pause",
                "Welcome",
                "Introductions",
                "Getting to know",
                "Icebreaker",
                "Break",
            ),
            "Wörter in Titel oder Schlagwort, die ein organisatorisches Nugget erkennen lassen",
            "Words in the title or a tag that mark an organisational nugget",
        ),
    ),
)
def nugget_unlinked(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    reported: set[str] = set()
    for placed in snap.placed():
        nugget = placed.nugget
        if placed.objectives or nugget.key in reported or is_organisational(nugget, params):
            continue
        reported.add(nugget.key)
        yield Issue(
            "nugget",
            nugget.key,
            f"Das Nugget {quote(nugget.title, 'de')} im Modul {quote(placed.module.title, 'de')} "
            "ist mit keinem Lernziel verknüpft. Verknüpfen Sie es mit dem Lernziel, dem es "
            "dient, oder prüfen Sie, ob es nötig ist.",
            f"The nugget {quote(nugget.title, 'en')} in module "
            f"{quote(placed.module.title, 'en')} is linked to no objective. Link it to the "
            "objective it serves, or check whether it is needed.",
        )


@rule(
    "objective.vague_verb",
    severity="warning",
    category="objectives",
    title_de="Lernziel mit unscharfem Verb",
    title_en="Objective with a vague verb",
    params=(
        Param(
            "vague_terms_de",
            (
                "verstehen",
                "versteht",
                "kennen",
                "kennt",
                "kennenlernen",
                "wissen",
                "weiß",
                "begreifen",
                "sich bewusst",
                "bewusst sein",
                "vertraut",
                "Überblick",
                "Einblick",
            ),
            "Unscharfe Verben und Wendungen (deutsche Kurse)",
            "Vague verbs and phrases (German courses)",
        ),
        Param(
            "vague_terms_en",
            (
                "understand",
                "understands",
                "know",
                "knows",
                "learn about",
                "be aware",
                "become aware",
                "be familiar",
                "become familiar",
                "appreciate",
                "grasp",
                "get to know",
                "overview",
                "insight",
            ),
            "Unscharfe Verben und Wendungen (englische Kurse)",
            "Vague verbs and phrases (English courses)",
        ),
    ),
)
def vague_verb(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    """Checks the terms of the design's language: objectives are written in it."""
    terms = params["vague_terms_en" if snap.language == "en" else "vague_terms_de"]
    for objective in snap.objectives:
        term = mentions(objective.text, terms)
        if term is None:
            continue
        yield Issue(
            "objective",
            objective.key,
            f"Das Lernziel {quote(objective.text, 'de')} nutzt {quote(term, 'de')}; das lässt "
            "sich nicht beobachten. Beschreiben Sie, was die Teilnehmenden danach tun können, "
            "z. B. „erklären“, „anwenden“, „vergleichen“, „entwerfen“.",
            f"The objective {quote(objective.text, 'en')} uses {quote(term, 'en')}, which "
            "cannot be observed. Say what learners can do afterwards, e.g. “explain”, "
            "“apply”, “compare”, “design”.",
        )


@rule(
    "objective.no_bloom",
    severity="warning",
    category="objectives",
    title_de="Lernziel ohne Lernzielstufe",
    title_en="Objective without a Bloom level",
)
def no_bloom(snap: DesignSnapshot, params: Mapping[str, Any]) -> Iterator[Issue]:
    for objective in snap.objectives:
        if not objective.bloom_level:
            yield Issue(
                "objective",
                objective.key,
                f"Für das Lernziel {quote(objective.text, 'de')} ist keine Lernzielstufe "
                "(Bloom) angegeben. Wählen Sie die Stufe, damit Methoden und Prüfung dazu "
                "passen.",
                f"The objective {quote(objective.text, 'en')} has no Bloom level. Choose one "
                "so that methods and assessment can match it.",
            )


RULES = (no_nugget, not_assessed, nugget_unlinked, vague_verb, no_bloom)
