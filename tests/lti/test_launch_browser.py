"""A launch in a real Chromium, inside the LMS's iframe on another site: the browser
blocks the tool's cookies there, so the OIDC state travels through the LTI client-side
postMessage storage of the LMS's page."""

from __future__ import annotations

import pytest

from designer.models import db
from tests.lti.conftest import open_launched

pytestmark = pytest.mark.e2e


def test_a_launch_in_a_cross_site_frame_uses_the_platform_storage(
    page, live_server, platform, registered, released, example_design
):
    # The tool as "localhost", the LMS as "127.0.0.1": two sites, a third-party frame.
    platform.tool = live_server.replace("127.0.0.1", "localhost")
    platform.design_id = example_design.id
    title = example_design.title
    # End this thread's read transaction: on SQLite it would hold off the server's writes.
    db.session.rollback()
    refused: list[str] = []
    page.on("console", lambda m: refused.append(m.text) if m.type == "error" else None)
    frame, tool = open_launched(page, platform, "[data-kw-task]")
    assert frame.get_by_role("heading", level=1, name=title).count() == 1
    kept = page.evaluate("window.kwStorage")
    states = [k for k in kept if k.startswith("state_")]
    assert len(states) == 1 and kept[states[0]] == states[0][len("state_") :]
    assert any(k.startswith("nonce_") for k in kept)
    # What the learner does reaches the LMS's gradebook through lti-lms.js.
    tool.evaluate("location.hash = 'n2'")
    frame.locator("#n2").get_by_role("button", name="Als erledigt markieren").click()
    for _ in range(600):  # up to a minute on a loaded machine
        if platform.scores:
            break
        page.wait_for_timeout(100)
    assert platform.scores, "the score reached the platform"
    body = platform.scores[0]["body"]
    assert body["userId"] == "user-7" and body["activityProgress"] == "InProgress"
    assert refused == []
