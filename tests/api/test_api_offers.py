"""The catalogue's offers through the API: what the public pages show, to members."""

from __future__ import annotations

from designer.extensions import db
from designer.services import offers, tokens


def test_published_offers_are_listed_as_courses(call, workspace, example_design):
    assert call("GET", f"/workspaces/{workspace.slug}/offers").json == []
    coordinator = next(m.user for m in workspace.memberships if m.role == "coordinator")
    offers.publish_offer(coordinator, example_design, offers.clean_terms("Kiel", "12", "EUR"))
    db.session.commit()
    listed = call("GET", f"/workspaces/{workspace.slug}/offers")
    assert listed.status_code == 200
    [offer] = listed.json
    assert offer["design_id"] == example_design.id
    assert offer["url"].endswith(f"/offers/{workspace.slug}/{offer['slug']}")
    course = offer["course"]
    assert course["@type"] == "Course" and course["name"] == example_design.title
    assert course["offers"][0]["price"] == "12.00"
    assert "author_note" not in str(offer)


def test_outsiders_do_not_list_a_workspaces_offers(call, make_user, workspace, example_design):
    stranger = make_user("stranger@example.org")
    token = tokens.create_token(stranger, "t", "read")[1]
    db.session.commit()
    response = call("GET", f"/workspaces/{workspace.slug}/offers", token=token)
    assert response.status_code in (403, 404)
