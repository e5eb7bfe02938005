"""Learner results reach the quality checks: the quality page, its light, the API, the
review, `designer check` and a workspace checklist's parameters all judge what learners of
the released design did (results.learners_struggle)."""

from __future__ import annotations

import json
from contextlib import contextmanager

from sqlalchemy import event

from designer.cli import check_command
from designer.models import (
    DesignRelease,
    LtiAnswer,
    LtiLearner,
    LtiNuggetResult,
    LtiPlatform,
    db,
)
from designer.models.columns import utcnow
from designer.queries.quality import design_findings, quality_record
from designer.queries.read_model import snapshot
from designer.services import checklists as checklist_service
from designer.services import reviews as review_service
from designer.services import tokens
from designer.services.errors import Invalid
from tests.lti.conftest import add_platform

QUIZ = "N5"
QUESTION = "Welche Formate eignen sich für asynchrones Lernen?"  # question 2 of N5
FOUND_DE = "haben nur 3 von 20 Lernenden richtig beantwortet (15 %, Grenze 20 %)"
RULE_TITLE = "Lernende scheitern an einer Frage oder brechen ein Nugget ab"


def _platform(workspace) -> LtiPlatform:
    number = db.session.query(LtiPlatform).count() + 1
    return add_platform(workspace, f"Kunden-LMS {number}", f"https://lms{number}.example.org")


def _deliver(design, workspace, learners: int, right: int, done: int | None = None) -> None:
    """`learners` learners answered question 2 of the quiz (`right` of them right) and
    opened the quiz nugget (`done` of them finished it; all when None)."""
    platform = _platform(workspace)
    revision_id = db.session.query(DesignRelease).filter_by(design_id=design.id).one().revision_id
    done = learners if done is None else done
    for i in range(learners):
        learner = LtiLearner(platform_id=platform.id, deployment_id="dep-1", sub=f"s{i}")
        db.session.add(learner)
        db.session.flush()
        db.session.add(
            LtiNuggetResult(
                learner_id=learner.id,
                design_id=design.id,
                nugget_key=QUIZ,
                launches=1,
                seconds=300,
                completed_at=utcnow() if i < done else None,
            )
        )
        db.session.add(
            LtiAnswer(
                learner_id=learner.id,
                design_id=design.id,
                revision_id=revision_id,
                nugget_key=QUIZ,
                question_index=1,
                correct=i < right,
            )
        )
    db.session.commit()


@contextmanager
def _statements():
    sent: list[str] = []

    def count(conn, cursor, statement, *args):
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _page(client, design, part: str) -> str:
    response = client.get(f"/designs/{design.id}/quality/{part}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_quality_page_shows_the_finding_once_twenty_learners_struggle(
    client, login, coordinator, released, workspace
):
    login(coordinator)
    before = _page(client, released, "report")
    assert RULE_TITLE in before  # a criterion of the didactic basics, met so far
    assert FOUND_DE not in before
    assert QUESTION not in _page(client, released, "panel")
    assert "3 Warnungen" in _page(client, released, "status")

    _deliver(released, workspace, learners=20, right=3)
    report = _page(client, released, "report")
    assert f"Frage 2 („{QUESTION}“) im Nugget „Selbsttest: Medien und Methoden“ {FOUND_DE}" in (
        report
    )
    assert "Prüfen Sie, ob die Frage missverständlich ist" in report
    panel = _page(client, released, "panel")
    assert FOUND_DE in panel and RULE_TITLE in panel
    assert "4 Warnungen" in _page(client, released, "status")


def test_nineteen_learners_leave_the_page_quiet(client, login, coordinator, released, workspace):
    _deliver(released, workspace, learners=19, right=0, done=0)
    login(coordinator)
    assert "Lernenden richtig beantwortet" not in _page(client, released, "report")
    assert "nicht abgeschlossen" not in _page(client, released, "panel")


def test_a_nugget_most_leave_unfinished_is_named_on_the_page(
    client, login, coordinator, released, workspace
):
    _deliver(released, workspace, learners=20, right=20, done=9)
    login(coordinator)
    panel = _page(client, released, "panel")
    assert (
        "11 von 20 Lernenden, die das Nugget „Selbsttest: Medien und Methoden“ geöffnet "
        "haben, haben es nicht abgeschlossen (55 %, Grenze 50 %)"
    ) in panel
    assert "richtig beantwortet" not in panel


def test_half_unfinished_and_a_fifth_right_stay_quiet(released, workspace):
    _deliver(released, workspace, learners=20, right=4, done=10)
    findings = design_findings(released, snapshot(released))
    assert [f for f in findings if f.rule == "results.learners_struggle"] == []


