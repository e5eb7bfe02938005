"""One severity per finding: the checklists that apply judge it, and every page that shows
the finding (canvas and wizard panel, overview, review, quality report, the Word report's
record, `designer check`, the API) shows the same judgement. A closed review shows the
findings of the revision it decided on, not today's."""

from __future__ import annotations

import html
import json
import re

from sqlalchemy import select

from designer.cli import check_command
from designer.extensions import db
from designer.models import Module, Review
from designer.quality import get_builtin
from designer.queries import quality as qq
from designer.queries.read_model import snapshot
from designer.services import placements
from tests.review.test_review_flow import _manual_answers, _submit

TITLE = "Quelle unklar"


def _add_unlicensed(designer, design, title: str = TITLE) -> None:
    """A nugget with neither licence nor attribution: a finding of rule legal.license."""
    module = db.session.scalar(
        select(Module).where(Module.design_id == design.id).order_by(Module.position)
    )
    placements.add_new_nugget(
        designer, design, module.id, {"title": title, "learning_type": "acquisition"}
    )
    db.session.commit()


def _panel_severity(page: str, title: str) -> str | None:
    """The severity class of the panel's licence finding on `title`, None when absent."""
    for cls, body in re.findall(r'<li class="finding finding-(\w+)">(.*?)</li>', page, re.S):
        text = html.unescape(body)
        if title in text and "Lizenz" in text.replace(title, ""):
            return cls
    return None


def _review_line(page: str, criterion: str, tag: str = "li") -> str:
    """The line (list item or table row) of one automatic criterion, as text."""
    for item in re.findall(rf"<{tag}>(.*?)</{tag}>", page, re.S):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", item)).split())
        if criterion in text:
            return text
    raise AssertionError(f"criterion {criterion!r} not on the page")


def _cli_findings(app, design_id: int) -> list[dict]:
    result = app.test_cli_runner().invoke(check_command, [str(design_id), "--json"])
    return json.loads(result.output)


def _licence(findings: list[dict], title: str = TITLE) -> dict:
    return next(f for f in findings if f["rule"] == "legal.license" and title in f["message"])


def test_licence_gap_is_an_error_everywhere_under_the_legal_checklist(
    app, client, login, people, example_design
):
    designer, reviewer = people["designer"], people["reviewer"]
    _add_unlicensed(designer, example_design)
    login(designer)
    base = f"/designs/{example_design.id}"

    # Before any submission the built-in checklists apply: the legal one makes it an error.
    assert _panel_severity(client.get(f"{base}/quality/panel").get_data(as_text=True), TITLE) == (
        "error"
    )
    assert _panel_severity(client.get(base).get_data(as_text=True), TITLE) == "error"

    assert (
        _submit(client, example_design.id, [reviewer.id], ("didactic_basics", "legal")).status_code
        == 302
    )
    review = db.session.scalar(select(Review).where(Review.design_id == example_design.id))

    panel = client.get(f"{base}/quality/panel").get_data(as_text=True)
    assert _panel_severity(panel, TITLE) == "error"
    assert "blockiert die Freigabe" in panel
    line = _review_line(
        client.get(f"{base}/reviews/{review.id}").get_data(as_text=True),
        "Lizenz oder Quellenangabe fehlt",
    )
    assert line.startswith("✗ Fehler · blockiert die Freigabe")
    report = client.get(f"{base}/quality/report").get_data(as_text=True)
    assert "Fehler · blockiert die Freigabe" in _review_line(
        report, "Lizenz oder Quellenangabe", "tr"
    )
    api = client.get(f"/api/v1/designs/{example_design.id}/quality").get_json()
    assert (_licence(api)["severity"], _licence(api)["blocking"]) == ("error", True)
    cli = _cli_findings(app, example_design.id)
    assert (_licence(cli)["severity"], _licence(cli)["blocking"]) == ("error", True)
    record = qq.quality_record(example_design, snapshot(example_design))
    assert {f.severity for f in record.findings if f.rule == "legal.license"} == {"error"}


def test_without_the_legal_checklist_the_gap_blocks_nothing(
    app, client, login, people, example_design
):
    designer, reviewer = people["designer"], people["reviewer"]
    _add_unlicensed(designer, example_design)
    login(designer)
    assert _submit(client, example_design.id, [reviewer.id]).status_code == 302
    base = f"/designs/{example_design.id}"
    panel = client.get(f"{base}/quality/panel").get_data(as_text=True)
    assert _panel_severity(panel, TITLE) == "hint"
    assert "blockiert die Freigabe" not in panel
    cli = _cli_findings(app, example_design.id)
    assert (_licence(cli)["severity"], _licence(cli)["blocking"]) == ("hint", False)

    client.post("/logout")
    login(reviewer)
    review = db.session.scalar(select(Review).where(Review.design_id == example_design.id))
    page = client.get(f"{base}/reviews/{review.id}").get_data(as_text=True)
    assert "Lizenz oder Quellenangabe fehlt" not in page
    assert "blockieren die Freigabe" not in page


