"""Forms of the quality pages: checklists, comments, submission and sign-off."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from designer.quality import CATEGORIES, SEVERITIES
from designer.web.forms import options


def severity_choices():
    labels = {"error": _l("Error"), "warning": _l("Warning"), "hint": _l("Hint")}
    return [(s, labels[s]) for s in SEVERITIES]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ActionForm(FlaskForm):
    """A button that changes state: only the CSRF token."""


class VersionedForm(FlaskForm):
    lock_version = HiddenField()


class CopyChecklistForm(FlaskForm):
    source = HiddenField(validators=[DataRequired()])


class ChecklistNamesForm(VersionedForm):
    name_de = StringField(_l("Name (German)"), validators=[DataRequired(), Length(max=200)])
    name_en = StringField(_l("Name (English)"), validators=[DataRequired(), Length(max=200)])
    description_de = TextAreaField(_l("Description (German)"), validators=[Length(max=2000)])
    description_en = TextAreaField(_l("Description (English)"), validators=[Length(max=2000)])


class ManualCriterionForm(VersionedForm):
    category = SelectField(_l("Category"))
    question_de = TextAreaField(
        _l("Question (German)"), validators=[DataRequired(), Length(max=500)]
    )
    question_en = TextAreaField(
        _l("Question (English)"), validators=[DataRequired(), Length(max=500)]
    )
    help_de = TextAreaField(_l("Help text (German)"), validators=[Length(max=2000)])
    help_en = TextAreaField(_l("Help text (English)"), validators=[Length(max=2000)])

    def set_categories(self, lang: str) -> None:
        self.category.choices = options(
            (k, v[1] if lang == "en" else v[0]) for k, v in CATEGORIES.items()
        )


class RuleCriterionForm(VersionedForm):
    severity = SelectField(_l("Severity"), choices=lambda: options(severity_choices()))
    blocking = BooleanField(_l("Findings block approval"))


class AddRuleForm(VersionedForm):
    rule = SelectField(_l("Rule"), validate_choice=False)


class CommentForm(FlaskForm):
    body = TextAreaField(_l("Comment"), validators=[DataRequired(), Length(max=5000)])
    target_kind = HiddenField(default="design")
    target_id = HiddenField()
    parent_id = HiddenField()
    next = HiddenField()


class ResolveForm(FlaskForm):
    resolved = HiddenField(default="1")
    next = HiddenField()


class SubmitForm(FlaskForm):
    reviewers = MultiCheckboxField(_l("Reviewers"), coerce=int)
    checklists = MultiCheckboxField(_l("Checklists"))
    message = TextAreaField(
        _l("Message to the reviewers"), validators=[Optional(), Length(max=500)]
    )


class DecisionForm(VersionedForm):
    decision = RadioField(
        _l("Decision"),
        choices=options(
            [("approved", _l("Approve")), ("changes_requested", _l("Request changes"))]
        ),
        validators=[DataRequired()],
    )
    note = TextAreaField(_l("Note for the authors"), validators=[Length(max=5000)])
    override_reason = TextAreaField(
        _l("Reason for approving despite blocking findings"), validators=[Length(max=5000)]
    )
