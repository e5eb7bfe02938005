"""Forms of the canvas, the nugget editor and the library.

Vocabulary fields take their choices when the form is built (labels in the user's
language); the services validate the values again. Numbers arrive as text and are turned
into ints here, so that a wrong entry reaches the service and gets its message there.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Length, Optional

from designer.core.fields import NUGGET_FIELDS, question_problem, whole_number
from designer.core.vocab import choices
from designer.web.forms import options
from designer.web.i18n import current_language

NUGGET_VOCAB_FIELDS = (
    "learning_type",
    "delivery_mode",
    "social_form",
    "assessment",
    "activity_kind",
)


def as_int(value: str | int | None) -> int | str | None:
    """'' → None, '12' → 12, anything else stays text (the service names it invalid)."""
    if isinstance(value, int):
        return value
    value = (value or "").strip()
    if not value:
        return None
    number = whole_number(value)
    return value if number is None else number


def label(name: str) -> Any:
    """The label of a nugget field from the one table, translated when shown."""
    return _l(NUGGET_FIELDS[name].label)


def _set_vocab_choices(form: FlaskForm, names: tuple[str, ...]) -> None:
    lang = current_language()
    for name in names:
        getattr(form, name).choices = options(choices(name, lang))


class QuickNuggetForm(FlaskForm):
    """A new nugget straight onto a module of the canvas."""

    title = StringField(label("title"), validators=[Length(max=300)])
    learning_type = SelectField(label("learning_type"))
    delivery_mode = SelectField(label("delivery_mode"))
    duration_minutes = StringField(label("duration_minutes"))

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _set_vocab_choices(self, ("learning_type", "delivery_mode"))

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.data or "",
            "learning_type": self.learning_type.data,
            "delivery_mode": self.delivery_mode.data,
            "duration_minutes": as_int(self.duration_minutes.data) or 0,
        }


class ModuleForm(FlaskForm):
    title = StringField(_l("Module title"), validators=[Length(max=300)])
    lock_version = HiddenField()


class NuggetForm(FlaskForm):
    """Every Feinkonzept field of a nugget (questions are parsed apart, see below)."""

    title = StringField(label("title"), validators=[Length(max=300)])
    summary = TextAreaField(label("summary"))
    content_html = TextAreaField(label("content_html"))
    learning_type = SelectField(label("learning_type"))
    delivery_mode = SelectField(label("delivery_mode"))
    social_form = SelectField(label("social_form"))
    method = StringField(label("method"))
    duration_minutes = StringField(label("duration_minutes"))
    media = StringField(label("media"))
    assessment = SelectField(label("assessment"))
    activity_kind = SelectField(label("activity_kind"))
    # Three labels are prompts for the input; the field's name is still `label(name)`.
    rationale = TextAreaField(_l("Why this medium?"))
    author_note = TextAreaField(_l("Note for authors (visible to authors only)"))
    license = StringField(label("license"), validators=[Length(max=120)])
    attribution = StringField(label("attribution"))
    tags = StringField(_l("Tags (separated by commas)"))
    has_video = BooleanField(label("has_video"))
    captions_available = BooleanField(label("captions_available"))
    ai_generated = BooleanField(label("ai_generated"))
    ai_checked = BooleanField(label("ai_checked"))
    url = StringField(label("url"))
    schedule_date = StringField(label("schedule_date"))
    schedule_start = StringField(label("schedule_start"))
    schedule_end = StringField(label("schedule_end"))
    schedule_place = StringField(label("schedule_place"))
    pass_mark_percent = StringField(
        label("pass_mark_percent"),
        render_kw={"type": "number", "min": "1", "max": "100", "inputmode": "numeric"},
    )
    keep_assets = SelectMultipleField(label("assets"), coerce=int, validate_choice=False)
    lock_version = HiddenField()
    # The revision the form was loaded with: the common base when a save loses the race.
    base_revision = HiddenField()

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _set_vocab_choices(self, NUGGET_VOCAB_FIELDS)

    def values(self) -> dict[str, Any]:
        """The nugget's fields as the service takes them (without questions and assets)."""
        names = (
            "title", "summary", "content_html", *NUGGET_VOCAB_FIELDS, "method", "media",
            "rationale", "author_note", "license", "attribution", "url", "schedule_date",
            "schedule_start", "schedule_end", "schedule_place", "has_video",
            "captions_available", "ai_generated", "ai_checked",
        )  # fmt: skip
        values = {name: getattr(self, name).data for name in names}
        duration = as_int(self.duration_minutes.data)
        values["duration_minutes"] = 0 if duration is None else duration
        values["pass_mark_percent"] = as_int(self.pass_mark_percent.data)
        values["tags"] = [t for t in (self.tags.data or "").split(",") if t.strip()]
        return values


