"""Reading a Verlaufsplan from a Word document (.docx) into a PlanTable.

The table whose header row names the most plan fields is the plan; further tables with
the same columns continue it (one per module, as Kurswerk's Feinkonzept writes them),
and the heading above each such table names its module. Grobkonzept fields come from
labelled paragraphs ("Zielgruppe: …") and from two-column tables (label | value); a
table "Nr. | Lernziel | Bloom-Stufe" gives the objectives.

Word plans carry no learning type, delivery mode, licence or tags unless the table has
such columns; the defaults of a new nugget apply and nothing else is guessed.

Security: the zip is checked first; python-docx parses XML without resolving entities.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from designer.importers.base import ImportRefused
from designer.importers.office_zip import check_office_file
from designer.importers.plan_table import (
    Cell,
    PlanRow,
    PlanTable,
    SideInfo,
    columns_of,
    find_header,
    header_language,
    labelled,
    parse_term,
)

KIND = "a Word document (.docx)"
NO_TABLE = (
    "no Verlaufsplan table found: the document needs a table whose first rows name a "
    "title or content column (Titel, Thema, Inhalt …) and at least one more plan column "
    "(Dauer, Zeit, Methode, Sozialform, Medien …)"
)
HEADING_STYLES = ("heading", "überschrift", "title", "titel")


def analyse(path: Path) -> PlanTable:
    check_office_file(path, KIND, "word/document.xml")
    document = _load(path)
    side = SideInfo(title=document.core_properties.title or "")
    tables: list[tuple[int, str, list[list[Cell]], int | None]] = []
    heading = ""
    for block in _blocks(document):
        if isinstance(block, Paragraph):
            heading = _paragraph(block, side) or heading
            continue
        rows = _matrix(block)
        header = find_header(rows)
        tables.append((len(tables) + 1, heading, rows, header))
        if header is None:
            side.read_rows(rows)
    plan = [t for t in tables if t[3] is not None]
    if not plan:
        raise ImportRefused([f"{path.name}: {NO_TABLE}"])
    best = max(plan, key=lambda t: len(_fields(t[2][t[3]])))
    columns = columns_of(best[2][best[3]])
    rows = [
        PlanRow(i + 1, tuple(cells), number, group)
        for number, group, matrix, header in plan
        if _fields(matrix[header]) == _fields(best[2][best[3]])
        for i, cells in enumerate(matrix)
        if i > header
    ]
    language = parse_term("language", side.grobkonzept.pop("language", "")) or header_language(
        c.header for c in columns
    )
    return PlanTable(
        source=path.name,
        header_row=best[3] + 1,
        columns=columns,
        rows=tuple(rows),
        title=side.title,
        language=language,
        grobkonzept=side.grobkonzept,
        objectives=tuple(side.objectives),
        modules=tuple(side.modules),
    )


def _load(path: Path) -> Document:
    try:
        return docx.Document(str(path))
    # python-docx raises many kinds of errors on damaged or foreign files; all mean the same.
    except Exception as exc:
        raise ImportRefused([f"{path.name}: not a readable Word document ({exc})"]) from None


def _blocks(document: Document) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of the body in document order."""
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document)
        elif child.tag == qn("w:tbl"):
            yield Table(child, document)


def _paragraph(paragraph: Paragraph, side: SideInfo) -> str:
    """Reads a labelled paragraph into `side`; returns the text when it is a heading."""
    text = paragraph.text.strip()
    if not text:
        return ""
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    if style.startswith(HEADING_STYLES):
        if not side.title:
            side.title = text
        return text
    pair = labelled(text)
    if pair:
        side.set(*pair)
    return ""


def _matrix(table: Table) -> list[list[Cell]]:
    """Cell texts row by row; a horizontally merged cell counts once (in its first column),
    a vertically merged one repeats its text in every row it spans."""
    out = []
    for row in table.rows:
        cells: list[Cell] = []
        previous = None
        for cell in row.cells:
            cells.append("" if cell._tc is previous else cell.text.strip())
            previous = cell._tc
        out.append(cells)
    return out


def _fields(header: list[Cell]) -> tuple[str | None, ...]:
    return tuple(c.field for c in columns_of(header))
