"""Forms of the template gallery, the guided Grobkonzept and the objectives editor."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import Length

from designer.core.snapshot import (
    GROBKONZEPT_DATE_FIELDS,
    GROBKONZEPT_INT_FIELDS,
    GROBKONZEPT_TEXT_FIELDS,
)
from designer.web.forms import options
from designer.web.wizard_steps import FIELD_HELP, OBJECTIVE_HELP

_NUMBER = set(GROBKONZEPT_INT_FIELDS)
_DATE = set(GROBKONZEPT_DATE_FIELDS)


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


def _field(name: str):
    label = FIELD_HELP[name].label
    if name in _NUMBER:
        return StringField(label, render_kw={"type": "number", "min": "0", "inputmode": "numeric"})
    if name in _DATE:
        return StringField(label, render_kw={"type": "date"})
    return TextAreaField(label, render_kw={"rows": "4"})


class GrobkonzeptForm(FlaskForm):
    """Every Grobkonzept field; a wizard step shows and saves only its own."""

    lock_version = HiddenField()

    def values(self, names: tuple[str, ...]) -> dict[str, object]:
        """The submitted values of `names` as the service takes them (ints, ISO dates)."""
        out: dict[str, object] = {}
        for name in names:
            raw = (self[name].data or "").strip()
            if name not in _NUMBER:
                out[name] = raw
            elif raw:
                # Anything but digits goes on as text for the service to refuse.
                out[name] = int(raw) if raw.isdigit() else raw
            else:
                out[name] = None
        return out


for _name in GROBKONZEPT_TEXT_FIELDS + GROBKONZEPT_INT_FIELDS + GROBKONZEPT_DATE_FIELDS:
    setattr(GrobkonzeptForm, _name, _field(_name))


class ObjectiveForm(FlaskForm):
    text = StringField(OBJECTIVE_HELP.label)
    bloom_level = SelectField(_l("Bloom level"), validate_choice=False)
    lock_version = HiddenField()


class ConfirmForm(FlaskForm):
    """A button-only form (move, remove, switch mode): it carries the CSRF token."""