class PlacementForm(FlaskForm):
    """This design's view of the nugget: objectives and overrides."""

    objective_ids = SelectMultipleField(_l("Learning objectives"), coerce=int)
    duration_override = StringField(_l("Duration in this design (minutes)"))
    delivery_mode_override = SelectField(_l("Delivery mode in this design"))
    placement_lock_version = HiddenField()

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.delivery_mode_override.choices = options(
            [("", str(_l("As in the nugget"))), *choices("delivery_mode", current_language())]
        )

    def values(self) -> dict[str, Any]:
        return {
            "objective_ids": self.objective_ids.data or [],
            "duration_override": as_int(self.duration_override.data),
            "delivery_mode_override": self.delivery_mode_override.data or None,
        }


class UploadForm(FlaskForm):
    file = FileField(_l("File"))
    alt_text = StringField(_l("Alternative text (what the picture shows)"))
    license = StringField(label("license"), validators=[Length(max=120)])
    attribution = StringField(label("attribution"))
    lock_version = HiddenField()


class LibrarySearchForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Search"), validators=[Optional()])
    learning_type = SelectField(label("learning_type"), validators=[Optional()])
    delivery_mode = SelectField(label("delivery_mode"), validators=[Optional()])
    min_minutes = StringField(_l("At least (minutes)"), validators=[Optional()])
    max_minutes = StringField(_l("At most (minutes)"), validators=[Optional()])
    tag = StringField(_l("Tag"), validators=[Optional()])

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        lang = current_language()
        for name in ("learning_type", "delivery_mode"):
            getattr(self, name).choices = options([("", str(_l("Any"))), *choices(name, lang)])


# ----------------------------------------------------------------- quiz questions


def questions_from_form(form: MultiDict) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Quiz questions from fields named q-<i>-kind, q-<i>-text, q-<i>-a-<j>-text …

    Rows marked for removal and empty answer rows are dropped; a matching question's rows
    also carry q-<i>-a-<j>-match. Returns the questions and errors keyed `questions.<i>`
    (index in the returned list), by the one rule of `fields.question_problem`."""
    questions: list[dict[str, Any]] = []
    errors: dict[str, str] = {}
    for i in _indexes(form, "q-", "-kind"):
        prefix = f"q-{i}-"
        if form.get(prefix + "remove"):
            continue
        kind = form.get(prefix + "kind", "")
        question = {
            "kind": kind,
            "text": form.get(prefix + "text", "").strip(),
            "feedback": form.get(prefix + "feedback", "").strip(),
            "answers": _answers_from_form(form, prefix, kind),
        }
        if code := question_problem(kind, question["text"], question["answers"]):
            errors[f"questions.{len(questions)}"] = code
        questions.append(question)
    return questions, errors


def _answers_from_form(form: MultiDict, prefix: str, kind: str) -> list[dict[str, Any]]:
    """The answer rows of one question as the service takes them (see `_clean_answer`)."""
    answers = []
    for j in _indexes(form, f"{prefix}a-", "-text"):
        row = f"{prefix}a-{j}-"
        answer = {
            "text": form.get(row + "text", "").strip(),
            "correct": kind == "shortanswer"
            or (kind != "match" and bool(form.get(row + "correct"))),
            "feedback": form.get(row + "feedback", "").strip(),
        }
        if kind == "match" and (match := form.get(row + "match", "").strip()):
            answer["match"] = match
        if (answer["text"] or "match" in answer) and not form.get(row + "remove"):
            answers.append(answer)
    return answers


def _indexes(form: MultiDict, prefix: str, suffix: str) -> list[int]:
    found = set()
    for name in form:
        if name.startswith(prefix) and name.endswith(suffix):
            middle = name[len(prefix) : -len(suffix)]
            if (index := whole_number(middle, maximum=1000)) is not None:
                found.add(index)
    return sorted(found)


def nugget_form_data(nugget: Any) -> dict[str, Any]:
    """A Nugget row as the editor form's initial data."""
    names = (
        "title", "summary", "content_html", *NUGGET_VOCAB_FIELDS, "method", "media",
        "rationale", "author_note", "license", "attribution", "url", "schedule_start",
        "schedule_end", "schedule_place", "has_video", "captions_available", "ai_generated",
        "ai_checked",
    )  # fmt: skip
    data = {name: getattr(nugget, name) for name in names}
    data["duration_minutes"] = str(nugget.duration_minutes or 0)
    own = getattr(nugget, "pass_mark_percent", None)
    data["pass_mark_percent"] = "" if own is None else str(own)
    data["tags"] = ", ".join(nugget.tags or [])
    data["schedule_date"] = nugget.schedule_date.isoformat() if nugget.schedule_date else ""
    data["keep_assets"] = list(nugget.asset_ids or [])
    data["lock_version"] = nugget.lock_version
    data["base_revision"] = nugget.revision
    return data


# Field name → label, for the conflict view and the editor's messages.
FIELD_LABELS = {
    **{name: label(name) for name in NUGGET_FIELDS},
    "asset_ids": label("assets"),
}
