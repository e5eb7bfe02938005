"""Shape of the export against the backups Moodle 4.5 wrote itself (fixtures/)."""

import pytest

# Files Moodle's backup leaves out when users, comments, filters, calendar events,
# user completion, badges, xAPI state and content bank are not backed up, plus the
# index and log its packer adds.
LEFT_OUT_ROOT = {"users.xml", "badges.xml", ".ARCHIVE_INDEX", "moodle_backup.log"}
LEFT_OUT_COURSE = {"calendar.xml", "comments.xml", "filters.xml", "contentbank.xml"}
LEFT_OUT_ACTIVITY = {
    "calendar.xml",
    "comments.xml",
    "filters.xml",
    "completion.xml",
    "xapistate.xml",
}


def tags(element):
    return [child.tag for child in element]


def folders(backup, prefix):
    """modname (or "section") → set of file names in such folders."""
    out = {}
    for name in backup.files():
        parts = name.split("/")
        if parts[0] == prefix and len(parts) == 3:
            kind = parts[1].rsplit("_", 1)[0]
            out.setdefault(kind, set()).add(parts[2])
    return out


def first_folder(backup, modname):
    return next(
        n.rsplit("/", 1)[0]
        for n in sorted(backup.files())
        if n.startswith(f"activities/{modname}_")
    )


def test_root_files_like_moodles(every, reference):
    ours = {n for n in every.files() if "/" not in n}
    theirs = {n for n in reference.files() if "/" not in n}
    assert theirs - ours == LEFT_OUT_ROOT
    assert ours <= theirs
    for name in ours:
        assert every.xml(name).tag == reference.xml(name).tag, name


def test_course_files_like_moodles(every, reference):
    ours = {n for n in every.files() if n.startswith("course/")}
    theirs = {n for n in reference.files() if n.startswith("course/")}
    assert {n.split("/")[1] for n in theirs - ours} == LEFT_OUT_COURSE
    assert ours <= theirs
    for name in ours - {"course/inforef.xml"}:  # our question banks are the quizzes' own
        assert tags(every.xml(name)) == tags(reference.xml(name)), name
    assert tags(every.xml("course/course.xml").find("category")) == tags(
        reference.xml("course/course.xml").find("category")
    )


def test_section_files_like_moodles(every, reference):
    assert folders(every, "sections") == folders(reference, "sections")
    ours = every.xml("sections/section_2/section.xml")
    theirs = reference.xml("sections/section_6/section.xml")
    assert tags(ours) == tags(theirs)


@pytest.mark.parametrize("modname", ["page", "label", "url", "resource", "forum", "assign", "quiz"])
def test_activity_folder_like_moodles(every, reference, modname):
    ours = folders(every, "activities")[modname]
    theirs = folders(reference, "activities")[modname]
    assert theirs - ours == LEFT_OUT_ACTIVITY
    assert ours <= theirs
    mine, ref = first_folder(every, modname), first_folder(reference, modname)
    for name in ours:
        a, b = every.xml(f"{mine}/{name}"), reference.xml(f"{ref}/{name}")
        assert a.tag == b.tag, name
        if name != "inforef.xml":
            assert tags(a) == tags(b), name
    body, ref_body = every.xml(f"{mine}/{modname}.xml"), reference.xml(f"{ref}/{modname}.xml")
    assert sorted(body.attrib) == sorted(ref_body.attrib)
    assert tags(body.find(modname)) == tags(ref_body.find(modname))


def test_grade_items_like_moodles(every, reference):
    ours = every.xml(f"{first_folder(every, 'quiz')}/grades.xml").find("grade_items/grade_item")
    theirs = reference.xml("activities/quiz_14/grades.xml").find("grade_items/grade_item")
    assert tags(ours) == tags(theirs)
    book, ref_book = every.xml("gradebook.xml"), reference.xml("gradebook.xml")
    for path in ("grade_categories/grade_category", "grade_items/grade_item", "grade_settings"):
        assert tags(book.find(path)) == tags(ref_book.find(path)), path


def test_quiz_parts_like_moodles(every, reference):
    ours = every.xml(f"{first_folder(every, 'quiz')}/quiz.xml")
    theirs = reference.xml("activities/quiz_14/quiz.xml")
    for path in (".//question_instance", ".//question_reference", ".//sections/section"):
        assert tags(ours.find(path)) == tags(theirs.find(path)), path


def test_assign_plugins_like_moodles(every, reference):
    ours = every.xml(f"{first_folder(every, 'assign')}/assign.xml").find(".//plugin_config")
    theirs = reference.xml("activities/assign_13/assign.xml").find(".//plugin_config")
    assert tags(ours) == tags(theirs)


def test_questions_like_moodles(every, reference):
    ours, theirs = every.xml("questions.xml"), reference.xml("questions.xml")
    for path in (
        "question_category",
        ".//question_bank_entry",
        ".//question_versions",
        ".//question",
        ".//answer",
        ".//multichoice",
        ".//truefalse",
    ):
        assert tags(ours.find(path)) == tags(theirs.find(path)), path
    qtypes = {q.findtext("qtype") for q in ours.iter("question")}
    # The reference has no matching or short-answer question; test_question_kinds holds
    # those to Moodle's own backup code.
    assert qtypes == {q.findtext("qtype") for q in theirs.iter("question")} | {
        "match",
        "shortanswer",
    }


def test_files_xml_like_moodles(every, reference):
    assert tags(every.xml("files.xml").find("file")) == tags(
        reference.xml("files.xml").find("file")
    )


def test_moodle_backup_xml_like_moodles(every, reference, minimal):
    ours = every.xml("moodle_backup.xml").find("information")
    theirs = reference.xml("moodle_backup.xml").find("information")
    assert tags(ours) == tags(theirs)
    for path in ("details/detail", "contents/activities/activity", "contents/sections/section"):
        assert tags(ours.find(path)) == tags(theirs.find(path)), path
    assert tags(ours.find("contents/course")) == tags(theirs.find("contents/course"))
    root_names = [
        s.findtext("name")
        for s in ours.findall("settings/setting")
        if s.findtext("level") == "root"
    ]
    assert root_names == [
        s.findtext("name")
        for s in theirs.findall("settings/setting")
        if s.findtext("level") == "root"
    ]
    assert minimal.xml("moodle_backup.xml").find("information/contents") is not None
