"""Every registered export format downloads in the browser with its options."""

import io
import zipfile

import pytest

from designer.export.formats import formats
from designer.extensions import db
from designer.models import Asset


@pytest.fixture
def designer_client(client, workspace, make_user, login):
    login(make_user("d@example.org", workspace=workspace, role="designer"))
    return client


@pytest.mark.parametrize("key", sorted(formats()))
def test_every_format_downloads(designer_client, example_design, key):
    fmt = formats()[key]
    response = designer_client.get(f"/designs/{example_design.id}/export/{key}")
    assert response.status_code == 200, response.data[:300]
    assert response.mimetype == fmt.mimetype
    assert f".{fmt.extension}" in response.headers["Content-Disposition"]
    assert len(response.data) > 100


def test_options_reach_the_exporter(designer_client, example_design):
    url = f"/designs/{example_design.id}/export/scorm12"
    single = designer_client.get(url, query_string={"packaging": "single"}).data
    with zipfile.ZipFile(io.BytesIO(single)) as zf:
        single_pages = [n for n in zf.namelist() if n.endswith(".html")]
    several = designer_client.get(
        url,
        query_string=[
            ("content_modes", "self_paced_online"),
            ("content_modes", "on_site"),
            ("packaging", "per_nugget"),
        ],
    ).data
    with zipfile.ZipFile(io.BytesIO(several)) as zf:
        several_pages = [n for n in zf.namelist() if n.endswith(".html")]
    assert len(single_pages) < len(several_pages)


def test_unknown_option_value_and_format(designer_client, example_design):
    base = f"/designs/{example_design.id}/export"
    assert designer_client.get(f"{base}/scorm12?packaging=bogus").status_code == 400
    assert designer_client.get(f"{base}/pdf").status_code == 404


def test_missing_asset_is_named_not_a_broken_file(app, designer_client, example_design):
    asset = db.session.query(Asset).filter_by(filename="persona.png").one()
    app.extensions["file_store"].path(asset.sha256).unlink()
    response = designer_client.get(
        f"/designs/{example_design.id}/export/kurswerk", follow_redirects=True
    )
    assert "persona.png" in response.get_data(as_text=True)
    assert response.mimetype == "text/html"


def test_outsiders_cannot_export(client, example_design, make_user, login):
    login(make_user("fremd@example.org"))
    assert client.get(f"/designs/{example_design.id}/export/json").status_code == 403


def test_word_quality_report_carries_findings_and_sign_offs(designer_client, example_design):
    from docx import Document

    from designer.models import Review

    db.session.add(
        Review(
            design_id=example_design.id, reviewer_id=None, submitted_revision=1,
            decision="approved", note="Gut strukturiert.", snapshot_hash="ab" * 32,
            signed_at=example_design.created_at,
        )
    )  # fmt: skip
    db.session.commit()
    url = f"/designs/{example_design.id}/export/docx?document=quality"
    doc = Document(io.BytesIO(designer_client.get(url).data))
    text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Ein Modul trägt zu viel des Aufwands" in text  # the rule of the example's warning
    assert "workload.module_share" not in text
    assert "Kursraum einrichten und präsentieren" in text  # named by its title
    assert "Gut strukturiert." in text and "abababababababab" not in text


def test_the_dialog_says_where_one_sco_per_nugget_is_not_recorded(designer_client, example_design):
    html = designer_client.get(f"/designs/{example_design.id}/export").get_data(as_text=True)
    for key in ("scorm12", "scorm2004"):
        assert f'aria-describedby="{key}-packaging-help"' in html
        assert f'<p class="help" id="{key}-packaging-help">' in html
    assert "zeichnet Moodle 4.5 in SCORM 2004 je Besuch nur das zuerst geöffnete Nugget auf" in html
    assert '<option value="single" selected>' in html
