"""Forms of the template gallery and the objectives editor (the Grobkonzept form is in
`designer.web.forms.grobkonzept`)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import Length

from designer.web.forms import options
from designer.web.wizard_steps import OBJECTIVE_HELP


class TemplateChoiceForm(FlaskForm):
    """Start a design: pick a template, give it a title and a language."""

    template = RadioField(_l("Template"), default="builtin:blank", validate_choice=False)
    title = StringField(_l("Title"), validators=[Length(max=300)])
    language = SelectField(
        _l("Language of the course"), choices=options([("de", "Deutsch"), ("en", "English")])
    )


class SaveTemplateForm(FlaskForm):
    name = StringField(_l("Name of the template"), validators=[Length(max=200)])
    description = TextAreaField(_l("What is it good for?"))


class ObjectiveForm(FlaskForm):
    text = StringField(OBJECTIVE_HELP.label)
    bloom_level = SelectField(_l("Bloom level"), validate_choice=False)
    lock_version = HiddenField()


class ConfirmForm(FlaskForm):
    """A button-only form (move, remove, switch mode): it carries the CSRF token."""
