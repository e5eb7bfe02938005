import zipfile
from dataclasses import replace

import docx
import pytest
from openpyxl import Workbook

from designer.core.assets import NoAssets
from designer.core.snapshot import Break, DesignSnapshot, Schedule, to_dict
from designer.export.formats import get_format
from designer.export.registry import ExportContext
from designer.importers import registry
from designer.importers.base import ImportRefused
from designer.importers.plan_table import PlanRow, PlanTable, columns_of
from designer.importers.plans import analyse_table, build_snapshot, read_plan
from tests.office import handmade

# What Excel does not carry (see designer/importers/xlsx.py).
LOST_NUGGET_FIELDS = ("key", "content_html", "assets", "questions", "schedule")


def _export(snap: DesignSnapshot, folder, kind="xlsx", **options):
    path = folder / f"plan.{kind}"
    with path.open("wb") as out:
        fmt = get_format(kind)
        fmt.write(snap, out, ExportContext(NoAssets(), fmt.read_options(options)))
    return path


def _comparable(snap: DesignSnapshot) -> dict:
    design = to_dict(snap)["design"]
    titles = {n["key"]: n["title"] for n in design["nuggets"]}
    for module in design["modules"]:
        for placement in module["placements"]:
            placement["nugget"] = titles[placement["nugget"]]
    for nugget in design["nuggets"]:
        for name in LOST_NUGGET_FIELDS:
            nugget.pop(name, None)
    design.pop("assets")
    return design


def _plan(snap: DesignSnapshot) -> list[tuple[str, list[tuple]]]:
    """Module titles with (title, minutes, social form, delivery mode) of their nuggets."""
    return [
        (
            p.title,
            [
                (
                    snap.nugget(pl.nugget).title,
                    snap.nugget(pl.nugget).duration_minutes,
                    snap.nugget(pl.nugget).social_form,
                    snap.nugget(pl.nugget).delivery_mode,
                )
                for pl in p.placements
            ],
        )
        for p in snap.modules
    ]


@pytest.mark.parametrize("language", ["de", "en"])
def test_own_excel_export_round_trips(example, tmp_path, language):
    snap = replace(example, language=language)
    imported = read_plan(_export(snap, tmp_path))
    assert imported.warnings == []
    assert _comparable(imported.snapshot) == _comparable(snap)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_pass_mark_round_trips_through_excel(example, tmp_path, language):
    grobkonzept = replace(example.grobkonzept, pass_mark_percent=65)
    snap = replace(example, language=language, grobkonzept=grobkonzept)
    imported = read_plan(_export(snap, tmp_path))
    assert imported.warnings == []
    assert imported.snapshot.grobkonzept.pass_mark_percent == 65


def test_round_trip_keeps_overridden_values_as_the_nuggets_own(example, tmp_path):
    module = example.modules[0]
    placement = replace(module.placements[0], duration_minutes=45, delivery_mode="on_site")
    modules = (replace(module, placements=(placement, *module.placements[1:])),)
    snap = replace(example, modules=modules + example.modules[1:])
    imported = read_plan(_export(snap, tmp_path)).snapshot
    first = imported.nugget(imported.modules[0].placements[0].nugget)
    assert (first.duration_minutes, first.delivery_mode) == (45, "on_site")
    assert imported.total_minutes() == snap.total_minutes()


def test_own_word_feinkonzept_reads_back_as_a_plan(example, tmp_path):
    imported = read_plan(_export(example, tmp_path, "docx", document="feinkonzept"))
    snap = imported.snapshot
    assert imported.warnings == []
    assert [m.title for m in snap.modules] == [m.title for m in example.modules]
    assert [n.title for n in snap.nuggets] == [p.nugget.title for p in example.placed()]
    assert snap.total_minutes() == example.total_minutes()
    assert [o.text for o in snap.objectives] == [o.text for o in example.objectives]


def test_german_plan_with_title_block(tmp_path):
    table = analyse_table(handmade.german_title_block(tmp_path))
    assert table.header_row == 6
    assert table.title == "Verlaufsplan Konfliktmanagement für Teamleitungen"
    imported = read_plan(handmade.german_title_block(tmp_path))
    snap = imported.snapshot
    assert imported.warnings == []
    assert snap.title == table.title
    assert _plan(snap) == [
        ("Einstieg", [("Begrüßung und Ziele", 15, "plenary", "self_paced_online")]),
        (
            "Erarbeitung",
            [
                ("Konfliktarten", 45, "group", "self_paced_online"),
                ("Eskalationsstufen", 30, "individual", "self_paced_online"),
            ],
        ),
        ("Sicherung", [("Fallbesprechung", 60, "plenary", "self_paced_online")]),
    ]
    g = snap.grobkonzept
    assert g.target_group == "Neue Teamleitungen aus der Produktion"
    assert (g.participants_min, g.participants_max) == (8, 12)
    assert (g.start_date, g.end_date) == ("2027-03-02", "2027-03-03")
    assert snap.nuggets[2].rationale == "nach Glasl" and snap.nuggets[2].media == "Handout"