def test_the_api_the_command_line_and_documents_report_it(
    app, client, coordinator, released, workspace
):
    _row, secret = tokens.create_token(coordinator, "read token", "read")
    db.session.commit()

    def from_api() -> list[dict]:
        response = client.get(
            f"/api/v1/designs/{released.id}/quality",
            headers={"Authorization": f"Bearer {secret}"},
        )
        assert response.status_code == 200
        return [f for f in response.json if f["rule"] == "results.learners_struggle"]

    assert from_api() == []
    _deliver(released, workspace, learners=20, right=3)
    result = app.test_cli_runner().invoke(check_command, [str(released.id), "--json"])
    from_cli = [f for f in json.loads(result.output) if f["rule"] == "results.learners_struggle"]
    for found in (from_api(), from_cli):
        assert [(f["severity"], f["target"]) for f in found] == [
            ("warning", {"kind": "nugget", "key": QUIZ})
        ]
        assert FOUND_DE in found[0]["message"]
    record = quality_record(released, snapshot(released))  # the quality report document
    [documented] = [f for f in record.findings if f.rule == "results.learners_struggle"]
    assert documented.target == "Selbsttest: Medien und Methoden"
    assert FOUND_DE in documented.message


def test_a_workspace_checklist_changes_the_limits(app, coordinator, released, workspace):
    _deliver(released, workspace, learners=12, right=2)  # 17 %, but only 12 learners
    row = checklist_service.copy_to_workspace(coordinator, workspace, "didactic_basics")
    db.session.commit()
    runner = app.test_cli_runner()

    def reported(key: str) -> list[dict]:
        result = runner.invoke(check_command, [str(released.id), "--json", "--checklist", key])
        return [f for f in json.loads(result.output) if f["rule"] == "results.learners_struggle"]

    assert reported(row.key) == []
    checklist_service.update_rule(
        coordinator,
        workspace,
        row,
        "results.learners_struggle",
        {"severity": "error", "blocking": "y", "param:min_learners": "10"},
        row.lock_version,
    )
    db.session.commit()
    [finding] = reported(row.key)
    assert finding["severity"] == "error" and finding["blocking"]
    assert "nur 2 von 12 Lernenden" in finding["message"]
    assert reported("didactic_basics") == []


def test_a_blocking_finding_on_results_stops_an_approval_without_reason(
    client, login, coordinator, make_user, released, workspace
):
    reviewer = make_user("reviewer@example.org", workspace=workspace, role="reviewer")
    row = checklist_service.copy_to_workspace(coordinator, workspace, "didactic_basics")
    checklist_service.update_rule(
        coordinator,
        workspace,
        row,
        "results.learners_struggle",
        {"severity": "error", "blocking": "y"},
        row.lock_version,
    )
    [review] = review_service.submit_for_review(coordinator, released, [reviewer.id], [row.key])
    db.session.commit()
    _deliver(released, workspace, learners=20, right=3)
    answers = {
        (row.key, c["key"]): ("met", "") for c in row.data["criteria"] if c.get("kind") == "manual"
    }
    try:
        review_service.decide(reviewer, released, review.id, "approved", answers)
    except Invalid as refused:
        assert refused.errors == {"override_reason": "override_reason_required"}
    else:
        raise AssertionError("approved despite a blocking finding")
    db.session.rollback()
    login(reviewer)
    page = client.get(f"/designs/{released.id}/reviews/{review.id}").get_data(as_text=True)
    assert FOUND_DE in page


def test_the_quality_page_runs_as_many_statements_for_60_learners_as_for_20(
    client, login, coordinator, released, workspace
):
    login(coordinator)

    def statements(part: str) -> int:
        db.session.expire_all()
        with _statements() as sent:
            _page(client, released, part)
        return len(sent)

    parts = ("report", "panel", "status")
    _deliver(released, workspace, learners=20, right=3)
    few = {part: statements(part) for part in parts}
    _deliver(released, workspace, learners=40, right=2, done=10)  # on a second platform
    assert {part: statements(part) for part in parts} == few
    assert "nur 5 von 60 Lernenden richtig beantwortet (8,3 %, Grenze 20 %)" in _page(
        client, released, "report"
    )


def test_checklist_pages_list_the_rule_under_evaluation_with_its_limits(
    client, login, coordinator, workspace
):
    login(coordinator)
    base = f"/w/{workspace.slug}/checklists"
    builtin = client.get(f"{base}/builtin/didactic_basics").get_data(as_text=True)
    row = builtin[builtin.index(RULE_TITLE) :].split("</tr>")[0]
    assert "<td>Evaluation</td>" in row and "Warnung" in row
    copy = checklist_service.copy_to_workspace(coordinator, workspace, "didactic_basics")
    db.session.commit()
    editor = client.get(f"{base}/{copy.id}").get_data(as_text=True)
    assert RULE_TITLE in editor
    assert "Erst ab so vielen Lernenden im Kurskonzept prüfen" in editor
    assert "Mindestanteil richtiger Antworten je Frage in Prozent" in editor


def test_a_question_is_quoted_as_learners_saw_it_after_the_design_changed(
    client, login, coordinator, released, workspace
):
    from designer.models import Nugget
    from designer.services import nuggets as nugget_service

    _deliver(released, workspace, learners=20, right=3)
    quiz = db.session.get(Nugget, int(QUIZ[1:]))
    first, second, *rest = quiz.questions
    nugget_service.update_nugget(
        coordinator, quiz, {"questions": [second, first, *rest]}, quiz.lock_version, via=released
    )
    db.session.commit()
    login(coordinator)
    report = _page(client, released, "report")
    assert f"Frage 2 („{QUESTION}“) im Nugget „Selbsttest: Medien und Methoden“ {FOUND_DE}" in (
        report
    )
