"""The interchange format: plain `design.json`, and the `.kurswerk` bundle (zip with files/)."""

from __future__ import annotations

import shutil
import zipfile
from typing import BinaryIO

from designer.core.assets import bundle_member
from designer.core.snapshot import DesignSnapshot, to_json
from designer.export.registry import ExportContext, ExportFormat


def write_json(snap: DesignSnapshot, out: BinaryIO, ctx: ExportContext) -> None:
    out.write(to_json(snap).encode("utf-8"))


def write_bundle(snap: DesignSnapshot, out: BinaryIO, ctx: ExportContext) -> None:
    """A zip with `design.json` at its root and each asset's bytes under `files/`."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("design.json", to_json(snap))
        for asset in snap.assets:
            with ctx.assets.open(asset) as src, zf.open(bundle_member(asset), "w") as dst:
                shutil.copyfileobj(src, dst)


FORMATS = (
    ExportFormat("json", "Kurswerk JSON", "json", "application/json", write_json),
    ExportFormat("kurswerk", "Kurswerk bundle", "kurswerk", "application/zip", write_bundle),
)
