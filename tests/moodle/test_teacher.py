"""What a teacher sees in the restored course: descriptions on the course page, the
nugget's summary on its page, the course language, and end dates that include the
last day."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from lxml import html as lxml_html

from tests.moodle.reader import every_kind_dict, example_dict, export, snapshot
from tests.moodle.test_content import placed_activities, text_of

BERLIN = ZoneInfo("Europe/Berlin")
DESCRIBED = {"page", "url", "resource", "forum", "assign", "quiz", "label"}


def all_activities(backup):
    """(activity element of moodle_backup.xml, module.xml, <modname> element), section 0 too."""
    info = backup.xml("moodle_backup.xml").find("information")
    out = []
    for act in info.findall("contents/activities/activity"):
        folder, modname = act.findtext("directory"), act.findtext("modulename")
        body = backup.xml(f"{folder}/{modname}.xml").find(modname)
        out.append((act, backup.xml(f"{folder}/module.xml"), body))
    return out


def by_title(backup, title):
    for act, module, body in all_activities(backup):
        if act.findtext("title") == title:
            return module, body
    raise AssertionError(f"no activity {title!r}")


def with_nuggets(**changes):
    """The every-kind design with some nuggets' fields changed (key → fields)."""
    doc = every_kind_dict()
    for nugget in doc["design"]["nuggets"]:
        nugget.update(changes.get(nugget["key"], {}))
    return export(snapshot(doc))


def utc(*parts):
    return int(datetime(*parts, tzinfo=UTC).timestamp())


# descriptions -------------------------------------------------------------------


def test_every_described_activity_shows_its_description(every):
    kinds = set()
    for act, module, body in all_activities(every):
        assert text_of(body.findtext("intro")).strip(), act.findtext("title")
        assert module.findtext("showdescription") == "1", act.findtext("title")
        kinds.add(act.findtext("modulename"))
    assert kinds == DESCRIBED


def test_label_flag_is_moodles_own(every, reference):
    """Moodle's label form sets showdescription 1 (hidden), its generator leaves a page at 0."""
    flags = {
        name: reference.xml(f"activities/{name}/module.xml").findtext("showdescription")
        for name in ("label_9", "page_8")
    }
    assert flags == {"label_9": "1", "page_8": "0"}
    labels = [m for a, m, _ in all_activities(every) if a.findtext("modulename") == "label"]
    assert len(labels) == 6  # welcome, four live sessions, one text label
    assert {m.findtext("showdescription") for m in labels} == {flags["label_9"]}


def test_no_description_no_flag():
    backup = with_nuggets(
        N4={"summary": "", "content_html": "<p>Das SAMR-Modell in vier Stufen.</p>"},
        N6={"summary": "", "content_html": "<p> </p><p><br></p>"},
        N10={"summary": "", "content_html": '<p><img src="samr.png" alt="SAMR"></p>'},
        N13={"content_html": ""},
    )
    page_module, page = by_title(backup, "Das SAMR-Modell")
    assert page.findtext("intro") == ""
    assert page_module.findtext("showdescription") == "0"
    forum_module, _ = by_title(backup, "Austausch: Medienwahl begründen")
    assert forum_module.findtext("showdescription") == "0"
    url_module, _ = by_title(backup, "Hilfe zur Lernplattform")
    assert url_module.findtext("showdescription") == "1"  # an image is a description
    label_module, _ = by_title(backup, "Hinweis zur Abgabe")
    assert label_module.findtext("showdescription") == "1"


def test_page_content_leads_with_the_summary(example, example_snap):
    pages = [
        (placed, body)
        for placed, (act, body) in zip(
            example_snap.placed(), placed_activities(example), strict=True
        )
        if act.findtext("modulename") == "page"
    ]
    assert len(pages) == 3
    for placed, body in pages:
        summary = placed.nugget.summary
        assert text_of(body.findtext("intro")) == summary
        content = lxml_html.fromstring(f"<div>{body.findtext('content')}</div>")
        assert (content[0].tag, content[0].text_content()) == ("p", summary)
        assert content.text_content().count(summary) == 1
        # the page view does not print the intro again
        assert 's:10:"printintro";i:0' in body.findtext("displayoptions")
    first = pages[0][1].findtext("content")
    assert 'src="@@PLUGINFILE@@/persona.png"' in first  # the content's image still embedded


def test_page_without_summary_starts_with_its_content():
    _, page = by_title(with_nuggets(N4={"summary": ""}), "Das SAMR-Modell")
    content = lxml_html.fromstring(f"<div>{page.findtext('content')}</div>")
    assert content[0].text_content().strip()
    assert "<p></p>" not in page.findtext("content")


# course language ----------------------------------------------------------------


def test_course_language_is_the_designs(example):
    assert example.xml("course/course.xml").findtext("lang") == "de"
    doc = example_dict()
    doc["design"]["language"] = "en"
    english = export(snapshot(doc))
    assert english.xml("course/course.xml").findtext("lang") == "en"
    # activities follow the course: none forces a language of its own
    for backup in (example, english):
        assert {m.findtext("lang") for _, m, _ in all_activities(backup)} == {"$@NULL@$"}


# dates --------------------------------------------------------------------------


def test_course_ends_at_the_end_of_its_last_day(example, example_snap):
    course = example.xml("course/course.xml")
    assert example_snap.grobkonzept.end_date == "2027-03-26"
    assert int(course.findtext("enddate")) == utc(2027, 3, 26, 22, 59, 59)  # 23:59:59 CET
    end = datetime.fromtimestamp(int(course.findtext("enddate")), BERLIN)
    assert end.isoformat() == "2027-03-26T23:59:59+01:00"
    start = datetime.fromtimestamp(int(course.findtext("startdate")), BERLIN)
    assert start.isoformat() == "2027-02-01T00:00:00+01:00"  # a first day starts at midnight


@pytest.mark.parametrize(
    ("last_day", "expected"),
    [
        ("2027-03-28", utc(2027, 3, 28, 21, 59, 59)),  # summer time begins that night
        ("2027-10-31", utc(2027, 10, 31, 22, 59, 59)),  # summer time ends that night
        ("2027-07-15", utc(2027, 7, 15, 21, 59, 59)),
    ],
)
def test_end_of_day_across_summer_time(last_day, expected):
    doc = example_dict()
    doc["design"]["grobkonzept"]["end_date"] = last_day
    course = export(snapshot(doc)).xml("course/course.xml")
    assert int(course.findtext("enddate")) == expected


def test_no_end_date_stays_open():
    doc = example_dict()
    doc["design"]["grobkonzept"]["end_date"] = ""
    assert export(snapshot(doc)).xml("course/course.xml").findtext("enddate") == "0"


def test_due_date_of_a_last_day_is_its_end():
    backup = with_nuggets(N14={"schedule": {"date": "2027-03-28"}})
    _, report = by_title(backup, "Transferbericht")
    assert int(report.findtext("duedate")) == utc(2027, 3, 28, 21, 59, 59)
    # a given end time stays that time
    _, report = by_title(with_nuggets(), "Transferbericht")
    due = datetime.fromtimestamp(int(report.findtext("duedate")), BERLIN)
    assert due.isoformat() == "2027-03-19T18:00:00+01:00"
