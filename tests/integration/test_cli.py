"""The `designer` command against a data directory of its own."""

import io
import json
import zipfile

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from designer.cli import main
from designer.extensions import db
from designer.models import Badge, Offer
from tests.paths import EXAMPLE_JSON


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("DESIGNER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    runner = CliRunner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    run("db", "upgrade")
    return run


def test_demo_twice_does_not_duplicate(cli):
    first = cli("demo", "--password", "demo-passwort-123")
    second = cli("demo", "--password", "demo-passwort-123")
    assert "demo@kurswerk.example" in first and "demo-passwort-123" in first
    design_line = next(line for line in first.splitlines() if line.startswith("demo course:"))
    assert design_line in second.splitlines()  # the same design


def test_demo_publishes_the_example_as_an_offer(cli):
    from designer import create_app

    output = cli("demo", "--password", "demo-passwort-123")
    assert output.splitlines()[-1] == "public catalogue: http://127.0.0.1:5000/offers/demo"
    cli("demo", "--password", "demo-passwort-123")  # again: still one offer
    app = create_app()
    visitor = app.test_client()
    listing = visitor.get("/offers/demo").get_data(as_text=True)
    assert listing.count('class="card offer-card"') == 1
    assert "Lernen mit digitalen Medien im Betrieb gestalten" in listing
    assert listing.count('class="offer-badge"') == 1 and "Lernmedien-Gestalter*in" in listing
    assert "Lernnuggets des Kurses abschließen." in listing  # criteria derived from the course
    with app.app_context():
        assert db.session.scalar(select(func.count(Badge.id))) == 1
        assert db.session.scalar(select(func.count(Offer.id))) == 1
        image = db.session.scalar(select(Offer)).data["badge"]["image"]
    png = visitor.get(image)
    assert png.status_code == 200 and png.mimetype == "image/png"  # the drawn image


def test_demo_gives_an_offer_published_before_badges_its_badge(cli):
    from designer import create_app

    cli("demo", "--password", "demo-passwort-123")
    app = create_app()
    with app.app_context():
        offer = db.session.scalar(select(Offer))
        offer.data = {k: v for k, v in offer.data.items() if k != "badge"} | {"price": "350.00"}
        db.session.commit()
    assert 'class="offer-badge"' not in app.test_client().get("/offers/demo").text
    cli("demo", "--password", "demo-passwort-123")
    listing = app.test_client().get("/offers/demo").text
    assert 'class="offer-badge"' in listing and "350,00" in listing  # its terms kept
    with app.app_context():
        assert db.session.scalar(select(func.count(Badge.id))) == 1


def test_import_prints_id_last_and_export_round_trips(cli, tmp_path):
    cli("create-user", "anna@example.org", "--password", "lang-genug-123", "--name", "Anna")
    cli("demo", "--password", "demo-passwort-123")
    design_id = cli("import", str(EXAMPLE_JSON), "--workspace", "demo").strip().splitlines()[-1]
    assert design_id.isdigit()
    bundle = tmp_path / "out.kurswerk"
    cli("export", design_id, "--format", "kurswerk", "-o", str(bundle))
    with zipfile.ZipFile(bundle) as zf:
        names = sorted(zf.namelist())
        assert names[0] == "design.json"
        assert sorted(n.split("/")[-1] for n in names[1:]) == ["persona-vorlage.pdf", "persona.png"]
        assert all(n.startswith("files/A") for n in names[1:])
        doc = json.loads(zf.read("design.json"))
    assert doc["design"]["title"] == json.loads(EXAMPLE_JSON.read_text())["design"]["title"]
    again = cli("import", str(bundle), "--workspace", "demo").strip().splitlines()[-1]
    assert int(again) == int(design_id) + 1


def test_import_needs_a_workspace_when_there_are_several(cli):
    cli("demo", "--password", "demo-passwort-123")
    cli("create-user", "b@example.org", "--password", "lang-genug-123", "--workspace", "demo")
    out = cli("import", str(EXAMPLE_JSON), code=0)
    assert out.strip().splitlines()[-1].isdigit()


def test_unknown_format_and_missing_design_are_named(cli, tmp_path):
    cli("demo", "--password", "demo-passwort-123")
    assert "unknown export format 'pdf'" in cli(
        "export", "1", "--format", "pdf", "-o", str(tmp_path / "x"), code=2
    )
    assert "no design with id 99" in cli(
        "export", "99", "--format", "json", "-o", str(tmp_path / "x"), code=2
    )
    assert not (tmp_path / "x").exists()


def test_bad_json_is_refused_with_its_place_and_nothing_is_imported(cli, tmp_path):
    cli("demo", "--password", "demo-passwort-123")
    doc = json.loads(EXAMPLE_JSON.read_text())
    doc["design"]["nuggets"][4]["activity_kind"] = "webinar"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    out = cli("import", str(bad), "--workspace", "demo", code=2)
    assert "nuggets[4].activity_kind: unknown value 'webinar'" in out
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "kurswerk-design",\n  "format_version": 1,\n  "design": {,}}')
    assert "line 3" in cli("import", str(broken), "--workspace", "demo", code=2)
    listing = cli("export", "2", "--format", "json", "-o", str(tmp_path / "none.json"), code=2)
    assert "no design with id 2" in listing


