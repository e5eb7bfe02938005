"""Excel export: the Verlaufsplan as a workbook that the plan importer reads back.

Sheet 1 is the Verlaufsplan (one row per placed nugget in canvas order, minutes as
numbers with a SUM formula, selection lists for the vocabularies); sheet 2 holds the
Grobkonzept fields and the learning objectives; sheet 3 the modules, so that keys,
descriptions and module dates survive a round trip. Objectives are named as people
number them ("Lernziel 2"), in the plan and in the objectives table the importer reads.
"""

from __future__ import annotations

from datetime import date
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from designer.core.characters import starts_formula
from designer.core.office_labels import GROBKONZEPT_LABELS, PLAN_COLUMNS, pick, text
from designer.core.snapshot import DesignSnapshot, PlacedNugget
from designer.core.vocab import LEARNING_TYPE_COLOURS, choices, label
from designer.export.registry import ExportContext, ExportFormat

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="3A4A5C")
WRAP = Alignment(wrap_text=True, vertical="top")
WIDTHS = {
    "module": 24,
    "title": 30,
    "summary": 40,
    "method": 22,
    "duration": 10,
    "media": 22,
    "objectives": 18,
    "rationale": 36,
    "attribution": 22,
    "url": 30,
}
VOCABULARY_OF = {
    "learning_type": "learning_type",
    "delivery_mode": "delivery_mode",
    "social_form": "social_form",
    "assessment": "assessment",
    "activity_kind": "activity_kind",
}
LIST_ERROR = ("Bitte einen Wert aus der Liste wählen.", "Choose a value from the list.")
EXTRA_VALIDATION_ROWS = 200  # rows below the plan where new rows still get selection lists


def write_xlsx(snap: DesignSnapshot, out: BinaryIO, ctx: ExportContext) -> None:
    wb = Workbook()
    _plan_sheet(wb.active, snap)
    _grobkonzept_sheet(wb.create_sheet(text("sheet_grobkonzept", snap.language)), snap)
    _module_sheet(wb.create_sheet(text("sheet_modules", snap.language)), snap)
    wb.properties.title = snap.title
    wb.properties.language = snap.language
    wb.save(out)


def _append(ws: Worksheet, values: list[object]) -> None:
    """Append a row of the design's texts: a cell that starts like a formula
    (`=HYPERLINK(...)`, `+`, `-`, `@`, tab, CR) is stored and shown as text, never run."""
    ws.append(values)
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str) and starts_formula(cell.value):
            cell.data_type = "s"
            cell.quotePrefix = True


def objective_names(snap: DesignSnapshot) -> dict[str, str]:
    """Objective key → "Lernziel 2" (its number in the design's list)."""
    word = text("objective", snap.language)
    return {o.key: f"{word} {i}" for i, o in enumerate(snap.objectives, start=1)}


def plan_row(placed: PlacedNugget, lang: str, objectives: dict[str, str]) -> dict[str, str | int]:
    """The cells of one Verlaufsplan row, keyed like PLAN_COLUMNS; `objectives` names the
    objective keys (see `objective_names`)."""
    n = placed.nugget
    return {
        "module": placed.module.title,
        "title": n.title,
        "summary": n.summary,
        "learning_type": label("learning_type", n.learning_type, lang),
        "delivery_mode": label("delivery_mode", placed.delivery_mode, lang),
        "social_form": label("social_form", n.social_form, lang),
        "method": n.method,
        "duration": placed.duration_minutes,
        "media": n.media,
        "assessment": label("assessment", n.assessment, lang),
        "activity_kind": label("activity_kind", n.activity_kind, lang),
        "objectives": ", ".join(objectives[key] for key in placed.objectives),
        "rationale": n.rationale,
        "license": n.license,
        "attribution": n.attribution,
        "tags": "; ".join(n.tags),
        "url": n.url,
    }


def _header(ws: Worksheet, labels: list[str]) -> None:
    ws.append(labels)
    for cell in ws[1]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP
    ws.freeze_panes = "A2"


