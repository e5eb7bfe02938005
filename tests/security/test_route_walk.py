"""Every route of the app is either public by intent or refused: to an anonymous visitor
(302 to the log-in page, 401 or 403) and to a signed-in member of another workspace
(403 or 404).

Convention for routes added later: URL parameters are filled by name from the fixture
`other_workspace_objects` with objects of workspace A (the workspace the outsider is not a
member of). An unknown `int` parameter gets A's design id, an unknown string parameter A's
workspace slug; either way the object belongs to A, so the outsider must be refused. Form
posts carry the same values as form fields. A new page meant to be public goes into PUBLIC
(or its blueprint into PUBLIC_BLUEPRINTS); a page every signed-in person may use for their
own account goes into PERSONAL, with the reason next to it.
"""

from __future__ import annotations

from typing import Any

import pytest

from designer.extensions import db
from designer.models import LearningObjective, Module, Nugget, Placement
from designer.services import tokens, workspaces

PUBLIC = {
    "static": "style sheets and scripts",
    "auth.login": "the log-in page",
    "auth.register": "registration",
    "auth.language": "language switch before logging in",
    "api_docs.api_docs": "API documentation",
    "api.openapi_json": "the OpenAPI document",
    "collab.invitation": "an invitation link: its token is the secret; without a valid one "
    "the page only says so",
    "auth.login_link": "a coordinator's one-time log-in link: its token is the secret; "
    "without a valid one the page only says so",
    "auth.forgot_password": "asking for a reset link: the same answer for every address",
    "auth.reset": "the link of a reset mail: its token is the secret; without a valid one "
    "the page only says so",
    "auth.verify": "the link of an address confirmation mail: a signed token; without a "
    "valid one the page only says so",
    "sign_on.start": "a sign-on with a provider the instance offers (404 for any other)",
    "sign_on.callback": "a provider's answer: accepted only with the state of a sign-on "
    "started in this browser's session",
    "sign_on.confirm_link": "linking a sign-on to an account: only for the sign-on pending "
    "in this session, with that account's password",
    "account.confirm_email": "the link of a mail to a new address: a signed token; without "
    "a valid one the page only says so",
    "notices.unsubscribe": "the unsubscribe link of a notification mail: a signed token; "
    "without a valid one the page only says so",
    "offers.index": "a workspace's public catalogue of offers (404 while it has none)",
    "offers.show": "a published offer (only the fields frozen when it was published)",
    "offers.atom": "the catalogue's Atom feed",
    "offers.json_feed": "the catalogue's JSON feed",
    "requests.new": "a company's request for training, sent from a public catalogue (rate "
    "limited, honeypot, minimum time to fill)",
    "requests.sent": "the thank-you page after a request for training",
}
# Open Badges: what a badge says and who issued it must be readable by anyone who checks
# an awarded badge; addresses carry random public ids, never design ids.
PUBLIC.update(
    {
        "badges.badge_class": "Open Badges 2.0 badge class of a badge (its random public id)",
        "badges.criteria_page": "the criteria a badge's class points to",
        "badges.public_png": "the image a badge class points to",
        "badges.public_svg": "the same image as SVG",
        "badges.issuer": "Open Badges 2.0 issuer profile of a workspace that has a badge",
        "awards.verify": "an awarded badge's verification page (its random public id)",
        "awards.assertion": "Open Badges 2.0 hosted assertion of an award",
        "awards.credential": "Open Badges 3.0 credential (VC-JWT) of an award",
        "awards.baked_png": "the badge image with an award's credential baked in",
        "awards.profile": "Open Badges 3.0 issuer profile",
        "awards.jwks": "the issuer's public keys, to verify its credentials",
        "awards.public_key": "one public key, as a credential's header names it",
        "awards.revocations": "the issuer's revocation list",
    }
)
PUBLIC["lti.jwks"] = "the public key set of a workspace's LTI tool"
PUBLIC["lti.register"] = (
    "LTI dynamic registration link: its token is the secret; without a valid one the page "
    "only says so"
)
PUBLIC_BLUEPRINTS = {
    "seal": "public quality seal pages of approved designs",
    "lti_launch": "LTI login and launches posted by a registered LMS: the signed state, the "
    "nonce and the platform's signed id_token (or Kurswerk's signed tokens) authorise them",
}
PERSONAL = {
    "workspaces.dashboard": "lists only the caller's own workspaces",
    "workspaces.new": "anyone signed in may start a workspace",
    "auth.password": "the caller's own password",
    "auth.logout": "ends the caller's own session",
    "tokens.index": "the caller's own API tokens",
    "api.list_workspaces": "lists only the caller's own workspaces",
    "api.list_formats": "the export formats, no data",
    "collab.catalogue": "shared nuggets, filtered to what the caller may see",
    "notifications.index": "the caller's own notifications",
    "notifications.mark_read": "marks the caller's own notifications read",
    "account.index": "the caller's own account page",
    "account.download": "the caller's own data",
    "account.change_email": "the caller's own address",
    "account.delete": "deletes the caller's own account (with their password)",
    "notices.settings": "the caller's own choice of notification mails",
}
ANONYMOUS_REFUSALS = {401, 403}
OUTSIDER_REFUSALS = {403, 404}
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


