"""Read-only look-ups for the collaboration pages: event feeds, revisions, people,
the trash, the shared catalogue and the contribution ledger."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from designer.models import (
    Design,
    DesignMember,
    Event,
    Invitation,
    Membership,
    Module,
    Nugget,
    NuggetRevision,
    PartnerOrganisation,
    Placement,
    Revision,
    User,
    Workspace,
    db,
)
from designer.models.columns import TRASH_DAYS, utcnow
from designer.queries.paging import Page, page_of
from designer.queries.sharing import visible_elsewhere

FEED_LIMIT = 100
PAGE_SIZE = 50


def last_event_id(design: Design) -> int:
    return db.session.scalar(select(func.max(Event.id)).where(Event.design_id == design.id)) or 0


def events_after(design: Design, after: int) -> list[Event]:
    """Events of the design newer than `after` (the index on (design_id, id) serves it)."""
    return list(
        db.session.scalars(
            select(Event)
            .where(Event.design_id == design.id, Event.id > after)
            .order_by(Event.id)
            .limit(FEED_LIMIT)
        )
    )


@dataclass(frozen=True)
class ActivityFilter:
    kind: str = ""
    actor_id: int | None = None
    before: int | None = None


def activity(
    *, workspace_id: int | None = None, design_id: int | None = None, filt: ActivityFilter
) -> tuple[list[Event], int | None]:
    """One page of events, newest first, and the id to continue from (None at the end)."""
    query = select(Event).order_by(Event.id.desc()).limit(PAGE_SIZE + 1)
    if design_id is not None:
        query = query.where(Event.design_id == design_id)
    else:
        query = query.where(Event.workspace_id == workspace_id)
    if filt.kind:
        query = query.where(Event.kind.startswith(f"{filt.kind}.", autoescape=True))
    if filt.actor_id:
        query = query.where(Event.actor_id == filt.actor_id)
    if filt.before:
        query = query.where(Event.id < filt.before)
    rows = list(db.session.scalars(query))
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return rows, (rows[-1].id if more else None)


def last_changed_by(design_id: int, viewer_id: int | None) -> str | None:
    """The name of the person other than the viewer who changed the design last (for
    "Anna changed this in the meantime"); None when nobody else did."""
    return db.session.scalar(
        select(User.display_name)
        .join(Event, Event.actor_id == User.id)
        .where(Event.design_id == design_id, Event.actor_id != viewer_id)
        .order_by(Event.id.desc())
        .limit(1)
    )


def saved_by(nugget: Nugget) -> str | None:
    """The name of whoever saved the nugget's current revision."""
    return db.session.scalar(
        select(User.display_name)
        .join(NuggetRevision, NuggetRevision.author_id == User.id)
        .where(NuggetRevision.nugget_id == nugget.id, NuggetRevision.revision == nugget.revision)
    )


def users_by_id(ids: set[int | None]) -> dict[int, User]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(wanted)))}


def actors_of(*, workspace_id: int | None = None, design_id: int | None = None) -> list[User]:
    """Everyone who appears in a feed, for the person filter."""
    ids = select(Event.actor_id).distinct()
    ids = (
        ids.where(Event.design_id == design_id)
        if design_id is not None
        else ids.where(Event.workspace_id == workspace_id)
    )
    query = select(User).where(User.id.in_(ids)).order_by(User.display_name)
    return list(db.session.scalars(query))


def revisions_of(design: Design) -> list[tuple[Revision, User | None]]:
    rows = db.session.execute(
        select(Revision, User)
        .outerjoin(User, User.id == Revision.author_id)
        .where(Revision.design_id == design.id)
        .order_by(Revision.number.desc())
    )
    return [(r, u) for r, u in rows]


def guests_of(design: Design) -> list[tuple[DesignMember, User]]:
    rows = db.session.execute(
        select(DesignMember, User)
        .join(User, User.id == DesignMember.user_id)
        .where(DesignMember.design_id == design.id)
        .order_by(User.display_name)
    )
    return [(m, u) for m, u in rows]


def open_invitations(workspace: Workspace, design: Design | None) -> list[Invitation]:
    """Links that were neither accepted nor revoked (expired ones show as expired)."""
    query = select(Invitation).where(
        Invitation.workspace_id == workspace.id,
        Invitation.accepted_at.is_(None),
        Invitation.revoked_at.is_(None),
    )
    query = query.where(
        Invitation.design_id == design.id if design else Invitation.design_id.is_(None)
    )
    return list(db.session.scalars(query.order_by(Invitation.created_at.desc())))


# ------------------------------------------------------------------------ trash


@dataclass(frozen=True)
class Trash:
    designs: list[Design]
    modules: list[tuple[Module, Design]]
    nuggets: list[Nugget]


