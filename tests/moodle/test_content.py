"""The course read back from the XML says what the design says."""

import copy
from datetime import datetime
from zoneinfo import ZoneInfo

from lxml import html as lxml_html

from designer.export.moodle.plan import modname_for
from tests.moodle.reader import every_kind_dict, export, snapshot

KIND_TO_MODULE = {
    "page": "page",
    "quiz": "quiz",
    "assignment": "assign",
    "forum": "forum",
    "url": "url",
    "file": "resource",
    "live_session": "label",
    "label": "label",
}
BERLIN = ZoneInfo("Europe/Berlin")


def text_of(markup: str) -> str:
    return lxml_html.fromstring(f"<div>{markup}</div>").text_content()


def placed_activities(backup):
    """(activity element of moodle_backup.xml, <modname> element) after section 0."""
    info = backup.xml("moodle_backup.xml").find("information")
    out = []
    for act in info.findall("contents/activities/activity"):
        body = backup.xml(f"{act.findtext('directory')}/{act.findtext('modulename')}.xml")
        out.append((act, body.find(act.findtext("modulename"))))
    return out[1:]


def test_course_names_summary_and_completion(example, example_snap):
    course = example.xml("course/course.xml")
    assert course.findtext("fullname") == example_snap.title
    assert course.findtext("shortname") == "LDMBG-2027"
    assert course.findtext("format") == "topics"
    assert course.findtext("enablecompletion") == "1"
    summary = text_of(course.findtext("summary"))
    g = example_snap.grobkonzept
    for part in (g.offer_description, g.target_group, "20 Stunden", "Lernziele"):
        assert part in summary
    for objective in example_snap.objectives:
        assert objective.text in summary
    start = datetime.fromtimestamp(int(course.findtext("startdate")), BERLIN)
    assert (start.date().isoformat(), start.hour) == (g.start_date, 0)


def test_sections_are_modules_with_welcome_first(example, example_snap):
    info = example.xml("moodle_backup.xml").find("information")
    dirs = [s.findtext("directory") for s in info.findall("contents/sections/section")]
    sections = [example.xml(f"{d}/section.xml") for d in dirs]
    assert sections[0].findtext("number") == "0"
    front = sections[0].findtext("sequence").split(",")
    assert len(front) == 1
    welcome = example.xml(f"activities/label_{front[0]}/label.xml").find("label")
    assert example_snap.grobkonzept.offer_description in text_of(welcome.findtext("intro"))
    for module in example_snap.modules:
        assert module.title in text_of(welcome.findtext("intro"))
    for section, module in zip(sections[1:], example_snap.modules, strict=True):
        assert section.findtext("name") == module.title
        assert module.description in text_of(section.findtext("summary"))


def test_section_summary_gives_the_module_dates(every):
    section = every.xml("sections/section_4/section.xml")
    assert section.findtext("name") == "Produzieren: Erklärvideo"
    summary = text_of(section.findtext("summary"))
    assert "Datum: 12.03.2027" in summary and "Uhrzeit: 09:00–17:00" in summary


def test_one_activity_per_nugget_in_canvas_order(backup, every_snap, example_snap):
    snap = every_snap if len(placed_activities(backup)) > 11 else example_snap
    placed = list(snap.placed())
    acts = placed_activities(backup)
    assert [a.findtext("title") for a, _ in acts] == [p.nugget.title for p in placed]
    assert [a.findtext("modulename") for a, _ in acts] == [
        KIND_TO_MODULE[p.nugget.activity_kind] for p in placed
    ]


