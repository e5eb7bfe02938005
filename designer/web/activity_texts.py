"""Events in words, for the activity feeds and live updates ("Anna added a module")."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from designer.models import Event, User

# Kind → sentence; %(who)s is the person, %(title)s a title from the payload when known.
TEXTS: dict[str, Any] = {
    "design.created": _l("%(who)s created the design “%(title)s”"),
    "design.imported": _l("%(who)s imported the design “%(title)s”"),
    "design.created_from_template": _l("%(who)s created the design “%(title)s” from a template"),
    "design.updated": _l("%(who)s edited the Grobkonzept"),
    "design.deleted": _l("%(who)s moved the design “%(title)s” to the trash"),
    "design.restored": _l("%(who)s restored the design “%(title)s” from the trash"),
    "design.approval_outdated": _l("The approval is outdated after a change by %(who)s"),
    "offer.published": _l("%(who)s published “%(title)s” in the catalogue of offers"),
    "offer.withdrawn": _l("%(who)s withdrew “%(title)s” from the catalogue of offers"),
    "request.received": _l("A request for training arrived from the catalogue"),
    "request.answered": _l("%(who)s answered a request for training"),
    "request.closed": _l("%(who)s closed a request for training"),
    "request.deleted": _l("%(who)s deleted a request for training"),
    "request.design_created": _l("%(who)s created a design from a request for training"),
    "requests.retention_set": _l("%(who)s changed how long closed requests for training are kept"),
    "badge.saved": _l("%(who)s edited the badge “%(title)s”"),
    "badge.image": _l("%(who)s uploaded an image for the badge"),
    "badge.image_removed": _l("%(who)s went back to the drawn badge image"),
    "badge.awarded": _l("%(who)s awarded the badge “%(title)s”"),
    "badge.revoked": _l("%(who)s revoked an award of the badge “%(title)s”"),
    "badge.removed": _l("%(who)s removed the badge “%(title)s”"),
    "objective.added": _l("%(who)s added a learning objective"),
    "objective.updated": _l("%(who)s edited a learning objective"),
    "objective.removed": _l("%(who)s removed a learning objective"),
    "module.added": _l("%(who)s added a module"),
    "module.updated": _l("%(who)s edited a module"),
    "module.moved": _l("%(who)s moved a module"),
    "module.deleted": _l("%(who)s moved the module “%(title)s” to the trash"),
    "module.restored": _l("%(who)s restored the module “%(title)s”"),
    "nugget.created": _l("%(who)s created the nugget “%(title)s”"),
    "nugget.updated": _l("%(who)s edited a nugget"),
    "nugget.deleted": _l("%(who)s moved the nugget “%(title)s” to the trash"),
    "nugget.restored": _l("%(who)s restored the nugget “%(title)s”"),
    "nugget.shared": _l("%(who)s changed who may see a nugget"),
    "nugget.copied": _l("%(who)s copied the nugget “%(title)s” from another workspace"),
    "placement.added": _l("%(who)s placed a nugget on the canvas"),
    "placement.moved": _l("%(who)s moved a nugget on the canvas"),
    "placement.updated": _l("%(who)s changed a nugget on the canvas"),
    "placement.removed": _l("%(who)s removed a nugget from the canvas"),
    "placement.pulled": _l("%(who)s took over a nugget's update"),
    "revision.saved": _l("%(who)s saved version %(number)s"),
    "revision.restored": _l("%(who)s restored version %(number)s"),
    "design.released": _l("%(who)s released version %(number)s for delivery"),
    "member.added": _l("%(who)s added a member"),
    "member.role_changed": _l("%(who)s changed a member's role"),
    "member.removed": _l("%(who)s removed a member"),
    "member.login_link": _l("%(who)s made a one-time log-in link for a member"),
    "member.verification_sent": _l("%(who)s sent a member the address confirmation again"),
    "design_member.added": _l("%(who)s added a guest to the design"),
    "design_member.role_changed": _l("%(who)s changed a guest's role"),
    "design_member.removed": _l("%(who)s removed a guest from the design"),
    "invitation.created": _l("%(who)s created an invitation link"),
    "invitation.accepted": _l("%(who)s joined through an invitation link"),
    "invitation.revoked": _l("%(who)s revoked an invitation link"),
    "workspace.created": _l("%(who)s created the workspace"),
    "partnership.agreement_updated": _l("%(who)s edited the partnership agreement"),
    "partnership.partner_added": _l("%(who)s added the partner “%(title)s”"),
    "partnership.partner_removed": _l("%(who)s removed the partner “%(title)s”"),
    "trash.emptied": _l("%(who)s emptied the trash"),
}

# Filter choices of the feeds: the part of the kind before the dot.
KIND_GROUPS: dict[str, Any] = {
    "design": _l("Design and Grobkonzept"),
    "badge": _l("Badges"),
    "objective": _l("Learning objectives"),
    "module": _l("Modules"),
    "placement": _l("Canvas"),
    "nugget": _l("Nuggets"),
    "revision": _l("Versions"),
    "review": _l("Reviews"),
    "comment": _l("Comments"),
    "member": _l("Members"),
    "design_member": _l("Guests"),
    "invitation": _l("Invitations"),
    "partnership": _l("Partnership"),
    "trash": _l("Trash"),
}


def who(actor: User | None) -> str:
    return actor.display_name if actor else _("The system")


def describe(event: Event, actor: User | None) -> str:
    payload = event.payload or {}
    text = TEXTS.get(event.kind)
    values = {
        "who": who(actor),
        "title": payload.get("title") or payload.get("name") or "",
        "number": payload.get("number", ""),
    }
    if text is None:
        return _("%(who)s: %(kind)s", who=values["who"], kind=event.kind)
    return str(text) % values


def as_json(event: Event, actor: User | None) -> dict[str, Any]:
    """The event as the live feed sends it to browsers."""
    return {
        "id": event.id,
        "kind": event.kind,
        "actor": {"id": actor.id, "name": actor.display_name} if actor else None,
        "created_at": event.created_at.isoformat() + "Z",
        "text": describe(event, actor),
        "payload": event.payload or {},
    }


def initials(user: User) -> str:
    parts = [p for p in user.display_name.replace("-", " ").split() if p]
    return "".join(p[0] for p in parts[:2]).upper() or user.email[:1].upper()
