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
