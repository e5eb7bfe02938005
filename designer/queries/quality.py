"""Read-only look-ups for the quality pages: checklists, findings, comments, notifications,
reviews and seals. Writes live in services/."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from designer.core.fields import GROBKONZEPT
from designer.core.snapshot import DesignSnapshot, snapshot_hash
from designer.core.texts import translate
from designer.export.registry import QualityFinding, QualityRecord, SignOff, Version
from designer.models import (
    Comment,
    Design,
    Event,
    LearningObjective,
    Module,
    Notification,
    Nugget,
    Placement,
    Review,
    Revision,
    User,
    Workspace,
    WorkspaceChecklist,
    db,
)
from designer.quality import (
    Checklist,
    ChecklistError,
    ChecklistResult,
    Finding,
    UnknownChecklist,
    applicable_findings,
    builtin_checklists,
    checklist_from_dict,
    distinct_findings,
    evaluate_all,
    get_builtin,
    get_rule,
)
from designer.quality.to_fill import is_to_fill
from designer.queries.learner_results import learner_results
from designer.queries.read_model import revision_snapshot
from designer.services.errors import NotFound

# ------------------------------------------------------------------ checklists


def workspace_checklists(workspace_id: int) -> list[WorkspaceChecklist]:
    return list(
        db.session.scalars(
            select(WorkspaceChecklist)
            .where(
                WorkspaceChecklist.workspace_id == workspace_id,
                WorkspaceChecklist.deleted_at.is_(None),
            )
            .order_by(WorkspaceChecklist.name, WorkspaceChecklist.id)
        )
    )


def checklist_row(workspace: Workspace, checklist_id: int) -> WorkspaceChecklist:
    row = db.session.get(WorkspaceChecklist, checklist_id)
    if row is None or row.workspace_id != workspace.id or row.deleted_at is not None:
        raise NotFound("checklist")
    return row


def stored_checklist(row: WorkspaceChecklist) -> Checklist:
    return checklist_from_dict(row.data)


def load_checklist(workspace_id: int, key: str) -> Checklist:
    """A built-in checklist or one of the workspace's copies, by key."""
    try:
        return get_builtin(key)
    except UnknownChecklist:
        pass
    row = db.session.scalar(
        select(WorkspaceChecklist).where(
            WorkspaceChecklist.key == key,
            WorkspaceChecklist.workspace_id == workspace_id,
            WorkspaceChecklist.deleted_at.is_(None),
        )
    )
    if row is None:
        raise NotFound("checklist")
    return stored_checklist(row)


def available_checklists(workspace_id: int) -> list[Checklist]:
    """Built-in checklists first, then the workspace's own copies that are usable."""
    own = []
    for row in workspace_checklists(workspace_id):
        try:
            own.append(stored_checklist(row))
        except ChecklistError:
            continue
    return [*builtin_checklists(), *own]


# ------------------------------------------------------------------ findings


@dataclass(frozen=True)
class PanelFinding:
    finding: Finding
    message: str
    href: str


@dataclass(frozen=True)
class FindingGroup:
    """The findings of one rule at one severity, shown once with their count."""

    title: str
    severity: str
    blocking: bool
    items: list[PanelFinding]


@dataclass(frozen=True)
class ToFill:
    """A placeholder nugget or an open Grobkonzept field, with what is still missing."""

    label: str
    href: str
    missing: list[str]
    blocking: bool


@dataclass(frozen=True)
class Panel:
    # Findings that are not to-dos, per severity; `blocking` counts to-dos too.
    counts: dict[str, int]
    groups: list[FindingGroup]
    nuggets_to_fill: list[ToFill]
    fields_to_fill: list[ToFill]
    blocking: int

    @property
    def state(self) -> str:
        """The traffic light: error, warning, todo, hint or ok."""
        for severity in ("error", "warning"):
            if self.counts[severity]:
                return severity
        if self.nuggets_to_fill or self.fields_to_fill:
            return "todo"
        return "hint" if self.counts["hint"] else "ok"

    @property
    def state_count(self) -> int:
        """How many things the light stands for (errors, warnings, to-dos or hints)."""
        to_fill = len(self.nuggets_to_fill) + len(self.fields_to_fill)
        return {**self.counts, "todo": to_fill, "ok": 0}[self.state]


_SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}


