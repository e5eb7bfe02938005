"""Turning an imported snapshot into a new design, all in one transaction."""

from __future__ import annotations

import mimetypes
import tempfile
from datetime import date
from pathlib import Path

from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from designer.core import snapshot as s
from designer.core.assets import MissingAsset
from designer.importers import registry
from designer.importers.base import Imported, ImportRefused
from designer.models import (
    Asset,
    Design,
    LearningObjective,
    Module,
    Nugget,
    NuggetRevision,
    Placement,
    User,
    Workspace,
    db,
)
from designer.queries.nugget_data import apply_snapshot_nugget, revision_data
from designer.services import events
from designer.services.partnerships import organisation_of
from designer.services.permissions import Action, require
from designer.services.revisions import store_revision
from designer.storage.filestore import FileStore, FileTooLarge


def import_upload(
    actor: User, workspace: Workspace, upload: FileStorage, store: FileStore, max_bytes: int
) -> tuple[Design, list[str]]:
    """Import an uploaded file as a new design; returns it with the importer's warnings.

    Every reason to refuse (unreadable file, missing or oversized asset) is raised as
    ImportRefused; the caller rolls back and nothing is written."""
    name = secure_filename(upload.filename or "") or "upload"
    with tempfile.TemporaryDirectory(prefix="kurswerk-import-") as folder:
        path = Path(folder) / name
        upload.save(path)
        return import_path(actor, workspace, path, store, max_bytes)


def import_path(
    actor: User | None, workspace: Workspace, path: Path, store: FileStore, max_bytes: int | None
) -> tuple[Design, list[str]]:
    """Import a file (any registered kind) as a new design; refusals are ImportRefused."""
    try:
        imported = registry.read(path)
        design = import_design(actor, workspace, imported, store, max_bytes)
    except (MissingAsset, FileTooLarge) as exc:
        raise ImportRefused([str(exc)]) from None
    return design, imported.warnings


def import_design(
    actor: User | None,
    workspace: Workspace,
    imported: Imported,
    store: FileStore,
    max_bytes: int | None = None,
    template_name: str | None = None,
) -> Design:
    """Create a design (and its library nuggets and assets) from an imported snapshot.

    The caller commits; on any error it rolls back and nothing is half-imported.
    `actor=None` is the command line, which acts as the operator of the instance.
    `template_name` names the template a new design is made from: then its first version
    says so, and the caller records how it was created, instead of an import."""
    if actor is not None:
        require(actor, Action.DESIGN_CREATE, workspace)
    snap = imported.snapshot
    design = _design(workspace, snap, actor)
    asset_ids = _assets(workspace, snap, imported, store, max_bytes)
    nugget_rows = _nuggets(workspace, snap, asset_ids, actor)
    objective_rows = {}
    for position, o in enumerate(snap.objectives):
        row = LearningObjective(
            design_id=design.id, text=o.text, bloom_level=o.bloom_level, position=position
        )
        db.session.add(row)
        objective_rows[o.key] = row
    db.session.flush()
    for position, m in enumerate(snap.modules):
        module = _module(design, m, position)
        for p_position, p in enumerate(m.placements):
            nugget = nugget_rows[p.nugget]
            placement = Placement(
                design_id=design.id,
                module=module,
                nugget_id=nugget.id,
                nugget_revision=nugget.revision,
                position=p_position,
                duration_override=p.duration_minutes,
                delivery_mode_override=p.delivery_mode,
            )
            placement.objectives = [objective_rows[k] for k in p.objectives]
            db.session.add(placement)
    db.session.flush()
    if template_name is not None:
        store_revision(design, actor, kind="template", message=template_name)
        return design
    events.record("design.imported", actor, workspace.id, design.id, title=design.title)
    store_revision(design, actor, kind="imported", message="Import")
    return design


def _design(workspace: Workspace, snap: s.DesignSnapshot, actor: User | None) -> Design:
    g = snap.grobkonzept
    design = Design(
        workspace_id=workspace.id,
        title=snap.title[:300],
        language=snap.language,
        created_by_id=actor.id if actor else None,
        organisation=organisation_of(actor, workspace.id),
        **{name: getattr(g, name) for name in s.GROBKONZEPT_TEXT_FIELDS + s.GROBKONZEPT_INT_FIELDS},
        **{
            name: date.fromisoformat(getattr(g, name)) if getattr(g, name) else None
            for name in s.GROBKONZEPT_DATE_FIELDS
        },
    )
    db.session.add(design)
    db.session.flush()
    return design


def _assets(
    workspace: Workspace,
    snap: s.DesignSnapshot,
    imported: Imported,
    store: FileStore,
    max_bytes: int | None,
) -> dict[str, int]:
    ids = {}
    for a in snap.assets:
        with imported.assets.open(a) as stream:
            sha, size = store.put(stream, max_bytes=max_bytes)
        row = Asset(
            workspace_id=workspace.id,
            sha256=sha,
            size=size,
            filename=a.filename,
            mimetype=a.mimetype
            or mimetypes.guess_type(a.filename)[0]
            or "application/octet-stream",
            alt_text=a.alt_text,
            license=a.license,
            attribution=a.attribution,
        )
        db.session.add(row)
        db.session.flush()
        ids[a.key] = row.id
    return ids


def _nuggets(
    workspace: Workspace, snap: s.DesignSnapshot, asset_ids: dict[str, int], actor: User | None
) -> dict[str, Nugget]:
    rows = {}
    organisation = organisation_of(actor, workspace.id)
    for n in snap.nuggets:
        nugget = Nugget(
            workspace_id=workspace.id,
            revision=1,
            created_by_id=actor.id if actor else None,
            organisation=organisation,
        )
        apply_snapshot_nugget(nugget, n, [asset_ids[k] for k in n.assets])
        db.session.add(nugget)
        rows[n.key] = nugget
    db.session.flush()
    for nugget in rows.values():
        db.session.add(
            NuggetRevision(
                nugget_id=nugget.id,
                revision=1,
                data=revision_data(nugget),
                author_id=actor.id if actor else None,
            )
        )
    return rows


def _module(design: Design, m: s.Module, position: int) -> Module:
    sched = m.schedule or s.Schedule()
    module = Module(
        design_id=design.id,
        title=m.title,
        description=m.description,
        position=position,
        schedule_date=date.fromisoformat(sched.date) if sched.date else None,
        schedule_start=sched.start,
        schedule_end=sched.end,
        schedule_place=sched.place,
    )
    db.session.add(module)
    return module
