"""Mails of notifications (one at once, or the daily digest), in the recipient's language,
plain text and HTML, each with a one-click unsubscribe for its kind: a signed link in the
mail and the `List-Unsubscribe` / `List-Unsubscribe-Post` header fields (RFC 8058)."""

from __future__ import annotations

from datetime import date

from flask import Flask, current_app, render_template
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from designer.models import Design, Invitation, Notification, User, Workspace, db
from designer.services import notifications, outbox
from designer.web.forms.workspaces import role_choices
from designer.web.i18n import current_language
from designer.web.mails import link
from designer.web.quality import DECISION_LABELS

KIND_LABELS = {
    "review_requested": _l("Someone asks me for a review"),
    "invitation": _l("Someone adds me to a workspace or a design"),
    "review_decided": _l("A review of my design is decided"),
    "mention": _l("Someone mentions me in a comment"),
    "training_request": _l("Someone asks for a training on a design (public catalogue)"),
    "design_released": _l("A design I can read is released for delivery"),
    notifications.DIGEST: _l("the daily digest"),
}
DELIVERY_LABELS = {
    "now": _l("At once"),
    "digest": _l("In the daily digest"),
    "never": _l("Never"),
}
SUBJECTS = {
    "review_requested": _l("Review requested: %(title)s"),
    "review_decided": _l("Review decided: %(title)s"),
    "mention": _l("You were mentioned: %(title)s"),
    "invitation": _l("You were added: %(title)s"),
    "training_request": _l("Training requested: %(title)s"),
    "design_released": _l("Released for delivery: %(title)s"),
}


def locale_of(person: User) -> str:
    return person.locale or current_app.config["BABEL_DEFAULT_LOCALE"]


def title_of(item: Notification) -> str:
    """The design's title, or the workspace's name for an invitation to a workspace."""
    design = db.session.get(Design, item.design_id) if item.design_id else None
    return design.title if design else item.payload.get("workspace", "")


def line_of(item: Notification, title: str) -> str:
    """What happened, in one sentence of the current language."""
    who, payload = item.payload.get("actor", ""), item.payload
    match item.kind:
        case "review_requested":
            return _("%(who)s asks you to review %(title)s.", who=who, title=title)
        case "review_decided":
            decision = str(DECISION_LABELS.get(payload.get("decision"), ""))
            return _(
                "%(who)s decided on %(title)s: %(decision)s.",
                who=who,
                title=title,
                decision=decision,
            )
        case "mention":
            return _("%(who)s mentioned you in a comment on %(title)s:", who=who, title=title)
        case "invitation" if item.design_id:
            role = role_text(payload.get("role", ""))
            return _(
                "%(who)s gave you access to the design %(title)s (role: %(role)s).",
                who=who,
                title=title,
                role=role,
            )
        case "invitation":
            role = role_text(payload.get("role", ""))
            return _(
                "%(who)s added you to the workspace %(name)s (role: %(role)s).",
                who=who,
                name=title,
                role=role,
            )
        case "training_request":
            return _(
                "%(name)s (%(email)s) asks for a training on %(title)s:",
                name=payload.get("name", ""),
                email=payload.get("email", ""),
                title=title,
            )
        case "design_released":
            return _("%(who)s released %(title)s for delivery.", who=who, title=title)
    return title


def one_line(text: str) -> str:
    """A subject never breaks a line (a title with a line break would be refused)."""
    return " ".join(text.split())


def role_text(role: str) -> str:
    return str(dict(role_choices()).get(role, role))


def quote_of(item: Notification) -> str:
    """The words the notification is about: a comment's excerpt, a request's message."""
    return item.payload.get("excerpt") or item.payload.get("message") or ""


