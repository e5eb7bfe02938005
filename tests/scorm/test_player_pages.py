"""Every page of the example's packages in Chromium: no serious or critical axe-core
violation (each unit of the course player, on a wide screen and a phone, quizzes also
after checking), phone width without sideways scrolling, a print layout with every unit.
Screenshots go to test-artifacts/screenshots/ for people to look at."""

from __future__ import annotations

import pytest

from tests.browser import serious_violations
from tests.paths import ROOT
from tests.scorm.helpers import VERSIONS, example, export, open_zip, with_second_quiz
from tests.scorm.lms import serve

pytestmark = pytest.mark.e2e

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WIDE, PHONE = (1440, 900), (390, 844)


def check_quizzes(page) -> None:
    """Check every quiz of the open unit unanswered, then half-answered (shows feedback)."""
    for form in page.locator(".kw-current form.kw-quiz").all():
        for group in form.locator(".kw-answer input[type=radio]").all()[:1]:
            group.check()
        for select in form.locator("select").all():
            select.select_option(index=1)
        for field in form.locator("input[type=text]").all():
            field.fill("Moodle")
        form.get_by_role("button").click()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("version", VERSIONS)
def test_every_unit_of_the_course_player_is_accessible(page, tmp_path, version):
    snap = with_second_quiz(example())
    package = export(snap, version)
    anchors = [f"n{p.position + 1}" for p in snap.placed()]
    with serve(package, tmp_path) as base:
        for width, height in (WIDE, PHONE):
            page.set_viewport_size({"width": width, "height": height})
            for anchor in ["start", *anchors]:
                page.goto(f"{base}/pkg/index.html#{anchor}")
                page.locator(f"#{anchor}.kw-current").wait_for()
                assert serious_violations(page) == [], (anchor, width)
                assert fits(page), (anchor, width)
                name = f"player-{version}-{width}-{anchor}.png"
                if version == "scorm2004":
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=SCREENSHOTS / name, full_page=True)
                if page.locator(".kw-current form.kw-quiz").count():
                    check_quizzes(page)
                    assert serious_violations(page) == [], (anchor, width, "checked")
                    if version == "scorm2004":
                        page.screenshot(path=SCREENSHOTS / f"checked-{name}", full_page=True)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_page_of_the_per_nugget_package_is_accessible(page, tmp_path, version):
    package = export(with_second_quiz(example()), version, {"packaging": "per_nugget"})
    names = [n for n in open_zip(package).namelist() if n.endswith(".html")]
    assert len(names) == 12
    with serve(package, tmp_path) as base:
        page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
        for name in names:
            page.goto(f"{base}/pkg/{name}")
            assert serious_violations(page) == [], name
            assert fits(page), name


def test_the_course_prints_with_every_unit(page, tmp_path):
    with serve(export(example(), "scorm2004"), tmp_path) as base:
        page.goto(f"{base}/pkg/index.html#n4")
        page.emulate_media(media="print")
        shown = page.locator(".kw-unit:visible")
        assert shown.count() == 12
        assert not page.locator(".kw-nav").is_visible()
        assert not page.locator("button.kw-done").first.is_visible()
        page.emulate_media(media="screen")
        assert page.locator(".kw-unit:visible").count() == 1
