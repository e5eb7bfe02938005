from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField
from wtforms.validators import DataRequired, Length


class AppointCoordinatorForm(FlaskForm):
    email = EmailField(
        _l("E-mail of the new coordinator"), validators=[DataRequired(), Length(max=254)]
    )
