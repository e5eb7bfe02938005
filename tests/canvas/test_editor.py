"""The nugget editor: fields, questions, placement overrides, validation, uploads."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import select

from designer.extensions import db
from designer.models import Asset, Design, LearningObjective, Nugget, Placement
from designer.queries.read_model import snapshot
from tests.canvas.conftest import add_nuggets, module_ids

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _form(nugget: Nugget, placement: Placement | None = None, **changes) -> dict:
    data = {
        "title": nugget.title,
        "summary": nugget.summary,
        "content_html": nugget.content_html,
        "learning_type": nugget.learning_type,
        "delivery_mode": nugget.delivery_mode,
        "social_form": nugget.social_form,
        "method": "",
        "duration_minutes": str(nugget.duration_minutes),
        "media": "",
        "assessment": nugget.assessment,
        "activity_kind": nugget.activity_kind,
        "rationale": "",
        "license": "",
        "attribution": "",
        "tags": "",
        "url": "",
        "schedule_date": "",
        "schedule_start": "",
        "schedule_end": "",
        "schedule_place": "",
        "lock_version": str(nugget.lock_version),
    }
    if placement is not None:
        data["placement_lock_version"] = str(placement.lock_version)
        data["duration_override"] = ""
        data["delivery_mode_override"] = ""
    data.update(changes)
    return data


@pytest.fixture
def placed(designer, design):
    first, _ = module_ids(design)
    (placement,) = add_nuggets(designer, design, first, 1, title="Einstieg")
    return placement


def _url(design, placement) -> str:
    return f"/designs/{design.id}/nuggets/{placement.id}/edit"


def test_editor_shows_all_feinkonzept_fields(client, login, designer, design, placed):
    login(designer)
    html = client.get(_url(design, placed)).get_data(as_text=True)
    for name in (
        "title", "summary", "content_html", "learning_type", "delivery_mode", "social_form",
        "method", "duration_minutes", "media", "assessment", "activity_kind", "rationale",
        "license", "attribution", "tags", "has_video", "captions_available", "ai_generated",
        "ai_checked", "url", "schedule_date", "schedule_start", "schedule_end",
        "schedule_place", "duration_override", "delivery_mode_override",
    ):  # fmt: skip
        assert f'name="{name}"' in html, name
    assert "data-rich-text" in html and 'enctype="multipart/form-data"' in html


def test_save_from_design_pins_revision_and_sanitises(client, login, designer, design, placed):
    objective = LearningObjective(design_id=design.id, text="Fragen stellen", position=0)
    db.session.add(objective)
    db.session.commit()
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    data = _form(
        nugget,
        placed,
        title="Einstieg mit Fragen",
        content_html='<p onclick="x()">Hallo<script>alert(1)</script></p>',
        tags="Moderation, Start",
        has_video="y",
        duration_override="25",
        delivery_mode_override="live_online",
        objective_ids=str(objective.id),
    )
    response = client.post(_url(design, placed), data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    db.session.expire_all()
    nugget = db.session.get(Nugget, placed.nugget_id)
    placement = db.session.get(Placement, placed.id)
    assert nugget.title == "Einstieg mit Fragen" and nugget.revision == 2
    assert nugget.content_html == "<p>Hallo</p>"
    assert nugget.tags == ["Moderation", "Start"] and nugget.has_video
    assert placement.nugget_revision == 2
    assert placement.duration_override == 25
    assert placement.delivery_mode_override == "live_online"
    assert [o.id for o in placement.objectives] == [objective.id]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("de", "Nicht gespeichert. Bitte korrigieren Sie die markierten Felder."),
        ("en", "Not saved. Please correct the marked fields."),
    ],
)
def test_validation_errors_next_to_fields_in_users_language(
    client, login, designer, design, placed, locale, expected
):
    designer.locale = locale
    db.session.commit()
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    response = client.post(
        _url(design, placed),
        data=_form(
            nugget,
            placed,
            title="",
            duration_minutes="lang",
            url="javascript:alert(1)",
            duration_override="-5",
        ),
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="title-error"' in html and 'id="duration_minutes-error"' in html
    assert 'id="url-error"' in html
    assert expected in html
    assert 'id="duration_override-error"' in html
    db.session.expire_all()
    assert db.session.get(Nugget, placed.nugget_id).revision == 1


def test_live_session_fields_are_checked(client, login, designer, design, placed):
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    data = _form(
        nugget, placed, activity_kind="live_session", schedule_date="morgen", schedule_start="25:99"
    )
    response = client.post(_url(design, placed), data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="schedule_date-error"' in html and 'id="schedule_start-error"' in html
    data.update(schedule_date="2026-03-02", schedule_start="09:00", schedule_place="Raum 4")
    assert client.post(_url(design, placed), data=data).status_code == 302
    db.session.expire_all()
    saved = db.session.get(Nugget, placed.nugget_id)
    assert (saved.schedule_date.isoformat(), saved.schedule_start) == ("2026-03-02", "09:00")


def test_unchecked_file_is_detached(client, login, designer, design, placed):
    login(designer)
    assert _upload(client, design, placed, "plan.png", PNG).status_code == 302
    db.session.expire_all()
    nugget = db.session.get(Nugget, placed.nugget_id)
    assert len(nugget.asset_ids) == 1
    page = client.get(_url(design, placed)).get_data(as_text=True)
    assert f'name="keep_assets" value="{nugget.asset_ids[0]}" checked' in page
    placement = db.session.get(Placement, placed.id)
    response = client.post(_url(design, placed), data=_form(nugget, placement))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Nugget, placed.nugget_id).asset_ids == []


def test_stale_nugget_version_is_409(client, login, designer, design, placed):
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    data = _form(nugget, placed, title="Eins")
    assert client.post(_url(design, placed), data=data).status_code == 302
    db.session.expire_all()
    data["placement_lock_version"] = str(db.session.get(Placement, placed.id).lock_version)
    data["title"] = "Zwei"
    assert client.post(_url(design, placed), data=data).status_code == 409


def test_quiz_questions_add_validate_save(client, login, designer, design, placed):
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    base = _form(nugget, placed, activity_kind="quiz")
    added = client.post(_url(design, placed), data={**base, "action": "add_question"})
    assert added.status_code == 200 and 'name="q-0-text"' in added.get_data(as_text=True)
    bad = client.post(
        _url(design, placed),
        data={**base, "q-0-kind": "single", "q-0-text": "Was?", "q-0-a-0-text": "Nur eine"},
    )
    assert bad.status_code == 422
    assert 'id="q-0-error"' in bad.get_data(as_text=True)
    good = client.post(
        _url(design, placed),
        data={
            **base,
            "q-0-kind": "single",
            "q-0-text": "Was ist eine offene Frage?",
            "q-0-a-0-text": "Beginnt mit W",
            "q-0-a-0-correct": "1",
            "q-0-a-0-feedback": "Richtig",
            "q-0-a-1-text": "Ja/Nein",
            "q-1-kind": "truefalse",
            "q-1-text": "Weg damit",
            "q-1-remove": "1",
        },
    )
    assert good.status_code == 302, good.get_data(as_text=True)
    db.session.expire_all()
    questions = db.session.get(Nugget, placed.nugget_id).questions
    assert len(questions) == 1
    assert questions[0]["answers"][0] == {
        "text": "Beginnt mit W",
        "correct": True,
        "feedback": "Richtig",
    }


def test_library_editor_keeps_design_pins(client, login, designer, design, placed, workspace):
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    url = f"/w/{workspace.slug}/library/{nugget.id}/edit"
    assert client.get(url).status_code == 200
    response = client.post(url, data=_form(nugget, title="Bibliothek"))
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Nugget, nugget.id).revision == 2
    assert db.session.get(Placement, placed.id).nugget_revision == 1


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _upload(client, design, placed, name: str, content: bytes):
    nugget = db.session.get(Nugget, placed.nugget_id)
    return client.post(
        f"/designs/{design.id}/nuggets/{placed.id}/assets",
        data={
            "file": (io.BytesIO(content), name),
            "alt_text": "Ablaufplan",
            "license": "CC-BY-4.0",
            "attribution": "Team",
            "lock_version": str(nugget.lock_version),
        },
        content_type="multipart/form-data",
    )


@pytest.mark.parametrize(
    ("name", "content", "mimetype"),
    [
        ("plan.png", PNG, "image/png"),
        (
            "handout.docx",
            _docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("notes.txt", "Grüße\n".encode(), "text/plain"),
    ],
)
def test_upload_is_stored_and_linked(client, login, designer, design, placed, app, name, content,
                                     mimetype):  # fmt: skip
    login(designer)
    response = _upload(client, design, placed, name, content)
    assert response.status_code == 302, response.get_data(as_text=True)
    asset = db.session.scalars(select(Asset)).one()
    assert (asset.filename, asset.mimetype, asset.alt_text) == (name, mimetype, "Ablaufplan")
    assert app.extensions["file_store"].exists(asset.sha256)
    db.session.expire_all()
    nugget = db.session.get(Nugget, placed.nugget_id)
    assert nugget.asset_ids == [asset.id]
    assert db.session.get(Placement, placed.id).nugget_revision == nugget.revision


# Every type rule is tested on its own in test_uploads.py; here: the route refuses.
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bild.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
        ("tarnung.pdf", PNG),
    ],
)
def test_upload_refuses_wrong_types(client, login, designer, design, placed, name, content):
    login(designer)
    response = _upload(client, design, placed, name, content)
    assert response.status_code == 422
    assert 'id="file-error"' in response.get_data(as_text=True)
    assert db.session.scalars(select(Asset)).all() == []


def test_upload_refuses_files_over_the_limit(client, login, designer, design, placed, app):
    app.config["MAX_UPLOAD_BYTES"] = 1000
    login(designer)
    response = _upload(client, design, placed, "gross.png", PNG + b"\x00" * 1000)
    assert response.status_code == 422
    assert "zu groß" in response.get_data(as_text=True) or "too large" in (
        response.get_data(as_text=True)
    )
    assert db.session.scalars(select(Asset)).all() == []


def test_a_quiz_pass_mark_of_its_own_is_saved_shown_and_exported(
    client, login, designer, design, placed
):
    login(designer)
    html = client.get(_url(design, placed)).get_data(as_text=True)
    assert "Leer: die Bestehensgrenze des Kurskonzepts (80 %)." in html
    nugget = db.session.get(Nugget, placed.nugget_id)
    data = _form(nugget, placed, activity_kind="quiz", pass_mark_percent=" 60 ")
    assert client.post(_url(design, placed), data=data).status_code == 302
    db.session.expire_all()
    nugget = db.session.get(Nugget, placed.nugget_id)
    assert nugget.pass_mark_percent == 60
    html = client.get(_url(design, placed)).get_data(as_text=True)
    assert 'id="pass_mark_percent"' in html and 'value="60"' in html
    snap = snapshot(db.session.get(Design, design.id))
    (quiz,) = snap.nuggets
    assert (snap.pass_mark(quiz), snap.grobkonzept.pass_mark_percent) == (60, 80)

    data = _form(nugget, placed, pass_mark_percent="")  # empty: the design's again
    assert client.post(_url(design, placed), data=data).status_code == 302
    db.session.expire_all()
    assert db.session.get(Nugget, placed.nugget_id).pass_mark_percent is None


@pytest.mark.parametrize("typed", ["0", "101", "abc"])
def test_a_quiz_pass_mark_outside_1_to_100_is_refused(
    client, login, designer, design, placed, typed
):
    login(designer)
    nugget = db.session.get(Nugget, placed.nugget_id)
    data = _form(nugget, placed, title="Neu", pass_mark_percent=typed)
    response = client.post(_url(design, placed), data=data)
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert (
        '<p class="error" id="pass_mark_percent-error">Bitte eine Bestehensgrenze als ganze '
        "Zahl von 1 bis 100 (Prozent) eingeben.</p>"
    ) in html
    db.session.expire_all()
    nugget = db.session.get(Nugget, placed.nugget_id)
    assert (nugget.revision, nugget.title, nugget.pass_mark_percent) == (1, "Einstieg", None)
