"""The admin area's read side: accounts, workspaces with their size, the instance's health.

Sizes are counted in the database (a few grouped queries for the whole list), never by
loading designs. Nothing here reads a design's contents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import Select, func, inspect, or_, select, text

from designer.models import Asset, Design, Membership, Nugget, OutboxMail, User, Workspace, db
from designer.queries.paging import Page, page_of
from designer.services.errors import NotFound
from designer.services.permissions import InstanceAction, require_admin


def accounts_page(actor: User, search: str = "", number: int = 1) -> Page:
    """Live accounts (deleted ones are gone from view), found by name or address."""
    require_admin(actor, InstanceAction.ACCOUNTS)
    return page_of(_accounts_query(search), number)


def _accounts_query(search: str) -> Select:
    query = select(User).where(User.deleted_at.is_(None))
    words = search.strip().lower()[:254]
    if words:
        pattern = f"%{words.replace('%', '').replace('_', '')}%"
        query = query.where(
            or_(func.lower(User.email).like(pattern), func.lower(User._display_name).like(pattern))
        )
    return query.order_by(func.lower(User._display_name), User.id)


def memberships_of(user_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """Each account's workspaces as (workspace name, role), one query."""
    found: dict[int, list[tuple[str, str]]] = {uid: [] for uid in user_ids}
    rows = db.session.execute(
        select(Membership.user_id, Workspace.name, Membership.role)
        .join(Workspace, Workspace.id == Membership.workspace_id)
        .where(Membership.user_id.in_(user_ids))
        .order_by(Workspace.name)
    )
    for user_id, name, role in rows:
        found[user_id].append((name, role))
    return found


@dataclass(frozen=True)
class WorkspaceSize:
    workspace: Workspace
    members: int
    coordinators: int  # active coordinators; 0 means someone must take over
    designs: int
    nuggets: int
    file_bytes: int


def workspaces(actor: User) -> list[WorkspaceSize]:
    require_admin(actor, InstanceAction.WORKSPACES)
    all_workspaces = db.session.scalars(select(Workspace).order_by(Workspace.name)).all()
    members = _counts(Membership.workspace_id, Membership.id)
    coordinators = _counts(
        Membership.workspace_id,
        Membership.id,
        join=(User, User.id == Membership.user_id),
        where=(
            Membership.role == "coordinator",
            User.deactivated_at.is_(None),
            User.deleted_at.is_(None),
        ),
    )
    designs = _counts(Design.workspace_id, Design.id, where=(Design.deleted_at.is_(None),))
    nuggets = _counts(Nugget.workspace_id, Nugget.id, where=(Nugget.deleted_at.is_(None),))
    file_bytes = _sums(Asset.workspace_id, Asset.size)
    return [
        WorkspaceSize(
            w,
            members.get(w.id, 0),
            coordinators.get(w.id, 0),
            designs.get(w.id, 0),
            nuggets.get(w.id, 0),
            file_bytes.get(w.id, 0),
        )
        for w in all_workspaces
    ]


def _counts(key, counted, join=None, where=()) -> dict[int, int]:
    query = select(key, func.count(counted))
    if join is not None:
        query = query.join(*join)
    return dict(db.session.execute(query.where(*where).group_by(key)).all())


def _sums(key, summed) -> dict[int, int]:
    return dict(db.session.execute(select(key, func.sum(summed)).group_by(key)).all())


def workspace_members(actor: User, workspace_id: int) -> tuple[Workspace, list[Membership]]:
    require_admin(actor, InstanceAction.WORKSPACES)
    workspace = db.session.get(Workspace, workspace_id)
    if workspace is None:
        raise NotFound("workspace")
    members = db.session.scalars(
        select(Membership)
        .join(User, User.id == Membership.user_id)
        .where(Membership.workspace_id == workspace.id)
        .order_by(Membership.role != "coordinator", func.lower(User._display_name))
    ).all()
    return workspace, list(members)


@dataclass(frozen=True)
class OutboxCounts:
    pending: int  # waiting for their first try
    failed: int  # tried, refused or not reached; tried again later
    sent: int


def outbox_counts(actor: User) -> OutboxCounts:
    require_admin(actor, InstanceAction.VIEW)
    unsent = OutboxMail.sent_at.is_(None)
    return OutboxCounts(
        pending=_count(OutboxMail, unsent, OutboxMail.last_error == ""),
        failed=_count(OutboxMail, unsent, OutboxMail.last_error != ""),
        sent=_count(OutboxMail, OutboxMail.sent_at.is_not(None)),
    )


@dataclass(frozen=True)
class Health:
    database: str  # "sqlite", "postgresql"
    database_version: str
    migration: str | None  # the revision the database is at (None: not recorded)
    migration_head: str
    accounts: int
    admins: int
    workspaces: int
    designs: int
    store_files: int
    store_bytes: int
    outbox: OutboxCounts

    @property
    def up_to_date(self) -> bool:
        return self.migration == self.migration_head


def health(actor: User, migrations: Path, store_usage: tuple[int, int]) -> Health:
    """The instance as a whole: database, schema revision, file store, outbox."""
    require_admin(actor, InstanceAction.VIEW)
    dialect = db.engine.dialect
    version = ".".join(str(part) for part in (dialect.server_version_info or ()))
    return Health(
        database=dialect.name,
        database_version=version,
        migration=_current_revision(),
        migration_head=ScriptDirectory(str(migrations)).get_current_head() or "",
        accounts=_count(User, User.deleted_at.is_(None)),
        admins=_count(User, User.deleted_at.is_(None), User.is_admin.is_(True)),
        workspaces=_count(Workspace),
        designs=_count(Design, Design.deleted_at.is_(None)),
        store_files=store_usage[0],
        store_bytes=store_usage[1],
        outbox=outbox_counts(actor),
    )


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count(model.id)).where(*where)) or 0


def _current_revision() -> str | None:
    if not inspect(db.engine).has_table("alembic_version"):
        return None
    return db.session.scalar(text("SELECT version_num FROM alembic_version"))
