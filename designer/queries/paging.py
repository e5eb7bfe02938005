"""One page of a long list: the rows of the page and how many there are in all."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from designer.core import limits
from designer.models import db

MAX_PAGE = 2**31 - 1


@dataclass(frozen=True)
class Page:
    items: list[Any]
    total: int
    number: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def page_size(requested: int | None = None) -> int:
    """The requested page size within the configured bounds (default when none is asked)."""
    active = limits.active()
    if requested is None:
        return active.page_size
    return max(1, min(requested, active.max_page_size))


def page_of(query: Select, number: int = 1, size: int | None = None, rows: bool = False) -> Page:
    """Page `number` (from 1) of an ordered query: two queries, whatever the total.
    `rows=True` keeps whole result rows (for queries that select several entities)."""
    size = page_size(size)
    number = min(max(number, 1), MAX_PAGE)
    total = db.session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    window = query.limit(size).offset((max(number, 1) - 1) * size)
    items = list(db.session.execute(window)) if rows else list(db.session.scalars(window))
    return Page(items=items, total=total or 0, number=number, size=size)
