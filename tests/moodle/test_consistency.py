"""The cross-references restore relies on: inforef ↔ files.xml ↔ bytes, sections ↔
activities ↔ contents ↔ settings, quizzes ↔ question banks, grade items."""

import hashlib
from collections import Counter

NULL = "$@NULL@$"
ZERO_SETTINGS = ("users", "logs", "comments", "calendarevents", "userscompletion", "filters")


def activities(backup):
    info = backup.xml("moodle_backup.xml").find("information")
    return info.findall("contents/activities/activity")


def test_versions_and_root_settings(backup):
    info = backup.xml("moodle_backup.xml").find("information")
    assert info.findtext("backup_version") == "2024100700"
    assert info.findtext("backup_release") == "4.5"
    root = {
        s.findtext("name"): s.findtext("value")
        for s in info.findall("settings/setting")
        if s.findtext("level") == "root"
    }
    for name in (*ZERO_SETTINGS, "badges"):
        assert root[name] == "0", name
    assert root["activities"] == root["files"] == root["questionbank"] == "1"


def test_settings_keyed_by_directory_names(backup):
    info = backup.xml("moodle_backup.xml").find("information")
    expected = []
    for section in info.findall("contents/sections/section"):
        key = section.findtext("directory").split("/")[1]
        expected += [f"{key}_included", f"{key}_userinfo"]
        for act in activities(backup):
            if act.findtext("sectionid") == section.findtext("sectionid"):
                name = act.findtext("directory").split("/")[1]
                expected += [f"{name}_included", f"{name}_userinfo"]
    settings = [s for s in info.findall("settings/setting") if s.findtext("level") != "root"]
    assert [s.findtext("name") for s in settings] == expected
    for s in settings:
        owner = s.findtext(s.findtext("level"))
        assert s.findtext("name").startswith(owner + "_")
        assert s.findtext("value") == ("1" if s.findtext("name").endswith("included") else "0")


def test_contents_match_folders(backup):
    info = backup.xml("moodle_backup.xml").find("information")
    folders = {n.split("/")[1] for n in backup.files() if n.startswith("activities/")}
    listed = [a.findtext("directory") for a in activities(backup)]
    assert {d.split("/")[1] for d in listed} == folders
    for act in activities(backup):
        folder = act.findtext("directory")
        modname = act.findtext("modulename")
        assert folder == f"activities/{modname}_{act.findtext('moduleid')}"
        module = backup.xml(f"{folder}/module.xml")
        assert module.get("id") == act.findtext("moduleid")
        assert module.findtext("sectionid") == act.findtext("sectionid")
        body = backup.xml(f"{folder}/{modname}.xml")
        assert body.get("moduleid") == act.findtext("moduleid")
        assert body.find(modname).findtext("name") == act.findtext("title")
    sections = {s.findtext("directory") for s in info.findall("contents/sections/section")}
    assert sections == {n.rsplit("/", 1)[0] for n in backup.files() if n.startswith("sections/")}


def test_section_sequences_follow_contents(backup):
    info = backup.xml("moodle_backup.xml").find("information")
    order = [(a.findtext("sectionid"), a.findtext("moduleid")) for a in activities(backup)]
    numbers = []
    for section in info.findall("contents/sections/section"):
        xml = backup.xml(f"{section.findtext('directory')}/section.xml")
        assert xml.get("id") == section.findtext("sectionid")
        sequence = [c for c in xml.findtext("sequence").split(",") if c]
        assert sequence == [m for s, m in order if s == xml.get("id")]
        for cmid in sequence:
            module = backup.xml(f"activities/{_folder(backup, cmid)}/module.xml")
            assert module.findtext("sectionnumber") == xml.findtext("number")
        numbers.append(int(xml.findtext("number")))
    assert numbers == list(range(len(numbers)))
    flat = [m for s, m in order]
    assert len(flat) == len(set(flat))