def applying_checklists(design: Design) -> list[Checklist]:
    """The checklists that judge the design wherever its findings show: those of its
    latest submission (as submitted), before any submission the built-in ones."""
    latest = latest_review(design)
    return reviewed_checklists(latest) if latest else list(builtin_checklists())


def latest_review(design: Design) -> Review | None:
    """The newest review request that was not withdrawn."""
    return db.session.scalar(
        select(Review)
        .where(Review.design_id == design.id, Review.withdrawn_at.is_(None))
        .order_by(Review.requested_at.desc(), Review.id.desc())
        .limit(1)
    )


def design_findings(design: Design, snap: DesignSnapshot) -> list[Finding]:
    """Every rule's findings with the severity the applying checklists give them, the
    rules on learner results judging what learners did with the delivered design."""
    return applicable_findings(snap, applying_checklists(design), learner_results(design))


def checklist_results(design: Design, snap: DesignSnapshot) -> list[ChecklistResult]:
    """Each applying checklist's criteria and findings, for the quality report."""
    return evaluate_all(snap, applying_checklists(design), learner_results(design))


def panel(
    design: Design, snap: DesignSnapshot, lang: str, link: Callable[[str, str], str]
) -> Panel:
    """Every rule's findings under the applying checklists: what a template left open as
    to-dos, the rest grouped by rule, the most important group first. `link(kind, key)`
    is where a target is edited (the web layer builds URLs)."""
    findings = design_findings(design, snap)
    to_fill = [f for f in findings if is_to_fill(f, snap)]
    faults = [f for f in findings if not is_to_fill(f, snap)]
    counts = Counter(f.severity for f in faults)
    return Panel(
        counts={s: counts.get(s, 0) for s in _SEVERITY_ORDER},
        groups=_groups(faults, lang, link),
        nuggets_to_fill=_nuggets_to_fill(snap, to_fill, lang, link),
        fields_to_fill=_fields_to_fill(to_fill, lang, link),
        blocking=sum(1 for f in findings if f.blocking),
    )


def _groups(
    findings: list[Finding], lang: str, link: Callable[[str, str], str]
) -> list[FindingGroup]:
    by_rule: dict[tuple[str, str, bool], list[PanelFinding]] = {}
    for f in findings:
        item = PanelFinding(f, f.message(lang), link(f.target_kind, f.target_key))
        by_rule.setdefault((f.rule, f.severity, f.blocking), []).append(item)
    groups = [
        FindingGroup(get_rule(rule).title(lang), severity, blocking, items)
        for (rule, severity, blocking), items in by_rule.items()
    ]
    return sorted(
        groups, key=lambda g: (not g.blocking, _SEVERITY_ORDER[g.severity], -len(g.items))
    )


def _nuggets_to_fill(
    snap: DesignSnapshot, to_fill: list[Finding], lang: str, link: Callable[[str, str], str]
) -> list[ToFill]:
    """Every placeholder nugget of the design, in board order, with its findings' rules."""
    found: dict[str, list[Finding]] = {}
    for f in to_fill:
        if f.target_kind == "nugget":
            found.setdefault(f.target_key, []).append(f)
    keys = dict.fromkeys(p.nugget.key for p in snap.placed() if p.nugget.placeholder)
    return [
        ToFill(
            snap.nugget(key).title,
            link("nugget", key),
            list(dict.fromkeys(get_rule(f.rule).title(lang) for f in found.get(key, []))),
            any(f.blocking for f in found.get(key, [])),
        )
        for key in keys
    ]


def _fields_to_fill(
    to_fill: list[Finding], lang: str, link: Callable[[str, str], str]
) -> list[ToFill]:
    """The open Grobkonzept fields that a rule asks for (the field's name says what)."""
    found: dict[str, list[Finding]] = {}
    for f in to_fill:
        if f.target_kind == "design":
            found.setdefault(f.target_key, []).append(f)
    return [
        ToFill(
            translate(GROBKONZEPT[name].label, lang),
            link("design", name),
            [],
            any(f.blocking for f in items),
        )
        for name, items in found.items()
    ]


# ------------------------------------------------------------------ comments


