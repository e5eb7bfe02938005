"""Comments, notifications, the quality panel and the report, through the Flask client."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event, select

from designer.extensions import db
from designer.models import Comment, LearningObjective, Module, Notification
from designer.queries.quality import open_comment_counts
from designer.services import comments as comment_service
from designer.services import reviews as review_service


@contextmanager
def count_queries():
    statements: list[str] = []

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", before)


def test_thread_reply_resolve_and_notifications(client, login, people, example_design):
    designer, reviewer, expert = people["designer"], people["reviewer"], people["expert"]
    review_service.submit_for_review(designer, example_design, [reviewer.id], ["legal"])
    db.session.commit()
    objective = db.session.scalar(
        select(LearningObjective).where(LearningObjective.design_id == example_design.id)
    )
    login(expert)
    response = client.post(
        f"/designs/{example_design.id}/comments",
        data={"target": f"objective:{objective.id}", "body": "<script>alert(1)</script> Ziel?"},
    )
    assert response.status_code == 302
    root = db.session.scalar(select(Comment))
    assert (root.target_kind, root.target_id) == ("objective", objective.id)
    # The author of the design and the requested reviewer hear of it, the writer does not.
    notified = set(db.session.scalars(select(Notification.user_id)))
    assert notified == {designer.id, reviewer.id}

    page = client.get(f"/designs/{example_design.id}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Ziel?" in page
    assert "<script>alert(1)" not in page
    client.post("/logout")

    login(designer)
    top = client.get("/").get_data(as_text=True)
    assert 'class="bell-count">1' in top
    client.post(
        f"/designs/{example_design.id}/comments",
        data={"parent_id": str(root.id), "body": "Ist präzisiert."},
    )
    reply = db.session.scalar(select(Comment).where(Comment.parent_id == root.id))
    assert (reply.target_kind, reply.target_id) == ("objective", objective.id)
    # Earlier commenters in the thread are told about the reply.
    assert db.session.scalar(select(Notification).where(Notification.user_id == expert.id)).payload[
        "excerpt"
    ] == ("Ist präzisiert.")

    counts = open_comment_counts(example_design)
    assert counts == {("objective", objective.id): 1}
    client.post(f"/designs/{example_design.id}/comments/{root.id}/resolve", data={"resolved": "1"})
    assert open_comment_counts(example_design) == {}
    # Replies cannot be resolved on their own.
    client.post(f"/designs/{example_design.id}/comments/{reply.id}/resolve", data={"resolved": "1"})
    db.session.expire_all()
    assert db.session.get(Comment, reply.id).resolved is False

    page = client.get("/notifications").get_data(as_text=True)
    assert "Ziel?" in page
    assert client.post("/notifications/read").status_code == 302
    assert 'class="bell-count"' not in client.get("/").get_data(as_text=True)


def test_open_comment_counts_in_one_query(people, example_design):
    modules = db.session.scalars(select(Module).where(Module.design_id == example_design.id)).all()
    for module in modules:
        for _ in range(2):
            comment_service.add_comment(
                people["expert"], example_design, "Frage", "module", module.id
            )
    comment_service.add_comment(people["expert"], example_design, "Allgemein")
    db.session.commit()
    assert example_design.id  # loaded again after the commit, before counting
    with count_queries() as statements:
        counts = open_comment_counts(example_design)
    assert len(statements) == 1
    assert counts[("design", example_design.id)] == 1
    assert all(counts[("module", m.id)] == 2 for m in modules)


def test_comment_on_a_foreign_target_is_refused(client, login, people, example_design, workspace):
    from designer.services import designs as design_service

    other = design_service.create_design(people["designer"], workspace, "Anderes")
    module = design_service.add_module(people["designer"], other, "Fremd")
    db.session.commit()
    login(people["expert"])
    response = client.post(
        f"/designs/{example_design.id}/comments",
        data={"target": f"module:{module.id}", "body": "Hier?"},
    )
    assert response.status_code == 404
    assert db.session.scalar(select(Comment)) is None
    response = client.post(f"/designs/{example_design.id}/comments", data={"body": "  "})
    assert response.status_code == 302
    assert db.session.scalar(select(Comment)) is None


def test_panel_on_the_example(client, login, people, example_design):
    """The example course has warnings but no error; each finding links to its element."""
    login(people["viewer"])
    response = client.get(f"/designs/{example_design.id}/quality/panel")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "0 Fehler" in html or "0 errors" in html
    assert f'href="/designs/{example_design.id}/canvas#M' in html
    assert 'class="finding finding-warning"' in html
    overview = client.get(f"/designs/{example_design.id}").get_data(as_text=True)
    assert 'id="quality-panel"' in overview


def test_panel_of_an_empty_design_links_to_the_grobkonzept(client, login, people, workspace):
    from designer.services import designs as design_service

    design = design_service.create_design(people["designer"], workspace, "Leer")
    design_service.add_objective(people["designer"], design, "Verstehen")
    db.session.commit()
    login(people["designer"])
    html = client.get(f"/designs/{design.id}/quality/panel").get_data(as_text=True)
    assert f"/designs/{design.id}/grobkonzept#" in html
    assert f"/designs/{design.id}#objective-O" in html
    assert 'class="finding finding-error"' in html


def test_report_prints_and_lists_history(client, login, people, example_design):
    review_service.submit_for_review(
        people["designer"], example_design, [people["reviewer"].id], ["didactic_basics"]
    )
    db.session.commit()
    login(people["viewer"])
    html = client.get(f"/designs/{example_design.id}/quality/report").get_data(as_text=True)
    assert "Didaktische Grundqualität" in html
    assert "css/quality.css" in html
    assert "Zur Prüfung eingereicht" in html or "Submitted for review" in html
    css = client.get("/static/css/quality.css").get_data(as_text=True)
    assert "size: A4" in css


def test_overview_queries_do_not_grow_with_comments_and_reviews(
    client, login, people, example_design
):
    login(people["viewer"])
    url = f"/designs/{example_design.id}"

    def queries_of_overview() -> int:
        db.session.expire_all()
        with count_queries() as statements:
            assert client.get(url).status_code == 200
        return len(statements)

    comment_service.add_comment(people["expert"], example_design, "Eins")
    db.session.commit()
    few = queries_of_overview()
    for i in range(5):
        root = comment_service.add_comment(people["expert"], example_design, f"Frage {i}")
        comment_service.add_comment(
            people["reviewer"], example_design, "Antwort", parent_id=root.id
        )
    review_service.submit_for_review(
        people["designer"],
        example_design,
        [people["reviewer"].id, people["coordinator"].id],
        ["legal"],
    )
    db.session.commit()
    assert queries_of_overview() == few


def test_threads_of_one_target_as_a_fragment(client, login, people, example_design):
    module = db.session.scalar(select(Module).where(Module.design_id == example_design.id))
    comment_service.add_comment(people["expert"], example_design, "Zum Modul", "module", module.id)
    comment_service.add_comment(people["expert"], example_design, "Zum Konzept")
    db.session.commit()
    login(people["reviewer"])
    url = f"/designs/{example_design.id}/comments?kind=module&id={module.id}"
    html = client.get(url).get_data(as_text=True)
    assert "Zum Modul" in html and "Zum Konzept" not in html
    assert "<html" not in html
    assert f'name="target_id" value="{module.id}"' in html
    assert client.get(f"/designs/{example_design.id}/comments?kind=nugget&id=1").status_code == 400