def test_inforef_and_files_agree(backup):
    files = {f.get("id"): f for f in backup.xml("files.xml").findall("file")}
    referenced = Counter()
    for act in activities(backup):
        folder = act.findtext("directory")
        contextid = backup.xml(f"{folder}/{act.findtext('modulename')}.xml").get("contextid")
        for ref in backup.xml(f"{folder}/inforef.xml").findall("fileref/file/id"):
            referenced[ref.text] += 1
            entry = files[ref.text]
            assert entry.findtext("contextid") == contextid
            assert entry.findtext("component") == f"mod_{act.findtext('modulename')}"
    assert set(referenced) == set(files) and set(referenced.values()) == {1}
    contexts = [
        backup.xml(f"{a.findtext('directory')}/{a.findtext('modulename')}.xml").get("contextid")
        for a in activities(backup)
    ]
    assert len(contexts) == len(set(contexts))


def test_file_bytes_match_sha1_and_size(backup):
    stored = {n for n in backup.files() if n.startswith("files/")}
    needed = set()
    for entry in backup.xml("files.xml").findall("file"):
        if entry.findtext("filename") == ".":
            assert entry.findtext("filesize") == "0"
            continue
        sha1 = entry.findtext("contenthash")
        path = f"files/{sha1[:2]}/{sha1}"
        data = backup.data[path]
        assert hashlib.sha1(data).hexdigest() == sha1
        assert len(data) == int(entry.findtext("filesize"))
        needed.add(path)
    assert stored == needed


def test_quiz_questions_and_categories_tie_together(backup):
    categories = {c.get("id"): c for c in backup.xml("questions.xml").findall("question_category")}
    entries = {
        e.get("id"): e
        for c in categories.values()
        for e in c.findall("question_bank_entries/question_bank_entry")
    }
    used = set()
    for act in activities(backup):
        if act.findtext("modulename") != "quiz":
            continue
        folder = act.findtext("directory")
        quiz = backup.xml(f"{folder}/quiz.xml")
        refs = [
            r.text for r in backup.xml(f"{folder}/inforef.xml").findall(".//question_category/id")
        ]
        for cat_id in refs:
            cat = categories[cat_id]
            assert cat.findtext("contextid") == quiz.get("contextid")
            assert cat.findtext("contextlevel") == "70"
            assert cat.findtext("contextinstanceid") == quiz.get("moduleid")
        assert sum(categories[c].findtext("parent") == "0" for c in refs) == 1
        for ref in quiz.findall(".//question_instance/question_reference"):
            assert ref.findtext("usingcontextid") == quiz.get("contextid")
            entry = entries[ref.findtext("questionbankentryid")]
            assert entry.findtext("questioncategoryid") in refs
            used.add(entry.get("id"))
        used.update(refs)
    assert used == set(entries) | set(categories)


def test_grade_items(backup):
    book = backup.xml("gradebook.xml")
    category = book.find("grade_categories/grade_category")
    total = 0.0
    for act in activities(backup):
        folder = act.findtext("directory")
        items = backup.xml(f"{folder}/grades.xml").findall("grade_items/grade_item")
        refs = [r.text for r in backup.xml(f"{folder}/inforef.xml").findall(".//grade_item/id")]
        assert [i.get("id") for i in items] == refs
        graded = act.findtext("modulename") in ("assign", "quiz")
        assert len(items) == (1 if graded else 0)
        for item in items:
            assert item.findtext("categoryid") == category.get("id")
            assert item.findtext("itemmodule") == act.findtext("modulename")
            total += float(item.findtext("grademax"))
    course_item = book.find("grade_items/grade_item")
    assert course_item.findtext("itemtype") == "course"
    assert course_item.findtext("iteminstance") == category.get("id")
    assert float(course_item.findtext("grademax")) == total


def _folder(backup, cmid):
    for act in activities(backup):
        if act.findtext("moduleid") == cmid:
            return act.findtext("directory").split("/")[1]
    raise AssertionError(f"no activity {cmid}")
