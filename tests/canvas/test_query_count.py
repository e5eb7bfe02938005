"""The canvas page runs the same number of SQL statements for 10 and for 200 nuggets."""

from __future__ import annotations

from designer.extensions import db
from designer.models import LearningObjective, Module, Placement
from tests.canvas.conftest import HTMX, add_nuggets, module_ids


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


def _studio_requests(client, designer, design, workspace) -> dict[str, tuple]:
    """Every request of the studio on `design`, as (method, url, data) built from the
    current rows (its first two cards, its two modules, a library nugget)."""
    from designer.models import Nugget
    from tests.canvas.test_editor import _form

    db.session.expire_all()
    first, second = module_ids(design)
    cards = db.session.scalars(
        db.select(Placement).where(Placement.module_id == first).order_by(Placement.position)
    ).all()
    card = cards[0]
    nugget = db.session.get(Nugget, card.nugget_id)
    base = f"/designs/{design.id}/canvas"
    return {
        "page": ("get", base, None),
        "move within": (
            "post",
            f"{base}/placements/{card.id}/move",
            {"module_id": first, "position": 1, "lock_version": card.lock_version},
        ),
        "inspector open": ("get", f"{base}/placements/{cards[1].id}/inspector", None),
        "inspector save": (
            "post",
            f"{base}/placements/{cards[1].id}/inspector",
            _form(
                db.session.get(Nugget, cards[1].nugget_id),
                cards[1],
                title="Neu betitelt",
                duration_override="12",
            ),
        ),
        "add": (
            "post",
            f"{base}/modules/{second}/nuggets",
            {"title": "Neu", "learning_type": "practice", "delivery_mode": "on_site"},
        ),
        "place": ("post", f"{base}/modules/{second}/place", {"nugget_id": nugget.id}),
        "duplicate": ("post", f"{base}/placements/{cards[2].id}/duplicate", {}),
        "remove": ("post", f"{base}/placements/{cards[3].id}/remove", {}),
        "drawer": ("get", f"{base}/library", None),
        "drawer search": ("get", f"{base}/library?q=Nugget&learning_type=practice", None),
        "rename module": (
            "post",
            f"{base}/modules/{second}/rename",
            {"title": "Praxis 2", "lock_version": db.session.get(Module, second).lock_version},
        ),
    }


def _studio_counts(client, designer, design, workspace, count_queries) -> dict[str, int]:
    counts = {}
    for name in _studio_requests(client, designer, design, workspace):
        # built afresh each time: every change moves versions on
        method, url, data = _studio_requests(client, designer, design, workspace)[name]
        db.session.expire_all()
        send = getattr(client, method)
        count, response = count_queries(
            lambda s=send, u=url, d=data: s(u, data=d, headers=HTMX) if d is not None else s(u)
        )
        assert response.status_code == 200, (name, response.status_code)
        html = response.get_data(as_text=True)
        if name != "page":
            assert 'id="board"' not in html, name  # fragments only, never the whole board
            assert html.count('<section class="lane" id="module-') <= 2, name
        counts[name] = count
    return counts


def test_every_studio_request_runs_as_many_statements_for_10_as_for_200_nuggets(
    client, login, designer, workspace, design, count_queries
):  # fmt: skip
    from designer.services import designs

    _fill(designer, design, 10)
    big = designs.create_design(designer, workspace, "Groß")
    designs.add_module(designer, big, "A")
    designs.add_module(designer, big, "B")
    db.session.commit()
    _fill(designer, big, 200)
    login(designer)
    small = _studio_counts(client, designer, design, workspace, count_queries)
    large = _studio_counts(client, designer, big, workspace, count_queries)
    assert small == large
    assert max(small.values()) < 50


def test_a_move_answers_with_the_two_lanes_and_the_totals(client, login, designer, design):
    first, second = module_ids(design)
    (card,) = add_nuggets(designer, design, first, 1, duration_minutes=25)
    add_nuggets(designer, design, second, 1)
    login(designer)
    response = client.post(
        f"/designs/{design.id}/canvas/placements/{card.id}/move",
        data={"module_id": second, "position": 0, "lock_version": card.lock_version},
        headers=HTMX,
    )
    html = response.get_data(as_text=True)
    assert html.count('<section class="lane" id="module-') == 2
    assert f'id="module-{first}" aria-labelledby="module-{first}-title" hx-swap-oob="true"' in html
    assert f'id="module-{second}" aria-labelledby="module-{second}-title" hx-swap-oob="true"' in (
        html
    )
    assert 'id="totals" class="totals" aria-labelledby="totals-heading" hx-swap-oob="true"' in html
    assert f'data-focus="card-{card.id}-title"' in html
    second_lane = html[html.index(f'id="module-{second}"') :]
    assert second_lane.index(f'id="card-{card.id}"') < second_lane.index("</section>")
