"""The design's badge in the Moodle backup: badges.xml, its criteria, its image files."""

from __future__ import annotations

import hashlib
import struct
from dataclasses import replace

import pytest

from designer.core.snapshot import Asset, Badge
from tests.moodle.reader import FIXTURES, export, read

WITH_BADGE = FIXTURES / "moodle45-course-with-badge.mbz"


@pytest.fixture(scope="module")
def badged_snap(example_snap):
    badge = Badge(
        name="Lernmedien-Profi",
        description="Plant und erstellt Lernmedien für den Betrieb.",
        shape="shield",
        colour="teal",
        issuer="Akademie Nord",
    )
    return replace(example_snap, badge=badge)


@pytest.fixture(scope="module")
def badged(badged_snap):
    return export(badged_snap)


@pytest.fixture(scope="module")
def moodle_badge():
    return read(WITH_BADGE.read_bytes())


def tags(element):
    return [child.tag for child in element]


def _setting(backup, name):
    info = backup.xml("moodle_backup.xml")
    return info.xpath(f"//settings/setting[level='root' and name='{name}']/value")[0].text


def _activities(backup):
    """cmid → modulename of the backup's activities."""
    info = backup.xml("moodle_backup.xml")
    return {
        int(a.findtext("moduleid")): a.findtext("modulename")
        for a in info.iter("activity")
        if a.findtext("moduleid")
    }


def test_badges_xml_has_moodles_shape(badged, moodle_badge):
    ours = badged.xml("badges.xml").find("badge")
    theirs = moodle_badge.xml("badges.xml").find("badge")
    assert tags(ours) == tags(theirs)
    assert tags(ours.find("criteria/criterion")) == tags(theirs.find("criteria/criterion"))
    ours_param = ours.find("criteria/criterion/parameters/parameter")
    theirs_param = theirs.find("criteria/criterion[criteriatype='1']/parameters/parameter")
    assert tags(ours_param) == tags(theirs_param)
    assert badged.data["badges.xml"].startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_the_badge_is_a_course_badge_ready_to_enable(badged, badged_snap):
    badge = badged.xml("badges.xml").find("badge")
    course = badged.xml("course/course.xml")
    assert badge.findtext("name") == "Lernmedien-Profi"
    assert badge.findtext("type") == "2" and badge.findtext("status") == "0"
    assert badge.findtext("courseid") == course.get("id")
    assert badge.findtext("issuername") == "Akademie Nord"
    assert badge.findtext("language") == "de"
    description = badge.findtext("description")
    assert description.startswith(
        "Plant und erstellt Lernmedien für den Betrieb.\n\nKriterien:\n- "
    )
    # Live sessions have no completion in Moodle: the description names them.
    assert "- Am Live-Termin „Kennenlernen und Erwartungen“ teilnehmen." in description
    assert "Kompetenzen:\n- Die Teilnehmenden analysieren" in description
    assert "(Analysieren)" in description
    assert _setting(badged, "badges") == "1"


def test_criteria_name_every_tracked_activity_and_no_label(badged, badged_snap):
    badge = badged.xml("badges.xml").find("badge")
    criteria = badge.findall("criteria/criterion")
    assert [c.findtext("criteriatype") for c in criteria] == ["0", "1"]
    assert all(c.findtext("method") == "1" for c in criteria)
    activity = criteria[1]
    params = activity.findall("parameters/parameter")
    cmids = [int(p.findtext("value")) for p in params]
    assert [p.findtext("name") for p in params] == [f"module_{c}" for c in cmids]
    assert all(p.findtext("critid") == activity.get("id") for p in params)
    modules = _activities(badged)
    named = sorted(modules[c] for c in cmids)
    # 7 nuggets to complete (pages, assignments, forum, url) and the quiz; no label.
    assert named == sorted(["page", "assign", "page", "forum", "assign", "page", "url", "quiz"])
    # The quiz completes on its pass grade, the grade Kurswerk's pass mark sets.
    quiz_cmid = next(c for c in cmids if modules[c] == "quiz")
    module = badged.xml(f"activities/quiz_{quiz_cmid}/module.xml")
    assert module.findtext("completionpassgrade") == "1"
    for cmid in cmids:
        module = badged.xml(f"activities/{modules[cmid]}_{cmid}/module.xml")
        assert module.findtext("completion") == "2"


def test_the_image_is_in_files_xml_in_three_sizes(badged):
    badge_id = badged.xml("badges.xml").find("badge").get("id")
    course_context = badged.xml("course/course.xml").get("contextid")
    files = [f for f in badged.xml("files.xml").iter("file") if f.findtext("component") == "badges"]
    assert [f.findtext("filename") for f in files] == ["f1.png", "f2.png", "f3.png", "."]
    for f in files:
        assert f.findtext("filearea") == "badgeimage"
        assert f.findtext("itemid") == badge_id
        assert f.findtext("contextid") == course_context
    for f, size in zip(files, (100, 35, 512), strict=False):
        sha1 = f.findtext("contenthash")
        data = badged.data[f"files/{sha1[:2]}/{sha1}"]
        assert hashlib.sha1(data).hexdigest() == sha1
        assert int(f.findtext("filesize")) == len(data)
        assert f.findtext("mimetype") == "image/png"
        assert struct.unpack(">II", data[16:24]) == (size, size)
    # Other files keep item id 0.
    others = [
        f for f in badged.xml("files.xml").iter("file") if f.findtext("component") != "badges"
    ]
    assert others and all(f.findtext("itemid") == "0" for f in others)


def test_an_uploaded_image_is_scaled_into_moodles_sizes(badged_snap):
    image = Asset(key="A9", filename="persona.png", mimetype="image/png")
    backup = export(replace(badged_snap, badge=replace(badged_snap.badge, image=image)))
    f3 = next(
        f
        for f in backup.xml("files.xml").iter("file")
        if f.findtext("component") == "badges" and f.findtext("filename") == "f3.png"
    )
    sha1 = f3.findtext("contenthash")
    assert struct.unpack(">II", backup.data[f"files/{sha1[:2]}/{sha1}"][16:24]) == (512, 512)


def test_without_a_badge_there_is_no_badges_xml(example):
    assert "badges.xml" not in example.files()
    assert _setting(example, "badges") == "0"
    assert not [
        f for f in example.xml("files.xml").iter("file") if f.findtext("component") == "badges"
    ]
