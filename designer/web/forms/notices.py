"""The form of a person's notification settings: one choice of delivery per kind."""

from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired

from designer.services.notifications import MAIL_KINDS
from designer.web.forms import options
from designer.web.notice_mails import DELIVERY_LABELS, KIND_LABELS


def delivery_options():
    return options(DELIVERY_LABELS.items())


def _choice(kind: str) -> RadioField:
    return RadioField(KIND_LABELS[kind], choices=delivery_options, validators=[InputRequired()])


class NoticeSettingsForm(FlaskForm):
    review_requested = _choice("review_requested")
    invitation = _choice("invitation")
    review_decided = _choice("review_decided")
    mention = _choice("mention")
    training_request = _choice("training_request")
    design_released = _choice("design_released")

    def kind_fields(self) -> list[RadioField]:
        return [self[kind] for kind in MAIL_KINDS]

    def choices(self) -> dict[str, str]:
        return {kind: self[kind].data for kind in MAIL_KINDS}
