"""Plan files for the import flow, as a trainer would make them."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

# "Format" names no field the importer knows: it is left for the user to assign.
HEADERS = ["Phase", "Thema", "Dauer", "Sozialform", "Format"]
ROWS = [
    ["Einstieg", "Begrüßung und Ziele", "15 min", "Plenum", "Präsenz"],
    ["Einstieg", "Erwartungen sammeln", 20, "PA", "Präsenz"],
    ["Vertiefung", "Fallbeispiele bearbeiten", "45'", "GA", "Webinar"],
    ["Vertiefung", "Selbsttest", "zwanzig", "EA", "online"],
]


def excel_plan(folder: Path, name: str = "teamleitung.xlsx") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["Verlaufsplan Teamleitung"])
    ws.append([])
    ws.append(HEADERS)
    for row in ROWS:
        ws.append(row)
    path = folder / name
    wb.save(path)
    return path


SEMINAR_HEADERS = ["Zeit", "Thema", "Methode", "Sozialform", "Medien"]
SEMINAR_ROWS = [
    ["09:00–09:30", "Begrüßung und Erwartungen", "Vortrag", "Plenum", "Flipchart"],
    ["09:30–10:15", "Austausch im Diskussionsforum", "Forum", "EA", "Moodle-Forum"],
    ["10:15–10:30", "Kaffeepause", "", "", ""],
    ["10:30–11:00", "Wissenscheck Führungsstile", "Quiz", "EA", ""],
    ["11:00–12:00", "Fallarbeit", "Kollegiale Beratung", "GA", "Fallkarten"],
    ["12:00–13:00", "Mittagspause", "", "", ""],
    ["13:00–14:00", "Praxisaufgabe", "Abgabe", "EA", "Vorlage"],
]


def seminar_plan(folder: Path, name: str = "fuehrung.xlsx", title: bool = True) -> Path:
    """A one-day seminar in a seminar room: a title block with its date (unless `title` is
    false), clock times, a forum, a quiz, an assignment and two breaks."""
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append(["Führung kompakt – Präsenztag am 12.03.2026"])
        ws.append(["Rahmenbedingungen", "Seminarraum 3, Moderationskoffer"])
        ws.append([])
    ws.append(SEMINAR_HEADERS)
    for row in SEMINAR_ROWS:
        ws.append(row)
    path = folder / name
    wb.save(path)
    return path
