"""One table of nugget field labels: every place that names a nugget field reads it."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale
from wtforms.fields.core import UnboundField

from designer.core import revision_diff
from designer.core import snapshot as s
from designer.core.fields import NUGGET_FIELDS
from designer.core.office_labels import AUTHOR_NOTE, PLAN_COLUMNS, nugget_pair
from designer.export.docx.texts import TEXTS as DOCX_TEXTS
from designer.export.moodle.texts import text as moodle_text
from designer.importers.plan_snapshot import CONTENT_LABELS, TERM_NAMES
from designer.web.forms.nuggets import FIELD_LABELS, NuggetForm

CATALOGUE = Path(__file__).parents[2] / "designer/translations/de/LC_MESSAGES/messages.po"
# Form fields that are no nugget field, and the form's name for the nugget's files.
NOT_FIELDS = {"lock_version", "base_revision"}
FORM_NAMES = {"keep_assets": "assets"}
# Labels that are prompts for the input (the field's name is the table's label).
PROMPTS = {"rationale", "author_note", "tags"}


def _form_fields() -> dict[str, UnboundField]:
    return {
        name: value
        for name, value in vars(NuggetForm).items()
        if isinstance(value, UnboundField) and name not in NOT_FIELDS
    }


def test_every_field_of_the_nugget_and_the_form_is_in_the_table():
    shown = {f.name for f in fields(s.Nugget)} - {"key"} | {"objectives"}
    shown |= {FORM_NAMES.get(name, name) for name in _form_fields()}
    assert shown <= set(NUGGET_FIELDS)
    assert set(NUGGET_FIELDS) <= shown  # no label for a field nobody shows


def test_each_field_has_one_label_and_a_german_translation():
    labels = [f.label for f in NUGGET_FIELDS.values()]
    assert len(labels) == len(set(labels))
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po)
    for field in NUGGET_FIELDS.values():
        for msgid in filter(None, (field.label, field.short)):
            message = catalogue.get(msgid)
            assert message is not None and message.string, f"{field.name}: {msgid!r} has no German"


def test_the_form_and_the_conflict_view_read_the_table(app):
    with app.test_request_context(), force_locale("de"):
        for name, unbound in _form_fields().items():
            field = NUGGET_FIELDS[FORM_NAMES.get(name, name)]
            if name not in PROMPTS:
                assert str(unbound.args[0]) == nugget_pair(field.name)[0], name
        assert str(FIELD_LABELS["media"]) == "Medien und Material"
        assert str(FIELD_LABELS["asset_ids"]) == str(FIELD_LABELS["assets"])
        for name in NUGGET_FIELDS:
            assert str(FIELD_LABELS[name]) == nugget_pair(name)[0]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_revision_diff_names_fields_as_the_table(language):
    half = 1 if language == "en" else 0
    for name in NUGGET_FIELDS:
        expected = nugget_pair(name, short=True)[half]
        assert revision_diff.field_label(name, language) == expected
    assert revision_diff.field_label("bloom_level", language) in ("Taxonomiestufe", "Bloom level")
    assert revision_diff.field_label("no_such_field", language) == "no_such_field"


def test_the_documents_read_the_table():
    columns = {key: pair for key, pair in PLAN_COLUMNS.items() if key != "module"}
    assert columns["duration"] == nugget_pair("duration_minutes")
    assert columns["summary"] == ("Kurzbeschreibung", "Summary")
    for key, pair in columns.items():
        assert pair == nugget_pair("duration_minutes" if key == "duration" else key)
    assert AUTHOR_NOTE == nugget_pair("author_note") == DOCX_TEXTS["col_author_note"]
    word = {"col_social": "social_form", "col_method": "method", "col_media": "media"}
    word |= {"link": "url", "license": "license", "attribution": "attribution"}
    word |= {"delivery_mode": "delivery_mode", "learning_type": "learning_type"}
    for key, name in word.items():
        assert DOCX_TEXTS[key] == nugget_pair(name), key
    for key, name in [("social_form", "social_form"), ("link", "url"), ("method", "method")]:
        assert moodle_text(key, "de") == nugget_pair(name)[0]
    assert moodle_text("duration", "de") == "Dauer"
    assert CONTENT_LABELS["media"] == NUGGET_FIELDS["media"].label
    assert TERM_NAMES["assessment"] == ("Leistungsnachweis", "assessment")
