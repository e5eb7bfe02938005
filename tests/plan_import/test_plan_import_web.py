"""The plan import through the browser's routes: upload, columns, preview, confirm."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from designer.core.vocab import label
from designer.extensions import db
from designer.models import Design
from designer.queries.read_model import snapshot
from tests.office.handmade import word_plan
from tests.plan_import.conftest import staged_tokens
from tests.plan_import.plans import excel_plan

GUESSED = {"columns-0": "module", "columns-1": "title", "columns-2": "duration"}


def designs() -> int:
    return db.session.query(Design).count()


def mapping_data(title: str = "Teamleitung", **columns: str) -> dict[str, str]:
    data = {"title": title, "language": "de", "delivery_mode": "self_paced_online", **GUESSED}
    data["columns-3"] = "social_form"
    data.update({f"columns-{k[1:]}": v for k, v in columns.items()})
    return data


def selected(page: str, field_id: str) -> str:
    select = re.search(rf'<select[^>]*id="{field_id}".*?</select>', page, re.DOTALL)
    assert select, f"no select {field_id}"
    chosen = re.search(r'<option selected value="([^"]*)"', select[0])
    return chosen[1] if chosen else ""


@pytest.fixture
def designer(workspace, make_user, login):
    user = make_user("designer@example.org", workspace=workspace, role="designer")
    login(user)
    return user


@pytest.fixture
def mapping_url(designer, upload, tmp_path):
    response = upload(excel_plan(tmp_path))
    assert response.status_code == 302
    return response.headers["Location"]


def test_unknown_column_is_unassigned_and_assigning_it_changes_the_preview(client, mapping_url):
    page = client.get(mapping_url).get_data(as_text=True)
    assert selected(page, "columns-1") == "title" and selected(page, "columns-3") == "social_form"
    assert selected(page, "columns-4") == ""
    unplaced = r'<tr class="unplaced">\s*<th scope="row">\s*<label for="columns-4">Format'
    assert re.search(unplaced, page)
    assert "<li>Webinar</li>" in page  # sample values of the first rows

    before = client.get(f"{mapping_url}/preview").get_data(as_text=True)
    default_mode = label("delivery_mode", "self_paced_online", "de")
    assert before.count(f"<td>{default_mode}</td>") == 4

    response = client.post(mapping_url, data=mapping_data(c4="delivery_mode"))
    assert response.headers["Location"].endswith("/preview")
    after = client.get(response.headers["Location"]).get_data(as_text=True)
    assert after.count(f"<td>{label('delivery_mode', 'on_site', 'de')}</td>") == 2
    assert after.count(f"<td>{label('delivery_mode', 'live_online', 'de')}</td>") == 1
    assert after.count(f"<td>{default_mode}</td>") == 1
    # the mapping page keeps what was chosen
    assert selected(client.get(mapping_url).get_data(as_text=True), "columns-4") == "delivery_mode"


def test_preview_names_each_row_it_could_not_read(client, mapping_url):
    page = client.get(f"{mapping_url}/preview").get_data(as_text=True)
    assert "Zeile 7" in page and "zwanzig" in page
    assert "Begrüßung und Ziele" in page and "Fallbeispiele bearbeiten" in page


def test_nothing_is_saved_before_confirm_then_the_design_is_complete(
    client, mapping_url, staging_dir
):
    assert designs() == 0
    client.post(mapping_url, data=mapping_data(c4="delivery_mode"))
    preview = client.get(f"{mapping_url}/preview").get_data(as_text=True)
    assert designs() == 0
    digest = re.search(r'name="choice" type="hidden" value="([0-9a-f]+)"', preview)[1]
    response = client.post(f"{mapping_url}/confirm", data={"choice": digest})
    assert response.status_code == 302 and "/designs/" in response.headers["Location"]
    design = db.session.query(Design).one()
    snap = snapshot(design)
    assert snap.title == "Teamleitung" and snap.language == "de"
    assert [m.title for m in snap.modules] == ["Einstieg", "Vertiefung"]
    assert [len(m.placements) for m in snap.modules] == [2, 2]
    nuggets = {n.title: n for n in snap.nuggets}
    assert nuggets["Begrüßung und Ziele"].duration_minutes == 15
    assert nuggets["Fallbeispiele bearbeiten"].delivery_mode == "live_online"
    assert nuggets["Erwartungen sammeln"].social_form == "pair"
    assert nuggets["Selbsttest"].duration_minutes == 0
    assert staged_tokens(staging_dir) == []
    # the back button or a second click leads to the design, and creates nothing more
    assert client.get(mapping_url).headers["Location"] == response.headers["Location"]
    again = client.post(f"{mapping_url}/confirm", data={"choice": digest})
    assert again.headers["Location"] == response.headers["Location"] and designs() == 1


def test_confirm_of_an_outdated_preview_saves_nothing(client, mapping_url):
    preview = client.get(f"{mapping_url}/preview").get_data(as_text=True)
    digest = re.search(r'name="choice" type="hidden" value="([0-9a-f]+)"', preview)[1]
    client.post(mapping_url, data=mapping_data(c4="delivery_mode"))  # e.g. in another tab
    response = client.post(f"{mapping_url}/confirm", data={"choice": digest})
    assert response.headers["Location"].endswith("/preview") and designs() == 0


def test_mapping_refuses_a_field_twice_and_no_title_column(client, mapping_url):
    page = client.post(mapping_url, data=mapping_data(c4="duration")).get_data(as_text=True)
    assert 'id="columns-4-error"' in page and 'aria-invalid="true"' in page
    no_title = mapping_data(c1="", c4="")
    page = client.post(mapping_url, data=no_title).get_data(as_text=True)
    assert 'role="alert"' in page and "columns-1-error" not in page
    assert selected(client.get(mapping_url).get_data(as_text=True), "columns-4") == ""


def test_cancel_removes_the_staged_upload(client, workspace, mapping_url, staging_dir):
    assert len(staged_tokens(staging_dir)) == 1
    response = client.post(f"{mapping_url}/cancel")
    assert response.headers["Location"].endswith(f"/w/{workspace.slug}")
    assert staged_tokens(staging_dir) == [] and designs() == 0
    assert client.get(mapping_url).status_code == 404


def test_another_user_cannot_use_the_token(
    app, client, workspace, mapping_url, make_user, login, staging_dir
):
    client.post("/logout")
    login(make_user("other@example.org", workspace=workspace, role="designer"))
    assert client.get(mapping_url).status_code == 404
    assert client.get(f"{mapping_url}/preview").status_code == 404
    assert client.post(mapping_url, data=mapping_data()).status_code == 404
    assert client.post(f"{mapping_url}/confirm", data={"choice": "x"}).status_code == 404
    assert client.post(f"{mapping_url}/cancel").status_code == 404
    assert len(staged_tokens(staging_dir)) == 1 and designs() == 0


def test_viewer_cannot_start_an_import(client, workspace, make_user, login, upload, tmp_path):
    login(make_user("viewer@example.org", workspace=workspace, role="viewer"))
    assert client.get(f"/w/{workspace.slug}/import/plan").status_code == 403
    assert upload(excel_plan(tmp_path)).status_code == 403
    assert not (Path(client.application.config["DATA_DIR"]) / "staging").exists()


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        (b"PK\x03\x04 not really a workbook", "kaputt.xlsx", "kaputt.xlsx"),
        (b"plain text", "notizen.docx", "notizen.docx"),
    ],
)
def test_broken_file_is_refused_and_nothing_staged(
    designer, upload, staging_dir, content, name, expected
):
    response = upload((content, name))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'role="alert"' in page and expected in page
    assert staged_tokens(staging_dir) == [] and designs() == 0


def test_workbook_without_a_plan_is_refused_with_the_reason(
    designer, upload, staging_dir, tmp_path
):
    wb = Workbook()
    wb.active.append(["Name", "E-Mail"])
    wb.active.append(["Anna", "anna@example.org"])
    wb.save(tmp_path / "adressen.xlsx")
    page = upload(tmp_path / "adressen.xlsx").get_data(as_text=True)
    assert "no Verlaufsplan table found" in page
    assert staged_tokens(staging_dir) == []


def test_other_kinds_of_file_are_refused_by_the_form(designer, upload, staging_dir):
    page = upload((b"{}", "plan.json")).get_data(as_text=True)
    assert 'aria-invalid="true"' in page and staged_tokens(staging_dir) == []


def test_too_large_file_is_refused(app, designer, upload, staging_dir, tmp_path):
    app.config["MAX_UPLOAD_BYTES"] = 1000
    page = upload(excel_plan(tmp_path)).get_data(as_text=True)
    assert 'role="alert"' in page and staged_tokens(staging_dir) == []


def test_file_names_keep_their_letters_and_lose_their_folders(client, designer, upload, tmp_path):
    plan = excel_plan(tmp_path)
    response = upload((plan.read_bytes(), "../Übungsplan Müller.xlsx"))
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Datei Übungsplan Müller.xlsx:" in page and "../" not in page


def test_word_plan_path(client, designer, upload, tmp_path):
    mapping_url = upload(word_plan(tmp_path)).headers["Location"]
    page = client.get(mapping_url).get_data(as_text=True)
    assert selected(page, "columns-0") == "time" and selected(page, "columns-1") == "title"
    preview = client.get(f"{mapping_url}/preview").get_data(as_text=True)
    assert "Tag 1: Zuhören" in preview and "Konfliktgespräch" in preview
    digest = re.search(r'name="choice" type="hidden" value="([0-9a-f]+)"', preview)[1]
    client.post(f"{mapping_url}/confirm", data={"choice": digest})
    snap = snapshot(db.session.query(Design).one())
    assert [m.title for m in snap.modules] == ["Tag 1: Zuhören", "Tag 2: Konflikte"]
    assert [n.duration_minutes for n in snap.nuggets] == [45, 45, 90]
    assert snap.grobkonzept.target_group == "Auszubildende im ersten Lehrjahr"


def test_stale_uploads_are_removed_on_the_next_upload(
    designer, upload, staging_dir, tmp_path, mapping_url
):
    (old,) = staged_tokens(staging_dir)
    two_days_ago = time.time() - 2 * 24 * 3600
    os.utime(staging_dir / old, (two_days_ago, two_days_ago))
    upload(excel_plan(tmp_path, "zweiter.xlsx"))
    tokens = staged_tokens(staging_dir)
    assert len(tokens) == 1 and old not in tokens


def test_expired_upload_leads_back_to_the_upload_page(client, workspace, mapping_url, staging_dir):
    for token in staged_tokens(staging_dir):
        for file in (staging_dir / token).iterdir():
            file.unlink()
        (staging_dir / token).rmdir()
    response = client.get(mapping_url)
    assert response.headers["Location"].endswith(f"/w/{workspace.slug}/import/plan")
    assert client.get(mapping_url).status_code == 404


def test_generic_import_page_links_to_the_flow(client, workspace, designer):
    page = client.get(f"/w/{workspace.slug}/import").get_data(as_text=True)
    assert f'href="/w/{workspace.slug}/import/plan"' in page
