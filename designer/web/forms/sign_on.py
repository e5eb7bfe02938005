from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from designer.web.forms import options
from designer.web.forms.workspaces import role_options


class LinkForm(FlaskForm):
    """Confirming the password of the account a sign-on is to be linked to."""

    password = PasswordField(_l("Password of your Kurswerk account"), validators=[DataRequired()])


class ProviderForm(FlaskForm):
    name = StringField(_l("Name on the button"), validators=[DataRequired(), Length(max=80)])
    issuer = StringField(_l("Issuer URL"), validators=[DataRequired(), Length(max=500)])
    client_id = StringField(_l("Client ID"), validators=[DataRequired(), Length(max=255)])
    client_secret = PasswordField(_l("Client secret"), validators=[Length(max=500)])


class ProviderSwitchForm(FlaskForm):
    provider_id = HiddenField(validators=[DataRequired()])


def join_kind_choices():
    return [("domain", _l("E-mail domain")), ("group", _l("Provider group"))]


class JoinRuleForm(FlaskForm):
    kind = SelectField(_l("People who sign on with"), choices=lambda: options(join_kind_choices()))
    value = StringField(_l("Domain or group"), validators=[DataRequired(), Length(max=255)])
    role = SelectField(_l("join with the role"), choices=role_options)


class RemoveJoinRuleForm(FlaskForm):
    rule_id = HiddenField(validators=[DataRequired()])
