"""Forms of the plan import: upload, column mapping, confirmation and cancelling."""

from __future__ import annotations

from collections import Counter

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import FieldList, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from designer.core.vocab import choices
from designer.importers.plan_table import FIELD_LABELS, FIELDS, JOINED_FIELDS
from designer.storage.staging import PlanChoice
from designer.web.forms import options

PLAN_EXTENSIONS = ("xlsx", "docx")
IGNORE = ""


class PlanUploadForm(FlaskForm):
    file = FileField(
        _l("Excel or Word plan"),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(PLAN_EXTENSIONS, _l("Choose an Excel (.xlsx) or Word (.docx) file.")),
        ],
        render_kw={"accept": ",".join(f".{ext}" for ext in PLAN_EXTENSIONS)},
    )


def field_choices(language: str) -> list[tuple[str, str]]:
    """Ignoring a column, and every field it may hold, named in the reader's language."""
    names = [(name, FIELD_LABELS[name][language == "en"]) for name in FIELDS]
    return [(IGNORE, str(_l("Ignore this column"))), *names]


class MappingForm(FlaskForm):
    title = StringField(_l("Title of the design"), validators=[DataRequired(), Length(max=300)])
    language = SelectField(
        _l("Language of the course"), choices=options([("de", "Deutsch"), ("en", "English")])
    )
    delivery_mode = SelectField(
        _l("Delivery mode of the plan"),
        description=_l("Rows that name no delivery mode of their own get this one."),
    )
    columns = FieldList(SelectField(validate_choice=True))

    def validate(self, extra_validators=None) -> bool:
        """Besides each field: a field other than the joinable texts goes to one column
        only, and some column must give the nuggets their titles."""
        valid = super().validate(extra_validators)
        chosen = [entry.data for entry in self.columns]
        counts = Counter(name for name in chosen if name and name not in JOINED_FIELDS)
        seen: set[str] = set()
        for entry, name in zip(self.columns, chosen, strict=True):
            if counts.get(name, 0) > 1 and name in seen:
                entry.errors = [*entry.errors, str(_l("Another column holds this field already."))]
                valid = False
            seen.add(name)
        if not {"title", "summary"} & set(chosen):
            self.form_errors.append(
                str(_l("Choose the column that holds the titles (or the content) of the steps."))
            )
            valid = False
        return valid

    def choice(self) -> PlanChoice:
        mapping = {index: entry.data or None for index, entry in enumerate(self.columns)}
        return PlanChoice(
            mapping, self.title.data.strip(), self.language.data, self.delivery_mode.data
        )


def mapping_form(
    column_count: int, reader_language: str, choice: PlanChoice | None = None
) -> MappingForm:
    """The mapping form for a table of `column_count` columns, filled from the request's
    form data or else from `choice`."""
    data = None
    if choice is not None:
        data = {
            "title": choice.title,
            "language": choice.language,
            "delivery_mode": choice.delivery_mode,
            "columns": [choice.mapping.get(i) or IGNORE for i in range(column_count)],
        }
    form = MappingForm(data=data)
    while len(form.columns) < column_count:
        form.columns.append_entry(IGNORE)
    while len(form.columns) > column_count:
        form.columns.pop_entry()
    for entry in form.columns:
        entry.choices = options(field_choices(reader_language))
    form.delivery_mode.choices = options(choices("delivery_mode", reader_language))
    return form


class ConfirmForm(FlaskForm):
    choice = HiddenField(validators=[DataRequired()])


class CancelForm(FlaskForm):
    pass