def open_comment_counts(design: Design) -> dict[tuple[str, int], int]:
    """Open threads per target, e.g. {("module", 7): 2}, in one query."""
    rows = db.session.execute(
        select(Comment.target_kind, Comment.target_id, func.count(Comment.id))
        .where(
            Comment.design_id == design.id,
            Comment.parent_id.is_(None),
            Comment.resolved.is_(False),
        )
        .group_by(Comment.target_kind, Comment.target_id)
    )
    return {(kind, target_id): count for kind, target_id, count in rows}


@dataclass
class Thread:
    root: Comment
    author: str
    replies: list[tuple[Comment, str]] = field(default_factory=list)
    resolved_by: str = ""


def comment_threads(
    design: Design, target_kind: str | None = None, target_id: int | None = None
) -> list[Thread]:
    """Threads (first comment and replies, oldest first), optionally of one target."""
    query = (
        select(Comment, User.display_name)
        .outerjoin(User, User.id == Comment.author_id)
        .where(Comment.design_id == design.id)
        .order_by(Comment.created_at, Comment.id)
    )
    if target_kind is not None:
        query = query.where(Comment.target_kind == target_kind, Comment.target_id == target_id)
    rows = db.session.execute(query).all()
    names = _names({c.resolved_by_id for c, _n in rows if c.resolved_by_id})
    threads: dict[int, Thread] = {}
    for comment, name in rows:
        if comment.parent_id is None:
            threads[comment.id] = Thread(
                comment, name or "—", resolved_by=names.get(comment.resolved_by_id, "")
            )
        elif comment.parent_id in threads:
            threads[comment.parent_id].replies.append((comment, name or "—"))
    return list(threads.values())


def _names(user_ids: set[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = db.session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids)))
    return {user_id: name for user_id, name in rows}


def comment_target_labels(design: Design) -> dict[str, str]:
    """Readable names of the things a comment can be about, keyed "kind:id"."""
    labels = {f"design:{design.id}": design.title}
    for oid, text in db.session.execute(
        select(LearningObjective.id, LearningObjective.text).where(
            LearningObjective.design_id == design.id
        )
    ):
        labels[f"objective:{oid}"] = text
    for mid, title in db.session.execute(
        select(Module.id, Module.title).where(Module.design_id == design.id)
    ):
        labels[f"module:{mid}"] = title
    for pid, title in db.session.execute(
        select(Placement.id, Nugget.title)
        .join(Nugget, Nugget.id == Placement.nugget_id)
        .where(Placement.design_id == design.id)
    ):
        labels[f"placement:{pid}"] = title
    return labels


# ------------------------------------------------------------------ notifications


def unread_notification_count(user: User) -> int:
    return (
        db.session.scalar(
            select(func.count(Notification.id)).where(
                Notification.user_id == user.id, Notification.read_at.is_(None)
            )
        )
        or 0
    )


def notifications_of(user: User, limit: int = 100) -> list[tuple[Notification, str]]:
    """The newest notifications with the title of their design."""
    rows = db.session.execute(
        select(Notification, Design.title)
        .outerjoin(Design, Design.id == Notification.design_id)
        .where(Notification.user_id == user.id)
        .order_by(Notification.id.desc())
        .limit(limit)
    )
    return [(n, title or "") for n, title in rows]


# ------------------------------------------------------------------ reviews


@dataclass(frozen=True)
class ReviewRow:
    review: Review
    reviewer: str
    outdated: bool


def reviews_of(design: Design, current_hash: str) -> list[ReviewRow]:
    """Every review of the design, newest request first, with the reviewer's name."""
    rows = db.session.execute(
        select(Review, User.display_name)
        .outerjoin(User, User.id == Review.reviewer_id)
        .where(Review.design_id == design.id)
        .order_by(Review.requested_at.desc(), Review.id.desc())
    )
    return [
        ReviewRow(r, name or "—", bool(r.snapshot_hash) and r.snapshot_hash != current_hash)
        for r, name in rows
    ]


def review_of(design: Design, review_id: int) -> Review:
    review = db.session.get(Review, review_id)
    if review is None or review.design_id != design.id:
        raise NotFound("review")
    return review


def reviewed_checklists(review: Review) -> list[Checklist]:
    """The checklists as they were when the design was submitted."""
    return [checklist_from_dict(data) for data in review.checklists]


def review_results(design: Design, review: Review, snap: DesignSnapshot) -> list[ChecklistResult]:
    """The review's checklists applied to `snap`. Learner results are not kept per
    revision: the rules on them judge what learners have done up to now."""
    return evaluate_all(snap, reviewed_checklists(review), learner_results(design))


