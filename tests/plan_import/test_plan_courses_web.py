"""A hand-made Excel plan through the web steps becomes a course: the plan's delivery mode
on the mapping page, then the design overview, the Verlaufsplan and the Moodle backup."""

from __future__ import annotations

import io
import re
import tarfile

import pytest
from lxml import etree
from lxml import html as lxml_html

from designer.extensions import db
from designer.models import Design
from tests.plan_import.plans import excel_plan, seminar_plan

# Zeit, Thema, Methode, Sozialform, Medien as the importer guesses them
SEMINAR_MAPPING = {
    "columns-0": "time",
    "columns-1": "title",
    "columns-2": "method",
    "columns-3": "social_form",
    "columns-4": "media",
}


@pytest.fixture
def designer(workspace, make_user, login):
    user = make_user("designer@example.org", workspace=workspace, role="designer")
    login(user)
    return user


def selected(page: str, field_id: str) -> str:
    select = re.search(rf'<select[^>]*id="{field_id}".*?</select>', page, re.DOTALL)
    assert select, f"no select {field_id}"
    chosen = re.search(r'<option selected value="([^"]*)"', select[0])
    return chosen[1] if chosen else ""


def mapping_data(mode: str) -> dict[str, str]:
    return {"title": "Führung kompakt", "language": "de", "delivery_mode": mode, **SEMINAR_MAPPING}


def members(raw: bytes) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}


def test_the_mapping_page_preselects_the_plans_delivery_mode(client, designer, upload, tmp_path):
    seminar = upload(seminar_plan(tmp_path)).headers["Location"]
    page = client.get(seminar).get_data(as_text=True)
    assert selected(page, "delivery_mode") == "on_site"
    assert "Zeilen ohne eigene Durchführungsform erhalten diese." in page
    # a plan naming Präsenz as often as Webinar and online keeps the usual default
    other = upload(excel_plan(tmp_path, "neutral.xlsx")).headers["Location"]
    assert selected(client.get(other).get_data(as_text=True), "delivery_mode") == (
        "self_paced_online"
    )
    # and, without break rows, its preview lists no breaks
    assert "Pausen im Ablauf" not in client.get(f"{other}/preview").get_data(as_text=True)


def test_an_unknown_delivery_mode_is_refused_and_nothing_is_saved(
    client, designer, upload, tmp_path
):
    url = upload(seminar_plan(tmp_path)).headers["Location"]
    response = client.post(url, data=mapping_data("by_pigeon"))
    assert response.status_code == 200
    assert 'id="delivery_mode-error"' in response.get_data(as_text=True)
    assert db.session.query(Design).count() == 0
    # the page still shows the plan's own choice
    assert selected(client.get(url).get_data(as_text=True), "delivery_mode") == "on_site"


def test_an_imported_seminar_becomes_a_course(client, designer, upload, tmp_path):
    url = upload(seminar_plan(tmp_path)).headers["Location"]
    # the user changes the plan's mode: rows without words of their own become self-paced
    response = client.post(url, data=mapping_data("self_paced_online"))
    preview = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Online im eigenen Tempo" in preview
    breaks = "Pausen im Ablauf: Kaffeepause (15 Min.), Mittagspause (60 Min.)"
    assert breaks in " ".join(preview.split())
    assert "<td>Forum</td>" in preview and "<td>Aufgabe</td>" in preview
    digest = re.search(r'name="choice"[^>]*value="([^"]+)"', preview)[1]
    csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', preview)
    data = {"choice": digest, **({"csrf_token": csrf[1]} if csrf else {})}
    confirmed = client.post(f"{url}/confirm", data=data)
    assert confirmed.status_code == 302
    design = db.session.query(Design).one()
    assert design.start_date.isoformat() == "2026-03-12"

    overview = client.get(confirmed.headers["Location"]).get_data(as_text=True)
    assert "Austausch im Diskussionsforum" in overview and "Praxisaufgabe" in overview
    # the breaks are named below the module's nuggets, not among them
    assert "<td>Kaffeepause</td>" not in overview and "<td>Mittagspause</td>" not in overview
    assert breaks in " ".join(overview.split())

    printed = lxml_html.fromstring(client.get(f"/designs/{design.id}/print").data)
    break_rows = [" ".join(r.text_content().split()) for r in printed.xpath("//tr[@class='break']")]
    assert break_rows == ["10:15–10:30 Kaffeepause", "12:00–13:00 Mittagspause"]

    backup = members(client.get(f"/designs/{design.id}/export/moodle").data)
    info = etree.fromstring(backup["moodle_backup.xml"])
    activities = {
        a.findtext("title"): a.findtext("modulename")
        for a in info.iterfind("information/contents/activities/activity")
    }
    assert "Kaffeepause" not in activities and "Mittagspause" not in activities
    assert activities["Austausch im Diskussionsforum"] == "forum"
    assert activities["Wissenscheck Führungsstile"] == "quiz"
    assert activities["Praxisaufgabe"] == "assign"
    assert activities["Fallarbeit"] == "page"
    sections = [s.findtext("title") for s in info.iterfind("information/contents/sections/section")]
    assert not any("pause" in (title or "").lower() for title in sections)
    (page_dir,) = [
        a.findtext("directory")
        for a in info.iterfind("information/contents/activities/activity")
        if a.findtext("title") == "Fallarbeit"
    ]
    page = etree.fromstring(backup[f"{page_dir}/page.xml"]).find("page")
    content = lxml_html.fromstring(page.findtext("content")).text_content()
    assert "Methode: Kollegiale Beratung" in content
    assert "Sozialform: Gruppenarbeit" in content and "Medien und Material: Fallkarten" in content


def test_a_design_without_breaks_shows_none(client, designer, example_design):
    overview = client.get(f"/designs/{example_design.id}").get_data(as_text=True)
    assert "Pausen im Ablauf" not in overview
    printed = client.get(f"/designs/{example_design.id}/print").get_data(as_text=True)
    assert "Kennenlernen und Erwartungen" in overview and 'class="break"' not in printed
