"""Turning an imported snapshot into a new design, all in one transaction."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import BinaryIO

from werkzeug.utils import secure_filename

from designer.core import limits
from designer.core import snapshot as s
from designer.core.assets import MissingAsset
from designer.core.characters import without_control
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
from designer.services.badges import badge_from_import
from designer.services.partnerships import organisation_of
from designer.services.permissions import Action, require
from designer.services.revisions import store_revision
from designer.storage.filestore import CHUNK, FileStore, FileTooLarge
from designer.storage.uploads import accepted_kind, allowed_extensions


class FileRefused(ImportRefused):
    """An imported file fails the checks every upload passes (kind and content)."""


def import_upload(
    actor: User,
    workspace: Workspace,
    stream: BinaryIO,
    filename: str,
    store: FileStore,
    max_bytes: int,
) -> tuple[Design, list[str]]:
    """Import an uploaded file (its content and the name it was sent with) as a new design;
    returns it with the importer's warnings. The importers tell the kind by the name's
    extension, so the file is copied under that name into a scratch folder first.

    Every reason to refuse (unreadable file, missing or oversized asset) is raised as
    ImportRefused; the caller rolls back and nothing is written."""
    name = _short_name(filename)
    with store.scratch.folder("import-") as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            shutil.copyfileobj(stream, out)
        return import_path(actor, workspace, path, store, max_bytes)


def _short_name(filename: str, keep: int = 100) -> str:
    """A safe local name for the upload that keeps its extension (which picks the
    importer) and is never too long for the file system."""
    name = secure_filename(filename) or "upload"
    suffix = Path(name).suffix[:16]
    stem = name[: len(name) - len(suffix)]
    return stem[: keep - len(suffix)] + suffix


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
    snap = without_control(imported.snapshot)  # Word's line breaks, NUL, ...: see core.text
    problems = limits.snapshot_problems(snap)
    if problems:
        raise ImportRefused(problems)
    # Files first: the first row written takes the database's write lock (on SQLite, for
    # every other writer), which is then held only while rows are written, never while
    # large files are copied and hashed.
    stored = _store_files(snap, imported, store, max_bytes)
    design = _design(workspace, snap, actor)
    asset_ids = _assets(workspace, snap, stored)
    nugget_rows = _nuggets(workspace, snap, asset_ids, actor)
    objective_rows = {}
    for position, o in enumerate(snap.objectives):
        row = LearningObjective(
            design_id=design.id, text=o.text, bloom_level=o.bloom_level, position=position
        )
        db.session.add(row)
        objective_rows[o.key] = row
    if snap.badge is not None:
        b = snap.badge
        badge_from_import(design, b.name, b.description, b.shape, b.colour)
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
        placeholder_fields=list(snap.placeholder_fields),
    )
    db.session.add(design)
    db.session.flush()
    return design


def _store_files(
    snap: s.DesignSnapshot, imported: Imported, store: FileStore, max_bytes: int | None
) -> dict[str, tuple[str, int, str]]:
    """Asset key → (sha256, size, MIME type) of its file, now in the store."""
    stored = {}
    for a in snap.assets:
        with imported.assets.open(a) as stream:
            stored[a.key] = _store_checked(a, stream, store, max_bytes)
    return stored


def _store_checked(
    a: s.Asset, stream: BinaryIO, store: FileStore, max_bytes: int | None
) -> tuple[str, int, str]:
    """Store an imported file after the checks every upload passes (its type read from
    its bytes, agreeing with its name) and, when the document names it, its sha256.
    Returns (sha256, size, sniffed MIME type); a refused file is never stored."""
    with store.scratch.folder("import-asset-") as folder:
        path = Path(folder) / "asset"
        digest = hashlib.sha256()
        with path.open("wb") as out:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                if max_bytes is not None and out.tell() > max_bytes:
                    raise FileTooLarge(f"{a.filename}: file is larger than {max_bytes} bytes")
        if a.sha256 and digest.hexdigest() != a.sha256.lower():
            raise ImportRefused(
                [f"{a.filename}: the file's bytes do not match its sha256 in design.json"]
            )
        kind = accepted_kind(path, a.filename)
        if kind is None:
            raise FileRefused(
                [
                    f"{a.filename}: this kind of file is not allowed or its name does not "
                    f"match its content (allowed: {', '.join(allowed_extensions())})"
                ]
            )
        with path.open("rb") as fh:
            sha, size = store.put(fh)
    return sha, size, kind.mimetype


def _assets(
    workspace: Workspace, snap: s.DesignSnapshot, stored: dict[str, tuple[str, int, str]]
) -> dict[str, int]:
    ids = {}
    for a in snap.assets:
        sha, size, mimetype = stored[a.key]
        row = Asset(
            workspace_id=workspace.id,
            sha256=sha,
            size=size,
            filename=a.filename,
            mimetype=mimetype,
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
        breaks=[asdict(b) for b in m.breaks],
    )
    db.session.add(module)
    return module
