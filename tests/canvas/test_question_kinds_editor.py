"""The nugget editor's matching and short-answer questions: made, shown again, refused
whole with a sentence in the user's language when incomplete."""

from __future__ import annotations

import re

import pytest

from designer.extensions import db
from designer.models import Nugget
from tests.canvas.conftest import add_nuggets, module_ids
from tests.canvas.test_editor import _form, _url

MATCH_ROWS = {
    "q-0-kind": "match",
    "q-0-text": "Ordnen Sie zu.",
    "q-0-a-0-text": "Hund",
    "q-0-a-0-match": "bellt",
    "q-0-a-0-correct": "1",  # a leftover of another kind: pairs are not "correct"
    "q-0-a-0-feedback": "versteckt",
    "q-0-a-1-text": "Katze",
    "q-0-a-1-match": "miaut",
    "q-0-a-2-text": "",
    "q-0-a-2-match": "quakt",
    "q-0-a-3-text": "",
    "q-0-a-3-match": "",
}
SHORT_ROWS = {
    "q-1-kind": "shortanswer",
    "q-1-text": "Hauptstadt von Frankreich?",
    "q-1-a-0-text": "Paris",
    "q-1-a-0-feedback": "Genau.",
    "q-1-a-0-match": "nicht für diese Art",
    "q-1-a-1-text": "",
}


@pytest.fixture
def placed(designer, design):
    first, _ = module_ids(design)
    (placement,) = add_nuggets(designer, design, first, 1, title="Einstieg")
    return placement


def _quiz_form(nugget, placement, **rows):
    return {**_form(nugget, placement, activity_kind="quiz"), **rows}


def _value(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def test_matching_and_short_answer_questions_are_saved_and_shown(
    client, login, designer, design, placed
):
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    saved = client.post(
        _url(design, placed), data=_quiz_form(nugget, placed, **MATCH_ROWS, **SHORT_ROWS)
    )
    assert saved.status_code == 302, saved.get_data(as_text=True)
    db.session.expire_all()
    questions = db.session.get(Nugget, placed.nugget_id).questions
    assert questions[0]["answers"] == [
        {"text": "Hund", "correct": False, "feedback": "", "match": "bellt"},
        {"text": "Katze", "correct": False, "feedback": "", "match": "miaut"},
        {"text": "", "correct": False, "feedback": "", "match": "quakt"},
    ]
    assert questions[1]["answers"] == [{"text": "Paris", "correct": True, "feedback": "Genau."}]
    page = client.get(_url(design, placed)).get_data(as_text=True)
    assert _value(page, "q-0-a-0-match") == "bellt"
    assert _value(page, "q-0-a-2-match") == "quakt" and _value(page, "q-0-a-2-text") == ""
    assert _value(page, "q-1-a-0-text") == "Paris"
    match_fieldset = page[page.index('id="question-0"') : page.index('id="question-1"')]
    assert 'data-question-kind="match"' in match_fieldset
    assert '<option value="match" selected>Zuordnung</option>' in match_fieldset
    # The pairs' columns show, the "correct" column of choice questions does not.
    assert re.search(r'<th scope="col" id="q-0-h-match" data-kinds="match">', match_fieldset)
    assert re.search(
        r'id="q-0-h-correct" data-kinds="single multi truefalse" hidden', match_fieldset
    )
    short_fieldset = page[page.index('id="question-1"') :]
    assert '<option value="shortanswer" selected>Kurzantwort</option>' in short_fieldset
    assert re.search(r'id="q-1-h-match" data-kinds="match" hidden', short_fieldset)


def test_an_incomplete_matching_question_is_refused_in_german_and_nothing_saved(
    client, login, designer, design, placed
):
    nugget = db.session.get(Nugget, placed.nugget_id)
    before = (nugget.revision, list(nugget.questions or []))
    login(designer)
    rows = {**MATCH_ROWS, "q-0-a-1-match": "", "title": "Neuer Titel"}
    refused = client.post(_url(design, placed), data=_quiz_form(nugget, placed, **rows))
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "Jedes Element einer Zuordnungsfrage braucht die Antwort, zu der es gehört." in page
    assert _value(page, "q-0-a-1-text") == "Katze"  # the author's entries stay
    db.session.expire_all()
    nugget = db.session.get(Nugget, placed.nugget_id)
    assert (nugget.revision, list(nugget.questions or [])) == before
    assert nugget.title == "Einstieg"
    assert "Neuer Titel" not in client.get(_url(design, placed)).get_data(as_text=True)


def test_too_few_pairs_and_no_accepted_answer_are_named_in_english(
    client, login, designer, design, placed
):
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    rows = {
        **{k: v for k, v in MATCH_ROWS.items() if not k.startswith("q-0-a-2")},
        **SHORT_ROWS,
        "q-1-a-0-text": " ",
    }
    refused = client.post(
        _url(design, placed),
        data=_quiz_form(nugget, placed, **rows),
        headers={"Accept-Language": "en"},
    )
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "A matching question needs at least two items with their answers" in page
    assert "A short-answer question needs at least one accepted answer." in page
    assert 'id="q-0-error"' in page and 'id="q-1-error"' in page
    db.session.expire_all()
    assert not db.session.get(Nugget, placed.nugget_id).questions


def test_the_fields_of_a_changed_kind_are_shown_without_javascript(
    client, login, designer, design, placed
):
    nugget = db.session.get(Nugget, placed.nugget_id)
    login(designer)
    shown = client.post(
        _url(design, placed),
        data=_quiz_form(
            nugget, placed, **{**SHORT_ROWS, "q-1-kind": "match"}, action="show_question_fields"
        ),
    )
    assert shown.status_code == 200
    page = shown.get_data(as_text=True)
    assert re.search(r'id="q-0-h-match" data-kinds="match">', page)
    assert page.count('name="q-0-a-') >= 4 * 5  # at least four rows of five fields
    db.session.expire_all()
    assert not db.session.get(Nugget, placed.nugget_id).questions