def test_completion_rules(every):
    expected = {
        "page": ("2", "1", "0"),
        "url": ("2", "1", "0"),
        "resource": ("2", "1", "0"),
        "forum": ("2", "1", "0"),
        "label": ("0", "0", "0"),
        "assign": ("2", "0", "0"),
        "quiz": ("2", "0", "1"),
    }
    for act, body in placed_activities(every):
        module = every.xml(f"{act.findtext('directory')}/module.xml")
        got = tuple(
            module.findtext(t) for t in ("completion", "completionview", "completionpassgrade")
        )
        assert got == expected[act.findtext("modulename")], act.findtext("title")
        if act.findtext("modulename") == "assign":
            assert body.findtext("completionsubmit") == "1"
        if act.findtext("modulename") == "quiz":
            assert module.findtext("completiongradeitemnumber") == "0"


def test_page_content_embeds_its_image(example, example_snap):
    page = _by_title(example, "Input: Lernzielgruppen im Betrieb")
    assert 'src="@@PLUGINFILE@@/persona.png"' in page.findtext("content")
    assert "Wer lernt bei uns?" in text_of(page.findtext("content"))
    files = [
        f
        for f in example.xml("files.xml").findall("file")
        if f.findtext("filename") == "persona.png"
    ]
    assert [(f.findtext("component"), f.findtext("filearea")) for f in files] == [
        ("mod_page", "content")
    ]


def test_assignment_with_template_due_date_and_submissions(every):
    persona = _by_title(every, "Persona für die eigene Zielgruppe")
    assert "Erstellen Sie mit der Vorlage" in text_of(persona.findtext("intro"))
    assert persona.findtext("duedate") == "0"
    plugins = {
        (c.findtext("plugin"), c.findtext("subtype"), c.findtext("name")): c.findtext("value")
        for c in persona.findall("plugin_configs/plugin_config")
    }
    assert plugins[("onlinetext", "assignsubmission", "enabled")] == "1"
    assert plugins[("file", "assignsubmission", "enabled")] == "1"
    areas = {
        (f.findtext("filename"), f.findtext("filearea"))
        for f in every.xml("files.xml").findall("file")
        if f.findtext("component") == "mod_assign"
    }
    assert ("persona-vorlage.pdf", "introattachment") in areas
    report = _by_title(every, "Transferbericht")
    due = datetime.fromtimestamp(int(report.findtext("duedate")), BERLIN)
    assert due.isoformat() == "2027-03-19T18:00:00+01:00"
    video = _by_title(every, "Erklärvideo produzieren")
    due = datetime.fromtimestamp(int(video.findtext("duedate")), BERLIN)
    assert due.isoformat() == "2027-03-12T17:00:00+01:00"


def test_sessions_say_when_where_and_how(every):
    onsite = text_of(_by_title(every, "Abschlusstag: Präsentation und Feedback").findtext("intro"))
    for part in ("Datum: 26.03.2027", "Uhrzeit: 09:00–16:00", "Ort: Schulungsraum des Clusters"):
        assert part in onsite
    assert "Methode: Präsentation mit kollegialem Feedback" in onsite
    assert "Sozialform: Plenum" in onsite
    online = _by_title(every, "Sprechstunde").findtext("intro")
    assert 'href="https://meet.example/sprechstunde"' in online
    assert "Link: https://meet.example/sprechstunde" in text_of(online)
    assert "Sozialform: Gruppenarbeit" in text_of(online)


def test_url_forum_resource_and_label(every):
    url = _by_title(every, "Hilfe zur Lernplattform")
    assert url.findtext("externalurl") == "https://docs.moodle.org/405/de/Hauptseite"
    forum = _by_title(every, "Austausch: Medienwahl begründen")
    assert forum.findtext("type") == "general"
    assert "Begründen Sie Ihre Medienwahl" in text_of(forum.findtext("intro"))
    label = _by_title(every, "Hinweis zur Abgabe")
    assert "bis Freitag hoch" in text_of(label.findtext("intro"))
    resource_files = [
        (f.findtext("filename"), f.findtext("sortorder"))
        for f in every.xml("files.xml").findall("file")
        if f.findtext("component") == "mod_resource"
    ]
    assert resource_files == [("persona-vorlage.pdf", "1"), (".", "0")]


