"""The note for authors in the nugget editor, its revisions, the API, and a template-made
design's round trip through JSON and .kurswerk."""

from __future__ import annotations

import io
import re
from html import unescape

from sqlalchemy import select

from designer.core.fields import AUTHOR_NOTE_LENGTH
from designer.extensions import db
from designer.models import Design, Nugget, NuggetRevision, Placement
from designer.queries.read_model import snapshot
from designer.services import nuggets as nugget_service

NOTE_LABEL_DE = "Hinweis für Autor*innen (nur für Autor*innen sichtbar)"
INSTRUCTION = "Legen Sie fünf Fragen an, deren Feedback erklärt, warum eine Antwort stimmt."


def _from_template(client, workspace, title="Blended", language="de") -> Design:
    response = client.post(
        f"/w/{workspace.slug}/designs/new",
        data={"template": "builtin:blended", "title": title, "language": language},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return db.session.scalar(select(Design).where(Design.title == title))


def _placement_of(design: Design, title: str) -> Placement:
    return next(
        p
        for p in db.session.scalars(select(Placement).where(Placement.design_id == design.id))
        if db.session.get(Nugget, p.nugget_id).title == title
    )


def _edit_url(design: Design, placement: Placement) -> str:
    return f"/designs/{design.id}/nuggets/{placement.id}/edit"


def _form(nugget: Nugget, placement: Placement, **changes: str) -> dict[str, str]:
    data = {
        name: getattr(nugget, name) or ""
        for name in (
            "title", "summary", "content_html", "learning_type", "delivery_mode", "social_form",
            "method", "media", "assessment", "activity_kind", "rationale", "author_note",
            "license", "attribution", "url", "schedule_start", "schedule_end", "schedule_place",
        )
    }  # fmt: skip
    data.update(
        duration_minutes=str(nugget.duration_minutes),
        tags="",
        schedule_date="",
        lock_version=str(nugget.lock_version),
        placement_lock_version=str(placement.lock_version),
        duration_override="",
        delivery_mode_override="",
    )
    data.update(changes)
    return data


def test_a_template_nugget_shows_its_instruction_in_the_box_for_authors(
    client, login, designer, workspace
):
    login(designer)
    design = _from_template(client, workspace)
    placement = _placement_of(design, "Übung mit Rückmeldung")
    html = unescape(client.get(_edit_url(design, placement)).get_data(as_text=True))
    box = html[html.index('<fieldset class="author-note">') :]
    box = box[: box.index("</fieldset>")]
    assert "Nur für Autor*innen" in box and NOTE_LABEL_DE in box
    assert f"\n{INSTRUCTION}</textarea>" in box
    assert 'name="summary"' not in box and 'name="content_html"' not in box
    # The learner-facing fields are empty: the placeholder has no content yet.
    assert re.search(r'<textarea id="summary" name="summary">\s*</textarea>', html)
    assert INSTRUCTION not in html.replace(box, "")


def test_saving_a_note_writes_a_revision_and_the_pages_show_it(client, login, designer, workspace):
    login(designer)
    design = _from_template(client, workspace)
    placement = _placement_of(design, "Übung mit Rückmeldung")
    nugget = db.session.get(Nugget, placement.nugget_id)
    note = "Fragen aus dem Forum übernehmen.\nFeedback je Antwort schreiben."
    response = client.post(
        _edit_url(design, placement),
        data=_form(nugget, placement, author_note=note, summary="Prüfen Sie Ihr Wissen."),
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:800]
    db.session.expire_all()
    nugget = db.session.get(Nugget, placement.nugget_id)
    assert nugget.revision == 2 and nugget.author_note == note
    data = db.session.scalar(
        select(NuggetRevision.data).where(
            NuggetRevision.nugget_id == nugget.id, NuggetRevision.revision == 2
        )
    )
    assert data["author_note"] == note and data["summary"] == "Prüfen Sie Ihr Wissen."
    html = unescape(client.get(_edit_url(design, placement)).get_data(as_text=True))
    assert f"\n{note}</textarea>" in html.replace("\r\n", "\n")
    assert snapshot(design).nugget(f"N{nugget.id}").author_note == note


def test_a_note_changed_in_the_library_is_listed_as_an_update_of_the_design(
    client, login, designer, workspace
):
    login(designer)
    design = _from_template(client, workspace)
    placement = _placement_of(design, "Übung mit Rückmeldung")
    nugget = db.session.get(Nugget, placement.nugget_id)
    nugget_service.update_nugget(
        designer, nugget, {"author_note": "Zehn Fragen statt fünf."}, nugget.lock_version
    )
    db.session.commit()
    html = unescape(
        client.get(f"/designs/{design.id}/canvas/placements/{placement.id}/changes").get_data(
            as_text=True
        )
    )
    row = html[html.index('<tr><th scope="row">Hinweis für Autor*innen</th>') :]
    row = row[: row.index("</tr>")]
    assert INSTRUCTION in row and "Zehn Fragen statt fünf." in row
    assert html.count('<th scope="row">') == 1  # nothing else differs


def test_a_note_too_long_is_refused_in_german_and_nothing_is_saved(
    client, login, designer, workspace
):
    login(designer)
    design = _from_template(client, workspace)
    placement = _placement_of(design, "Übung mit Rückmeldung")
    nugget = db.session.get(Nugget, placement.nugget_id)
    too_long = "x" * (AUTHOR_NOTE_LENGTH + 1)
    response = client.post(
        _edit_url(design, placement), data=_form(nugget, placement, author_note=too_long)
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="author_note-error"' in html and "Dieser Text ist zu lang." in html
    db.session.expire_all()
    nugget = db.session.get(Nugget, placement.nugget_id)
    assert nugget.revision == 1 and nugget.author_note == INSTRUCTION


def _notes(design: Design) -> list[tuple[str, str, str]]:
    snap = snapshot(design)
    return [(p.nugget.title, p.nugget.summary, p.nugget.author_note) for p in snap.placed()]


def test_a_template_made_design_round_trips_through_json_and_bundle_moving_nothing(
    client, login, designer, workspace
):
    login(designer)
    design = _from_template(client, workspace)
    before = _notes(design)
    assert (before[3][0], before[3][1], before[3][2]) == ("Übung mit Rückmeldung", "", INSTRUCTION)
    for key in ("json", "kurswerk"):
        exported = client.get(f"/designs/{design.id}/export/{key}")
        assert exported.status_code == 200
        response = client.post(
            f"/w/{workspace.slug}/import",
            data={"file": (io.BytesIO(exported.data), f"kurs.{key}")},
            content_type="multipart/form-data",
        )
        assert response.status_code == 302, response.get_data(as_text=True)[:800]
        imported_id = int(response.headers["Location"].rstrip("/").split("/")[-1])
        imported = db.session.get(Design, imported_id)
        assert _notes(imported) == before
        placement = _placement_of(imported, "Übung mit Rückmeldung")
        html = unescape(client.get(_edit_url(imported, placement)).get_data(as_text=True))
        assert f"\n{INSTRUCTION}</textarea>" in html


def test_revisions_written_before_the_note_existed_read_as_an_empty_note(
    client, login, designer, workspace
):
    """A revision stored before the migration holds no `author_note`: copying it and
    comparing it with a newer one treat the note as empty, not as a change."""
    login(designer)
    design = _from_template(client, workspace)
    placement = _placement_of(design, "Praxisaufgabe")
    nugget = db.session.get(Nugget, placement.nugget_id)
    nugget.author_note = ""
    revision = db.session.scalar(
        select(NuggetRevision).where(NuggetRevision.nugget_id == nugget.id)
    )
    revision.data = {k: v for k, v in revision.data.items() if k != "author_note"}
    db.session.commit()
    nugget_service.update_nugget(designer, nugget, {"method": "Fallarbeit"}, nugget.lock_version)
    db.session.commit()
    changes = unescape(
        client.get(f"/designs/{design.id}/canvas/placements/{placement.id}/changes").get_data(
            as_text=True
        )
    )
    assert changes.count('<th scope="row">') == 1 and "Hinweis für Autor*innen" not in changes
    response = client.post(f"/designs/{design.id}/canvas/placements/{placement.id}/duplicate")
    assert response.status_code in (200, 302)
    copies = db.session.scalars(select(Nugget).where(Nugget.forked_from_id == nugget.id)).all()
    assert [(c.title, c.author_note) for c in copies] == [("Praxisaufgabe", "")]
    assert "Praxisaufgabe" in client.get(f"/designs/{design.id}/canvas").get_data(as_text=True)