def target_of(item: Notification) -> str:
    """Where to act on the notification."""
    payload = item.payload
    if item.kind == "review_requested":
        return link("reviews.index", design_id=item.design_id)
    if item.kind == "review_decided":
        return link("reviews.show", design_id=item.design_id, review_id=payload["review_id"])
    if item.kind == "mention":
        anchor = f"comment-{payload['comment_id']}"
        return link("designs.overview", design_id=item.design_id, _anchor=anchor)
    if item.kind == "invitation" and not item.design_id:
        return link("workspaces.show", slug=payload["slug"])
    return link("designs.overview", design_id=item.design_id)


def unsubscribe_link(person: User, kind: str) -> str:
    token = notifications.unsubscribe_token(person, kind, current_app.config["SECRET_KEY"])
    return link("notices.unsubscribe", token=token)


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs offer the unsubscribe button and POST to it."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def item_of(item: Notification) -> dict[str, str]:
    title = title_of(item)
    return {
        "kind": item.kind,
        "line": line_of(item, title),
        "quote": quote_of(item),
        "target": target_of(item),
        "title": title,
    }


class NoticeMails:
    """The `MailWriter` that services/notifications.py uses."""

    def notice(self, notification: Notification, person: User) -> outbox.Mail:
        with force_locale(locale_of(person)):
            entry = item_of(notification)
            subject = one_line(str(SUBJECTS[notification.kind] % {"title": entry["title"]}))
            stop = unsubscribe_link(person, notification.kind)
            context = {
                "person": person,
                "subject": subject,
                "item": entry,
                "kind_label": str(KIND_LABELS[notification.kind]),
                "unsubscribe": stop,
                "settings": link("notices.settings"),
            }
            text = render_template("mail/notice.txt", **context)
            html = render_template("mail/notice.html", **context)
        return outbox.Mail(person.email, subject, text, html, unsubscribe_headers(stop))

    def digest(self, person: User, items: list[Notification], day: date) -> outbox.Mail:
        with force_locale(locale_of(person)):
            subject = _("Your Kurswerk notifications of %(date)s", date=format_date(day, "medium"))
            entries = [item_of(n) for n in items]
            kinds = list(dict.fromkeys(e["kind"] for e in entries))
            stop = unsubscribe_link(person, notifications.DIGEST)
            context = {
                "person": person,
                "subject": subject,
                "items": entries,
                "stops": [(str(KIND_LABELS[k]), unsubscribe_link(person, k)) for k in kinds],
                "unsubscribe": stop,
                "settings": link("notices.settings"),
            }
            text = render_template("mail/digest.txt", **context)
            html = render_template("mail/digest.html", **context)
        return outbox.Mail(person.email, subject, text, html, unsubscribe_headers(stop))


def invitation_mail(
    inviter: User, person: User | None, address: str, invitation: Invitation, token: str
) -> outbox.Mail:
    """An invitation link mailed to an address: in the language of its account, else in
    the inviter's (who writes to someone Kurswerk does not know yet)."""
    secret = current_app.config["SECRET_KEY"]
    if person is not None:
        locale = locale_of(person)
        stop_token = notifications.unsubscribe_token(person, "invitation", secret)
    else:
        locale = current_language()
        stop_token = notifications.address_token(address, "invitation", secret)
    stop = link("notices.unsubscribe", token=stop_token)
    design = db.session.get(Design, invitation.design_id) if invitation.design_id else None
    target = design.title if design else db.session.get(Workspace, invitation.workspace_id).name
    with force_locale(locale):
        subject = one_line(_("Invitation to %(target)s in Kurswerk", target=target))
        context = {
            "person": person,
            "subject": subject,
            "line": _(
                "%(who)s invites you to %(target)s in Kurswerk (role: %(role)s).",
                who=inviter.display_name,
                target=target,
                role=role_text(invitation.role),
            ),
            "until": format_date(invitation.expires_at, "medium"),
            "link": link("collab.invitation", token=token),
            "unsubscribe": stop,
        }
        text = render_template("mail/invitation.txt", **context)
        html = render_template("mail/invitation.html", **context)
    return outbox.Mail(address, subject, text, html, unsubscribe_headers(stop))


def init_app(app: Flask) -> None:
    notifications.use_writer(NoticeMails())
