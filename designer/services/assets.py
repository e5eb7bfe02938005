"""Files attached to nuggets: checked uploads stored in the file store with an Asset row."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from designer.core.characters import strip_control
from designer.models import Asset, Design, Nugget, User, Workspace, db
from designer.queries.nugget_data import revision_data
from designer.services import events
from designer.services.errors import Invalid, NotFound
from designer.services.locking import check_version
from designer.services.nuggets import update_nugget
from designer.services.permissions import Action, require
from designer.storage.filestore import FileStore
from designer.storage.uploads import accepted_kind, spool

MAX_FILENAME = 255


def _authorise(actor: User, nugget: Nugget, via: Design | None) -> None:
    if via is not None:
        require(actor, Action.DESIGN_EDIT, via)
        if via.workspace_id != nugget.workspace_id:
            raise NotFound("nugget")
    else:
        require(actor, Action.NUGGET_EDIT, db.session.get(Workspace, nugget.workspace_id))


def attach_upload(
    actor: User,
    nugget: Nugget,
    stream: BinaryIO,
    filename: str,
    details: dict[str, str],
    store: FileStore,
    max_bytes: int,
    expected_version: int | None,
    via: Design | None = None,
) -> Asset:
    """Check an uploaded file (size, type by its bytes), store it and link it to the
    nugget as a new revision. `details` holds alt_text, license and attribution."""
    _authorise(actor, nugget, via)
    check_version(nugget, expected_version, revision_data(nugget))
    filename = strip_control(Path(filename or "").name).strip()[:MAX_FILENAME]
    if not filename:
        raise Invalid({"file": "required"})
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=store.scratch.path()))
    try:
        path = spool(stream, folder, max_bytes)
        if path is None:
            raise Invalid({"file": "file_too_large"})
        if path.stat().st_size == 0:
            raise Invalid({"file": "file_empty"})
        kind = accepted_kind(path, filename)
        if kind is None:
            raise Invalid({"file": "file_type"})
        with path.open("rb") as fh:
            sha256, size = store.put(fh, max_bytes)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    asset = Asset(
        workspace_id=nugget.workspace_id,
        sha256=sha256,
        filename=filename,
        mimetype=kind.mimetype,
        size=size,
        alt_text=(details.get("alt_text") or "").strip(),
        license=(details.get("license") or "").strip()[:120],
        attribution=(details.get("attribution") or "").strip(),
    )
    db.session.add(asset)
    db.session.flush()
    events.record(
        "asset.uploaded",
        actor,
        nugget.workspace_id,
        via.id if via else None,
        asset_id=asset.id,
        nugget_id=nugget.id,
        filename=filename,
    )
    update_nugget(actor, nugget, {"asset_ids": [*nugget.asset_ids, asset.id]}, None, via=via)
    return asset