def test_english_plan(tmp_path):
    table = analyse_table(handmade.english_headers(tmp_path))
    assert table.language == "en"
    snap = read_plan(handmade.english_headers(tmp_path)).snapshot
    assert snap.language == "en"
    assert _plan(snap) == [
        (
            "Kick-off",
            [
                ("Welcome", 20, "plenary", "live_online"),
                ("Safety basics", 40, "individual", "self_paced_online"),
            ],
        ),
        (
            "Practice",
            [
                ("Hazard hunt", 60, "pair", "on_site"),
                ("Report", 30, "individual", "at_workplace"),
            ],
        ),
    ]
    assert snap.nuggets[0].summary == "Round of introductions"


def test_merged_module_cells(tmp_path):
    snap = read_plan(handmade.merged_modules(tmp_path)).snapshot
    assert [(m.title, len(m.placements)) for m in snap.modules] == [("Tag 1", 3), ("Tag 2", 2)]
    assert [n.media for n in snap.nuggets[:3]] == ["Beamer", "Beamer", "Übungsdatei"]
    assert snap.total_minutes() == 240


def test_grouping_rows_and_total_row(tmp_path):
    imported = read_plan(handmade.grouping_rows(tmp_path))
    assert imported.warnings == []
    assert [
        (m.title, [imported.snapshot.nugget(p.nugget).title for p in m.placements])
        for m in imported.snapshot.modules
    ] == [
        ("Modul 1: Grundlagen", ["Was ist Datenschutz?", "Personenbezogene Daten"]),
        ("Modul 2: Praxis", ["Fallbeispiele"]),
    ]
    assert [n.social_form for n in imported.snapshot.nuggets] == ["pair", "individual", "group"]


def test_time_ranges(tmp_path):
    snap = read_plan(handmade.time_ranges(tmp_path)).snapshot
    assert [(n.title, n.duration_minutes) for n in snap.nuggets] == [
        ("Einführung in die Moderation", 30),
        ("Moderationszyklus üben", 45),
        ("Moderation einer Sitzung", 90),
    ]
    assert snap.nuggets[0].summary == "Einführung in die Moderation"
    # the break row is a break of the module's timetable, which starts at the first row
    (module,) = snap.modules
    assert module.breaks == (Break(after=2, minutes=15, title="Pause"),)
    assert module.schedule == Schedule(start="09:00")


def test_hour_durations_vocabulary_objectives_and_an_unreadable_row(tmp_path):
    imported = read_plan(handmade.hour_durations(tmp_path))
    snap = imported.snapshot
    assert [(n.duration_minutes, n.delivery_mode, n.learning_type) for n in snap.nuggets] == [
        (90, "self_paced_online", "acquisition"),
        (120, "on_site", "practice"),
        (90, "at_workplace", "practice"),
    ]
    assert [o.text for o in snap.objectives] == ["Lagerarten nennen", "Kommissionieren"]
    placements = snap.modules[0].placements
    assert [p.objectives for p in placements] == [("O1",), ("O2",), ("O2",)]
    assert imported.warnings == ["Zeile 7: weder Titel noch Inhalt – Zeile übersprungen"]


def test_start_times_give_durations_and_messages_name_rows(tmp_path):
    imported = read_plan(handmade.start_times(tmp_path))
    assert [n.duration_minutes for n in imported.snapshot.nuggets] == [20, 45, 0]
    assert imported.warnings == [
        "Zeile 3: Sozialform 'Stuhlkreis' nicht erkannt – Einzelarbeit angenommen",
        "Zeile 4: keine Dauer erkennbar ('09:05') – 0 Minuten angenommen",
    ]