def test_bundle_with_unsafe_path_is_refused_before_extracting(cli, tmp_path):
    cli("demo", "--password", "demo-passwort-123")
    evil = tmp_path / "evil.kurswerk"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("design.json", EXAMPLE_JSON.read_text())
        zf.writestr("../../outside.txt", "x")
    evil.write_bytes(buf.getvalue())
    out = cli("import", str(evil), "--workspace", "demo", code=2)
    assert "unsafe path '../../outside.txt'" in out
    assert not (tmp_path.parent / "outside.txt").exists()


def test_bundle_with_missing_file_imports_nothing(cli, tmp_path):
    cli("demo", "--password", "demo-passwort-123")
    partial = tmp_path / "partial.kurswerk"
    with zipfile.ZipFile(partial, "w") as zf:
        zf.writestr("design.json", EXAMPLE_JSON.read_text())
    assert "files/A1/persona.png is missing" in cli(
        "import", str(partial), "--workspace", "demo", code=2
    )
    assert "no design with id 2" in cli(
        "export", "2", "--format", "json", "-o", str(tmp_path / "n"), code=2
    )


def test_help_shows_kurswerk_options_and_commands_only(cli):
    from importlib.metadata import version

    help_text = cli("--help")
    for flask_option in ("--app", "--env-file", "--debug", "Flask"):
        assert flask_option not in help_text
    assert "create-workspace" in help_text and "--version" in help_text
    assert cli("--version").strip() == f"Kurswerk {version('kurswerk')}"


def test_a_new_instance_gets_a_workspace_from_the_command_line(cli, tmp_path):
    from designer import create_app

    out = cli("import", str(EXAMPLE_JSON), code=2)
    assert "designer create-workspace NAME --owner EMAIL" in out
    assert "--workspace SLUG" not in out
    assert "no account with e-mail 'anna@example.org'" in cli(
        "create-workspace", "Akademie Nord", "--owner", "anna@example.org", code=2
    )
    cli("create-user", "anna@example.org", "--password", "lang-genug-123", "--name", "Anna")
    slug = cli("create-workspace", "Akademie Nord", "--owner", "anna@example.org")
    assert slug.strip().splitlines()[-1] == "akademie-nord"
    cli("import", str(EXAMPLE_JSON), "--workspace", "akademie-nord")

    # The owner coordinates the workspace and finds the imported design there.
    client = create_app({"WTF_CSRF_ENABLED": False}).test_client()
    response = client.post(
        "/login", data={"email": "anna@example.org", "password": "lang-genug-123"}
    )
    assert response.status_code == 302
    page = client.get("/w/akademie-nord").get_data(as_text=True)
    assert json.loads(EXAMPLE_JSON.read_text())["design"]["title"] in page
    members = client.get("/w/akademie-nord/members").get_data(as_text=True)
    assert "Anna" in members


def test_several_workspaces_are_named_for_import(cli):
    cli("create-workspace", "Erste")
    cli("create-workspace", "Zweite")
    out = cli("import", str(EXAMPLE_JSON), code=2)
    assert "--workspace SLUG (one of: erste, zweite)" in out


def test_send_mail_reports_the_outbox(cli):
    assert cli("send-mail").strip().splitlines()[-1] == "sent 0, failed 0, waiting 0"
