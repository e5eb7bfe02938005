"""The print view of a whole design."""

from __future__ import annotations

from html import unescape

from sqlalchemy import event

from designer.extensions import db


def test_print_view_of_the_example_course(client, login, workspace, make_user, example_design):
    login(make_user("viewer@example.org", workspace=workspace, role="viewer"))
    response = client.get(f"/designs/{example_design.id}/print")
    assert response.status_code == 200
    html = unescape(response.get_data(as_text=True))
    assert "Persona für die eigene Zielgruppe" in html
    assert "Kennenlernen und Erwartungen" in html and "Blitzlicht" in html
    assert "css/print.css" in html
    assert '<td class="time">0:00–0:30</td>' in html  # elapsed time in the first module
    assert '<td class="time">26.03.2027<br>09:00–16:00</td>' in html  # the scheduled day
    assert "Verlaufsplan" in html


def test_print_view_queries_are_bounded(client, login, designer_user, blended):
    login(designer_user)
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        response = client.get(f"/designs/{blended.id}/print")
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert response.status_code == 200
    assert len(statements) <= 15


def test_print_css_is_a4():
    from pathlib import Path

    from designer import resource_dir

    css = (resource_dir("static") / "css" / "print.css").read_text()
    assert "@page { size: A4;" in css
    assert Path(resource_dir("templates") / "wizard" / "print.html").is_file()
