"""The canvas page runs the same number of SQL statements for 10 and for 200 nuggets."""

from __future__ import annotations

from designer.extensions import db
from designer.models import LearningObjective, Placement
from tests.canvas.conftest import add_nuggets, module_ids


def _fill(designer, design, count: int) -> None:
    first, second = module_ids(design)
    objective = LearningObjective(design_id=design.id, text="Moderieren", position=0)
    db.session.add(objective)
    placements = add_nuggets(designer, design, first, count // 2)
    placements += add_nuggets(designer, design, second, count - count // 2)
    for p in placements[::3]:
        db.session.get(Placement, p.id).objectives = [objective]
    db.session.commit()


def _canvas_queries(client, design, count_queries) -> tuple[int, str]:
    db.session.expire_all()
    count, response = count_queries(lambda: client.get(f"/designs/{design.id}/canvas"))
    assert response.status_code == 200
    return count, response.get_data(as_text=True)


def test_canvas_query_count_is_constant(client, login, designer, workspace, design, count_queries):
    from designer.services import designs

    _fill(designer, design, 10)
    big = designs.create_design(designer, workspace, "Groß")
    designs.add_module(designer, big, "A")
    designs.add_module(designer, big, "B")
    db.session.commit()
    _fill(designer, big, 200)
    login(designer)
    small_count, small_html = _canvas_queries(client, design, count_queries)
    big_count, big_html = _canvas_queries(client, big, count_queries)
    assert small_html.count('class="nugget-card ltb-') == 10
    assert big_html.count('class="nugget-card ltb-') == 200
    assert small_count == big_count
    assert small_count < 25


def test_library_query_count_is_constant(client, login, designer, workspace, design, count_queries):
    login(designer)
    _fill(designer, design, 10)
    db.session.expire_all()
    few, _ = count_queries(lambda: client.get(f"/w/{workspace.slug}/library"))
    _fill(designer, design, 60)
    db.session.expire_all()
    many, response = count_queries(lambda: client.get(f"/w/{workspace.slug}/library"))
    page = response.get_data(as_text=True)
    assert page.count("<tr>") == 51  # header + the first page of 50 nuggets
    assert "Gefundene Lernnuggets: 70" in page
    assert few == many
