"""Badges Kurswerk issues: coordinators award and revoke them; anyone verifies them.

Public: the verification page of an award (valid, revoked, expired), its Open Badges 2.0
hosted assertion (410 Gone once revoked), its Open Badges 3.0 credential (VC-JWT), the
badge image with both baked in, and per issuer its 3.0 profile, public keys (JWKS) and
revocation list.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, jsonify, redirect, render_template, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.core.assets import StoreAssets
from designer.core.openbadges import (
    BadgeUrls,
    assertion_ob2,
    profile_ob3,
    revocation_list,
)
from designer.export.badges import OB2_KEYWORD, OB3_KEYWORD, badge_png, bake
from designer.export.learner.render import Earned
from designer.models import BadgeAward, Design, LtiLearner
from designer.queries import access
from designer.queries import badges as badge_queries
from designer.queries.read_model import badge_of
from designer.services import badges as badge_service
from designer.services import issuing, outbox
from designer.services.errors import NotFound
from designer.services.permissions import Action
from designer.web.badges import site_base
from designer.web.forms.badges import AwardForm, RevokeForm
from designer.web.transaction import saving

bp = Blueprint("awards", __name__)


def issuing_context() -> issuing.Issuing:
    """Signing needs the site's address and the app's secret (for the other parts that
    award badges too, e.g. an LTI delivery)."""
    return issuing.Issuing(site_base(), current_app.config["SECRET_KEY"])


@bp.route("/designs/<int:design_id>/badge/awards", methods=["GET", "POST"])
@login_required
def manage(design_id: int):
    design = access.design_for(current_user, design_id, Action.BADGE_AWARD)
    badge = badge_service.badge_of(design)
    if badge is None:
        return redirect(url_for("badges.edit", design_id=design.id))
    form = AwardForm()
    if form.validate_on_submit():
        with saving(
            form, done=_("The badge is awarded. Kurswerk sends the person its link.")
        ) as outcome:
            award = issuing.award_badge(
                current_user,
                design,
                form.name.data,
                form.email.data,
                issuing_context(),
                form.expires_on.data or "",
            )
            outbox.queue(award_mail(award, design.language))
        if outcome.ok:
            return redirect(url_for("awards.manage", design_id=design.id))
    return render_template(
        "badges/awards.html",
        design=design,
        badge=badge,
        awards=issuing.awards_of(design),
        state=issuing.award_state,
        form=form,
        revoke_form=RevokeForm(),
    )


@bp.post("/designs/<int:design_id>/badge/awards/<public_id>/revoke")
@login_required
def revoke(design_id: int, public_id: str):
    design = access.design_for(current_user, design_id, Action.BADGE_AWARD)
    found = badge_queries.public_award(public_id)
    form = RevokeForm()
    if form.validate_on_submit():
        with saving(done=_("The badge is revoked.")):
            issuing.revoke_award(current_user, design, found.award, form.reason.data)
    return redirect(url_for("awards.manage", design_id=design.id))


def award_mail(award: BadgeAward, language: str) -> outbox.Mail:
    """The mail that tells the person about their badge, in the design's language (the
    person has no account, so no language of their own)."""
    context = {
        "name": award.recipient_name,
        "badge": award.data["name"],
        "issuer": award.data["issuer"]["name"],
        "link": award.data["id"],
        "lang": language,
    }
    with force_locale(language):
        subject = _("Your badge “%(badge)s”", badge=context["badge"])
        text = render_template("mail/badge_awarded.txt", **context)
        html = render_template("mail/badge_awarded.html", subject=subject, **context)
    return outbox.Mail(award.recipient_email, subject, text, html)


def earned_notice(learner: LtiLearner, design: Design) -> Earned | None:
    """What the launched page tells a learner about the design's badge Kurswerk awarded
    them: its verification page and, while valid, the downloads that page offers. The
    links open a new window (the LMS frames the page; the verification page may not be
    framed)."""
    award = badge_queries.award_of_learner(learner, design)
    if award is None:
        return None
    verify_link = (url_for("awards.verify", public_id=award.public_id), _("Verification page"))
    name = award.data["name"]
    state = issuing.award_state(award)
    if state == "revoked":
        return Earned(_("Your badge “%(badge)s” was revoked.", badge=name), (verify_link,))
    if state == "expired":
        return Earned(_("Your badge “%(badge)s” has expired.", badge=name), (verify_link,))
    links = [
        verify_link,
        (url_for("awards.baked_png", public_id=award.public_id), _("Badge image (PNG)")),
        (
            url_for("awards.credential", public_id=award.public_id),
            _("Credential (Open Badges 3.0, VC-JWT)"),
        ),
    ]
    if award.recipient_email:
        links.append(
            (
                url_for("awards.assertion", public_id=award.public_id),
                _("Assertion (Open Badges 2.0)"),
            )
        )
    return Earned(_("You have earned the badge “%(badge)s”.", badge=name), tuple(links))


# --------------------------------------------------------------------------- public


@bp.get("/awards/<public_id>")
def verify(public_id: str):
    found = badge_queries.public_award(public_id)
    award = found.award
    claims = issuing.verified_claims(award.credential, found.key.public_jwk)
    return render_template(
        "badges/verify.html",
        found=found,
        credential=award.data,
        state=issuing.award_state(award),
        signature_ok=claims is not None and claims.get("jti") == award.data["id"],
    )


@bp.get("/awards/<public_id>/assertion")
def assertion(public_id: str):
    found = badge_queries.public_award(public_id)
    award = found.award
    if not award.recipient_email:
        # Open Badges 2.0 names recipients by e-mail, URL or telephone only; an award to
        # a learner known by their LMS's pseudonymous id has its 3.0 credential alone.
        raise NotFound("assertion")
    urls = _urls(found)
    if award.revoked_at is not None:
        body = {"id": urls.assertion(public_id), "revoked": True}
        body["revocationReason"] = award.revocation_reason
        response = jsonify(body)
        response.status_code = 410
        return response
    badge_class = award.data["credentialSubject"]["achievement"]["id"]
    document = assertion_ob2(
        urls,
        public_id,
        badge_class,
        award.recipient_email,
        award.salt,
        award.issued_at,
        award.expires_at,
    )
    return _json(document)


@bp.get("/awards/<public_id>/credential.jwt")
def credential(public_id: str):
    found = badge_queries.public_award(public_id)
    response = Response(found.award.credential, mimetype="application/vc+jwt")
    response.headers["Content-Disposition"] = f'attachment; filename="badge-{public_id}.jwt"'
    return response


@bp.get("/awards/<public_id>/badge.png")
def baked_png(public_id: str):
    """The badge image carrying this award: the 2.0 assertion's address (hosted; only for
    an award to an address) and the 3.0 credential (VC-JWT)."""
    found = badge_queries.public_award(public_id)
    snap_badge = badge_of(found.design) if found.design else None
    if snap_badge is None:
        raise NotFound("badge")
    png = badge_png(snap_badge, StoreAssets(current_app.extensions["file_store"]))
    if found.award.recipient_email:
        png = bake(png, OB2_KEYWORD, _urls(found).assertion(public_id))
    png = bake(png, OB3_KEYWORD, found.award.credential)
    response = Response(png, mimetype="image/png")
    response.headers["Content-Disposition"] = f'attachment; filename="badge-{public_id}.png"'
    return response


@bp.get("/issuers/<slug>/profile")
def profile(slug: str):
    workspace, _key = badge_queries.issuer_of(slug)
    return _json(profile_ob3(workspace.name, BadgeUrls(site_base(), "", slug)))


@bp.get("/issuers/<slug>/jwks.json")
def jwks(slug: str):
    _workspace, key = badge_queries.issuer_of(slug)
    return jsonify({"keys": [key.public_jwk]})


@bp.get("/issuers/<slug>/keys/<kid>")
def public_key(slug: str, kid: str):
    _workspace, key = badge_queries.issuer_of(slug)
    if key.kid != kid:
        raise NotFound("key")
    return jsonify(key.public_jwk)


@bp.get("/issuers/<slug>/revocations")
def revocations(slug: str):
    workspace, _key = badge_queries.issuer_of(slug)
    urls = BadgeUrls(site_base(), "", slug)
    return jsonify(revocation_list(urls, badge_queries.revoked_awards(workspace)))


def _urls(found: badge_queries.PublicAward) -> BadgeUrls:
    badge_id = found.badge.public_id if found.badge else ""
    return BadgeUrls(site_base(), badge_id, found.workspace.slug)


def _json(document: dict) -> Response:
    response = Response(json.dumps(document, ensure_ascii=False), mimetype="application/ld+json")
    return response
