"""The form a coordinator fills in to publish a design as an offer."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField

from designer.core.offers import CURRENCIES
from designer.web.forms import options


class OfferForm(FlaskForm):
    place = StringField(_l("Place (town, venue or “online”)"))
    price = StringField(_l("Price (optional, e.g. 490 or 490,00)"))
    currency = SelectField(
        _l("Currency"), choices=options((c, c) for c in CURRENCIES), default="EUR"
    )