def test_word_plan_with_labelled_paragraphs_and_one_table_per_day(tmp_path):
    imported = read_plan(handmade.word_plan(tmp_path))
    snap = imported.snapshot
    assert imported.warnings == []
    assert snap.title == "Kommunikation im Team"
    # "Seminarraum 2" in the framework conditions: the rows take place on site
    assert _plan(snap) == [
        (
            "Tag 1: Zuhören",
            [
                ("Aktives Zuhören", 45, "pair", "on_site"),
                ("Feedback geben", 45, "plenary", "on_site"),
            ],
        ),
        ("Tag 2: Konflikte", [("Konfliktgespräch", 90, "group", "on_site")]),
    ]
    assert {n.activity_kind for n in snap.nuggets} == {"live_session"}
    g = snap.grobkonzept
    assert g.target_group == "Auszubildende im ersten Lehrjahr"
    assert (g.participants_min, g.participants_max) == (10, 14)
    assert (g.start_date, g.end_date) == ("2027-03-01", "2027-03-15")
    assert g.planned_workload_minutes == 180
    assert g.prerequisites == "keine"
    assert g.framework_conditions == "Seminarraum 2, Moderationskoffer"


def test_user_corrected_mapping_and_english_messages(tmp_path):
    table = analyse_table(handmade.german_title_block(tmp_path))
    guessed = table.guessed_mapping()
    assert guessed[0] == "module" and guessed[2] == "duration"
    mapping = {**guessed, 0: None, 3: "method"}  # no modules; column D read as method
    snap, messages = build_snapshot(table, mapping, "Konflikte", "en")
    assert snap.title == "Konflikte" and snap.language == "en"
    assert [m.title for m in snap.modules] == ["Konflikte"]
    # of two method columns the first (D) wins; no column is social form any more
    assert (snap.nuggets[0].method, snap.nuggets[0].social_form) == ("Plenum", "individual")
    assert messages == []
    broken = {**guessed, 2: "social_form"}
    _, messages = build_snapshot(table, broken, "Konflikte", "en")
    assert messages[:2] == [
        "Row 7: no duration given – 0 minutes assumed",
        "Row 7: social form '15 min' not recognised – Individual work assumed",
    ]


def test_registry_reads_xlsx_and_docx(tmp_path):
    assert {".xlsx", ".docx"} <= set(registry.extensions())
    assert registry.read(handmade.merged_modules(tmp_path)).snapshot.nuggets
    assert registry.read(handmade.word_plan(tmp_path)).snapshot.nuggets


# --------------------------------------------------------------------------- refused


def _refusal(path) -> str:
    with pytest.raises(ImportRefused) as caught:
        registry.read(path)
    return str(caught.value)


