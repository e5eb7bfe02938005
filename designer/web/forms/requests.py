"""Forms of requests for training: the public request form and the coordinators' forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, TextAreaField

from designer.core.vocab import DELIVERY_MODES
from designer.web.forms import options


def mode_choices(label) -> list:
    """ "No preference" and the delivery modes, labelled by `label(value)`."""
    return options([("", _l("No preference")), *((m, label(m)) for m in DELIVERY_MODES)])


class RequestForm(FlaskForm):
    topic = StringField(_l("Topic"), render_kw={"maxlength": 300, "required": True})
    participants = StringField(
        _l("Number of people (optional)"),
        render_kw={"inputmode": "numeric", "pattern": "[0-9]*", "maxlength": 5},
    )
    target_group = TextAreaField(
        _l("Who will take part? (optional)"), render_kw={"maxlength": 1000, "rows": 3}
    )
    delivery_mode = SelectField(_l("Preferred delivery mode"), choices=[], validate_choice=False)
    period_start = StringField(_l("Preferred period: from (optional)"), render_kw={"type": "date"})
    period_end = StringField(_l("until (optional)"), render_kw={"type": "date"})
    name = StringField(
        _l("Your name"), render_kw={"maxlength": 200, "required": True, "autocomplete": "name"}
    )
    organisation = StringField(
        _l("Organisation (optional)"),
        render_kw={"maxlength": 200, "autocomplete": "organization"},
    )
    email = StringField(
        _l("E-mail address"),
        render_kw={"type": "email", "maxlength": 254, "required": True, "autocomplete": "email"},
    )
    phone = StringField(
        _l("Phone (optional)"), render_kw={"type": "tel", "maxlength": 40, "autocomplete": "tel"}
    )
    message = TextAreaField(_l("Message (optional)"), render_kw={"maxlength": 2000, "rows": 5})
    # The honeypot: hidden from people and assistive technology, filled in by programs.
    website = StringField(
        _l("Leave this field empty"), render_kw={"tabindex": "-1", "autocomplete": "off"}
    )
    stamp = HiddenField()


class AnswerForm(FlaskForm):
    answer = TextAreaField(_l("Your answer"), render_kw={"rows": 8})


class RequestDesignForm(FlaskForm):
    template = SelectField(_l("Template"), choices=[], validate_choice=False)


class RetentionForm(FlaskForm):
    retention_days = StringField(
        _l("Delete closed requests after (days)"),
        render_kw={"inputmode": "numeric", "pattern": "[0-9]*", "maxlength": 4},
    )


class CloseForm(FlaskForm):
    pass
