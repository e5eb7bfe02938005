"""Hand-made Verlaufsplan files as trainers make them, one layout each, built for the tests."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import docx
from openpyxl import Workbook
from openpyxl.styles import Font


def _save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def german_title_block(folder: Path) -> Path:
    """A title block above the header (row 6), Phase as module, durations in words."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Verlaufsplan Konfliktmanagement für Teamleitungen"])
    ws.append(["Zielgruppe: Neue Teamleitungen aus der Produktion"])
    ws.append(["Teilnehmende", "8–12"])
    ws.append(["Zeitraum", "02.03.2027 - 03.03.2027"])
    ws.append([])
    ws.append(["Phase", "Thema", "Dauer", "Sozialform", "Methode", "Medien", "Bemerkung"])
    ws.append(["Einstieg", "Begrüßung und Ziele", "15 min", "Plenum", "Vortrag", "Flipchart", ""])
    ws.append(["Erarbeitung", "Konfliktarten", "45'", "Gruppenarbeit", "Gruppenpuzzle", "", ""])
    ws.append(["", "Eskalationsstufen", 30, "EA", "Lesetext", "Handout", "nach Glasl"])
    ws.append(["Sicherung", "Fallbesprechung", "1 h", "Plenum", "Fishbowl", "", ""])
    ws["A6"].font = Font(bold=True)
    return _save(wb, folder / "konflikt.xlsx")


def english_headers(folder: Path) -> Path:
    """English headers, a delivery-mode column and English vocabulary."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Module", "Topic", "Activity", "Duration (min)", "Social form", "Mode", "Materials"])
    rows = [
        ("Kick-off", "Welcome", "Round of introductions", 20, "plenary", "live online", "Zoom"),
        ("Kick-off", "Safety basics", "Video, reading", 40, "individual work", "online", "Video"),
        ("Practice", "Hazard hunt", "Find hazards in the workshop", 60, "pairs", "on site", ""),
        ("Practice", "Report", "Write a short report", 30, "Individual", "workplace", "Form"),
    ]
    for row in rows:
        ws.append(row)
    return _save(wb, folder / "safety.xlsx")


def merged_modules(folder: Path) -> Path:
    """Module cells merged over their rows; a media cell merged over two rows."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Modul", "Titel", "Minuten", "Medien/Material"])
    ws.append(["Tag 1", "Ankommen", 15, "Beamer"])
    ws.append(["", "Grundlagen Excel", 60, ""])
    ws.append(["", "Übung Formeln", 45, "Übungsdatei"])
    ws.append(["Tag 2", "Pivot-Tabellen", 90, ""])
    ws.append(["", "Abschluss", 30, ""])
    ws.merge_cells("A2:A4")
    ws.merge_cells("A5:A6")
    ws.merge_cells("D2:D3")
    return _save(wb, folder / "excel-kurs.xlsx")


def grouping_rows(folder: Path) -> Path:
    """Modules as grouping rows (only the first cell filled), EA/PA/GA and a total row."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Thema", "Dauer", "Sozialform", "Methode"])
    ws.append(["Modul 1: Grundlagen"])
    ws.merge_cells("A2:D2")
    ws.append(["Was ist Datenschutz?", 20, "PA", "Think-Pair-Share"])
    ws.append(["Personenbezogene Daten", 25, "EA/PA", "Quiz"])
    ws.append(["Modul 2: Praxis"])
    ws.append(["Fallbeispiele", 40, "GA", "Fallarbeit"])
    ws.append(["Summe", "=SUM(B3:B6)"])
    return _save(wb, folder / "datenschutz.xlsx")


def time_ranges(folder: Path) -> Path:
    """Clock ranges in several spellings instead of durations; a break row."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Uhrzeit", "Inhalt", "Sozialform", "Medien / Material"])
    ws.append(["09:00–09:30", "Einführung in die Moderation", "Plenum", "Flipchart"])
    ws.append(["9.30-10.15", "Moderationszyklus üben", "Kleingruppe", "Moderationskoffer"])
    ws.append(["10:15 - 10:30 Uhr", "Pause", "", ""])
    ws.append(["10.30–12.00", "Moderation einer Sitzung", "Gruppenarbeit", ""])
    return _save(wb, folder / "moderation.xlsx")


def hour_durations(folder: Path) -> Path:
    """Durations in hours with decimal commas, German vocabulary labels, objective texts,
    and one row that has a duration but neither title nor content."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Schulung Lagerlogistik"])
    ws.append([])
    ws.append(["Inhalt", "Zeitbedarf", "Durchführungsform", "Lerntyp", "Lernziel"])
    ws.append(["Lagerarten kennenlernen", "1,5 h", "online", "Aneignung", "Lagerarten nennen"])
    ws.append(["Kommissionieren", "2 Std.", "Präsenz", "Übung", "Kommissionieren"])
    ws.append(["Inventur im Betrieb", "1 h 30 min", "Am Arbeitsplatz", "Übung", "Kommissionieren"])
    ws.append(["", "0,5 h", "Präsenz", "", ""])
    return _save(wb, folder / "lager.xlsx")


def start_times(folder: Path) -> Path:
    """Only start times (as Excel time values): each row lasts until the next one starts."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Zeit", "Titel", "Sozialform"])
    ws.append([time(8, 0), "Frühbesprechung", "Plenum"])
    ws.append([time(8, 20), "Maschineneinweisung", "Stuhlkreis"])
    ws.append([time(9, 5), "Praxisphase", "GA"])
    for row in ws.iter_rows(min_row=2, max_col=1):
        row[0].number_format = "hh:mm"
    return _save(wb, folder / "einweisung.xlsx")


def word_plan(folder: Path) -> Path:
    """A Word plan: labelled Grobkonzept paragraphs, a label | value table, and one plan
    table per day under a heading."""
    doc = docx.Document()
    doc.add_heading("Kommunikation im Team", level=0)
    doc.add_paragraph("Zielgruppe: Auszubildende im ersten Lehrjahr")
    doc.add_paragraph("Teilnehmende: 10 bis 14")
    doc.add_paragraph("Zeitraum: 01.03.2027 – 15.03.2027")
    doc.add_paragraph("Gesamtdauer: 3 h")
    doc.add_paragraph("Dieser Kurs wurde von der Ausbildungsabteilung geplant.")
    frame = doc.add_table(rows=2, cols=2)
    frame.cell(0, 0).text = "Voraussetzungen"
    frame.cell(0, 1).text = "keine"
    frame.cell(1, 0).text = "Rahmenbedingungen"
    frame.cell(1, 1).text = "Seminarraum 2, Moderationskoffer"
    headers = ["Zeit", "Thema", "Aktivität", "Sozialform", "Methode", "Medien/Material"]
    days = {
        "Tag 1: Zuhören": [
            ("09:00–09:45", "Aktives Zuhören", "Trainerin erklärt, TN üben", "PA", "Übung", ""),
            ("09:45–10:30", "Feedback geben", "Regeln erarbeiten", "Plenum", "Metaplan", "Karten"),
        ],
        "Tag 2: Konflikte": [
            ("09:00–10:30", "Konfliktgespräch", "Rollenspiel in Dreiergruppen", "GA", "", ""),
        ],
    }
    for day, rows in days.items():
        doc.add_heading(day, level=1)
        tbl = doc.add_table(rows=1, cols=len(headers))
        for cell, text in zip(tbl.rows[0].cells, headers, strict=True):
            cell.text = text
        for row in rows:
            cells = tbl.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    path = folder / "kommunikation.docx"
    doc.save(path)
    return path