def test_renamed_text_file_is_refused(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_text("Zeit;Thema\n09:00;Begrüßung\n", encoding="utf-8")
    assert "not an Excel workbook (.xlsx) (the file is not a zip archive)" in _refusal(path)
    word = tmp_path / "plan.docx"
    word.write_bytes(b"%PDF-1.4 not a word file")
    assert "not a Word document (.docx)" in _refusal(word)


def test_empty_and_unrelated_workbooks_are_refused(tmp_path):
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    assert "no Verlaufsplan table found" in _refusal(empty)
    budget = tmp_path / "budget.xlsx"
    wb = Workbook()
    wb.active.append(["Posten", "Betrag in €"])
    wb.active.append(["Raummiete", 400])
    wb.save(budget)
    assert "no Verlaufsplan table found" in _refusal(budget)


def test_word_without_plan_table_and_foreign_zip_are_refused(tmp_path):
    letter = tmp_path / "letter.docx"
    document = docx.Document()
    document.add_paragraph("Sehr geehrte Damen und Herren,")
    document.save(letter)
    assert "no Verlaufsplan table found" in _refusal(letter)
    workbook_as_word = tmp_path / "plan.docx"
    handmade.merged_modules(tmp_path).rename(workbook_as_word)
    assert "word/document.xml is missing" in _refusal(workbook_as_word)


def test_archive_with_unsafe_paths_is_refused(tmp_path):
    path = tmp_path / "evil.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("../../etc/passwd", "x")
    assert "leaves the archive folder" in _refusal(path)


def test_plan_rows_that_all_fail_are_refused(tmp_path):
    path = tmp_path / "durations-only.xlsx"
    wb = Workbook()
    wb.active.append(["Titel", "Dauer"])
    wb.active.append(["", "30 min"])
    wb.save(path)
    message = _refusal(path)
    assert "no row of the plan table could be read" in message
    assert "Zeile 2: weder Titel noch Inhalt" in message


def test_analyse_table_names_the_supported_files(tmp_path):
    with pytest.raises(ImportRefused, match="only"):
        analyse_table(tmp_path / "plan.csv")


def test_word_row_messages_name_table_and_row(tmp_path):
    table = analyse_table(handmade.word_plan(tmp_path))
    mapping = {**table.guessed_mapping(), 3: "learning_type"}  # social form read as type
    _, messages = build_snapshot(table, mapping, "Kommunikation", "de")
    # table 1 is the label | value table above the plan
    assert messages[0] == ("Tabelle 2, Zeile 2: Lernform 'PA' nicht erkannt – Aneignung angenommen")
    assert messages[-1].startswith("Tabelle 3, Zeile 2: Lernform 'GA'")


def test_built_from_a_table_in_memory_live_sessions_keep_their_clock_times():
    table = PlanTable(
        source="memory",
        header_row=1,
        columns=columns_of(["Zeit", "Titel", "Aktivitätstyp", "Lernziel"]),
        rows=(
            PlanRow(2, ("10:00–11:30", "Webinar", "Live-Termin", "O1: Ziele nennen")),
            PlanRow(3, ("11:30–12:00", "Nachlese", "Seite", "")),
        ),
        grobkonzept={"participants": "viele", "planned_workload_minutes": "2 h"},
    )
    snap, messages = build_snapshot(table, table.guessed_mapping(), "Live", "de")
    webinar, reading = snap.nuggets
    assert (webinar.activity_kind, webinar.schedule.start, webinar.schedule.end) == (
        "live_session",
        "10:00",
        "11:30",
    )
    assert reading.schedule is None and reading.duration_minutes == 30
    assert snap.grobkonzept.planned_workload_minutes == 120
    assert messages == ["Grobkonzept: participants 'viele' nicht lesbar"]
    assert [o.text for o in snap.objectives] == ["O1: Ziele nennen"]


def test_titles_made_from_long_content_are_cut_at_a_word():
    text = "Die Teilnehmenden lesen den Fall, markieren Konfliktsignale und " * 3
    table = PlanTable(
        source="memory",
        header_row=1,
        columns=columns_of(["Inhalt", "Dauer"]),
        rows=(PlanRow(2, (text.strip(), 20)),),
    )
    snap, _ = build_snapshot(table, table.guessed_mapping(), "", "de")
    title = snap.nuggets[0].title
    assert title == "Die Teilnehmenden lesen den Fall, markieren Konfliktsignale und Die …"
    assert snap.nuggets[0].summary == text.strip()
    assert snap.title == "memory"


def test_start_times_do_not_run_across_modules():
    table = PlanTable(
        source="memory",
        header_row=1,
        columns=columns_of(["Modul", "Zeit", "Titel"]),
        rows=(
            PlanRow(2, ("Tag 1", "15:00", "Rückblick")),
            PlanRow(3, ("Tag 2", "09:00", "Start")),
            PlanRow(4, ("Tag 2", "09:40", "Übung")),
        ),
    )
    snap, messages = build_snapshot(table, table.guessed_mapping(), "Zwei Tage", "fr")
    assert [n.duration_minutes for n in snap.nuggets] == [0, 40, 0]
    assert messages == [
        "Zeile 2: keine Dauer erkennbar ('15:00') – 0 Minuten angenommen",
        "Zeile 4: keine Dauer erkennbar ('09:40') – 0 Minuten angenommen",
    ]
    assert snap.language == "de"  # an unknown language falls back to German


def test_word_table_with_merged_cells(tmp_path):
    document = docx.Document()
    tbl = document.add_table(rows=5, cols=3)
    rows = [("Modul", "Thema", "Dauer"), ("", "", ""), ("", "Einstieg", "10 min")]
    rows += [("", "Übung", "20 min"), ("", "Abschluss", "15 min")]
    for cells, texts in zip(tbl.rows, rows, strict=True):
        for cell, text in zip(cells.cells, texts, strict=True):
            cell.text = text
    tbl.cell(1, 0).merge(tbl.cell(1, 2)).text = "Block A"  # grouping row over all columns
    tbl.cell(3, 0).merge(tbl.cell(4, 0)).text = "Block B"  # module cell over two rows
    path = tmp_path / "merged.docx"
    document.save(path)
    snap = read_plan(path).snapshot
    assert [(m.title, len(m.placements)) for m in snap.modules] == [("Block A", 1), ("Block B", 2)]
    assert [n.duration_minutes for n in snap.nuggets] == [10, 20, 15]
