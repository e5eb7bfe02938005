"""Reading a Verlaufsplan from an Excel workbook (.xlsx) into a PlanTable.

The sheet whose header row (within the first 20 rows) names the most plan fields is the
plan; rows above its header (a title block) and the other sheets are read for the title,
Grobkonzept fields ("Zielgruppe | …"), learning objectives and modules, which is how
Kurswerk's own export comes back complete.

What a round trip of Kurswerk's own export loses (Excel does not carry it): nugget
content (content_html), assets, quiz questions, the live-session schedule of nuggets,
the flags (video, captions, AI), and per-placement overrides of duration and delivery
mode (the effective value becomes the nugget's own).

Security: the zip is checked first (paths, sizes, bombs); openpyxl is asked for cached
values only (`data_only`), so formulas are never evaluated, and external links are not
loaded. The workbook is opened in normal mode, not `read_only`, because merged cell
ranges are only available there; the size check above bounds the memory this takes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from designer.importers.base import ImportRefused
from designer.importers.office_zip import check_office_file
from designer.importers.plan_table import (
    Cell,
    PlanRow,
    PlanTable,
    SideInfo,
    cell_value,
    columns_of,
    find_header,
    header_language,
    parse_term,
)

KIND = "an Excel workbook (.xlsx)"
MAX_ROWS = 5000
MAX_COLUMNS = 60
NO_TABLE = (
    "no Verlaufsplan table found: within the first 20 rows of a sheet there must be a "
    "header row naming a title or content column (Titel, Thema, Inhalt …) and at least "
    "one more plan column (Dauer, Zeit, Methode, Sozialform, Medien …)"
)


def analyse(path: Path) -> PlanTable:
    check_office_file(path, KIND, "xl/workbook.xml")
    sheets = [(ws.title, _matrix(ws)) for ws in _load(path).worksheets]
    found = [(name, rows, find_header(rows)) for name, rows in sheets]
    candidates = [(name, rows, h) for name, rows, h in found if h is not None]
    if not candidates:
        raise ImportRefused([f"{path.name}: {NO_TABLE}"])
    name, rows, header = max(candidates, key=lambda c: _score(c[1][c[2]]))
    if len(rows) > MAX_ROWS:
        raise ImportRefused([f"{path.name}: sheet {name!r} has more than {MAX_ROWS} rows"])
    side = SideInfo()
    side.read_rows(rows[:header])
    for other_name, other_rows in sheets:
        if other_name != name:
            side.read_rows(other_rows)
    columns = columns_of(rows[header])
    language = parse_term("language", side.grobkonzept.pop("language", "")) or header_language(
        c.header for c in columns
    )
    return PlanTable(
        source=path.name,
        header_row=header + 1,
        columns=columns,
        rows=tuple(PlanRow(i + 1, tuple(r)) for i, r in enumerate(rows) if i > header),
        title=side.title,
        language=language,
        grobkonzept=side.grobkonzept,
        objectives=tuple(side.objectives),
        modules=tuple(side.modules),
    )


def _load(path: Path) -> Workbook:
    try:
        return load_workbook(path, data_only=True, keep_links=False)
    # openpyxl raises many kinds of errors on damaged or foreign files; all mean the same.
    except Exception as exc:
        raise ImportRefused([f"{path.name}: not a readable Excel workbook ({exc})"]) from None


def _score(header: Sequence[Cell]) -> int:
    return len({c.field for c in columns_of(header) if c.field})


def _matrix(ws: Worksheet) -> list[list[Cell]]:
    """The sheet's values; a vertically merged cell's value is repeated in every row it spans."""
    rows = [
        [cell_value(v) for v in row]
        for row in ws.iter_rows(
            max_row=min(ws.max_row, MAX_ROWS + 1),
            max_col=min(ws.max_column, MAX_COLUMNS),
            values_only=True,
        )
    ]
    for merged in ws.merged_cells.ranges:
        if merged.min_row == merged.max_row or merged.min_col > MAX_COLUMNS:
            continue
        column = merged.min_col - 1
        top = rows[merged.min_row - 1][column] if merged.min_row <= len(rows) else ""
        for r in range(merged.min_row, min(merged.max_row, len(rows))):
            rows[r][column] = top
    return [_trim(row) for row in rows]


def _trim(row: list[Cell]) -> list[Cell]:
    while row and row[-1] == "":
        row.pop()
    return row
