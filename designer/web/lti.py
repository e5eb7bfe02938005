"""LTI 1.3: the tool's settings page for a coordinator (keys, registration links,
platforms), the public key set and the platform's side of Dynamic Registration."""

from __future__ import annotations

from urllib.parse import urlparse

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from designer.models import Workspace, db
from designer.queries import access
from designer.queries import lti as lti_queries
from designer.services import lti_keys, lti_platforms, releases
from designer.services.errors import Invalid
from designer.services.permissions import Action
from designer.web.forms.lti import LtiButtonForm, PlatformForm, ReleaseForm
from designer.web.messages import error_text
from designer.web.security import CSP
from designer.web.transaction import committing, saving

bp = Blueprint("lti", __name__)


def _allow_http() -> bool:
    """Plain http addresses of platforms only where configured (a test LMS on loopback)."""
    return bool(current_app.config.get("LTI_ALLOW_HTTP"))


def tool_urls(workspace: Workspace) -> lti_platforms.ToolUrls:
    return lti_platforms.ToolUrls(
        login=url_for("lti_launch.login", _external=True),
        launch=url_for("lti_launch.launch", _external=True),
        jwks=url_for("lti.jwks", workspace_id=workspace.id, _external=True),
    )


def _manage(slug: str) -> Workspace:
    return access.workspace_by_slug(current_user, slug, Action.LTI_MANAGE)


def _page(workspace: Workspace, form: PlatformForm, link: str | None = None):
    secret_key = current_app.config["SECRET_KEY"]
    with committing():
        lti_keys.current_key(workspace, secret_key)  # made on first use
    return render_template(
        "lti/settings.html",
        workspace=workspace,
        urls=tool_urls(workspace),
        keys=lti_keys.published_keys(workspace),
        platforms=lti_queries.platforms_of(workspace),
        designs=[(d, lti_queries.release_of(d)) for d in access.designs_of_workspace(workspace)],
        form=form,
        buttons=LtiButtonForm(),
        link=link,
    )


@bp.route("/w/<slug>/lti", methods=["GET", "POST"])
@login_required
def settings(slug: str):
    workspace = _manage(slug)
    form = PlatformForm()
    if form.validate_on_submit():
        data = {name: form[name].data for name in ("name", "issuer", "client_id")}
        data |= {f: form[f].data for f in ("auth_login_url", "auth_token_url", "key_set_url")}
        data["deployment_ids"] = lti_platforms.deployment_ids(form.deployment_ids.data)
        with saving(form, done=_("The platform was registered.")) as outcome:
            lti_platforms.add_manually(current_user, workspace, data, allow_http=_allow_http())
        if outcome.ok:
            return redirect(url_for("lti.settings", slug=slug))
    return _page(workspace, form)


def _button(slug: str) -> Workspace:
    workspace = _manage(slug)
    if not LtiButtonForm().validate_on_submit():
        abort(400)
    return workspace


@bp.post("/w/<slug>/lti/link")
@login_required
def create_link(slug: str):
    workspace = _button(slug)
    with committing():
        _link, secret = lti_platforms.create_link(current_user, workspace)
    link = url_for("lti.register", secret=secret, _external=True)
    return _page(workspace, PlatformForm(formdata=None), link=link)


@bp.post("/w/<slug>/lti/keys/rotate")
@login_required
def rotate_key(slug: str):
    workspace = _button(slug)
    with committing():
        lti_keys.rotate(current_user, workspace, current_app.config["SECRET_KEY"])
    flash(_("A new key signs from now on; the old one stays published for 7 days."), "success")
    return redirect(url_for("lti.settings", slug=slug))


@bp.post("/w/<slug>/lti/platforms/<int:platform_id>/<change>")
@login_required
def change_platform(slug: str, platform_id: int, change: str):
    workspace = _button(slug)
    if change not in ("pause", "resume", "remove"):
        abort(404)
    platform = lti_queries.platform_in(workspace, platform_id)
    name = platform.name
    with committing():
        if change == "remove":
            lti_platforms.remove(current_user, platform)
        else:
            lti_platforms.set_paused(current_user, platform, change == "pause")
    texts = {
        "pause": _("%(name)s is paused: its launches are refused.", name=name),
        "resume": _("%(name)s is active again.", name=name),
        "remove": _("%(name)s was removed.", name=name),
    }
    flash(texts[change], "success")
    return redirect(url_for("lti.settings", slug=slug))


@bp.get("/lti/jwks/<int:workspace_id>.json")
def jwks(workspace_id: int):
    """The public key set of a workspace's tool (JWKS), for its platforms."""
    workspace = db.get_or_404(Workspace, workspace_id)
    with committing():
        lti_keys.current_key(workspace, current_app.config["SECRET_KEY"])
    response = jsonify(lti_keys.jwks(workspace))
    response.cache_control.max_age = 300
    return response


@bp.get("/lti/register/<secret>")
def register(secret: str):
    """LTI Dynamic Registration: the platform opens the coordinator's link with its
    openid_configuration and registration_token."""
    with saving(show=False) as outcome:
        link = lti_platforms.open_link(secret)
        workspace = db.session.get(Workspace, link.workspace_id)
        platform = lti_platforms.register_dynamically(
            secret,
            request.args.get("openid_configuration", ""),
            request.args.get("registration_token", ""),
            tool_urls(workspace),
            allow_http=_allow_http(),
        )
    if not outcome.ok:
        assert isinstance(outcome.error, Invalid)
        current_app.logger.info(
            "LTI dynamic registration refused: %s", ", ".join(outcome.error.errors.values())
        )
        message = " ".join(error_text(code) for code in outcome.error.errors.values())
        page = render_template("lti/message.html", title=_("Registration failed"), message=message)
        return _framable(make_response(page, 400), request.args.get("openid_configuration", ""))
    page = render_template("lti/registered.html", platform=platform)
    return _framable(make_response(page), platform.issuer)


def _framable(response: Response, platform_url: str) -> Response:
    """Let the platform show the page in its frame or window (the LMS opens dynamic
    registration there) and receive its postMessage."""
    parsed = urlparse(platform_url)
    if parsed.scheme in ("http", "https") and parsed.netloc:
        origin = f"{parsed.scheme}://{parsed.netloc}"
        response.headers["Content-Security-Policy"] = CSP.replace(
            "frame-ancestors 'none'", f"frame-ancestors {origin}"
        )
        response.headers["Cross-Origin-Opener-Policy"] = "unsafe-none"
    return response


@bp.route("/designs/<int:design_id>/delivery", methods=["GET", "POST"])
@login_required
def delivery(design_id: int):
    """Which revision of the design LMS launches show (released for delivery)."""
    design = access.design_for(current_user, design_id, Action.DESIGN_RELEASE)
    revisions = lti_queries.revisions_of(design)
    form = ReleaseForm()
    form.revision.choices = [("", _("The current state (saved as a new version)"))] + [
        (
            str(r.number),
            _("Version %(number)s", number=r.number) + (f" – {r.message}" if r.message else ""),
        )
        for r in revisions
    ]
    if form.validate_on_submit():
        number = int(form.revision.data) if form.revision.data else None
        message = form.message.data or _("Released for delivery")
        with saving(form) as outcome:
            revision = releases.release(current_user, design, number, message)
        if outcome.ok:
            flash(
                _("Version %(number)s is released for delivery.", number=revision.number), "success"
            )
            return redirect(url_for("lti.delivery", design_id=design.id))
    return render_template(
        "lti/delivery.html", design=design, form=form, release=lti_queries.release_of(design)
    )
