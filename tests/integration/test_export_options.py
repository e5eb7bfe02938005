"""One parser of export options behind the export page, the API and the command line:
the same invalid option gets the same error everywhere, and valid options given on
the command line change the file."""

import io
import tempfile
import zipfile

import docx
import pytest

from designer.cli import main
from designer.extensions import db
from designer.services import tokens

PACKAGING_TEXT_EN = "Option packaging: “bogus” is not allowed (choose from: single, per_nugget)."
PACKAGING_TEXT_DE = "Option packaging: „bogus“ ist nicht erlaubt (möglich: single, per_nugget)."
COLOUR_TEXT_EN = "This format has no options (colour was given)."


@pytest.fixture
def person(workspace, make_user, login):
    user = make_user("d@example.org", workspace=workspace, role="designer")
    login(user)
    return user


@pytest.fixture
def cli(app):
    runner = app.test_cli_runner()

    def run(*args: str, code: int = 0) -> str:
        result = runner.invoke(main, list(args), catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result.output

    return run


def _in_english(user) -> None:
    user.locale = "en"
    db.session.commit()


def _page(client, design, fmt: str, query: str):
    return client.get(f"/designs/{design.id}/export/{fmt}?{query}")


def _api(client, user, design, fmt: str, options: dict[str, str]):
    _row, secret = tokens.create_token(user, "read token", "read")
    db.session.commit()
    return client.post(
        f"/api/v1/designs/{design.id}/exports",
        json={"format": fmt, "options": options},
        headers={"Authorization": f"Bearer {secret}"},
    )


@pytest.mark.parametrize(
    ("fmt", "name", "value", "code", "text"),
    [
        ("scorm12", "packaging", "bogus", "unknown", PACKAGING_TEXT_EN),
        ("json", "colour", "red", "unknown_option", COLOUR_TEXT_EN),
    ],
)
def test_the_same_invalid_option_gets_the_same_error_everywhere(
    client, cli, person, example_design, tmp_path, fmt, name, value, code, text
):
    _in_english(person)
    page = _page(client, example_design, fmt, f"{name}={value}")
    assert page.status_code == 400
    assert text in page.get_data(as_text=True)

    api = _api(client, person, example_design, fmt, {name: value})
    assert api.status_code == 422
    assert api.json["errors"] == {f"options.{name}": code}
    assert api.json["messages"] == {f"options.{name}": text}

    target = tmp_path / "out"
    output = cli(
        "export", str(example_design.id), "--format", fmt, "--option", f"{name}={value}",
        "-o", str(target), code=2,
    )  # fmt: skip
    assert f"error: {text}" in output
    assert not target.exists()


def test_the_export_page_names_the_problem_in_german_and_leaves_no_file(
    client, person, example_design, tmp_path, monkeypatch
):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    page = _page(client, example_design, "scorm12", "packaging=bogus")
    assert page.status_code == 400
    html = page.get_data(as_text=True)
    assert PACKAGING_TEXT_DE in html
    assert 'name="packaging"' in html  # the export page again, to choose anew
    assert list(scratch.iterdir()) == []


def test_valid_options_pass_everywhere_and_several_problems_are_named(
    client, cli, person, example_design, tmp_path
):
    ok = _page(client, example_design, "scorm12", "packaging=single&content_modes=on_site")
    assert ok.status_code == 200 and ok.mimetype == "application/zip"
    _in_english(person)
    api = _api(
        client, person, example_design, "scorm2004",
        {"content_modes": "on_site,moon", "mastery_score": "55", "packaging": "single"},
    )  # fmt: skip
    assert api.json["errors"] == {
        "options.content_modes": "unknown",
        "options.mastery_score": "unknown_option",
    }
    output = cli(
        "export", str(example_design.id), "--format", "scorm2004",
        "--option", "content_modes=on_site,moon", "--option", "mastery_score=55",
        "-o", str(tmp_path / "x"), code=2,
    )  # fmt: skip
    for message in api.json["messages"].values():
        assert f"error: {message}" in output


def _word_subject(path) -> str:
    return docx.Document(str(path)).core_properties.subject


def test_cli_options_change_the_file(cli, example_design, tmp_path):
    design = str(example_design.id)
    cli("export", design, "--format", "docx", "-o", str(tmp_path / "default.docx"))
    cli("export", design, "--format", "docx", "--option", "document=offer",
        "-o", str(tmp_path / "offer.docx"))  # fmt: skip
    assert _word_subject(tmp_path / "default.docx") == "Feinkonzept mit Verlaufsplan"
    assert _word_subject(tmp_path / "offer.docx") == "Angebot"

    def scos(*options: str) -> int:
        target = tmp_path / "package.zip"
        cli("export", design, "--format", "scorm12", *options, "-o", str(target))
        with zipfile.ZipFile(io.BytesIO(target.read_bytes())) as zf:
            return zf.read("imsmanifest.xml").count(b'adlcp:scormtype="sco"')

    assert scos() == 1
    assert scos("--option", "packaging=per_nugget") > 1


def test_cli_refuses_an_option_without_a_value_and_lists_the_options(cli, example_design, tmp_path):
    output = cli(
        "export", str(example_design.id), "--format", "docx", "--option", "offer",
        "-o", str(tmp_path / "x.docx"), code=2,
    )  # fmt: skip
    assert "--option 'offer': write it as name=value" in output
    listing = cli("formats")
    assert (
        "--option document=grobkonzept|feinkonzept|quality|offer (default feinkonzept)" in listing
    )
    assert "--option content_modes=on_site|live_online|" in listing
    assert "(several comma-separated, default self_paced_online)" in listing


def test_the_pass_mark_saved_in_the_grobkonzept_is_the_one_exported(client, person, example_design):
    page = client.get(f"/designs/{example_design.id}/export").get_data(as_text=True)
    assert "Tests sind in jedem Format ab 80 % richtiger Antworten bestanden" in page
    saved = client.post(
        f"/designs/{example_design.id}/wizard/assessment",
        data={
            "assessment_concept": "Arbeitsprobe",
            "pass_mark_percent": "65",
            "evaluation_plan": "Feedbackbogen",
            "lock_version": str(example_design.lock_version),
        },
    )
    assert saved.status_code == 302
    page = client.get(f"/designs/{example_design.id}/export").get_data(as_text=True)
    assert "Tests sind in jedem Format ab 65 % richtiger Antworten bestanden" in page
    package = _page(client, example_design, "scorm12", "")
    manifest = zipfile.ZipFile(io.BytesIO(package.data)).read("imsmanifest.xml").decode()
    assert "<adlcp:masteryscore>65</adlcp:masteryscore>" in manifest
    offer = _page(client, example_design, "docx", "document=offer")
    text = [p.text for p in docx.Document(io.BytesIO(offer.data)).paragraphs]
    assert "Tests sind ab 65 % richtiger Antworten bestanden." in text
