"""Comments on a design, an objective, a module or a placement; replies and resolving."""

from __future__ import annotations

import re

from sqlalchemy import select

from designer.models import (
    Comment,
    Design,
    LearningObjective,
    Module,
    Placement,
    Review,
    User,
    db,
)
from designer.models.quality import COMMENT_TARGETS
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.notifications import notify
from designer.services.permissions import Action, readers_of, require

MAX_BODY = 5000

_TARGET_MODELS = {"objective": LearningObjective, "module": Module, "placement": Placement}


def _check_target(design: Design, kind: str, target_id: int) -> None:
    if kind not in COMMENT_TARGETS:
        raise Invalid({"target_kind": "unknown"})
    if kind == "design":
        if target_id != design.id:
            raise NotFound("comment target")
        return
    row = db.session.get(_TARGET_MODELS[kind], target_id)
    if row is None or row.design_id != design.id:
        raise NotFound("comment target")


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise Invalid({"body": "required"})
    if len(body) > MAX_BODY:
        raise Invalid({"body": "too_long"})
    return body


def _comment(design: Design, comment_id: int) -> Comment:
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.design_id != design.id:
        raise NotFound("comment")
    return comment


def _involved(design: Design, root: Comment | None) -> set[int | None]:
    """The design's author, everyone in the thread so far and the requested reviewers."""
    people: set[int | None] = {design.created_by_id}
    if root is not None:
        people |= set(
            db.session.scalars(
                select(Comment.author_id).where(
                    (Comment.id == root.id) | (Comment.parent_id == root.id)
                )
            )
        )
    people |= set(
        db.session.scalars(
            select(Review.reviewer_id).where(
                Review.design_id == design.id, Review.withdrawn_at.is_(None)
            )
        )
    )
    return people


def add_comment(
    actor: User,
    design: Design,
    body: str,
    target_kind: str = "design",
    target_id: int | None = None,
    parent_id: int | None = None,
) -> Comment:
    """A new thread on a target, or a reply to a thread (`parent_id`)."""
    require(actor, Action.DESIGN_COMMENT, design)
    body = _clean_body(body)
    root = None
    if parent_id is not None:
        root = _comment(design, parent_id)
        if root.parent_id is not None:
            root = _comment(design, root.parent_id)
        target_kind, target_id = root.target_kind, root.target_id
    else:
        target_id = design.id if target_kind == "design" and target_id is None else target_id
        if target_id is None:
            raise Invalid({"target_id": "required"})
        _check_target(design, target_kind, target_id)
    comment = Comment(
        design_id=design.id,
        target_kind=target_kind,
        target_id=target_id,
        parent_id=root.id if root else None,
        author_id=actor.id,
        body=body,
    )
    db.session.add(comment)
    db.session.flush()
    if root is not None and root.resolved:
        root.resolved, root.resolved_by_id = False, None
    events.record(
        "comment.added",
        actor,
        design.workspace_id,
        design.id,
        comment_id=comment.id,
        target_kind=target_kind,
        target_id=target_id,
        reply=root is not None,
    )
    about = {"comment_id": comment.id, "target_kind": target_kind, "excerpt": body[:140]}
    named = mentioned(design, body)
    notify(named, actor, design, "mention", **about)
    notify(_involved(design, root) - named, actor, design, "comment", **about)
    return comment


def mentioned(design: Design, body: str) -> set[int | None]:
    """The people `body` mentions as `@Name` (their display name, any case) among those who
    may read `design`: an outsider's name mentions nobody. The longest names are matched
    first, so "@Anna Berg" does not also mention an "Anna"."""
    if "@" not in body:
        return set()
    text = body.casefold()
    found: set[int | None] = set()
    for person in sorted(readers_of(design), key=lambda u: -len(u.display_name)):
        name = person.display_name.strip().casefold()
        pattern = re.compile("@" + re.escape(name) + r"(?!\w)")
        if name and pattern.search(text):
            found.add(person.id)
            text = pattern.sub(" ", text)
    return found


def set_resolved(actor: User, design: Design, comment_id: int, resolved: bool) -> Comment:
    """Resolve (or reopen) a thread."""
    require(actor, Action.DESIGN_COMMENT, design)
    comment = _comment(design, comment_id)
    if comment.parent_id is not None:
        raise Invalid({"comment": "not_a_thread"})
    if comment.resolved != resolved:
        comment.resolved = resolved
        comment.resolved_by_id = actor.id if resolved else None
        events.record(
            "comment.resolved" if resolved else "comment.reopened",
            actor,
            design.workspace_id,
            design.id,
            comment_id=comment.id,
        )
    return comment
