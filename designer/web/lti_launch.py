"""LTI 1.3 launches: the OIDC login, the resource link launch that shows a learner the
linked design, module or nugget in the learner renderer (the same as the preview and
SCORM), the design's files for that page, and the privacy note.

A launch holds no Kurswerk session: the launch answer is the page itself, and the
design's files are reached through signed addresses, so nothing depends on cookies that
a browser blocks inside an LMS's iframe."""

from __future__ import annotations

import hashlib
import logging
from functools import partial
from urllib.parse import urlparse

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeTimedSerializer

from designer.core.vocab import LANGUAGES
from designer.export.learner.course import course_of
from designer.export.learner.render import Links, Notice, render_player
from designer.extensions import csrf
from designer.models import Design, LtiLearner, LtiPlatform, db
from designer.queries import lti as lti_queries
from designer.queries.read_model import revision_snapshot
from designer.services import (
    earning,
    learner_results,
    lti_deep_linking,
    lti_enrolments,
    lti_launch,
    lti_scores,
)
from designer.web.awards import earned_notice, issuing_context
from designer.web.i18n import select_locale
from designer.web.messages import error_text
from designer.web.preview import learner_file
from designer.web.security import CSP
from designer.web.transaction import bookkeeping, saving

bp = Blueprint("lti_launch", __name__, url_prefix="/lti")
log = logging.getLogger(__name__)
# The platform posts logins and launches from its own pages: the signed state, the nonce
# and the signed id_token stand in for a CSRF token there.
csrf.exempt(bp)

FILE_SECONDS = 12 * 3600  # a launched page's file addresses work this long
DEEP_LINK_SECONDS = 3600  # a teacher picks content within this time
RESULTS_SECONDS = 24 * 3600  # a launched page reports results this long
MAX_REPORT_BYTES = 32 * 1024  # a report of a launched page is never larger

REFUSALS = {
    "login_incomplete": _l("The LMS started the log-in without naming itself or the user."),
    "unknown_platform": _l("This LMS is not registered with Kurswerk."),
    "paused": _l("The connection of this LMS to Kurswerk is paused."),
    "state": _l("The log-in could not be matched to this launch. Start it again from the LMS."),
    "state_expired": _l("The log-in took too long. Start it again from the LMS."),
    "token": _l("The LMS sent no valid launch message."),
    "signature": _l("The launch message is not signed with a key of this LMS."),
    "platform_keys": _l("The keys of this LMS could not be read. Try again later."),
    "expired": _l("The launch message has expired. Start it again from the LMS."),
    "issued_in_future": _l("The launch message is dated in the future: check the LMS's clock."),
    "issuer": _l("The launch message comes from another LMS than the log-in."),
    "audience": _l("The launch message is meant for another tool."),
    "azp": _l("The launch message is meant for another tool."),
    "nonce": _l("The launch message belongs to another log-in. Start it again from the LMS."),
    "nonce_used": _l("This launch message was used already. Start it again from the LMS."),
    "deployment": _l("This deployment of Kurswerk is not registered for the LMS."),
    "message_type": _l("Kurswerk cannot answer this kind of LTI message."),
    "version": _l("The LMS uses an LTI version other than 1.3."),
    "claims": _l("The launch message lacks required information (user, roles or link)."),
    "no_content": _l("The link in the LMS names no content of this Kurswerk workspace."),
    "not_released": _l(
        "This design is not released for delivery. Ask the coordinator of its workspace."
    ),
}


def _files(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt="kurswerk-lti-files")


def _state_cookie(state: str) -> str:
    return "lti_state_" + hashlib.sha256(state.encode()).hexdigest()[:16]


def _language(preferred: str = "") -> str:
    code = preferred.replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else select_locale()


def _framable(response: Response) -> Response:
    """An LMS shows launches in its frame. The page holds no session and offers no
    action beyond reading, so any LMS may frame it (Canvas frames from customers' hosts
    that no registration names)."""
    response.headers["Content-Security-Policy"] = CSP.replace(
        "frame-ancestors 'none'", "frame-ancestors *"
    )
    response.headers["Cross-Origin-Opener-Policy"] = "unsafe-none"
    response.headers["Cache-Control"] = "no-store"
    return response


def _refused(exc: lti_launch.LaunchRefused, locale: str = "") -> Response:
    current_app.logger.warning("LTI launch refused: %s", exc.code)
    with force_locale(_language(locale)):
        page = render_template(
            "lti/message.html",
            title=_("The content could not be opened"),
            message=str(REFUSALS.get(exc.code, REFUSALS["token"])),
        )
    return _framable(make_response(page, 400))