@pytest.fixture
def other_workspace_objects(app, workspace, example_design):
    """Ids of one object of each kind in workspace A (with the example design)."""
    owner = workspace.memberships[0].user
    token, _secret = tokens.create_token(owner, "A's token", "write")
    db.session.commit()

    def first(model, **where):
        return db.session.query(model).filter_by(**where).first().id

    return {
        "slug": workspace.slug,
        "design_id": example_design.id,
        "module_id": first(Module, design_id=example_design.id),
        "placement_id": first(Placement, design_id=example_design.id),
        "objective_id": first(LearningObjective, design_id=example_design.id),
        "nugget_id": first(Nugget, workspace_id=workspace.id),
        "membership_id": workspace.memberships[0].id,
        "token_id": token.id,
        "format_key": "json",
    }


def _url(rule, fillers: dict[str, Any]) -> str:
    values = {}
    for name in rule.arguments:
        converter = type(rule._converters[name]).__name__
        if name in fillers:
            values[name] = fillers[name]
        elif converter == "IntegerConverter":
            values[name] = fillers["design_id"]
        else:
            values[name] = fillers["slug"]
    return rule.build(values)[1]


def _routes(app):
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.split(".")[0] if "." in rule.endpoint else ""
        if rule.endpoint in PUBLIC or blueprint in PUBLIC_BLUEPRINTS:
            continue
        for method in METHODS:
            if method in rule.methods:
                yield rule, method


def _send(client, method: str, url: str, fillers: dict[str, Any]):
    """Forms get the fillers as fields too, so that a view which validates its form before
    it checks permissions still reaches the check."""
    if url.startswith("/api/"):
        return client.open(url, method=method, json={})
    form = {name: str(value) for name, value in fillers.items()} | {"role": "viewer"}
    return client.open(url, method=method, data=form)


def test_every_route_is_public_or_refused_to_anonymous_visitors(
    app, client, other_workspace_objects
):
    failures = []
    for rule, method in _routes(app):
        url = _url(rule, other_workspace_objects)
        response = _send(client, method, url, other_workspace_objects)
        redirected_to_login = response.status_code == 302 and "/login" in response.location
        if not (redirected_to_login or response.status_code in ANONYMOUS_REFUSALS):
            failures.append(f"{method} {url} ({rule.endpoint}) → {response.status_code}")
    assert not failures, "\n".join(failures)


def test_every_route_refuses_a_member_of_another_workspace(
    app, client, login, make_user, other_workspace_objects
):
    outsider = make_user("outsider@example.org")
    own = workspaces.create_workspace(outsider, "Eigener Bereich")
    db.session.commit()
    assert own.slug != other_workspace_objects["slug"]
    login(outsider)
    failures = []
    checked = 0
    for rule, method in _routes(app):
        if rule.endpoint in PERSONAL:
            continue
        url = _url(rule, other_workspace_objects)
        response = _send(client, method, url, other_workspace_objects)
        checked += 1
        if response.status_code not in OUTSIDER_REFUSALS:
            failures.append(f"{method} {url} ({rule.endpoint}) → {response.status_code}")
    assert not failures, "\n".join(failures)
    assert checked > 30


def test_allow_lists_name_only_existing_endpoints(app):
    """No typo in the allow-lists: every entry of a registered blueprint exists (entries of
    blueprints that are not in this build yet are allowed)."""
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    present = set(app.blueprints) | {"static"}
    for name in {*PUBLIC, *PERSONAL}:
        if name.split(".")[0] in present:
            assert name in endpoints, name
