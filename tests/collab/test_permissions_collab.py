"""Role × action for the collaboration actions and pages: every workspace role, a guest on
one design, an outsider and an anonymous visitor."""

from designer.services.permissions import Action, can

PEOPLE = ("coordinator", "designer", "expert", "reviewer", "viewer", "guest", "outsider",
          "anonymous")  # fmt: skip

COLLAB_ACTIONS = (Action.NUGGET_SHARE, Action.TRASH_RESTORE, Action.TRASH_EMPTY)
EXPECTED_ACTIONS = {
    "coordinator": set(COLLAB_ACTIONS),
    "designer": {Action.NUGGET_SHARE, Action.TRASH_RESTORE},
    "expert": set(),
    "reviewer": set(),
    "viewer": set(),
    "guest": set(),
    "outsider": set(),
    "anonymous": set(),
}


def test_collaboration_actions_matrix(people, workspace):
    actual = {who: {a for a in COLLAB_ACTIONS if can(people[who], a, workspace)} for who in PEOPLE}
    assert actual == EXPECTED_ACTIONS


# Page → who may open it (everyone else: 403, anonymous: to the log-in page).
DESIGN_PAGES = {
    "events": set(PEOPLE) - {"outsider", "anonymous"},
    "activity": set(PEOPLE) - {"outsider", "anonymous"},
    "revisions": set(PEOPLE) - {"outsider", "anonymous"},
    "people": {"coordinator", "designer"},
    "grobkonzept/edit": {"coordinator", "designer"},
}
MEMBERS = {"coordinator", "designer", "expert", "reviewer", "viewer"}
WORKSPACE_PAGES = {
    "activity": MEMBERS,
    "partnership": MEMBERS,
    "sharing": MEMBERS,
    "trash": {"coordinator", "designer"},
    "invitations": {"coordinator"},
}
# State changes (posted empty: allowed people get past the permission check).
POSTS = {
    "/designs/{d}/revisions": {"coordinator", "designer"},
    "/designs/{d}/revisions/restore": {"coordinator", "designer"},
    "/designs/{d}/people/links": {"coordinator", "designer"},
    "/designs/{d}/people/remove": {"coordinator", "designer"},
    "/w/{w}/trash/empty": {"coordinator"},
    "/w/{w}/trash/restore/design": {"coordinator", "designer"},
    "/w/{w}/partnership/partners": {"coordinator"},
    "/w/{w}/sharing": {"coordinator", "designer"},
    "/w/{w}/nuggets/delete": {"coordinator", "designer"},
    "/w/{w}/invitations/revoke": {"coordinator"},
}


def _allowed(response) -> bool:
    to_login = response.status_code == 302 and "/login" in response.headers["Location"]
    return response.status_code != 403 and not to_login


def test_pages_and_state_changes_matrix(client, people, workspace, example_design, login_as):
    """One table: (who, page or change) → allowed, compared with the expectation at once."""
    requests = {
        **{f"GET /designs/{example_design.id}/{p}": who for p, who in DESIGN_PAGES.items()},
        **{f"GET /w/{workspace.slug}/{p}": who for p, who in WORKSPACE_PAGES.items()},
        **{
            "POST " + p.format(d=example_design.id, w=workspace.slug): who
            for p, who in POSTS.items()
        },
    }
    actual, expected = {}, {}
    for person in PEOPLE:
        login_as(people[person])
        for request, allowed in requests.items():
            method, url = request.split(" ", 1)
            response = client.open(url, method=method, data={} if method == "POST" else None)
            actual[(person, request)] = _allowed(response)
            expected[(person, request)] = person in allowed
    assert {k for k, v in actual.items() if v} == {k for k, v in expected.items() if v}