@bp.route("/login", methods=["GET", "POST"])
def login():
    """OpenID Connect third-party initiated login (LTI 1.3)."""
    try:
        start = lti_launch.begin_login(
            request.values,
            url_for("lti_launch.launch", _external=True),
            current_app.config["SECRET_KEY"],
        )
    except lti_launch.LaunchRefused as exc:
        return _refused(exc)
    if start.storage_target:
        # LTI client-side postMessage storage: the page puts state and nonce into the
        # platform's frame, then goes on to the platform.
        page = render_template("lti/storage.html", mode="put", start=start)
        response = _framable(make_response(page))
    else:
        response = redirect(start.redirect_url)
    response.set_cookie(
        _state_cookie(start.state),
        start.state,
        max_age=lti_launch.STATE_SECONDS,
        path=url_for("lti_launch.launch"),
        httponly=True,
        secure=request.is_secure,
        samesite="None" if request.is_secure else "Lax",
    )
    return response


@bp.post("/launch")
def launch():
    """The resource link launch: the platform posts the id_token and the state."""
    state = request.form.get("state", "")
    secret_key = current_app.config["SECRET_KEY"]
    kept = request.cookies.get(_state_cookie(state))
    if kept is None:
        kept = request.form.get("lti_storage_state")
        storage = lti_launch.storage_check(state, secret_key)
        if kept is None and storage is not None:
            # No cookie came back: the page reads the state from the platform's storage
            # and posts the launch again with it.
            page = render_template(
                "lti/storage.html",
                mode="get",
                target=storage[0],
                origin=storage[1],
                state=state,
                id_token=request.form.get("id_token", ""),
            )
            return _framable(make_response(page))
    with saving(catch=(lti_launch.LaunchRefused,), show=False) as outcome:
        found = lti_launch.launch(request.form.get("id_token", ""), state, kept, secret_key)
    if not outcome.ok:
        assert isinstance(outcome.error, lti_launch.LaunchRefused)
        return _refused(outcome.error)
    with force_locale(_language(found.locale)):
        if isinstance(found, lti_launch.DeepLinking):
            return _framable(make_response(_picker(found)))
        page = _learner_page(found)
        if page is None:
            return _refused(lti_launch.LaunchRefused("no_content"), found.locale)
    response = _framable(make_response(page))
    if found.recount is not None:
        app = current_app._get_current_object()
        response.call_on_close(partial(_count_learners, app, found.recount))
    return response


def _count_learners(app: Flask, enrolment_id: int) -> None:
    """Count the course's learners once the launched page has been sent, so that a slow
    or failing platform never holds the page up (`lti_enrolments`)."""
    with app.app_context():
        try:
            with bookkeeping():
                lti_enrolments.count_if_due(enrolment_id, app.config["SECRET_KEY"])
        except Exception:  # the page is sent; the count waits for the next launch or cron
            log.exception("counting the learners of LTI course %s failed", enrolment_id)


def _learner_page(found: lti_launch.Launch) -> str | None:
    """The released design's learner view, or None when the link names no part of it."""
    design = found.design
    release = lti_queries.release_of(design)
    if release is None:
        return None
    revision = release[1]
    learner_course = course_of(revision_snapshot(revision))
    units = learner_results.linked_units(learner_course, found.module_key, found.nugget_key)
    if not units:
        return None
    secret_key = current_app.config["SECRET_KEY"]
    token = _files(secret_key).dumps(design.id)
    # The results address names the learner, the line item and what the page shows. A
    # teacher's launch is not graded: Moodle refuses scores for teachers (HTTP 400).
    link = {
        "d": design.id,
        "r": revision.id,
        "m": found.module_key,
        "n": found.nugget_key,
        "t": found.instructor,
    }
    lineitem = "" if found.instructor else found.lineitem_url
    results = url_for(
        "lti_launch.results",
        token=_results(secret_key).dumps({"l": found.learner.id, "u": lineitem} | link),
    )
    links = Links(
        url_for("static", filename="learner/learner.css"),
        (
            url_for("static", filename="js/lti-lms.js", results=results),
            url_for("static", filename="learner/player.js"),
        ),
        lambda a: url_for("lti_launch.asset", token=token, asset_key=a.key),
    )
    privacy = _(
        "Kurswerk keeps only the pseudonymous ID your LMS sends for you, and your e-mail "
        "address if your LMS sends it; no name."
    )
    if found.instructor:
        notice = Notice(
            privacy + " " + _("You opened this as a teacher."),
            url_for("designs.overview", design_id=design.id, _external=True),
            _("The design in Kurswerk (log-in needed)"),
        )
    else:
        notice = Notice(privacy, url_for("lti_launch.privacy"), _("Privacy"))
    earned = earned_notice(found.learner, design)
    return render_player(
        learner_course, units, links, sco="lti", notice=notice, earned=earned, confirm_info=True
    )


