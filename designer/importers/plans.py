"""Import of Verlaufsplan files (.xlsx, .docx) in two steps, for the upload page.

1. `analyse_table(path)` finds the plan table and guesses what each column holds;
2. `build_snapshot(table, mapping, title, language)` (in `plan_snapshot`) builds the
   design from the mapping the user confirmed or corrected.

`read_plan(path)` does both with the guessed mapping; the import registry uses it.
"""

from __future__ import annotations

from pathlib import Path

from designer.importers import docx, xlsx
from designer.importers.base import Imported, ImportRefused
from designer.importers.plan_snapshot import build_snapshot, plan_mode
from designer.importers.plan_table import PlanTable, title_from_name

ANALYSERS = {".xlsx": xlsx.analyse, ".docx": docx.analyse}

__all__ = ["analyse_table", "build_snapshot", "read_plan"]


def analyse_table(path: str | Path) -> PlanTable:
    """The plan table of an .xlsx or .docx file; raises ImportRefused when there is none."""
    path = Path(path)
    analyser = ANALYSERS.get(path.suffix.lower())
    if analyser is None:
        raise ImportRefused([f"{path.name}: plans are read from .xlsx and .docx files only"])
    return analyser(path)


def read_plan(path: str | Path) -> Imported:
    path = Path(path)
    table = analyse_table(path)
    title = table.title or title_from_name(path.name)
    mapping = table.guessed_mapping()
    snap, messages = build_snapshot(table, mapping, title, table.language, plan_mode(table))
    if not snap.nuggets:
        raise ImportRefused([f"{path.name}: no row of the plan table could be read", *messages])
    return Imported(snap, warnings=messages)
