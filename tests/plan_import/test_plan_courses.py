"""Imported plans become real courses: readable rows, activity kinds, breaks, the plan's
delivery mode, start date and title."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from designer.core.snapshot import Break, DesignSnapshot, FormatError, Module, from_json, to_json
from designer.core.verlaufsplan import verlaufsplan
from designer.core.vocab import label
from designer.export.docx import feinkonzept
from designer.export.moodle.plan import shortname
from designer.importers import plan_words
from designer.importers.plans import analyse_table, build_snapshot, read_plan
from tests.plan_import.plans import seminar_plan


def sheet(folder: Path, rows: list[list], name: str = "plan.xlsx") -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    path = folder / name
    wb.save(path)
    return path


def snap_of(path: Path, delivery_mode: str | None = None) -> DesignSnapshot:
    table = analyse_table(path)
    snap, _ = build_snapshot(table, table.guessed_mapping(), "", "de", delivery_mode)
    return snap


def nugget(snap: DesignSnapshot, title: str):
    return next(n for n in snap.nuggets if n.title == title)


# --------------------------------------------------------------------------- content


def test_a_rows_method_social_form_media_and_duration_become_its_content(tmp_path):
    snap = read_plan(seminar_plan(tmp_path)).snapshot
    content = nugget(snap, "Fallarbeit").content_html
    assert content == (
        "<ul><li><strong>Zeit:</strong> 11:00–12:00</li>"
        "<li><strong>Durchführungsform:</strong> Präsenz</li>"
        "<li><strong>Methode:</strong> Kollegiale Beratung</li>"
        "<li><strong>Sozialform:</strong> Gruppenarbeit</li>"
        "<li><strong>Medien und Material:</strong> Fallkarten</li>"
        "<li><strong>Dauer:</strong> 60 Min.</li></ul>"
    )


def test_content_names_only_what_the_row_says_in_the_designs_language(tmp_path):
    path = sheet(tmp_path, [["Title", "Minutes"], ["Reading", 20], ["<b>Notes</b>", 0]])
    table = analyse_table(path)
    snap, _ = build_snapshot(table, table.guessed_mapping(), "Course", "en")
    assert snap.nuggets[0].content_html == "<ul><li><strong>Duration:</strong> 20 min</li></ul>"
    # nothing to say: no content, and the title's markup stays text
    assert snap.nuggets[1].content_html == ""
    assert snap.nuggets[1].title == "<b>Notes</b>"


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Diskussionsforum", "forum"),
        ("Austausch im Forum", "forum"),
        ("Discussion forum", "forum"),
        ("Quiz", "quiz"),
        ("Abschließender Test", "quiz"),
        ("Wissenscheck Kapitel 2", "quiz"),
        ("Knowledge check", "quiz"),
        ("Aufgabe bearbeiten", "assignment"),
        ("Abgabe des Konzepts", "assignment"),
        ("Assignment", "assignment"),
        ("Link zum Video", "url"),
        ("URL", "url"),
    ],
)
def test_activity_kind_from_german_and_english_words(words, kind):
    assert plan_words.activity_kind([words]) == kind


@pytest.mark.parametrize(
    "words", ["Gruppenaufgaben verteilen", "Kontext klären", "Testament", "Lesetext", "Unlink"]
)
def test_other_words_name_no_activity_kind(words):
    assert plan_words.activity_kind([words]) is None


@pytest.mark.parametrize(
    ("words", "mode"),
    [
        ("Webinar", "live_online"),
        ("Live-Session", "live_online"),
        ("Präsenz", "on_site"),
        ("Vor Ort beim Kunden", "on_site"),
    ],
)
def test_live_words_give_a_live_session_with_its_delivery_mode(tmp_path, words, mode):
    path = sheet(tmp_path, [["Thema", "Methode", "Dauer"], ["Fragerunde", words, 30]])
    (n,) = snap_of(path).nuggets
    assert (n.activity_kind, n.delivery_mode) == ("live_session", mode)
    shown = label("delivery_mode", mode, "de")
    assert f"<li><strong>Durchführungsform:</strong> {shown}</li>" in n.content_html


def test_a_self_paced_row_is_no_live_session(tmp_path):
    path = sheet(tmp_path, [["Thema", "Methode", "Dauer"], ["Fragerunde", "Lesetext", 30]])
    (n,) = snap_of(path).nuggets
    assert (n.activity_kind, n.delivery_mode) == ("page", "self_paced_online")
    assert "Durchführungsform" not in n.content_html


def test_rows_import_with_the_kind_their_words_name(tmp_path):
    snap = read_plan(seminar_plan(tmp_path)).snapshot
    kinds = {n.title: n.activity_kind for n in snap.nuggets}
    assert kinds == {
        "Begrüßung und Erwartungen": "live_session",
        "Austausch im Diskussionsforum": "forum",
        "Wissenscheck Führungsstile": "quiz",
        "Fallarbeit": "live_session",
        "Praxisaufgabe": "assignment",
    }


def test_an_activity_kind_column_wins_and_plain_rows_stay_pages(tmp_path):
    rows = [
        ["Thema", "Aktivitätstyp", "Dauer"],
        ["Forum der Woche", "Seite", 10],
        ["Lesetext", "", 20],
        ["Link zum Video", "", 5],  # a link without an address stays a page
        ["Linkliste", "", 5],
        ["Video https://example.org/v", "", 5],
    ]
    snap = snap_of(sheet(tmp_path, rows))
    assert [(n.activity_kind, n.url) for n in snap.nuggets] == [
        ("page", ""),
        ("page", ""),
        ("page", ""),
        ("page", ""),
        ("url", "https://example.org/v"),
    ]


# --------------------------------------------------------------------------- breaks


@pytest.mark.parametrize(
    "title",
    ["Pause", "Mittagspause", "Kaffeepause", "break", "Lunch", "Coffee break (15 min)", "PAUSE"],
)
def test_break_words(title):
    assert plan_words.is_break(title)


@pytest.mark.parametrize(
    "title", ["Pausengestaltung im Team", "Breakout-Session", "Lunch and learn", "Kaffee"]
)
def test_words_that_are_no_break(title):
    assert not plan_words.is_break(title)


def test_breaks_are_breaks_of_the_timetable_not_nuggets_or_modules(tmp_path):
    snap = read_plan(seminar_plan(tmp_path)).snapshot
    assert "Kaffeepause" not in {n.title for n in snap.nuggets}
    (module,) = snap.modules
    assert module.breaks == (
        Break(after=2, minutes=15, title="Kaffeepause"),
        Break(after=4, minutes=60, title="Mittagspause"),
    )
    rows = [
        (r.start, r.end, r.pause.title if r.pause else r.placed.nugget.title)
        for r in verlaufsplan(snap)[0].rows
    ]
    assert rows[2:6] == [
        ("10:15", "10:30", "Kaffeepause"),
        ("10:30", "11:00", "Wissenscheck Führungsstile"),
        ("11:00", "12:00", "Fallarbeit"),
        ("12:00", "13:00", "Mittagspause"),
    ]
    assert verlaufsplan(snap)[0].minutes == 225  # breaks are no learning time


def test_a_lone_break_row_ends_the_module_before_it(tmp_path):
    rows = [
        ["Modul", "Thema", "Dauer"],
        ["Vormittag", "Einstieg", 30],
        ["Mittagspause 12:00–13:00"],
        ["Nachmittag", "Vertiefung", 60],
    ]
    snap = snap_of(sheet(tmp_path, rows))
    assert [(m.title, m.breaks) for m in snap.modules] == [
        ("Vormittag", (Break(after=1, minutes=60, title="Mittagspause"),)),
        ("Nachmittag", ()),
    ]


def test_breaks_in_the_json_form_and_old_documents_without_them(tmp_path):
    snap = read_plan(seminar_plan(tmp_path)).snapshot
    assert from_json(to_json(snap)) == snap
    old = to_json(snap).replace('"breaks"', '"ignored"')
    assert from_json(old).modules[0].breaks == ()
    bad = to_json(snap).replace('"minutes": 15', '"minutes": -15')
    with pytest.raises(FormatError, match=r"modules\[0\]\.breaks\[0\]\.minutes"):
        from_json(bad)


def test_a_design_without_breaks_has_no_break_rows():
    snap = DesignSnapshot("Leer", modules=(Module("M1", "Modul"),))
    assert verlaufsplan(snap)[0].rows == ()


def test_the_word_feinkonzept_keeps_the_breaks(tmp_path):
    snap = read_plan(seminar_plan(tmp_path)).snapshot
    doc = feinkonzept.build(snap)
    cells = [[c.text for c in row.cells][:2] for t in doc.tables for row in t.rows]
    assert ["10:15–10:30\n15 min", "Kaffeepause"] in cells
    assert ["12:00–13:00\n60 min", "Mittagspause"] in cells


# --------------------------------------------------------------------------- the plan's mode


@pytest.mark.parametrize(
    ("texts", "mode"),
    [
        (["Präsenzseminar", "Fallarbeit"], "on_site"),
        (["Ort: Seminarraum 2"], "on_site"),
        (["Online-Kurs", "Fragen"], "live_online"),
        (["Webinar am Abend"], "live_online"),
        (["Grundlagen", "Übung"], None),
        (["Präsenz", "Webinar"], None),
        (["E-Learning Datenschutz", "Selbstlernphase", "Online-Test"], "self_paced_online"),
        (["Online-Selbstlernkurs"], None),
    ],
)
def test_the_plans_delivery_mode_from_its_words(texts, mode):
    assert plan_words.plan_mode(texts) == mode


def test_rows_without_their_own_mode_get_the_plans(tmp_path):
    rows = [["Thema", "Durchführungsform", "Dauer"], ["Lesen", "", 20], ["Transfer", "Betrieb", 30]]
    path = sheet(tmp_path, rows)
    assert [n.delivery_mode for n in snap_of(path).nuggets] == ["self_paced_online", "at_workplace"]
    snap = snap_of(path, "on_site")
    assert [n.delivery_mode for n in snap.nuggets] == ["on_site", "at_workplace"]
    assert snap.nuggets[0].activity_kind == "live_session"


# --------------------------------------------------------------------------- title and date


def test_a_date_in_the_title_block_is_the_start_date(tmp_path):
    assert read_plan(seminar_plan(tmp_path)).snapshot.grobkonzept.start_date == "2026-03-12"
    labelled = sheet(tmp_path, [["Datum: 5.10.26"], [], ["Thema", "Dauer"], ["A", 5]], "l.xlsx")
    assert read_plan(labelled).snapshot.grobkonzept.start_date == "2026-10-05"


def test_without_a_date_there_is_no_start_date(tmp_path):
    path = sheet(tmp_path, [["Seminar 2026"], [], ["Thema", "Dauer"], ["A", 5]])
    assert read_plan(path).snapshot.grobkonzept.start_date == ""


def test_a_plan_without_a_title_is_named_after_its_file(tmp_path):
    path = seminar_plan(tmp_path, "Verlaufsplan_Fuehrung-kompakt_2026.xlsx", title=False)
    snap = read_plan(path).snapshot
    assert snap.title == "Verlaufsplan Fuehrung kompakt 2026"
    assert shortname(snap) == "VFK2"


def test_a_plan_with_a_title_keeps_it(tmp_path):
    path = seminar_plan(tmp_path, "Verlaufsplan_Fuehrung-kompakt_2026.xlsx")
    snap = read_plan(path).snapshot
    assert snap.title == "Führung kompakt – Präsenztag am 12.03.2026"
    assert shortname(snap) == "FKP1-2026"
