"""`designer check` through click's runner, on a database made by `designer db upgrade`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from designer import create_app
from designer.cli import main
from designer.extensions import db
from designer.models import Workspace
from designer.services import accounts
from designer.services import designs as design_service
from designer.services.workspaces import enrol
from tests.paths import EXAMPLE_JSON


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """A runner on a fresh SQLite database, upgraded through the migrations."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("DESIGNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SECRET_KEY", "test")
    runner = CliRunner()
    result = runner.invoke(main, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    return runner


def _import_example(cli) -> int:
    app = create_app()
    with app.app_context():
        db.session.add(Workspace(name="Akademie", slug="akademie"))
        db.session.commit()
    result = cli.invoke(main, ["import", str(EXAMPLE_JSON), "--workspace", "akademie"])
    assert result.exit_code == 0, result.output
    return int(result.output.strip().splitlines()[-1])


def test_example_passes_the_didactic_checklist(cli):
    design_id = _import_example(cli)
    result = cli.invoke(main, ["check", str(design_id), "--json", "--checklist", "didactic_basics"])
    assert result.exit_code == 0, result.output
    findings = json.loads(result.output)
    assert findings, "the example has warnings"
    assert {f["severity"] for f in findings} <= {"warning", "hint"}
    assert set(findings[0]) >= {"rule", "severity", "message", "target"}
    assert findings[0]["message"]  # in the design's language (German)


def test_blocking_error_exits_1(cli):
    app = create_app()
    with app.app_context():
        owner = accounts.register(
            "owner@example.org",
            "Owner",
            "correct horse battery",
            hash_method=app.config["PASSWORD_HASH_METHOD"],
        )
        workspace = Workspace(name="Akademie", slug="akademie")
        db.session.add(workspace)
        db.session.flush()
        enrol(workspace, owner, "designer")
        design_id = design_service.create_design(owner, workspace, "Leer").id
        db.session.commit()
    result = cli.invoke(main, ["check", str(design_id)])
    assert result.exit_code == 1, result.output
    assert "transparency.learner_info" in result.output
    assert "(blocking)" in result.output
    as_json = cli.invoke(main, ["check", str(design_id), "--json"])
    assert as_json.exit_code == 1
    rules = {f["rule"] for f in json.loads(as_json.output) if f["severity"] == "error"}
    assert "transparency.learner_info" in rules


def test_unknown_design_or_checklist(cli):
    assert cli.invoke(main, ["check", "999"]).exit_code == 2
    design_id = _import_example(cli)
    result = cli.invoke(main, ["check", str(design_id), "--checklist", "nope"])
    assert result.exit_code == 2
    assert "nope" in result.output