def blocking_count(results: list[ChecklistResult]) -> int:
    """Findings that block approval, each counted once however many checklists hold it."""
    return sum(1 for f in distinct_findings(results) if f.blocking)


def reviewed_snapshot(review: Review) -> DesignSnapshot | None:
    """The state a closed review judged: the revision it decided on (or, withdrawn, the
    one submitted); None while the review is open and judges today's state."""
    if review.decision is not None:
        number = review.revision_number
    elif review.withdrawn_at is not None:
        number = review.submitted_revision
    else:
        return None
    revision = db.session.scalar(
        select(Revision).where(Revision.design_id == review.design_id, Revision.number == number)
    )
    return revision_snapshot(revision) if revision else None


def current_hash(snap: DesignSnapshot) -> str:
    return snapshot_hash(snap)


def quality_events(design: Design, limit: int = 200) -> list[tuple[Event, str]]:
    """Events of kind design.* and review.* with the actor's name, oldest first."""
    rows = db.session.execute(
        select(Event, User.display_name)
        .outerjoin(User, User.id == Event.actor_id)
        .where(
            Event.design_id == design.id,
            or_(Event.kind.like("design.%"), Event.kind.like("review.%")),
        )
        .order_by(Event.id)
        .limit(limit)
    )
    return [(e, name or "—") for e, name in rows]


def seal_by_token(token: str) -> tuple[Review, Design]:
    review = db.session.scalar(select(Review).where(Review.seal_token == token))
    if review is None or review.decision != "approved":
        raise NotFound("seal")
    design = db.session.get(Design, review.design_id)
    if design is None:
        raise NotFound("seal")
    return review, design


def reviewer_name(review: Review) -> str:
    user = db.session.get(User, review.reviewer_id) if review.reviewer_id else None
    return user.display_name if user else "—"


def _versions(design: Design) -> dict[int, Version]:
    rows = db.session.execute(
        select(Revision.number, Revision.created_at).where(Revision.design_id == design.id)
    )
    return {n: Version(n, created.date().isoformat()) for n, created in rows}


@dataclass(frozen=True)
class VersionState:
    """The latest stored version of a design and whether the design changed since."""

    latest: Version | None
    changed_since: bool


def version_state(design: Design, snap: DesignSnapshot) -> VersionState:
    latest = db.session.scalar(
        select(Revision)
        .where(Revision.design_id == design.id)
        .order_by(Revision.number.desc())
        .limit(1)
    )
    if latest is None:
        return VersionState(None, True)
    version = Version(latest.number, latest.created_at.date().isoformat())
    return VersionState(version, latest.snapshot_hash != snapshot_hash(snap))


def quality_record(design: Design, snap: DesignSnapshot) -> QualityRecord:
    """The automatic findings and the signed decisions, for documents (quality report)."""
    lang = snap.language
    findings = tuple(
        QualityFinding(
            f.rule,
            f.severity,
            f.message(lang),
            _target_label(snap, f),
            get_rule(f.rule).title(lang),
        )
        for f in design_findings(design, snap)
    )
    versions = _versions(design)
    reviews = tuple(
        SignOff(
            reviewer=row.reviewer,
            decision=row.review.decision or "",
            signed_at=row.review.signed_at.isoformat(timespec="minutes"),
            version=versions.get(row.review.revision_number or 0),
            comment="; ".join(x for x in (row.review.note, row.review.override_reason) if x),
        )
        for row in reviews_of(design, snapshot_hash(snap))
        if row.review.signed_at is not None
    )
    state = version_state(design, snap)
    return QualityRecord(findings, reviews, state.latest, state.changed_since)


def _target_label(snap: DesignSnapshot, finding: Finding) -> str:
    """What a finding concerns, by name (the nugget's title, the objective's text …)."""
    key = finding.target_key
    lookups = {
        "nugget": lambda: snap.nugget(key).title,
        "objective": lambda: snap.objective(key).text,
        "module": lambda: next(m.title for m in snap.modules if m.key == key),
        "asset": lambda: snap.asset(key).filename,
    }
    try:
        return lookups[finding.target_kind]() if finding.target_kind in lookups else key
    except (KeyError, StopIteration):
        return key
