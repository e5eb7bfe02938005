"""The forms of a design's badge page."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import EmailField, RadioField, StringField, TextAreaField

from designer.core.vocab import choices
from designer.web.forms import options
from designer.web.i18n import current_language


class BadgeForm(FlaskForm):
    name = StringField(_l("Name of the badge"))
    description = TextAreaField(_l("Description"))
    shape = RadioField(_l("Shape"), default="circle", validate_choice=False)
    colour = RadioField(_l("Colour"), default="blue", validate_choice=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        language = current_language()
        self.shape.choices = options(choices("badge_shape", language))
        self.colour.choices = options(choices("badge_colour", language))


class BadgeImageForm(FlaskForm):
    image = FileField(_l("Own image (PNG)"))


class BadgeButtonForm(FlaskForm):
    """Buttons without fields (remove the image, remove the badge): the CSRF token."""


class AwardForm(FlaskForm):
    name = StringField(_l("Name of the person"))
    email = EmailField(_l("E-mail address"))
    expires_on = StringField(_l("Valid until (optional, YYYY-MM-DD)"))


class RevokeForm(FlaskForm):
    reason = TextAreaField(_l("Reason for revoking"))
