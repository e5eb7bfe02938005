from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length


class PlatformForm(FlaskForm):
    """A platform registered by hand; the service checks the addresses."""

    name = StringField(_l("Name (e.g. the customer's LMS)"), validators=[Length(max=200)])
    issuer = StringField(_l("Issuer (platform ID)"), validators=[DataRequired()])
    client_id = StringField(_l("Client ID"), validators=[DataRequired(), Length(max=200)])
    deployment_ids = TextAreaField(
        _l("Deployment IDs (one a line)"), validators=[DataRequired(), Length(max=2000)]
    )
    auth_login_url = StringField(_l("Authentication request URL"), validators=[DataRequired()])
    auth_token_url = StringField(_l("Access token URL"), validators=[DataRequired()])
    key_set_url = StringField(_l("Public keyset URL"), validators=[DataRequired()])


class LtiButtonForm(FlaskForm):
    """The buttons of the LTI page (CSRF only)."""


class ReleaseForm(FlaskForm):
    """Which revision of a design LMS launches show; "" is the current state."""

    revision = SelectField(_l("Version to release"), choices=[], validate_choice=True)
    message = StringField(_l("Note for the new version"), validators=[Length(max=500)])
