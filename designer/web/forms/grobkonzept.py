"""The one Grobkonzept form: every field, labelled from `designer.core.fields`.

The wizard shows and saves the fields of one step, the expert page and the collaborative
editor all of them; the service checks every value (`designer.core.fields`), so each
editor shows the same messages for the same input.
"""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, StringField, TextAreaField

from designer.core import fields
from designer.web.forms import lock_version
from designer.web.wizard_steps import ALL_FIELDS

_NUMBERS = {f.name for f in fields.GROBKONZEPT.values() if isinstance(f.kind, fields.WholeNumber)}


def _input(field: fields.Field) -> Field:
    label = _l(field.label)
    kind = field.kind
    if isinstance(kind, fields.WholeNumber):
        bounds = {"min": str(kind.minimum)}
        if kind.maximum is not None:
            bounds["max"] = str(kind.maximum)
        return StringField(label, render_kw={"type": "number", "inputmode": "numeric", **bounds})
    if isinstance(field.kind, fields.IsoDate):
        return StringField(label, render_kw={"type": "date"})
    return TextAreaField(label, render_kw={"rows": "4"})


class GrobkonzeptForm(FlaskForm):
    """The title and every Grobkonzept field; an editor saves the names it shows."""

    title = StringField(_l(fields.DESIGN_TITLE.label))
    lock_version = HiddenField()

    FIELDS: tuple[str, ...] = ("title", *ALL_FIELDS)

    @classmethod
    def of(cls, state: dict[str, Any], submitted: bool = True) -> GrobkonzeptForm:
        """The form with what is saved (`designs.grobkonzept_state`). A submitted form
        takes the fields the request carries; the others keep their saved value."""
        data = {name: "" if state[name] is None else str(state[name]) for name in cls.FIELDS}
        data["lock_version"] = state["lock_version"]
        return cls(data=data) if submitted else cls(formdata=None, data=data)

    def values(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The submitted values of `names` as the service takes them: texts stripped,
        numbers as int (anything else goes on as text for the service to refuse)."""
        out: dict[str, Any] = {}
        for name in names:
            raw = (self[name].data or "").strip()
            if not isinstance(
                fields.GROBKONZEPT.get(name, fields.DESIGN_TITLE).kind, fields.WholeNumber
            ):
                out[name] = raw
            elif raw:
                number = fields.whole_number(raw)
                out[name] = raw if number is None else number
            else:
                out[name] = None
        return out

    def expected_version(self) -> int:
        """The version the form was rendered with (required: see `forms.lock_version`)."""
        return lock_version(self.lock_version.data)


for _field in fields.GROBKONZEPT.values():
    setattr(GrobkonzeptForm, _field.name, _input(_field))
