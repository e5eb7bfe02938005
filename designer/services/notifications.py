"""Notifications: who should look at a comment, a review request or a decision, in the app
and by e-mail.

Each person chooses per kind of notification how it reaches them by e-mail (`MAIL_KINDS`):
at once, in a daily digest, or never. A mail "at once" is queued in the outbox in the
transaction of the change that caused it; digest items wait until `write_digests` (the
`designer send-digests` command) collects them. Writing a mail needs templates and links,
which the web layer has: it registers a `MailWriter` when the app starts (`use_writer`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from itsdangerous import BadData, URLSafeSerializer
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from designer.models import (
    Design,
    MailOptOut,
    Membership,
    NoticeDigest,
    NoticeSetting,
    Notification,
    User,
    db,
)
from designer.models.columns import utcnow
from designer.services import outbox
from designer.services.errors import Invalid
from designer.services.permissions import readers_of

# Kinds of notification that can reach a person by e-mail, with their default delivery:
# at once for what blocks someone else's work, the daily digest for the rest.
MAIL_KINDS: dict[str, str] = {
    "review_requested": "now",
    "invitation": "now",
    "review_decided": "digest",
    "mention": "digest",
    "training_request": "digest",
    "design_released": "digest",
}
DELIVERIES = ("now", "digest", "never")
DIGEST = "digest"  # what the digest's own unsubscribe link stops
UNSUBSCRIBE_SALT = "kurswerk-unsubscribe"
ADDRESS_UNSUBSCRIBE_SALT = "kurswerk-unsubscribe-address"
MAX_REQUEST_TEXT = 2000


class MailWriter(Protocol):
    def notice(self, notification: Notification, person: User) -> outbox.Mail: ...

    def digest(self, person: User, items: list[Notification], day: date) -> outbox.Mail: ...


@dataclass
class _Mailing:
    writer: MailWriter | None = None


_mailing = _Mailing()


def use_writer(writer: MailWriter) -> None:
    """Register how mails are written (the web layer does when the app starts)."""
    _mailing.writer = writer


def _writer() -> MailWriter:
    if _mailing.writer is None:
        raise RuntimeError("no mail writer registered (create_app registers one)")
    return _mailing.writer


# ------------------------------------------------------------------ notifying


def notify(
    user_ids: Iterable[int | None],
    actor: User | None,
    design: Design | None,
    kind: str,
    **payload: Any,
) -> list[Notification]:
    """One notification per person, never to the actor themself; mailed as each of them
    chose for `kind`."""
    actor_id = actor.id if actor else None
    recipients = sorted({uid for uid in user_ids if uid is not None and uid != actor_id})
    deliveries = deliveries_of(recipients, kind) if kind in MAIL_KINDS else {}
    created = [
        Notification(
            user_id=uid,
            design_id=design.id if design else None,
            kind=kind,
            payload={"actor": actor.display_name if actor else "", **payload},
            mail=_mail_state(deliveries.get(uid, "never")),
        )
        for uid in recipients
    ]
    db.session.add_all(created)
    _mail_now([n for n in created if n.mail == "now"])
    return created


def _mail_state(delivery: str) -> str:
    return "" if delivery == "never" else delivery


def _mail_now(items: list[Notification]) -> None:
    if not items:
        return
    people = {
        u.id: u
        for u in db.session.scalars(select(User).where(User.id.in_(n.user_id for n in items)))
    }
    now = utcnow()
    for item in items:
        outbox.queue(_writer().notice(item, people[item.user_id]))
        item.mailed_at = now


def training_requested(
    design: Design, name: str, email: str, message: str = ""
) -> list[Notification]:
    """A visitor of the public catalogue asks for a training on `design`: its author and
    the coordinators of its workspace hear of it. Called by the catalogue, which has
    checked the visitor's input (name and address are required)."""
    name, email, message = name.strip(), email.strip(), (message or "").strip()
    if not name or not email:
        raise Invalid({"name" if not name else "email": "required"})
    coordinators = db.session.scalars(
        select(Membership.user_id).where(
            Membership.workspace_id == design.workspace_id, Membership.role == "coordinator"
        )
    )
    return notify(
        [design.created_by_id, *coordinators],
        None,
        design,
        "training_request",
        name=name[:200],
        email=email[:254],
        message=message[:MAX_REQUEST_TEXT],
    )


def design_released(actor: User, design: Design, revision: int | None = None) -> list[Notification]:
    """`design` (its `revision`) is released for delivery: everyone who may read it hears
    of it. Called by the release feature."""
    return notify(
        [u.id for u in readers_of(design)], actor, design, "design_released", revision=revision
    )