def test_quiz_questions_match_the_snapshot(example, example_snap):
    nugget = example_snap.nugget("N5")
    quiz = _by_title(example, nugget.title)
    assert quiz.findtext("grade") == "10.00000"
    assert quiz.findtext("sumgrades") == f"{len(nugget.questions)}.00000"
    item = example.xml(f"activities/quiz_{quiz.getparent().get('moduleid')}/grades.xml")
    assert item.findtext("grade_items/grade_item/gradepass") == "8.00000"  # 80 % of 10
    entries = {
        e.get("id"): e.find("question_version/question_versions/questions/question")
        for e in example.xml("questions.xml").iter("question_bank_entry")
    }
    slots = quiz.findall("question_instances/question_instance")
    assert len(slots) == len(nugget.questions)
    kinds = ["single", "multi", "truefalse", "match", "shortanswer"]
    assert [q.kind for q in nugget.questions] == kinds
    for slot, question in zip(slots, nugget.questions, strict=True):
        q = entries[slot.findtext("question_reference/questionbankentryid")]
        assert text_of(q.findtext("questiontext")) == question.text
        answers = q.findall(".//answers/answer")
        fractions = [float(a.findtext("fraction")) for a in answers]
        if question.kind == "truefalse":
            assert q.findtext("qtype") == "truefalse"
            assert [a.findtext("answertext") for a in answers] == ["Wahr", "Falsch"]
            assert fractions == [0.0, 1.0]
            assert text_of(answers[0].findtext("feedback")) == "Zu viele Reize können überfordern."
            continue
        if question.kind == "match":
            assert q.findtext("qtype") == "match"
            rows = q.findall(".//matches/match")
            assert [
                (text_of(r.findtext("questiontext")), r.findtext("answertext")) for r in rows
            ] == [(a.text, a.match) for a in question.answers]
            continue
        if question.kind == "shortanswer":
            assert q.findtext("qtype") == "shortanswer"
            assert [a.findtext("answertext") for a in answers] == ["Augmentation"]
            assert fractions == [1.0]
            assert q.findtext(".//shortanswer/usecase") == "0"
            continue
        assert q.findtext("qtype") == "multichoice"
        single = q.findtext(".//multichoice/single")
        assert single == ("1" if question.kind == "single" else "0")
        assert [text_of(a.findtext("answertext")) for a in answers] == [
            a.text for a in question.answers
        ]
        assert [text_of(a.findtext("feedback")) for a in answers] == [
            a.feedback for a in question.answers
        ]
        assert round(sum(f for f in fractions if f > 0), 5) == 1.0
        assert [f > 0 for f in fractions] == [a.correct for a in question.answers]


def test_english_design_gets_english_texts(every_snap):
    doc = every_kind_dict()
    doc["design"]["language"] = "en"
    backup = export(snapshot(doc))
    onsite = text_of(_by_title(backup, "Abschlusstag: Präsentation und Feedback").findtext("intro"))
    assert "Date: 26 Mar 2027" in onsite and "Place: Schulungsraum des Clusters" in onsite
    assert "Social form: Plenary" in onsite
    course = text_of(backup.xml("course/course.xml").findtext("summary"))
    assert "Learning objectives" in course and "20 hours" in course
    tf = [
        q
        for q in backup.xml("questions.xml").iter("question")
        if q.findtext("qtype") == "truefalse"
    ]
    assert [a.findtext("answertext") for a in tf[0].findall(".//answer")] == ["True", "False"]


def test_file_nugget_without_file_becomes_page():
    doc = copy.deepcopy(every_kind_dict())
    for nugget in doc["design"]["nuggets"]:
        if nugget["key"] == "N12":
            nugget["assets"] = []
    snap = snapshot(doc)
    placed = next(p for p in snap.placed() if p.nugget.key == "N12")
    assert modname_for(placed) == "page"


def _by_title(backup, title):
    for act, body in placed_activities(backup):
        if act.findtext("title") == title:
            return body
    raise AssertionError(f"no activity {title!r}")