def test_a_closed_review_shows_the_findings_of_its_revision(client, login, people, example_design):
    designer, reviewer = people["designer"], people["reviewer"]
    login(designer)
    assert (
        _submit(client, example_design.id, [reviewer.id], ("didactic_basics", "legal")).status_code
        == 302
    )
    client.post("/logout")
    login(reviewer)
    review = db.session.scalar(select(Review).where(Review.design_id == example_design.id))
    base = f"/designs/{example_design.id}"
    answers = _manual_answers(keys=("didactic_basics", "legal"))
    response = client.post(
        f"{base}/reviews/{review.id}",
        data={"decision": "approved", "lock_version": review.lock_version, **answers},
    )
    assert response.status_code == 302
    approved = client.get(f"{base}/reviews/{review.id}").get_data(as_text=True)
    assert "Später hinzugefügt" not in approved

    # Changes after the approval show in the panel, not in the approval's record.
    _add_unlicensed(designer, example_design, "Später hinzugefügt")
    assert "Später hinzugefügt" in client.get(f"{base}/quality/panel").get_data(as_text=True)
    page = client.get(f"{base}/reviews/{review.id}").get_data(as_text=True)
    assert "Freigabe veraltet" in page or "Approval outdated" in page
    assert "Später hinzugefügt" not in page
    assert _review_line(page, "Lizenz oder Quellenangabe fehlt").startswith("✓")


def test_an_open_review_shows_todays_findings(client, login, people, example_design):
    designer, reviewer = people["designer"], people["reviewer"]
    login(designer)
    assert _submit(client, example_design.id, [reviewer.id], ("legal",)).status_code == 302
    review = db.session.scalar(select(Review).where(Review.design_id == example_design.id))
    _add_unlicensed(designer, example_design, "Während der Prüfung")
    page = client.get(f"/designs/{example_design.id}/reviews/{review.id}").get_data(as_text=True)
    assert "Während der Prüfung" in page


def _fieldsets(page: str) -> dict[str, str]:
    """The review form's question fieldsets by id."""
    return dict(
        re.findall(r'<fieldset class="verdict[^"]*" id="([^"]+)".*?>(.*?)</fieldset>', page, re.S)
    )


def test_approving_without_answers_names_each_missing_question_next_to_it(
    client, login, people, example_design
):
    designer, reviewer = people["designer"], people["reviewer"]
    login(designer)
    assert (
        _submit(client, example_design.id, [reviewer.id], ("didactic_basics", "legal")).status_code
        == 302
    )
    client.post("/logout")
    login(reviewer)
    review = db.session.scalar(select(Review).where(Review.design_id == example_design.id))
    url = f"/designs/{example_design.id}/reviews/{review.id}"
    version = review.lock_version  # what the form sends
    response = client.post(url, data={"decision": "approved", "lock_version": version})
    assert response.status_code == 422
    page = html.unescape(response.get_data(as_text=True))
    assert "Bitte füllen Sie dieses Feld aus." not in page
    assert 'class="has-error"' not in page and "has-error" not in page
    fieldsets = _fieldsets(page)
    questions = [(key, c) for key in ("didactic_basics", "legal") for c in get_builtin(key).manual]
    assert len(fieldsets) == len(questions)
    for key, criterion in questions:
        message = f"Beantworten Sie „{criterion.question_de}“"
        assert page.count(message) == 1
        assert message in fieldsets[f"q-{key}-{criterion.key}"]
    assert db.session.get(Review, review.id).decision is None

    # Answer all but one: exactly that one is named, the answers given stay chosen.
    answers = _manual_answers(keys=("didactic_basics", "legal"))
    missing = get_builtin("legal").manual[-1]
    del answers[f"verdict:legal:{missing.key}"]
    page = html.unescape(
        client.post(
            url, data={"decision": "approved", "lock_version": version, **answers}
        ).get_data(as_text=True)
    )
    assert page.count("Beantworten Sie „") == 1
    assert f"Beantworten Sie „{missing.question_de}“" in _fieldsets(page)[f"q-legal-{missing.key}"]
    assert page.count('value="met" checked') == len(questions) - 1
