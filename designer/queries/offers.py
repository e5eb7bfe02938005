"""The public catalogue: a workspace's published offers, searched and filtered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select

from designer.core.snapshot import snapshot_hash
from designer.models import Badge, Design, Offer, Review, Workspace, db
from designer.queries.read_model import snapshot
from designer.services.errors import NotFound


@dataclass(frozen=True)
class Seal:
    token: str
    valid: bool  # False once the design changed after it was signed off


@dataclass(frozen=True)
class CatalogueEntry:
    offer: Offer
    seal: Seal | None
    badge_live: bool  # False once the badge the offer names was removed from its design

    @property
    def data(self) -> dict[str, Any]:
        """The published data; a badge that no longer exists is left out, as its image
        and criteria page are gone and no learner can earn it."""
        data = self.offer.data
        if "badge" in data and not self.badge_live:
            return {key: value for key, value in data.items() if key != "badge"}
        return data

    @property
    def start(self) -> date | None:
        return date.fromisoformat(self.data["start_date"]) if self.data["start_date"] else None

    @property
    def end(self) -> date | None:
        return date.fromisoformat(self.data["end_date"]) if self.data["end_date"] else None


def catalogue_workspace(slug: str) -> Workspace:
    """A workspace that has published at least one offer (others have no catalogue)."""
    workspace = db.session.scalar(select(Workspace).where(Workspace.slug == slug))
    if workspace is None or db.session.scalar(_live(workspace.id).limit(1)) is None:
        raise NotFound("workspace")
    return workspace


def workspace_of(design: Design) -> Workspace:
    return db.session.get(Workspace, design.workspace_id)


def entries(
    workspace: Workspace, query: str = "", mode: str = "", month: str = ""
) -> list[CatalogueEntry]:
    """The published offers matching a search text, a delivery mode and a start month
    (YYYY-MM), soonest first, undated last."""
    offers = [
        o for o in db.session.scalars(_live(workspace.id)) if _matches(o.data, query, mode, month)
    ]
    offers.sort(key=lambda o: (not o.data["start_date"], o.data["start_date"], o.data["title"]))
    live = live_badges(offers)
    return [_entry(o, live) for o in offers]


def entry(workspace: Workspace, slug: str) -> CatalogueEntry:
    offer = db.session.scalar(_live(workspace.id).where(Offer.slug == slug))
    if offer is None:
        raise NotFound("offer")
    return _entry(offer, live_badges([offer]))


def live_badges(offers: list[Offer]) -> set[str]:
    """The public ids of the badges the offers name that still exist (one query)."""
    ids = [o.data["badge"]["id"] for o in offers if "badge" in o.data]
    if not ids:
        return set()
    return set(db.session.scalars(select(Badge.public_id).where(Badge.public_id.in_(ids))))


def _entry(offer: Offer, live: set[str]) -> CatalogueEntry:
    badge = offer.data.get("badge")
    return CatalogueEntry(offer, seal_of(offer.design_id), bool(badge) and badge["id"] in live)


def months(workspace: Workspace) -> list[str]:
    """The start months of the published offers, for the month filter."""
    dates = (o.data["start_date"] for o in db.session.scalars(_live(workspace.id)))
    return sorted({day[:7] for day in dates if day})


def seal_of(design_id: int) -> Seal | None:
    """The design's latest quality seal, and whether it still covers the design."""
    review = db.session.scalar(
        select(Review)
        .where(
            Review.design_id == design_id,
            Review.decision == "approved",
            Review.seal_token.is_not(None),
        )
        .order_by(Review.signed_at.desc())
        .limit(1)
    )
    if review is None:
        return None
    design = db.session.get(Design, design_id)
    valid = review.snapshot_hash == snapshot_hash(snapshot(design))
    return Seal(review.seal_token, valid)


def _live(workspace_id: int) -> Select[tuple[Offer]]:
    """Offers of the workspace whose design is not in the trash."""
    return (
        select(Offer)
        .join(Design, Design.id == Offer.design_id)
        .where(Offer.workspace_id == workspace_id, Design.deleted_at.is_(None))
    )


def _matches(data: dict[str, Any], query: str, mode: str, month: str) -> bool:
    if mode and mode not in data["delivery_modes"]:
        return False
    if month and not data["start_date"].startswith(month):
        return False
    text = " ".join(
        [data["title"], data["description"], data["target_group"], data["format"]]
        + [o["text"] for o in data["objectives"]]
    )
    return all(word in text.casefold() for word in query.casefold().split())
