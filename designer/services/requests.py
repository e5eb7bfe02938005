"""Requests for training ("Bildungsanfragen"): sent by visitors of the public catalogue,
answered, turned into designs or closed by the workspace's coordinators, and deleted a
period after they were closed.

The form is open to anyone, so it is guarded without third-party services: a rate limit
per sender address (only a keyed hash of the address is kept, for a day), a field that
people never see (the honeypot), a signed time stamp that refuses forms sent within
seconds of being shown or older than a day, and a size limit per field. A request keeps
only what the form asks for.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from itsdangerous import BadData, URLSafeSerializer
from sqlalchemy import delete, func, select

from designer.core import fields
from designer.core.vocab import LANGUAGES, label
from designer.models import (
    Design,
    Notification,
    Offer,
    RequestSender,
    TrainingRequest,
    User,
    Workspace,
    db,
)
from designer.models.columns import utcnow
from designer.queries.requests import design_of
from designer.services import events, notifications, outbox
from designer.services.design_templates import create_from_template
from designer.services.designs import update_grobkonzept
from designer.services.errors import Invalid
from designer.services.permissions import Action, require
from designer.storage.filestore import FileStore

STAMP_SALT = "kurswerk-request-form"
HONEYPOT = "website"  # the field people never see; only programs fill it in
SENDER_DAYS = 1  # hashed sender addresses are kept this long
MAX_PARTICIPANTS = 10_000
MAX_ANSWER = 10_000
RETENTION_RANGE = (7, 3650)

FIELD_KINDS: dict[str, fields.Kind] = {
    "topic": fields.Text(max_length=300, required=True),
    "target_group": fields.Text(max_length=1000, lines=True),
    "delivery_mode": fields.Choice("delivery_mode", optional=True),
    "period_start": fields.IsoDate(),
    "period_end": fields.IsoDate(),
    "name": fields.Text(max_length=200, required=True),
    "organisation": fields.Text(max_length=200),
    "email": fields.Text(max_length=254, required=True),
    "phone": fields.Text(max_length=40),
    "message": fields.Text(max_length=notifications.MAX_REQUEST_TEXT, lines=True),
}


@dataclass(frozen=True)
class FormRules:
    """The instance's guards of the request form (the REQUEST_* settings)."""

    min_seconds: int
    max_age_seconds: int
    per_hour: int

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> FormRules:
        return cls(
            config["REQUEST_MIN_SECONDS"],
            config["REQUEST_MAX_AGE_SECONDS"],
            config["REQUEST_PER_HOUR"],
        )


# ------------------------------------------------------------------ the public form


def _epoch(moment: datetime) -> int:
    return int(moment.replace(tzinfo=UTC).timestamp())


def form_stamp(secret: str, now: datetime) -> str:
    """The signed moment the form was shown."""
    return URLSafeSerializer(secret, salt=STAMP_SALT).dumps(_epoch(now))


def check_stamp(stamp: str, secret: str, now: datetime, rules: FormRules) -> None:
    """Refuse a form sent faster than a person fills it in, or shown more than a day ago."""
    try:
        shown = URLSafeSerializer(secret, salt=STAMP_SALT).loads(stamp or "")
    except BadData:
        raise Invalid({"form": "form_outdated"}) from None
    if not isinstance(shown, int):
        raise Invalid({"form": "form_outdated"})
    age = _epoch(now) - shown
    if age > rules.max_age_seconds:
        raise Invalid({"form": "request_form_expired"})
    if age < rules.min_seconds:
        raise Invalid({"form": "request_too_fast"})


def sender_hash(address: str, secret: str) -> str:
    """A keyed hash of the sender's address: enough to count, no way back to the address."""
    key = hashlib.sha256(f"kurswerk-request-sender:{secret}".encode()).digest()
    return hmac.new(key, address.encode(), hashlib.sha256).hexdigest()


def _recent_sends(sender: str, now: datetime) -> int:
    return db.session.scalar(
        select(func.count(RequestSender.id)).where(
            RequestSender.address_hash == sender,
            RequestSender.created_at > now - timedelta(hours=1),
        )
    )


def clean_request(values: Mapping[str, Any]) -> dict[str, Any]:
    """The form's values by their kinds; Invalid names every bad field."""
    wanted = {name: values.get(name) or "" for name in FIELD_KINDS}
    clean, errors = fields.clean_all(FIELD_KINDS, wanted)
    count = str(values.get("participants") or "").strip()
    clean["participants"] = fields.whole_number(count, MAX_PARTICIPANTS) if count else None
    if count and not clean["participants"]:
        errors["participants"] = "request_participants"
    email = clean.get("email", "")
    local, _at, domain = email.partition("@")
    if email and (not local or "." not in domain or any(c.isspace() for c in email)):
        errors["email"] = "invalid"
    start, end = clean.get("period_start"), clean.get("period_end")
    if start and end and end < start:
        errors["period_end"] = "before_start"
    if errors:
        raise Invalid(errors)
    clean["delivery_mode"] = clean["delivery_mode"] or ""
    return clean


@dataclass(frozen=True)
class Sending:
    """Where a request form comes from: the keyed hash of the sender's address, the
    form's stamp, the visitor's language, and the moment it arrived."""

    sender: str
    stamp: str
    language: str
    now: datetime