def _plan_sheet(ws: Worksheet, snap: DesignSnapshot) -> None:
    lang = snap.language
    fields = list(PLAN_COLUMNS)
    ws.title = text("sheet_plan", lang)
    _header(ws, [pick(PLAN_COLUMNS[f], lang) for f in fields])
    objectives = objective_names(snap)
    for placed in snap.placed():
        row = plan_row(placed, lang, objectives)
        _append(ws, [row[f] for f in fields])
    last = ws.max_row
    minutes = get_column_letter(fields.index("duration") + 1)
    total_row = [""] * len(fields)
    total_row[0] = text("total", lang)
    total_row[fields.index("duration")] = f"=SUM({minutes}2:{minutes}{last})" if last > 1 else 0
    ws.append(total_row)
    ws.cell(ws.max_row, 1).font = Font(bold=True)
    for row in ws.iter_rows(min_row=2, max_row=last):
        for cell in row:
            cell.alignment = WRAP
    for i, field in enumerate(fields, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(field, 16)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{last}"
    _validations(ws, fields, lang, last + EXTRA_VALIDATION_ROWS)
    _learning_type_colours(ws, fields, lang, last)


def _validations(ws: Worksheet, fields: list[str], lang: str, last: int) -> None:
    for field, vocabulary in VOCABULARY_OF.items():
        labels = [lbl for _, lbl in choices(vocabulary, lang)]
        column = get_column_letter(fields.index(field) + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(labels) + '"', allow_blank=True)
        dv.error = pick(LIST_ERROR, lang)
        dv.showErrorMessage = True
        dv.add(f"{column}2:{column}{last}")
        ws.add_data_validation(dv)


def _learning_type_colours(ws: Worksheet, fields: list[str], lang: str, last: int) -> None:
    """Each learning-type cell takes its type's colour (lightened), as on the canvas."""
    column = get_column_letter(fields.index("learning_type") + 1)
    for value, colour in LEARNING_TYPE_COLOURS.items():
        fill = PatternFill("solid", bgColor=_tint(colour))
        condition = f'${column}2="{label("learning_type", value, lang)}"'
        rule = FormulaRule(formula=[condition], fill=fill)
        ws.conditional_formatting.add(f"{column}2:{column}{max(last, 2)}", rule)


def _tint(hex_colour: str, keep: float = 0.35) -> str:
    rgb = [int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "".join(f"{round(c * keep + 255 * (1 - keep)):02X}" for c in rgb)


def _grobkonzept_sheet(ws: Worksheet, snap: DesignSnapshot) -> None:
    lang = snap.language
    g = snap.grobkonzept
    _append(ws, [text("title", lang), snap.title])
    ws.append([text("language", lang), label("language", snap.language, lang)])
    for field, pair in GROBKONZEPT_LABELS.items():
        value = getattr(g, field)
        if field.endswith("_date") and value:
            value = date.fromisoformat(value)
        _append(ws, [pick(pair, lang), value])
        if isinstance(value, date):
            ws.cell(ws.max_row, 2).number_format = "YYYY-MM-DD"
    ws.append([])
    objectives_header = ws.max_row + 1
    ws.append([text("key", lang), text("objective", lang), text("bloom", lang)])
    names = objective_names(snap)
    for o in snap.objectives:
        _append(ws, [names[o.key], o.text, label("bloom_level", o.bloom_level, lang)])
    for cell in ws["A"]:
        cell.font = Font(bold=True)
    for cell in ws[objectives_header]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = WRAP
    ws.column_dimensions["A"].width = 32
    ws.column_dimensions["B"].width = 90
    ws.column_dimensions["C"].width = 16


def _module_sheet(ws: Worksheet, snap: DesignSnapshot) -> None:
    lang = snap.language
    keys = ("key", "title", "description", "date", "start", "end", "place")
    _header(ws, [text(k, lang) for k in keys])
    for m in snap.modules:
        s = m.schedule
        _append(
            ws,
            [m.key, m.title, m.description]
            + ([s.date, s.start, s.end, s.place] if s else ["", "", "", ""]),
        )
    for letter, width in zip("ABCDEFG", (10, 36, 50, 12, 8, 8, 24), strict=True):
        ws.column_dimensions[letter].width = width


FORMAT = ExportFormat(
    "xlsx",
    "Excel (Verlaufsplan)",
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    write_xlsx,
)