def mark_all_read(user: User) -> int:
    """Marks the user's unread notifications read; returns how many."""
    result = db.session.execute(
        update(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    return result.rowcount or 0


# ------------------------------------------------------------------ choices


def deliveries_of(user_ids: list[int], kind: str) -> dict[int, str]:
    """How each person wants to hear of `kind` by e-mail."""
    chosen = dict(
        db.session.execute(
            select(NoticeSetting.user_id, NoticeSetting.delivery).where(
                NoticeSetting.user_id.in_(user_ids), NoticeSetting.kind == kind
            )
        ).all()
    )
    return {uid: chosen.get(uid, MAIL_KINDS[kind]) for uid in user_ids}


def settings_of(user: User) -> dict[str, str]:
    """Kind → delivery for every mail kind, defaults filled in."""
    chosen = dict(
        db.session.execute(
            select(NoticeSetting.kind, NoticeSetting.delivery).where(
                NoticeSetting.user_id == user.id
            )
        ).all()
    )
    return {kind: chosen.get(kind, default) for kind, default in MAIL_KINDS.items()}


def save_settings(user: User, choices: Mapping[str, str]) -> None:
    """Store the person's choices (kind → delivery); unknown kinds or deliveries are refused
    before anything is written."""
    errors = {
        kind: "unknown"
        for kind, delivery in choices.items()
        if kind not in MAIL_KINDS or delivery not in DELIVERIES
    }
    if errors:
        raise Invalid(errors)
    rows = {
        s.kind: s
        for s in db.session.scalars(select(NoticeSetting).where(NoticeSetting.user_id == user.id))
    }
    for kind, delivery in choices.items():
        if kind in rows:
            rows[kind].delivery = delivery
        else:
            db.session.add(NoticeSetting(user_id=user.id, kind=kind, delivery=delivery))
    db.session.flush()


def unsubscribe(user: User, kind: str) -> list[str]:
    """Set `kind` to never (for `DIGEST`: every kind that went to the digest); returns the
    kinds that were changed."""
    settings = settings_of(user)
    if kind == DIGEST:
        kinds = [k for k, delivery in settings.items() if delivery == "digest"]
    elif kind in MAIL_KINDS:
        kinds = [kind] if settings[kind] != "never" else []
    else:
        raise Invalid({"kind": "unknown"})
    save_settings(user, {k: "never" for k in kinds})
    return kinds


def unsubscribe_token(user: User, kind: str, secret: str) -> str:
    """The signed part of an unsubscribe link: it works without logging in and does not
    expire (RFC 8058 links must keep working)."""
    return URLSafeSerializer(secret, salt=UNSUBSCRIBE_SALT).dumps([user.id, kind])


def unsubscribe_target(token: str, secret: str) -> tuple[User, str] | None:
    """The person and kind an unsubscribe link names, or None when it is not ours."""
    try:
        user_id, kind = URLSafeSerializer(secret, salt=UNSUBSCRIBE_SALT).loads(token)
    except (BadData, TypeError, ValueError):
        return None
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or (kind not in MAIL_KINDS and kind != DIGEST):
        return None
    return user, kind


# ------------------------------------------------------- addresses without account


def address_token(address: str, kind: str, secret: str) -> str:
    return URLSafeSerializer(secret, salt=ADDRESS_UNSUBSCRIBE_SALT).dumps([address, kind])


def address_target(token: str, secret: str) -> tuple[str, str] | None:
    try:
        address, kind = URLSafeSerializer(secret, salt=ADDRESS_UNSUBSCRIBE_SALT).loads(token)
    except (BadData, TypeError, ValueError):
        return None
    if not isinstance(address, str) or kind not in MAIL_KINDS:
        return None
    return address, kind


def invitation_address(address: str) -> tuple[User | None, str]:
    """The account (if any) and the normalised address an invitation link is mailed to.
    Refused when it is no address, or when its owner wants no invitation mails (their
    setting, or the address's unsubscribe link): the inviter passes the link on instead."""
    address = address.strip().lower()
    local, _at, domain = address.partition("@")
    if not local or "." not in domain or len(address) > 254 or any(c.isspace() for c in address):
        raise Invalid({"email": "invalid"})
    person = db.session.scalar(select(User).where(User.email == address))
    if person is not None:
        wanted = settings_of(person)["invitation"] != "never"
    else:
        wanted = not opted_out(address, "invitation")
    if not wanted:
        raise Invalid({"email": "no_invitation_mails"})
    return person, address


def opt_out(address: str, kind: str) -> None:
    if not opted_out(address, kind):
        db.session.add(MailOptOut(address=address, kind=kind))
        db.session.flush()


def opted_out(address: str, kind: str) -> bool:
    return (
        db.session.scalar(
            select(MailOptOut.id).where(MailOptOut.address == address, MailOptOut.kind == kind)
        )
        is not None
    )


# ------------------------------------------------------------------ digests


def write_digests(day: date) -> int:
    """Queue one digest for each person with notifications waiting for it, at most one a
    day; returns how many were queued. Each person's digest is committed on its own
    (with the day it was sent for), so that a second run the same day, even at the same
    moment, sends nobody a second one."""
    waiting = db.session.scalars(
        select(Notification.user_id)
        .where(Notification.mail == "digest", Notification.mailed_at.is_(None))
        .distinct()
        .order_by(Notification.user_id)
    ).all()
    return sum(_digest(user_id, day) for user_id in waiting)


def _sent_on(user_id: int, day: date) -> bool:
    sent = select(NoticeDigest.id).where(NoticeDigest.user_id == user_id, NoticeDigest.day == day)
    return db.session.scalar(sent) is not None


def _digest(user_id: int, day: date) -> bool:
    if _sent_on(user_id, day):
        return False
    person = db.session.get(User, user_id)
    items = db.session.scalars(
        select(Notification)
        .where(
            Notification.user_id == user_id,
            Notification.mail == "digest",
            Notification.mailed_at.is_(None),
        )
        .order_by(Notification.id)
    ).all()
    settings = settings_of(person)
    keep = [n for n in items if settings.get(n.kind) != "never"]
    for item in items:
        if item not in keep:
            item.mail = ""  # the person chose "never" since: it stays in the app only
    if keep:
        try:
            db.session.add(NoticeDigest(user_id=user_id, day=day, items=len(keep)))
            db.session.flush()
        except IntegrityError:  # another run has just sent today's digest
            db.session.rollback()
            return False
        outbox.queue(_writer().digest(person, keep, day))
        now = utcnow()
        for item in keep:
            item.mailed_at = now
    db.session.commit()
    return bool(keep)
