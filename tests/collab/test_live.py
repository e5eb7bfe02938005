"""The event feed: newer events only, presence of other viewers, bounded queries."""

from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event

from designer.extensions import db
from designer.models import Presence
from designer.services import designs as design_service


@contextmanager
def count_queries():
    statements = []

    def listen(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", listen)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", listen)


def test_first_poll_says_where_to_start_then_only_newer_events(
    client, people, example_design, login_as
):
    login_as(people["designer"])
    url = f"/designs/{example_design.id}/events"
    first = client.get(url).get_json()
    assert first["events"] == [] and first["last_id"] > 0
    assert client.get(f"{url}?after={first['last_id']}").get_json()["events"] == []

    design_service.add_module(people["coordinator"], example_design, "Tag 3")
    db.session.commit()
    body = client.get(f"{url}?after={first['last_id']}").get_json()
    (news,) = body["events"]
    assert news["kind"] == "module.added"
    assert news["actor"]["name"] == people["coordinator"].display_name
    assert "module" in news["text"].lower() or "Modul" in news["text"]
    assert body["last_id"] == news["id"] > first["last_id"]


def test_presence_lists_other_viewers_seen_in_the_last_30_seconds(
    client, app, people, example_design, login_as
):
    url = f"/designs/{example_design.id}/events"
    login_as(people["guest"])
    assert client.get(url).get_json()["presence"] == []
    login_as(people["designer"])
    viewers = client.get(url).get_json()["presence"]
    assert [v["name"] for v in viewers] == ["Gabi Gast"]
    assert viewers[0]["initials"] == "GG"
    # A heartbeat older than 30 s no longer counts.
    row = db.session.get(Presence, (example_design.id, people["guest"].id))
    row.last_seen -= timedelta(seconds=31)
    db.session.commit()
    assert client.get(url).get_json()["presence"] == []


def test_repeated_polls_keep_one_presence_row(client, people, example_design, login_as):
    login_as(people["viewer"])
    for _ in range(3):
        client.get(f"/designs/{example_design.id}/events?after=0")
    assert db.session.query(Presence).filter_by(user_id=people["viewer"].id).count() == 1


def test_feed_needs_view_permission_and_reacts_to_revoked_access(
    client, people, example_design, login_as
):
    url = f"/designs/{example_design.id}/events"
    login_as(people["outsider"])
    assert client.get(url, headers={"Accept": "application/json"}).status_code == 403
    login_as(None)
    assert client.get(url).status_code in (302, 401)


def test_a_poll_runs_a_bounded_number_of_queries(client, people, example_design, login_as):
    login_as(people["designer"])
    url = f"/designs/{example_design.id}/events"
    start = client.get(url).get_json()["last_id"]

    def poll_after(new_events: int) -> tuple[list[str], dict]:
        for _ in range(new_events):
            design_service.add_objective(people["coordinator"], example_design, "Ziel")
        db.session.commit()
        with count_queries() as statements:
            body = client.get(f"{url}?after={start}").get_json()
        return statements, body

    few, _body = poll_after(1)
    many, body = poll_after(20)
    assert [e["kind"] for e in body["events"]] == ["objective.added"] * 21
    assert len(many) == len(few) <= 12
