"""Nuggets of a workspace library and their immutable revisions (create, update, fork,
copy). Placing them on a design's canvas is `designer.services.placements`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update

from designer.core import fields, limits
from designer.core.vocab import VOCABULARIES
from designer.models import (
    Asset,
    Design,
    Nugget,
    NuggetRevision,
    Placement,
    User,
    Workspace,
    db,
)
from designer.queries.nugget_data import FLAG_FIELDS, TEXT_FIELDS, completed, revision_data
from designer.services import events
from designer.services.designs import mark_changed
from designer.services.errors import Invalid, NotFound
from designer.services.locking import check_version
from designer.services.partnerships import organisation_of
from designer.services.permissions import Action, edits_library_nugget, require

VOCAB_FIELDS = {
    name: kind.vocabulary for name, kind in fields.NUGGET.items() if isinstance(kind, fields.Choice)
}


def clean_nugget_values(values: dict[str, Any]) -> dict[str, Any]:
    """Validate and normalise nugget fields; Invalid names every bad field."""
    simple = {name: value for name, value in values.items() if name not in _OWN_CHECKS}
    clean, errors = fields.clean_all(fields.NUGGET, simple)
    for name, check in _OWN_CHECKS.items():
        if name in values:
            clean[name] = check(values[name], errors)
    if errors:
        raise Invalid(errors)
    return {name: clean[name] for name in values}  # in the order given


def _clean_asset_ids(asset_ids: list[Any] | None, errors: dict[str, str]) -> list[int]:
    """File ids as ints (whether they are this workspace's is `_check_assets`'s job)."""
    try:
        return [int(i) for i in asset_ids or []]
    except (TypeError, ValueError):
        errors["asset_ids"] = "unknown"
        return []


def _clean_questions(
    questions: list[dict[str, Any]] | None, errors: dict[str, str]
) -> list[dict[str, Any]]:
    if code := limits.exceeds(len(questions or []), "questions"):
        errors["questions"] = code
        return []
    out = []
    for i, q in enumerate(questions or []):
        if q.get("kind") not in VOCABULARIES["question_kind"] or not str(q.get("text", "")).strip():
            errors[f"questions.{i}"] = "invalid_question"
            continue
        answers = [_clean_answer(q["kind"], a) for a in q.get("answers", [])]
        answers = [a for a in answers if a["text"] or a.get("match")]
        if code := limits.exceeds(len(answers), "answers") or _match_misplaced(q["kind"], answers):
            errors[f"questions.{i}"] = code
        out.append(
            {
                "kind": q["kind"],
                "text": str(q["text"]).strip(),
                "feedback": str(q.get("feedback", "")).strip(),
                "answers": answers,
            }
        )
    return out


def _clean_answer(kind: str, answer: dict[str, Any]) -> dict[str, Any]:
    """An answer as stored: "match" only when given; a matching question's answers are
    never "correct" (pairs are), a short-answer question's always are (each is accepted)."""
    correct = {"match": False, "shortanswer": True}.get(kind, bool(answer.get("correct")))
    out: dict[str, Any] = {"text": str(answer.get("text", "")).strip(), "correct": correct}
    out["feedback"] = str(answer.get("feedback", "")).strip()
    if match := str(answer.get("match", "")).strip():
        out["match"] = match
    return out


def _match_misplaced(kind: str, answers: list[dict[str, Any]]) -> str | None:
    """Only a matching question pairs its answers."""
    return "match_not_allowed" if kind != "match" and any("match" in a for a in answers) else None


# Fields with a check of their own: their errors are keyed by item (questions.0 …).
_OWN_CHECKS = {"questions": _clean_questions, "asset_ids": _clean_asset_ids}


def _new_revision(nugget: Nugget, actor: User | None) -> NuggetRevision:
    revision = NuggetRevision(
        nugget_id=nugget.id,
        revision=nugget.revision,
        data=revision_data(nugget),
        author_id=actor.id if actor else None,
    )
    db.session.add(revision)
    return revision


def create_nugget(actor: User, workspace: Workspace, values: dict[str, Any]) -> Nugget:
    require(actor, Action.NUGGET_EDIT, workspace)
    clean = clean_nugget_values(values)
    _check_questions_complete(clean.get("questions", []))
    return create_nugget_unchecked(actor, workspace, clean)


def _check_questions_complete(questions: list[dict[str, Any]]) -> None:
    """Questions an author writes must be complete (`fields.question_problem`); copies,
    forks and restores keep what they copy, and the quality panel names what is missing."""
    problems = {
        f"questions.{i}": code
        for i, q in enumerate(questions)
        if (code := fields.question_problem(q["kind"], q["text"], q["answers"]))
    }
    if problems:
        raise Invalid(problems)


def _check_assets(workspace_id: int, asset_ids: list[int]) -> None:
    """A nugget may only use files of its own workspace."""
    if not asset_ids:
        return
    found = db.session.scalar(
        select(func.count(Asset.id)).where(
            Asset.id.in_(set(asset_ids)), Asset.workspace_id == workspace_id
        )
    )
    if found != len(set(asset_ids)):
        raise Invalid({"asset_ids": "unknown"})


def create_nugget_unchecked(
    actor: User | None, workspace: Workspace, clean: dict[str, Any]
) -> Nugget:
    """For callers that already authorised the write (placing a new nugget on a design)."""
    _check_assets(workspace.id, clean.get("asset_ids", []))
    nugget = Nugget(
        workspace_id=workspace.id,
        created_by_id=actor.id if actor else None,
        organisation=organisation_of(actor, workspace.id),
        revision=1,
        **clean,
    )
    db.session.add(nugget)
    db.session.flush()
    _new_revision(nugget, actor)
    events.record("nugget.created", actor, workspace.id, nugget_id=nugget.id, title=nugget.title)
    return nugget


