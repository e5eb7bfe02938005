"""A SCO that the LMS does not take (Moodle refuses a second SCO of one visit: Initialize
answers false; or no API at all) must not claim a recorded result: the page says the
result was not sent, and still shows the feedback. Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from tests.paths import ROOT
from tests.scorm.helpers import VERSIONS, example, export
from tests.scorm.lms import TestLms, serve
from tests.scorm.test_runtime import answer

pytestmark = pytest.mark.e2e

QUIZ = "Selbsttest: Medien und Methoden"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
UNSENT = "Das Ergebnis konnte nicht an die Lernplattform übermittelt werden"
REFUSED = "Die Lernplattform hat die Verbindung abgelehnt"


@pytest.fixture
def quiz_sco(page, tmp_path):
    """The quiz SCO of the per-nugget package, launched in the test LMS as `lms` says."""
    with ExitStack() as stack:

        def launch(version: str, lms: str):
            package = export(example(), version, {"packaging": "per_nugget"})
            base = stack.enter_context(serve(package, tmp_path / "site"))
            test_lms = TestLms(page, base, package, version)
            return test_lms, test_lms.launch(QUIZ, lms=lms)

        yield launch


@pytest.mark.parametrize("lms", ["refuse", "none"])
@pytest.mark.parametrize("version", VERSIONS)
def test_a_refused_connection_is_said_and_no_pass_is_claimed(page, quiz_sco, version, lms):
    test_lms, frame = quiz_sco(version, lms)
    note = frame.get_by_role("alert")
    assert REFUSED in note.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"refused-{version}-{lms}-top.png"))
    answer(frame, right=True)
    frame.locator(".kw-result").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"refused-{version}-{lms}-result.png"))
    result = frame.locator(".kw-result").inner_text()
    assert result.startswith("5 von 5 Fragen richtig (100 %).")
    assert UNSENT in result
    assert "Bestanden" not in result
    assert frame.get_by_text("Richtig: reiner Ersatz.").is_visible()
    assert frame.locator("#n5-q1 .kw-verdict").inner_text() == "Richtig."
    if lms == "refuse":
        calls = test_lms.state().results
        setters = [
            c for c in calls if c["name"] in ("SetValue", "LMSSetValue", "Commit", "LMSCommit")
        ]
        assert setters == []  # nothing is sent to a session the LMS refused


@pytest.mark.parametrize("version", VERSIONS)
def test_a_connected_quiz_says_passed_and_no_warning(quiz_sco, version):
    _, frame = quiz_sco(version, "")
    answer(frame, right=True)
    result = frame.locator(".kw-result").inner_text()
    assert result == "5 von 5 Fragen richtig (100 %). Bestanden."
    assert frame.locator("[data-kw-refused]").is_hidden()
    assert frame.get_by_role("alert").count() == 0
