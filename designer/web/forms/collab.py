"""Forms of the collaboration pages (people, versions, trash, partnership, sharing)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from designer.services.invitations import DESIGN_GUEST_ROLES
from designer.web.forms import options
from designer.web.forms.workspaces import role_choices, role_options


def guest_role_options():
    return options((value, text) for value, text in role_choices() if value in DESIGN_GUEST_ROLES)


class GuestForm(FlaskForm):
    email = EmailField(_l("E-mail of an existing account"), validators=[DataRequired()])
    role = SelectField(_l("Role on this design"), choices=guest_role_options, default="viewer")


class InvitationForm(FlaskForm):
    role = SelectField(_l("Role"), choices=role_options, default="viewer")
    days = IntegerField(
        _l("Valid for (days)"), default=14, validators=[InputRequired(), NumberRange(1, 90)]
    )
    note = StringField(_l("Note (for whom?)"), validators=[Length(max=200)])
    email = EmailField(
        _l("Mail the link to this address (optional)"), validators=[Optional(), Length(max=254)]
    )


class GuestInvitationForm(InvitationForm):
    role = SelectField(_l("Role on this design"), choices=guest_role_options, default="viewer")


class ConfirmForm(FlaskForm):
    """A button without fields (its CSRF token is the whole form)."""


class IdForm(FlaskForm):
    """A button that acts on one row (revoke, remove, restore)."""

    item_id = HiddenField(validators=[DataRequired()])


class GuestRoleForm(IdForm):
    role = SelectField(_l("Role"), choices=guest_role_options)


class SaveVersionForm(FlaskForm):
    message = StringField(_l("Name of the version"), validators=[DataRequired(), Length(max=500)])


class AgreementForm(FlaskForm):
    goal = TextAreaField(_l("Goal of the partnership"))
    contributions = TextAreaField(_l("Who contributes what"))
    results_use = TextAreaField(_l("What happens to the results"))
    leaving = TextAreaField(_l("How a partner leaves"))
    lock_version = HiddenField()


class PartnerForm(FlaskForm):
    name = StringField(_l("Organisation"), validators=[DataRequired(), Length(max=200)])
    contribution = StringField(_l("Contribution"), validators=[Length(max=500)])
    is_coordinator = BooleanField(_l("Coordinating organisation"))


def visibility_choices():
    return [
        ("workspace", _l("This workspace only")),
        ("partnership", _l("Partnerships of our members")),
        ("catalogue", _l("Everyone on this Kurswerk")),
    ]


class SharingForm(IdForm):
    visibility = SelectField(_l("Visible to"), choices=lambda: options(visibility_choices()))
    competition_sensitive = BooleanField(_l("Competition-sensitive"))


class CopyForm(IdForm):
    workspace_id = SelectField(_l("Copy into"), coerce=int, choices=[])
