"""Giving a design a badge: its name, description and drawn look, or an uploaded image."""

from __future__ import annotations

import secrets
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from designer.core import fields as f
from designer.core.characters import strip_control
from designer.core.vocab import BADGE_COLOURS, BADGE_SHAPES
from designer.export.badges import NotPNG, chunks
from designer.models import Asset, Badge, Design, User, db
from designer.models.columns import utcnow
from designer.services import events
from designer.services.errors import Invalid
from designer.services.permissions import Action, require
from designer.storage.filestore import FileStore
from designer.storage.uploads import PNG, accepted_kind, spool

NAME = f.BADGE_NAME
DESCRIPTION = f.BADGE_DESCRIPTION
MAX_IMAGE_BYTES = 1024 * 1024
MAX_FILENAME = 255


def badge_of(design: Design) -> Badge | None:
    return db.session.scalar(select(Badge).where(Badge.design_id == design.id))


def save_badge(
    actor: User, design: Design, name: str, description: str, shape: str, colour: str
) -> Badge:
    """Create or change the design's badge; nothing is saved when a value is refused."""
    require(actor, Action.DESIGN_EDIT, design)
    values = _clean(name, description, shape, colour)
    badge = badge_of(design)
    if badge is None:
        badge = Badge(design_id=design.id, public_id=secrets.token_hex(16))
        db.session.add(badge)
    for key, value in values.items():
        setattr(badge, key, value)
    badge.updated_by_id = actor.id
    badge.updated_at = utcnow()
    db.session.flush()
    events.record("badge.saved", actor, design.workspace_id, design.id, name=badge.name)
    return badge


def badge_from_import(
    design: Design, name: str, description: str, shape: str, colour: str
) -> Badge:
    """The badge an imported design (or one made from a template) brings along; the
    snapshot reader checked its values. An uploaded image does not travel."""
    badge = Badge(
        design_id=design.id,
        public_id=secrets.token_hex(16),
        name=name,
        description=description,
        shape=shape,
        colour=colour,
    )
    db.session.add(badge)
    return badge


def _clean(name: str, description: str, shape: str, colour: str) -> dict[str, str]:
    errors, values = {}, {}
    for key, kind, value in (("name", NAME, name), ("description", DESCRIPTION, description)):
        try:
            values[key] = strip_control(kind.clean(value))
        except f.Refused as refused:
            errors[key] = refused.code
    if shape not in BADGE_SHAPES:
        errors["shape"] = "unknown"
    if colour not in BADGE_COLOURS:
        errors["colour"] = "unknown"
    if errors:
        raise Invalid(errors)
    return {**values, "shape": shape, "colour": colour}


def set_badge_image(
    actor: User, design: Design, stream: BinaryIO, filename: str, store: FileStore
) -> Asset:
    """Use an uploaded PNG as the badge's image (the badge must exist). The file passes
    the one upload check (type from its bytes, name agreeing); SVG is refused there, as
    it can carry scripts."""
    require(actor, Action.DESIGN_EDIT, design)
    badge = badge_of(design)
    if badge is None:
        raise Invalid({"image": "badge_first"})
    filename = strip_control(Path(filename or "").name).strip()[:MAX_FILENAME]
    if not filename:
        raise Invalid({"image": "required"})
    folder = Path(tempfile.mkdtemp(prefix="upload-", dir=store.scratch.path()))
    try:
        path = spool(stream, folder, MAX_IMAGE_BYTES)
        if path is None:
            raise Invalid({"image": "file_too_large"})
        if path.stat().st_size == 0:
            raise Invalid({"image": "file_empty"})
        if accepted_kind(path, filename) != PNG:
            raise Invalid({"image": "badge_png"})
        try:
            chunks(path.read_bytes())
        except NotPNG:
            raise Invalid({"image": "badge_png"}) from None
        with path.open("rb") as fh:
            sha256, size = store.put(fh, MAX_IMAGE_BYTES)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    asset = Asset(
        workspace_id=design.workspace_id,
        sha256=sha256,
        filename=filename,
        mimetype=PNG.mimetype,
        size=size,
        alt_text=badge.name,
    )
    db.session.add(asset)
    db.session.flush()
    badge.image_asset_id = asset.id
    badge.updated_by_id = actor.id
    badge.updated_at = utcnow()
    events.record("badge.image", actor, design.workspace_id, design.id, filename=filename)
    return asset


def drop_badge_image(actor: User, design: Design) -> None:
    """Go back to the drawn image."""
    require(actor, Action.DESIGN_EDIT, design)
    badge = badge_of(design)
    if badge is not None and badge.image_asset_id is not None:
        badge.image_asset_id = None
        badge.updated_at = utcnow()
        events.record("badge.image_removed", actor, design.workspace_id, design.id)


def remove_badge(actor: User, design: Design) -> None:
    require(actor, Action.DESIGN_EDIT, design)
    badge = badge_of(design)
    if badge is not None:
        db.session.delete(badge)
        events.record("badge.removed", actor, design.workspace_id, design.id, name=badge.name)