def trash_of(workspace: Workspace) -> Trash:
    designs = db.session.scalars(
        select(Design)
        .where(Design.workspace_id == workspace.id, Design.deleted_at.is_not(None))
        .order_by(Design.deleted_at.desc())
    ).all()
    modules = db.session.execute(
        select(Module, Design)
        .join(Design, Design.id == Module.design_id)
        .where(
            Design.workspace_id == workspace.id,
            Design.deleted_at.is_(None),
            Module.deleted_at.is_not(None),
        )
        .order_by(Module.deleted_at.desc())
    ).all()
    nuggets = db.session.scalars(
        select(Nugget)
        .where(Nugget.workspace_id == workspace.id, Nugget.deleted_at.is_not(None))
        .order_by(Nugget.deleted_at.desc())
    ).all()
    return Trash(list(designs), [(m, d) for m, d in modules], list(nuggets))


def purge_date(deleted_at: datetime) -> datetime:
    return deleted_at + timedelta(days=TRASH_DAYS)


def restorable(deleted_at: datetime) -> bool:
    return purge_date(deleted_at) > utcnow()


# -------------------------------------------------------------------- sharing


def catalogue_for(user: User, search: str = "", number: int = 1) -> Page:
    """One page of the nuggets the user may reuse from other workspaces; each item is a
    nugget with its workspace."""
    query = (
        visible_elsewhere(user)
        .add_columns(Workspace)
        .join(Workspace, Workspace.id == Nugget.workspace_id)
    )
    if search.strip():
        query = query.where(Nugget.title.icontains(search.strip(), autoescape=True))
    page = page_of(query.order_by(Nugget.title, Nugget.id), number, rows=True)
    return replace(page, items=[(n, w) for n, w in page.items])


def library_of(workspace: Workspace, number: int = 1) -> Page:
    return page_of(
        select(Nugget)
        .where(Nugget.workspace_id == workspace.id, Nugget.deleted_at.is_(None))
        .order_by(Nugget.title, Nugget.id),
        number,
    )


def workspaces_by_id(ids: set[int | None]) -> dict[int, Workspace]:
    wanted = [i for i in ids if i]
    if not wanted:
        return {}
    return {w.id: w for w in db.session.scalars(select(Workspace).where(Workspace.id.in_(wanted)))}


# ---------------------------------------------------------------------- ledger


@dataclass(frozen=True)
class LedgerRow:
    organisation: str
    designs: int
    nuggets: int
    reused_by_others: int
    reviews: int
    comments: int


def _counts(query) -> dict[str, int]:
    return {org or "": n for org, n in db.session.execute(query)}


def ledger(workspace: Workspace) -> list[LedgerRow]:
    """What each organisation contributed to the workspace (a handful of grouped queries).

    Reused by others: placements of an organisation's nuggets in designs created by
    another organisation. Reviews and comments: events of kind review.* and comment.*,
    attributed to the organisation the actor represents in the workspace."""
    designs = _counts(
        select(Design.organisation, func.count(Design.id))
        .where(Design.workspace_id == workspace.id, Design.deleted_at.is_(None))
        .group_by(Design.organisation)
    )
    nuggets = _counts(
        select(Nugget.organisation, func.count(Nugget.id))
        .where(Nugget.workspace_id == workspace.id, Nugget.deleted_at.is_(None))
        .group_by(Nugget.organisation)
    )
    using = aliased(Design)
    reused = _counts(
        select(Nugget.organisation, func.count(Placement.id))
        .join(Placement, Placement.nugget_id == Nugget.id)
        .join(using, using.id == Placement.design_id)
        .where(
            Nugget.workspace_id == workspace.id,
            using.deleted_at.is_(None),
            using.organisation != Nugget.organisation,
        )
        .group_by(Nugget.organisation)
    )
    by_kind = {"review": {}, "comment": {}}
    for prefix, counts in by_kind.items():
        counts.update(
            _counts(
                select(Membership.organisation, func.count(Event.id))
                .join(
                    Membership,
                    (Membership.user_id == Event.actor_id)
                    & (Membership.workspace_id == Event.workspace_id),
                )
                .where(Event.workspace_id == workspace.id, Event.kind.startswith(f"{prefix}."))
                .group_by(Membership.organisation)
            )
        )
    partners = db.session.scalars(
        select(PartnerOrganisation.name).where(PartnerOrganisation.workspace_id == workspace.id)
    ).all()
    names = set(partners) | set(designs) | set(nuggets) | set(reused)
    names |= set(by_kind["review"]) | set(by_kind["comment"])
    return [
        LedgerRow(
            organisation=name,
            designs=designs.get(name, 0),
            nuggets=nuggets.get(name, 0),
            reused_by_others=reused.get(name, 0),
            reviews=by_kind["review"].get(name, 0),
            comments=by_kind["comment"].get(name, 0),
        )
        for name in sorted(names, key=lambda n: (n == "", n.casefold()))
    ]
