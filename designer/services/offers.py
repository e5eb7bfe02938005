"""Publishing designs as offers in the workspace's public catalogue, and withdrawing them."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from designer.core.offers import CURRENCIES, OfferTerms, offer_data
from designer.models import Design, Offer, User, db
from designer.models.columns import utcnow
from designer.queries.read_model import snapshot
from designer.services import events
from designer.services.badges import badge_of
from designer.services.errors import Invalid
from designer.services.permissions import Action, require
from designer.services.workspaces import slugify

MAX_PLACE = 200
MAX_PRICE = Decimal("1000000")


def clean_terms(place: str, price: str, currency: str) -> OfferTerms:
    """The coordinator's terms, checked; a price may be written 490, 490,00 or 490.50."""
    errors = {}
    place = " ".join((place or "").split())
    if len(place) > MAX_PLACE:
        errors["place"] = "too_long"
    amount = _amount((price or "").strip())
    if amount is None:
        errors["price"] = "invalid"
    if currency not in CURRENCIES:
        errors["currency"] = "unknown"
    if errors:
        raise Invalid(errors)
    return OfferTerms(place=place, price=amount or "", currency=currency)


def _amount(text: str) -> str | None:
    """ "" for no price, the amount with two decimals, or None when it is no price."""
    if not text:
        return ""
    if not re.fullmatch(r"\d{1,7}([.,]\d{1,2})?", text):
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    return f"{value:.2f}" if value <= MAX_PRICE else None


def offer_of(design: Design) -> Offer | None:
    return db.session.scalar(select(Offer).where(Offer.design_id == design.id))


def publish_offer(actor: User, design: Design, terms: OfferTerms) -> Offer:
    """Publish the design as it stands now, or bring its published offer up to date."""
    require(actor, Action.OFFER_PUBLISH, design)
    badge = badge_of(design)
    data = offer_data(snapshot(design), terms, badge.public_id if badge else "")
    offer = offer_of(design)
    if offer is None:
        offer = Offer(
            workspace_id=design.workspace_id,
            design_id=design.id,
            slug=_free_slug(design.workspace_id, slugify(design.title)),
        )
        db.session.add(offer)
    offer.data = data
    offer.published_by_id = actor.id
    offer.updated_at = utcnow()
    db.session.flush()
    events.record("offer.published", actor, design.workspace_id, design.id, title=design.title)
    return offer


def withdraw_offer(actor: User, design: Design) -> None:
    require(actor, Action.OFFER_PUBLISH, design)
    offer = offer_of(design)
    if offer is not None:
        db.session.delete(offer)
        events.record("offer.withdrawn", actor, design.workspace_id, design.id, title=design.title)


def _free_slug(workspace_id: int, base: str) -> str:
    slug, n = base, 2
    taken = select(Offer.id).where(Offer.workspace_id == workspace_id)
    while db.session.scalar(taken.where(Offer.slug == slug)):
        slug, n = f"{base}-{n}", n + 1
    return slug
