from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length


class NewDesignForm(FlaskForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    language = SelectField(
        _l("Language of the course"), choices=[("de", "Deutsch"), ("en", "English")]
    )


class ImportForm(FlaskForm):
    file = FileField(_l("File"), validators=[FileRequired()])


class DeleteForm(FlaskForm):
    pass
