"""The one helper that ends a view's transaction (designer.web.transaction), and the rule
that no other web module commits or rolls back by hand."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from flask import get_flashed_messages
from sqlalchemy import func, select

from designer.extensions import db
from designer.models import Workspace
from designer.services import workspaces
from designer.services.errors import Conflict, Invalid
from designer.web.forms.workspaces import WorkspaceForm
from designer.web.messages import error_text
from designer.web.transaction import committing, saving

WEB = Path(__file__).resolve().parents[2] / "designer" / "web"


def _workspace_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Workspace))


@pytest.fixture
def owner(make_user):
    return make_user("owner@example.org")


def test_a_clean_block_is_committed_and_says_done(app, owner):
    with app.test_request_context("/"):
        with saving(done="Done.") as outcome:
            workspaces.create_workspace(owner, "Kept")
        db.session.rollback()  # nothing left to undo: it was committed
        assert outcome.ok and outcome.errors == {}
        assert _workspace_count() == 1
        assert get_flashed_messages(with_categories=True) == [("success", "Done.")]


def test_invalid_rolls_back_and_flashes_its_text(app, owner):
    with app.test_request_context("/"):
        with saving(done="Done.") as outcome:
            workspaces.create_workspace(owner, "Lost")
            raise Invalid({"name": "taken"})
        assert not outcome.ok and outcome.errors == {"name": "taken"}
        assert _workspace_count() == 0
        assert get_flashed_messages(with_categories=True) == [("error", error_text("taken"))]


def test_invalid_is_attached_to_the_form_instead_of_flashed(app, owner):
    with app.test_request_context("/", method="POST", data={"name": "x"}):
        form = WorkspaceForm()
        with saving(form) as outcome:
            raise Invalid({"name": "too_long", "elsewhere": "invalid"})
        assert not outcome.ok
        assert error_text("too_long") in form.name.errors
        assert form.form_errors == [error_text("invalid")]
        assert get_flashed_messages() == []


def test_show_false_leaves_the_errors_to_the_view(app, owner):
    with app.test_request_context("/"):
        with saving(show=False) as outcome:
            raise Invalid({"name": "required"})
        assert outcome.errors == {"name": "required"}
        assert get_flashed_messages() == []


def test_other_errors_roll_back_and_propagate(app, owner):
    with app.test_request_context("/"):
        with pytest.raises(Conflict), saving():
            workspaces.create_workspace(owner, "Lost")
            raise Conflict(1, {"lock_version": 2})
        assert _workspace_count() == 0
        with pytest.raises(Invalid), committing():
            workspaces.create_workspace(owner, "Lost too")
            raise Invalid({"name": "required"})
        assert _workspace_count() == 0
        assert get_flashed_messages() == []


def test_caught_kinds_are_chosen_by_the_view(app, owner):
    with app.test_request_context("/"):
        with saving(catch=(Invalid, Conflict)) as outcome:
            raise Conflict(1, {"lock_version": 2})
        assert isinstance(outcome.error, Conflict)
        assert outcome.errors == {}


def _session_endings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("commit", "rollback")
        ):
            found.append(f"{path.relative_to(WEB)}:{node.lineno} {node.func.attr}()")
    return found


def test_only_the_helper_commits_or_rolls_back():
    found = [
        ending
        for path in sorted(WEB.rglob("*.py"))
        if path.name != "transaction.py" or path.parent != WEB
        for ending in _session_endings(path)
    ]
    assert found == []
    assert _session_endings(WEB / "transaction.py")  # the scan does see calls