def nugget_in(workspace_id: int, nugget_id: int) -> Nugget:
    nugget = db.session.get(Nugget, nugget_id)
    if nugget is None or nugget.workspace_id != workspace_id or nugget.deleted_at is not None:
        raise NotFound("nugget")
    return nugget


def update_nugget(
    actor: User,
    nugget: Nugget,
    values: dict[str, Any],
    expected_version: int | None,
    via: Design | None = None,
) -> Nugget:
    """Write a new revision. Edited from a design's canvas, that design pulls it at once;
    other designs keep their pin and see "update available". Someone who may not edit the
    library (a guest) writes a copy for that design instead when other designs use the
    nugget (`permissions.edits_library_nugget`); the returned nugget is the one written."""
    if via is not None:
        require(actor, Action.DESIGN_EDIT, via)
        if via.workspace_id != nugget.workspace_id:
            raise NotFound("nugget")
    else:
        workspace = db.session.get(Workspace, nugget.workspace_id)
        require(actor, Action.NUGGET_EDIT, workspace)
    check_version(nugget, expected_version, revision_data(nugget))
    clean = clean_nugget_values(values)
    _check_assets(nugget.workspace_id, clean.get("asset_ids", []))
    changed = [name for name, value in clean.items() if getattr(nugget, name) != value]
    if not changed:
        return nugget
    if "questions" in changed:
        _check_questions_complete(clean["questions"])
    if via is not None and not edits_library_nugget(actor, nugget, via):
        nugget = _copy_for_design(actor, nugget, via)
    for name in changed:
        setattr(nugget, name, clean[name])
    nugget.revision += 1
    db.session.flush()
    _new_revision(nugget, actor)
    events.record(
        "nugget.updated",
        actor,
        nugget.workspace_id,
        via.id if via else None,
        nugget_id=nugget.id,
        revision=nugget.revision,
        fields=changed,
    )
    if via is not None:
        # Re-pinning is not an edit of the placement's own fields, so it leaves their
        # lock_version alone (someone editing the objective links does not conflict).
        db.session.execute(
            update(Placement)
            .where(Placement.design_id == via.id, Placement.nugget_id == nugget.id)
            .values(nugget_revision=nugget.revision)
        )
        mark_changed(via, actor)
    return nugget


def _copy_for_design(actor: User, nugget: Nugget, design: Design) -> Nugget:
    """A copy of `nugget` (its current fields) that takes its place on `design` only."""
    workspace = db.session.get(Workspace, design.workspace_id)
    values = clean_nugget_values(values_of_revision(revision_data(nugget)))
    copy = create_nugget_unchecked(actor, workspace, values)
    copy.forked_from_id = nugget.id
    db.session.execute(
        update(Placement)
        .where(Placement.design_id == design.id, Placement.nugget_id == nugget.id)
        .values(nugget_id=copy.id, nugget_revision=copy.revision)
        .execution_options(synchronize_session="fetch")
    )
    return copy


def values_of_revision(data: dict[str, Any]) -> dict[str, Any]:
    """A revision's data as the field values `create_nugget` takes."""
    data = completed(data)
    values = {
        name: data[name]
        for name in (
            *TEXT_FIELDS,
            *FLAG_FIELDS,
            "duration_minutes",
            "tags",
            "questions",
            "asset_ids",
        )
    }
    values["pass_mark_percent"] = data.get("pass_mark_percent")  # not in older revisions
    values.update({f"schedule_{k}": v for k, v in data["schedule"].items()})
    return values


def fork_nugget(actor: User, nugget: Nugget, workspace: Workspace) -> Nugget:
    """Make a copy of a nugget of the same workspace's library."""
    if nugget.workspace_id != workspace.id or nugget.deleted_at is not None:
        raise NotFound("nugget")
    return copy_nugget(actor, nugget, workspace)


def copy_nugget(actor: User, nugget: Nugget, workspace: Workspace) -> Nugget:
    """A new nugget in `workspace` from `nugget`'s current fields, remembering its origin.
    The caller has made sure the actor may see `nugget` (same library, or shared)."""
    require(actor, Action.NUGGET_EDIT, workspace)
    values = clean_nugget_values(values_of_revision(revision_data(nugget)))
    if nugget.workspace_id != workspace.id:
        values["asset_ids"] = _copy_assets(values.get("asset_ids", []), workspace)
    copy = create_nugget_unchecked(actor, workspace, values)
    copy.forked_from_id = nugget.id
    return copy


def _copy_assets(asset_ids: list[int], workspace: Workspace) -> list[int]:
    """The files of a nugget from another workspace, as rows of `workspace` (the bytes are
    content-addressed and shared; licence and attribution travel with them)."""
    copies = []
    for asset in db.session.scalars(select(Asset).where(Asset.id.in_(asset_ids))):
        copy = Asset(
            workspace_id=workspace.id,
            **{
                name: getattr(asset, name)
                for name in (
                    "sha256",
                    "filename",
                    "mimetype",
                    "size",
                    "alt_text",
                    "license",
                    "attribution",
                )
            },
        )
        db.session.add(copy)
        copies.append(copy)
    db.session.flush()
    return [c.id for c in copies]


def revision_values(nugget: Nugget, revision: int | None) -> dict[str, Any] | None:
    """The fields of one stored revision of a nugget, or None when there is no such one."""
    if revision is None:
        return None
    row = db.session.scalar(
        select(NuggetRevision).where(
            NuggetRevision.nugget_id == nugget.id, NuggetRevision.revision == revision
        )
    )
    return completed(row.data) if row else None
