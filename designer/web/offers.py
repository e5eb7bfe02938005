"""The public catalogue of a workspace's offers (pages, feeds) and publishing an offer.

The public pages need no account: they read only what an offer froze when it was
published (`core.offers.offer_data`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask import Blueprint, Response, jsonify, redirect, render_template, request, url_for
from flask_babel import format_currency, format_date, format_decimal, ngettext
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.offers import course_jsonld
from designer.core.vocab import DELIVERY_MODES
from designer.models import Workspace
from designer.queries import access
from designer.queries import offers as catalogue
from designer.services import offers as offer_service
from designer.services.badges import badge_of
from designer.services.permissions import Action
from designer.web.badges import site_base
from designer.web.forms.offers import OfferForm
from designer.web.transaction import saving

bp = Blueprint("offers", __name__)


@bp.context_processor
def offer_helpers() -> dict[str, object]:
    return {
        "hours": lambda minutes: ngettext(
            "%(hours)s hour",
            "%(hours)s hours",
            minutes // 60 or 1,
            hours=format_decimal(minutes / 60, "#,##0.#"),
        ),
        "price": lambda amount, currency: format_currency(Decimal(amount), currency),
        "month_label": lambda month: format_date(date.fromisoformat(f"{month}-01"), "MMMM yyyy"),
    }


@bp.get("/offers/<slug>")
def index(slug: str):
    workspace = catalogue.catalogue_workspace(slug)
    query = request.args.get("q", "")[:200]
    mode = request.args.get("mode", "")
    mode = mode if mode in DELIVERY_MODES else ""
    month = request.args.get("month", "")[:7]
    return render_template(
        "offers/index.html",
        workspace=workspace,
        entries=catalogue.entries(workspace, query, mode, month),
        months=catalogue.months(workspace),
        modes=DELIVERY_MODES,
        query=query,
        mode=mode,
        month=month,
    )


@bp.get("/offers/<slug>/<offer_slug>")
def show(slug: str, offer_slug: str):
    workspace = catalogue.catalogue_workspace(slug)
    entry = catalogue.entry(workspace, offer_slug)
    return render_template(
        "offers/show.html",
        workspace=workspace,
        entry=entry,
        jsonld=course_for(workspace, entry.data, offer_slug),
    )


@bp.get("/offers/<slug>/feed.atom")
def atom(slug: str):
    workspace = catalogue.catalogue_workspace(slug)
    entries = catalogue.entries(workspace)
    body = render_template(
        "offers/feed.atom",
        workspace=workspace,
        entries=entries,
        updated=max(e.offer.updated_at for e in entries),
    )
    return Response(body, mimetype="application/atom+xml")


@bp.get("/offers/<slug>/feed.json")
def json_feed(slug: str):
    workspace = catalogue.catalogue_workspace(slug)
    home = url_for("offers.index", slug=slug, _external=True)
    items = [_feed_item(workspace, e) for e in catalogue.entries(workspace)]
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": _("Offers of %(name)s", name=workspace.name),
        "home_page_url": home,
        "feed_url": url_for("offers.json_feed", slug=slug, _external=True),
        "items": items,
    }
    response = jsonify(feed)
    response.mimetype = "application/feed+json"
    return response


def _feed_item(workspace: Workspace, entry: catalogue.CatalogueEntry) -> dict:
    """One offer in the JSON feed; `_course` and `_badge` are the feed's extensions."""
    url = offer_url(workspace.slug, entry.offer.slug)
    item = {
        "id": url,
        "url": url,
        "title": entry.data["title"],
        "content_text": entry.data["description"] or entry.data["format"],
        "date_modified": entry.offer.updated_at.isoformat() + "Z",
        "language": entry.data["language"],
        "_course": course_for(workspace, entry.data, entry.offer.slug),
    }
    badge = badge_for(entry.data)
    if badge:
        item["_badge"] = badge
    return item


@bp.route("/designs/<int:design_id>/offer", methods=["GET", "POST"])
@login_required
def manage(design_id: int):
    design = access.design_for(current_user, design_id, Action.OFFER_PUBLISH)
    offer = offer_service.offer_of(design)
    form = OfferForm(data=_terms_of(offer))
    if form.validate_on_submit():
        with saving(form, done=_("The offer is published.")) as outcome:
            terms = offer_service.clean_terms(form.place.data, form.price.data, form.currency.data)
            offer_service.publish_offer(current_user, design, terms)
        if outcome.ok:
            return redirect(url_for("offers.manage", design_id=design.id))
    return render_template(
        "offers/manage.html",
        design=design,
        offer=offer_service.offer_of(design),
        badge=badge_of(design),
        form=form,
        workspace=catalogue.workspace_of(design),
    )


@bp.post("/designs/<int:design_id>/offer/withdraw")
@login_required
def withdraw(design_id: int):
    design = access.design_for(current_user, design_id, Action.OFFER_PUBLISH)
    form = OfferForm()
    if form.validate_on_submit():
        with saving(done=_("The offer is withdrawn from the catalogue.")):
            offer_service.withdraw_offer(current_user, design)
    return redirect(url_for("offers.manage", design_id=design.id))


def _terms_of(offer) -> dict[str, str]:
    if offer is None:
        return {}
    data = offer.data
    return {"place": data["place"], "price": data["price"], "currency": data["currency"] or "EUR"}


def offer_url(slug: str, offer_slug: str) -> str:
    return url_for("offers.show", slug=slug, offer_slug=offer_slug, _external=True)


def course_for(workspace: Workspace, data: dict, offer_slug: str) -> dict:
    """The offer's schema.org Course, as the pages, the feeds and the API give it."""
    home = url_for("offers.index", slug=workspace.slug, _external=True)
    url = offer_url(workspace.slug, offer_slug)
    return course_jsonld(data, workspace.name, home, url, site_base())


def badge_for(data: dict) -> dict | None:
    """The badge an offer leads to, with absolute addresses, as the feed and the API give it."""
    badge = data.get("badge")
    if not badge:
        return None
    site = site_base()
    return {
        "name": badge["name"],
        "description": badge["description"],
        "criteria": badge["criteria"],
        "competences": badge["competences"],
        "image": site + badge["image"],
        "url": site + badge["url"],
    }
