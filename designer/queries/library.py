"""Read-only look-ups of a workspace's nugget library: search, usage, revision changes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, Text, and_, cast, func, or_, select

from designer.models import Design, Nugget, NuggetRevision, Placement, Workspace, db
from designer.queries.nugget_data import FLAG_FIELDS, TEXT_FIELDS, completed
from designer.queries.paging import Page, page_of

LIKE_ESCAPE = "!"
SEARCH_LIMIT = 200


@dataclass(frozen=True)
class LibraryFilter:
    text: str = ""
    learning_type: str = ""
    delivery_mode: str = ""
    min_minutes: int | None = None
    max_minutes: int | None = None
    tag: str = ""


def _like_pattern(fragment: str) -> str:
    for char in (LIKE_ESCAPE, "%", "_"):
        fragment = fragment.replace(char, LIKE_ESCAPE + char)
    return f"%{fragment}%"


def _json_text(value: str) -> str:
    """How a string appears inside the stored JSON of `tags`: SQLite keeps the escaped
    ASCII form of json.dumps, PostgreSQL's JSONB renders the characters themselves."""
    ascii_only = db.session.get_bind().dialect.name != "postgresql"
    return json.dumps(value, ensure_ascii=ascii_only)


def search(workspace: Workspace, f: LibraryFilter, limit: int = SEARCH_LIMIT) -> list[Nugget]:
    """The workspace's nuggets matching every given criterion, by title."""
    return list(db.session.scalars(search_query(workspace, f).limit(limit)))


def search_page(workspace: Workspace, f: LibraryFilter, number: int = 1) -> Page:
    """One page of `search`, with the number of matches in all."""
    return page_of(search_query(workspace, f), number)


def search_query(workspace: Workspace, f: LibraryFilter) -> Select:
    conditions = [Nugget.workspace_id == workspace.id, Nugget.deleted_at.is_(None)]
    if f.text.strip():
        pattern = _like_pattern(f.text.strip())
        tag_pattern = _like_pattern(_json_text(f.text.strip())[1:-1])
        conditions.append(
            or_(
                Nugget.title.ilike(pattern, escape=LIKE_ESCAPE),
                Nugget.summary.ilike(pattern, escape=LIKE_ESCAPE),
                Nugget.content_html.ilike(pattern, escape=LIKE_ESCAPE),
                cast(Nugget.tags, Text).ilike(tag_pattern, escape=LIKE_ESCAPE),
            )
        )
    if f.learning_type:
        conditions.append(Nugget.learning_type == f.learning_type)
    if f.delivery_mode:
        conditions.append(Nugget.delivery_mode == f.delivery_mode)
    if f.min_minutes is not None:
        conditions.append(Nugget.duration_minutes >= f.min_minutes)
    if f.max_minutes is not None:
        conditions.append(Nugget.duration_minutes <= f.max_minutes)
    if f.tag.strip():
        conditions.append(
            cast(Nugget.tags, Text).like(_like_pattern(_json_text(f.tag.strip())), escape="!")
        )
    return select(Nugget).where(and_(*conditions)).order_by(Nugget.title, Nugget.id)


def usage_counts(nugget_ids: list[int]) -> dict[int, int]:
    """In how many live designs each nugget is placed: one grouped query."""
    if not nugget_ids:
        return {}
    rows = db.session.execute(
        select(Placement.nugget_id, func.count(func.distinct(Placement.design_id)))
        .join(Design, Design.id == Placement.design_id)
        .where(Placement.nugget_id.in_(nugget_ids), Design.deleted_at.is_(None))
        .group_by(Placement.nugget_id)
    ).all()
    return dict(rows)


def workspace_tags(workspace: Workspace) -> list[str]:
    """Every tag used in the library, for the filter's suggestions."""
    rows = db.session.scalars(
        select(Nugget.tags).where(Nugget.workspace_id == workspace.id, Nugget.deleted_at.is_(None))
    )
    return sorted({tag for tags in rows for tag in tags or []}, key=str.casefold)


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: Any
    new: Any


DIFF_FIELDS = (
    *TEXT_FIELDS,
    *FLAG_FIELDS,
    "duration_minutes",
    "tags",
    "questions",
    "schedule",
    "asset_ids",
)


def revision_changes(nugget_id: int, old_revision: int, new_revision: int) -> list[FieldChange]:
    """The fields that differ between two revisions of a nugget."""
    rows = db.session.execute(
        select(NuggetRevision.revision, NuggetRevision.data).where(
            NuggetRevision.nugget_id == nugget_id,
            NuggetRevision.revision.in_((old_revision, new_revision)),
        )
    ).all()
    data = dict(rows)
    old, new = completed(data.get(old_revision, {})), completed(data.get(new_revision, {}))
    return [
        FieldChange(name, old.get(name), new.get(name))
        for name in DIFF_FIELDS
        if old.get(name) != new.get(name)
    ]