def submit_request(
    workspace: Workspace,
    offer: Offer | None,
    values: Mapping[str, Any],
    sending: Sending,
    rules: FormRules,
    secret: str,
) -> TrainingRequest | None:
    """Store a request sent from the catalogue and tell the coordinators (and, for an
    offer, the design's author). A filled honeypot counts against the sender's limit but
    stores nothing (None)."""
    if _recent_sends(sending.sender, sending.now) >= rules.per_hour:
        raise Invalid({"form": "request_too_many"})
    if (values.get(HONEYPOT) or "").strip():
        db.session.add(RequestSender(address_hash=sending.sender, created_at=sending.now))
        db.session.flush()
        return None
    check_stamp(sending.stamp, secret, sending.now, rules)
    clean = clean_request(values)
    row = TrainingRequest(
        workspace_id=workspace.id,
        offer_id=offer.id if offer else None,
        offer_title=offer.data["title"][:300] if offer else "",
        language=sending.language if sending.language in LANGUAGES else "de",
        created_at=sending.now,
        **clean,
    )
    db.session.add(row)
    db.session.add(RequestSender(address_hash=sending.sender, created_at=sending.now))
    db.session.flush()
    _notify(workspace, offer, row)
    events.record("request.received", None, workspace.id, None, request_id=row.id)
    return row


def _notify(workspace: Workspace, offer: Offer | None, row: TrainingRequest) -> None:
    design = db.session.get(Design, offer.design_id) if offer else None
    if design is not None:
        notifications.training_requested(
            design, row.name, row.email, row.message, request_id=row.id, slug=workspace.slug
        )
    else:
        notifications.training_requested_for_workspace(
            workspace, row.id, row.topic, row.name, row.email, row.message
        )


# ------------------------------------------------------------------ coordinators


def answer_request(
    actor: User,
    workspace: Workspace,
    row: TrainingRequest,
    text: str,
    write: Callable[[TrainingRequest], outbox.Mail],
) -> None:
    """Mail the answer to the requester through the outbox (`write` makes the mail in the
    request's language) and keep it with the request, which is then answered."""
    require(actor, Action.REQUESTS_MANAGE, workspace)
    try:
        answer = fields.Text(max_length=MAX_ANSWER, required=True, lines=True).clean(text)
    except fields.Refused as refused:
        raise Invalid({"answer": refused.code}) from None
    row.answer = answer
    row.answered_at = utcnow()
    if row.state == "new":
        row.state = "answered"
    outbox.queue(write(row))
    events.record("request.answered", actor, workspace.id, row.design_id, request_id=row.id)


def close_request(actor: User, workspace: Workspace, row: TrainingRequest) -> None:
    """Closed requests are deleted after the workspace's retention period."""
    require(actor, Action.REQUESTS_MANAGE, workspace)
    if row.state != "closed":
        row.state = "closed"
        row.closed_at = utcnow()
        events.record("request.closed", actor, workspace.id, row.design_id, request_id=row.id)


def design_from_request(
    actor: User, workspace: Workspace, row: TrainingRequest, choice: str, store: FileStore
) -> Design:
    """A new design from a template, its title the request's topic and the Grobkonzept
    filled with what the request says (target group, participants, period, delivery
    mode); the request then links to it. Contact data stay with the request."""
    require(actor, Action.REQUESTS_MANAGE, workspace)
    if design_of(row) is not None:
        raise Invalid({"form": "request_has_design"})
    design = create_from_template(actor, workspace, choice, row.topic, row.language, store)
    update_grobkonzept(actor, design, _grobkonzept_of(row), None)
    row.design_id = design.id
    events.record("request.design_created", actor, workspace.id, design.id, request_id=row.id)
    return design


def _grobkonzept_of(row: TrainingRequest) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if row.target_group:
        values["target_group"] = row.target_group
    if row.participants:
        values["participants_max"] = row.participants
    if row.period_start:
        values["start_date"] = row.period_start.isoformat()
    if row.period_end:
        values["end_date"] = row.period_end.isoformat()
    if row.delivery_mode:
        values["format_summary"] = label("delivery_mode", row.delivery_mode, row.language)
    return values


def set_retention(actor: User, workspace: Workspace, days: str | int) -> None:
    require(actor, Action.REQUESTS_MANAGE, workspace)
    low, high = RETENTION_RANGE
    number = fields.whole_number(days if isinstance(days, int) else str(days or ""), high)
    if number is None or number < low:
        raise Invalid({"retention_days": "request_retention_range"})
    if number != workspace.request_retention_days:
        workspace.request_retention_days = number
        events.record("requests.retention_set", actor, workspace.id, None, days=number)


# ------------------------------------------------------------------ deleting


def delete_request(actor: User, workspace: Workspace, row: TrainingRequest) -> None:
    """Delete a request at once (a requester asked for it), with the notifications that
    quote it. A design made from it stays."""
    require(actor, Action.REQUESTS_MANAGE, workspace)
    _delete([row.id])
    events.record("request.deleted", actor, workspace.id, None, request_id=row.id)


def _delete(ids: list[int]) -> None:
    quoting = [
        n.id
        for n in db.session.scalars(
            select(Notification).where(Notification.kind == "training_request")
        )
        if n.payload.get("request_id") in ids
    ]
    db.session.execute(delete(Notification).where(Notification.id.in_(quoting)))
    db.session.execute(delete(TrainingRequest).where(TrainingRequest.id.in_(ids)))


def purge_closed(now: datetime) -> int:
    """Delete the requests closed longer ago than their workspace's retention period,
    with the notifications that quote them, and sender hashes older than a day; returns
    how many requests were deleted."""
    expired = [
        row.id
        for row, days in db.session.execute(
            select(TrainingRequest, Workspace.request_retention_days)
            .join(Workspace, Workspace.id == TrainingRequest.workspace_id)
            .where(TrainingRequest.state == "closed")
        )
        if row.closed_at is not None and row.closed_at < now - timedelta(days=days)
    ]
    if expired:
        _delete(expired)
    old = now - timedelta(days=SENDER_DAYS)
    db.session.execute(delete(RequestSender).where(RequestSender.created_at < old))
    return len(expired)