def _results(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt="kurswerk-lti-results")


@bp.post("/results/<token>")
def results(token: str):
    """What the learner did in a launched page (lti-lms.js): per nugget and question into
    the design's learner results, and the score queued for the link's line item and
    posted to the platform at once (retried later if refused). A malformed report is
    refused as a whole (400) and nothing of it is kept."""
    secret_key = current_app.config["SECRET_KEY"]
    try:
        data = _results(secret_key).loads(token, max_age=RESULTS_SECONDS)
    except BadSignature:
        abort(404)
    if len(request.get_data(cache=True)) > MAX_REPORT_BYTES:
        abort(400)
    learner = db.session.get(LtiLearner, data["l"])
    if learner is None:
        abort(404)
    with saving(show=False) as outcome:
        report = learner_results.read_report(request.get_json(silent=True))
        if "d" in data:  # addresses made before learner results were kept have no link
            link = learner_results.LaunchedLink(
                data["d"], data["r"], data["m"], data["n"], teacher=data["t"]
            )
            learner_results.record(learner, link, report)
            earning.issue_earned(learner, link.design_id, issuing_context())
        if data["u"] and report.score is not None:
            lti_scores.record(learner, data["u"], report.score[1], report.score[0])
    if not outcome.ok:
        abort(400)
    if data["u"] and report.score is not None:
        with bookkeeping():
            lti_scores.deliver(secret_key)
    return "", 204


def _deep_links(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt="kurswerk-lti-deep-link")


def _picker(found: lti_launch.DeepLinking, error: str = "") -> str:
    context = _deep_links(current_app.config["SECRET_KEY"]).dumps(
        {"p": found.platform.id, "d": found.deployment_id, "s": found.settings, "l": found.locale}
    )
    return render_template(
        "lti/picker.html",
        choices=lti_deep_linking.choices(found.platform.workspace_id),
        multiple=str(found.settings.get("accept_multiple", "true")).lower() != "false",
        context=context,
        error=error,
    )


@bp.post("/deep-link")
def deep_link():
    """The teacher's picks, answered with the signed deep linking response that the page
    posts to the platform's return address."""
    secret_key = current_app.config["SECRET_KEY"]
    try:
        context = _deep_links(secret_key).loads(
            request.form.get("context", ""), max_age=DEEP_LINK_SECONDS
        )
    except BadSignature:
        return _refused(lti_launch.LaunchRefused("state"))
    platform = db.session.get(LtiPlatform, context["p"])
    if platform is None or platform.paused:
        return _refused(lti_launch.LaunchRefused("paused"))
    found = lti_launch.DeepLinking(platform, context["d"], context["s"], context["l"])
    with force_locale(_language(found.locale)):
        with saving(show=False) as outcome:
            token = lti_deep_linking.response_jwt(
                platform,
                found.deployment_id,
                found.settings,
                request.form.getlist("content"),
                url_for("lti_launch.launch", _external=True),
                secret_key,
            )
        if not outcome.ok:
            code = next(iter(outcome.errors.values()))
            page = _picker(found, error_text(code))
            return _framable(make_response(page, 400))
        return_url = str(found.settings["deep_link_return_url"])
        page = render_template("lti/deep_link_return.html", return_url=return_url, token=token)
    response = _framable(make_response(page))
    # The page's form goes to the platform.
    parsed = urlparse(return_url)
    response.headers["Content-Security-Policy"] = response.headers[
        "Content-Security-Policy"
    ].replace("form-action 'self'", f"form-action 'self' {parsed.scheme}://{parsed.netloc}")
    return response


@bp.get("/files/<token>/<asset_key>")
def asset(token: str, asset_key: str):
    """A file of the launched design, for as long as the launched page may need it."""
    try:
        design_id = _files(current_app.config["SECRET_KEY"]).loads(token, max_age=FILE_SECONDS)
    except BadSignature:
        abort(404)
    design = db.session.get(Design, design_id)
    snap = lti_queries.released_snapshot(design) if design and not design.deleted_at else None
    return learner_file(snap, asset_key)


@bp.get("/privacy")
def privacy():
    page = render_template("lti/privacy.html")
    return _framable(make_response(page))
