from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, SelectField, StringField
from wtforms.validators import DataRequired, Length

from designer.web.forms import options


def role_choices():
    return [
        ("coordinator", _l("Coordinator")),
        ("designer", _l("Designer")),
        ("expert", _l("Subject expert")),
        ("reviewer", _l("Reviewer")),
        ("viewer", _l("Viewer")),
    ]


class WorkspaceForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    kind = SelectField(
        _l("Kind"),
        choices=options([("organisation", _l("Organisation")), ("partnership", _l("Partnership"))]),
    )
    organisation = StringField(_l("Your organisation"), validators=[Length(max=200)])


class SettingsForm(FlaskForm):
    time_zone = SelectField(
        _l("Time zone"),
        description=_l("Dates and times on this workspace's pages are shown in this zone."),
        validate_choice=False,  # the service checks the zone and names the error
    )


def role_options():
    return options(role_choices())


class MemberForm(FlaskForm):
    email = EmailField(_l("E-mail of an existing account"), validators=[DataRequired()])
    role = SelectField(_l("Role"), choices=role_options)
    organisation = StringField(_l("Organisation"), validators=[Length(max=200)])


class RoleForm(FlaskForm):
    membership_id = HiddenField(validators=[DataRequired()])
    role = SelectField(_l("Role"), choices=role_options)


class RemoveMemberForm(FlaskForm):
    membership_id = HiddenField(validators=[DataRequired()])
