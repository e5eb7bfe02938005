"""Texts on the exported pages, in the design's language (German or English)."""

from __future__ import annotations

from typing import Final

_TEXTS: Final[dict[str, tuple[str, str]]] = {
    "course": ("Kurs", "Course"),
    "untitled": ("Ohne Titel", "Untitled"),
    "overview": ("Überblick", "Overview"),
    "skip": ("Zum Inhalt springen", "Skip to content"),
    "contents": ("Inhalt", "Contents"),
    "objectives": ("Lernziele", "Learning objectives"),
    "workload": ("Arbeitsaufwand", "Workload"),
    "workload_total": ("Insgesamt", "In total"),
    "workload_planned": ("Geplant", "Planned"),
    "outline": ("Ablauf", "Course outline"),
    "target_group": ("Zielgruppe", "Target group"),
    "period": ("Zeitraum", "Period"),
    "prerequisites": ("Voraussetzungen", "Prerequisites"),
    "empty_course": (
        "Diesem Kurs sind noch keine Lerneinheiten zugeordnet.",
        "No learning units have been added to this course yet.",
    ),
    "start_done": ("Überblick gelesen", "I have read the overview"),
    "mark_done": ("Als erledigt markieren", "Mark as done"),
    "took_part": ("Ich habe teilgenommen", "I took part"),
    "done": ("Erledigt", "Done"),
    "date": ("Datum", "Date"),
    "time": ("Uhrzeit", "Time"),
    "place": ("Ort", "Place"),
    "when_open": ("wird noch bekannt gegeben", "to be announced"),
    "duration": ("Dauer", "Duration"),
    "delivery": ("Durchführung", "Delivery"),
    "materials": ("Materialien", "Materials"),
    "link": ("Link öffnen (neues Fenster)", "Open link (new window)"),
    "forum_note": (
        "Dieser Austausch findet im Forum der Lernplattform statt.",
        "This exchange takes place in the forum of the learning platform.",
    ),
    "question": ("Frage {n} von {total}", "Question {n} of {total}"),
    "several": ("Mehrere Antworten können richtig sein.", "More than one answer may be right."),
    "check": ("Antworten prüfen", "Check answers"),
    "correct": ("Richtig.", "Correct."),
    "wrong": ("Nicht richtig.", "Not correct."),
    "result": (
        "{raw} von {max} Fragen richtig ({percent} %).",
        "{raw} of {max} questions right ({percent} %).",
    ),
    "passed": ("Bestanden.", "Passed."),
    "failed": (
        "Noch nicht bestanden. Sie können es erneut versuchen.",
        "Not passed yet. You may try again.",
    ),
    "mastery": (
        "Bestanden ist der Test ab {percent} % richtigen Antworten.",
        "You pass with {percent} % right answers or more.",
    ),
    "unanswered": (
        "Bitte beantworten Sie jede Frage.",
        "Please answer every question.",
    ),
    "unsent": (
        "Das Ergebnis konnte nicht an die Lernplattform übermittelt werden "
        "und ist dort nicht gespeichert.",
        "The result could not be sent to the learning platform and is not recorded there.",
    ),
    "refused": (
        "Die Lernplattform hat die Verbindung abgelehnt: Was Sie hier bearbeiten, "
        "wird nicht an sie übermittelt und nicht gespeichert.",
        "The learning platform refused the connection: what you do here is not sent "
        "to it and not recorded.",
    ),
    "pager": ("Blättern", "Previous and next"),
    "previous": ("Zurück:", "Previous:"),
    "next": ("Weiter:", "Next:"),
    "choose": ("Bitte wählen", "Please choose"),
    "match_hint": (
        "Wählen Sie zu jedem Eintrag die passende Antwort.",
        "Choose the matching answer for each item.",
    ),
    "your_answer": ("Ihre Antwort", "Your answer"),
    "expected_one": ("Die richtige Antwort ist: {answers}", "The correct answer is: {answers}"),
    "expected_several": ("Als richtig gelten: {answers}", "Accepted answers: {answers}"),
    "progress": ("{done} von {total} erledigt", "{done} of {total} done"),
    "state_done": ("erledigt", "done"),
    "state_open": ("offen", "to do"),
    "minutes": ("{m} Min.", "{m} min"),
    "hours": ("{h} Std.", "{h} h"),
    "hours_minutes": ("{h} Std. {m} Min.", "{h} h {m} min"),
}


def text(key: str, language: str, **values: object) -> str:
    """A page text in `language` ("en" or else German), with `{name}` values filled in."""
    german, english = _TEXTS[key]
    return (english if language == "en" else german).format(**values)


def duration(minutes: int, language: str) -> str:
    """Minutes as a readable duration: 45 Min. / 1 Std. 30 Min."""
    hours, rest = divmod(max(minutes, 0), 60)
    if not hours:
        return text("minutes", language, m=rest)
    if not rest:
        return text("hours", language, h=hours)
    return text("hours_minutes", language, h=hours, m=rest)


def day(iso_date: str, language: str) -> str:
    """An ISO date as people write it: 26.03.2027 (de) or 2027-03-26 (en)."""
    if language == "en" or len(iso_date) != 10:
        return iso_date
    year, month, dom = iso_date.split("-")
    return f"{dom}.{month}.{year}"


def script_texts(language: str) -> dict[str, str]:
    """The texts the page script shows (templates keep their `{name}` fields)."""
    keys = (
        "done",
        "correct",
        "wrong",
        "result",
        "passed",
        "failed",
        "unsent",
        "unanswered",
        "progress",
        "state_done",
        "state_open",
    )
    return {key: _TEXTS[key][1 if language == "en" else 0] for key in keys}
