"""Fixtures of the canvas tests: a designer, an empty design with modules, nuggets."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from designer.extensions import db
from designer.models import Placement


@pytest.fixture
def designer(workspace, make_user):
    return make_user("designer@example.org", workspace=workspace, role="designer")


@pytest.fixture
def design(workspace, designer):
    """An empty design with two modules, "Start" and "Praxis"."""
    from designer.services import designs

    d = designs.create_design(designer, workspace, "Moderation lernen")
    designs.add_module(designer, d, "Start")
    designs.add_module(designer, d, "Praxis")
    db.session.commit()
    return d


def module_ids(design) -> list[int]:
    from designer.services.designs import live_modules

    return [m.id for m in live_modules(design)]


def add_nuggets(actor, design, module_id: int, count: int, **values) -> list[Placement]:
    from designer.services import placements

    placed = [
        placements.add_new_nugget(
            actor,
            design,
            module_id,
            {
                "title": values.get("title", f"Nugget {i}"),
                "duration_minutes": values.get("duration_minutes", 10),
                "learning_type": values.get("learning_type", "practice"),
                "delivery_mode": values.get("delivery_mode", "on_site"),
            },
        )
        for i in range(count)
    ]
    db.session.commit()
    return placed


class QueryCounter:
    """Counts the SQL statements sent while it is active."""

    def __init__(self):
        self.count = 0

    def __call__(self, *args):
        self.count += 1


@pytest.fixture
def count_queries(app):
    def run(action):
        counter = QueryCounter()
        event.listen(db.engine, "before_cursor_execute", counter)
        try:
            result = action()
        finally:
            event.remove(db.engine, "before_cursor_execute", counter)
        return counter.count, result

    return run


HTMX = {"HX-Request": "true"}
