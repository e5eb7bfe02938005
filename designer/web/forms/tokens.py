from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from designer.web.forms import options


class TokenForm(FlaskForm):
    name = StringField(
        _l("Name (what the token is for)"), validators=[DataRequired(), Length(max=100)]
    )
    scope = SelectField(
        _l("Access"),
        choices=options([("read", _l("Read only")), ("write", _l("Read and write"))]),
        default="read",
    )


class RevokeTokenForm(FlaskForm):
    pass
