"""Assembly of a SCORM package: a zip streamed into the given binary output.

Asset bytes are copied in chunks (memory does not grow with their size). Every asset is
opened once before the first byte is written, so a missing file raises `MissingAsset`
naming it instead of leaving a broken package behind. After writing, the zip's entries
are compared with the files the manifest lists.
"""

from __future__ import annotations

import shutil
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from designer.core.assets import AssetSource
from designer.core.snapshot import DesignSnapshot
from designer.export.learner.render import PLAYER_SCRIPT, STYLESHEET, Links, render_player
from designer.export.registry import ExportContext
from designer.export.scorm.options import read_settings
from designer.export.scorm.plan import CoursePlan, Page, build_plan
from designer.export.scorm.validate import MANIFEST, SchemaSet, listed_files, parse_manifest

RUNTIME_DIR = Path(__file__).resolve().parent / "runtime"
CHUNK = 1 << 16
STYLESHEET_PATH = "shared/learner.css"
PLAYER_PATH = "shared/player.js"


class IncompletePackage(RuntimeError):
    """The written zip and its manifest disagree (a bug in the exporter, never user input)."""


@dataclass(frozen=True)
class Version:
    """What differs between SCORM 1.2 and 2004: manifest, runtime adapter, schema files."""

    key: str
    manifest: Callable[[CoursePlan, Sequence[str]], bytes]
    runtime: str
    schemas: SchemaSet

    @property
    def runtime_path(self) -> str:
        return f"shared/{self.runtime}"


def write_package(
    snap: DesignSnapshot, out: BinaryIO, ctx: ExportContext, version: Version
) -> None:
    """Write the whole package of `snap` into `out` (which need not be seekable)."""
    plan = build_plan(snap, read_settings(ctx.options))
    _check_assets(plan, ctx.assets)
    runtime_files = {
        STYLESHEET_PATH: STYLESHEET,
        version.runtime_path: RUNTIME_DIR / version.runtime,
        PLAYER_PATH: PLAYER_SCRIPT,
    }
    shared = [*runtime_files, *(plan.asset_paths[a.key] for a in plan.shared_assets())]
    manifest = version.manifest(plan, shared)
    stamp = time.localtime(time.time())[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        _put(zf, MANIFEST, manifest, stamp)
        for schema in version.schemas.files():
            _put(zf, schema.name, schema.read_bytes(), stamp)
        for page in plan.pages:
            _put(zf, page.filename, _render(plan, page, version), stamp)
        for name, path in runtime_files.items():
            _put(zf, name, path.read_bytes(), stamp)
        for asset in plan.packaged_assets():
            info = _info(plan.asset_paths[asset.key], stamp)
            with ctx.assets.open(asset) as src, zf.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
        _check_complete(zf.namelist(), manifest, {s.name for s in version.schemas.files()})


def _render(plan: CoursePlan, page: Page, version: Version) -> bytes:
    """A page of the package: the course player with the page's units. Tracked pages
    load the LMS adapter before the player script; information pages load nothing."""
    scripts = (version.runtime_path, PLAYER_PATH) if page.tracked else ()
    links = Links(STYLESHEET_PATH, scripts, lambda asset: plan.asset_paths.get(asset.key))
    sco = page.resource if page.tracked else ""
    return render_player(plan.course, page.units, links, sco=sco).encode("utf-8")


def _check_assets(plan: CoursePlan, assets: AssetSource) -> None:
    for asset in plan.packaged_assets():
        assets.open(asset).close()


def _info(name: str, stamp: tuple[int, ...]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _put(zf: zipfile.ZipFile, name: str, data: bytes, stamp: tuple[int, ...]) -> None:
    zf.writestr(_info(name, stamp), data)


def _check_complete(names: list[str], manifest: bytes, schema_names: set[str]) -> None:
    listed = listed_files(parse_manifest(manifest))
    packaged = set(names) - {MANIFEST} - schema_names
    if listed != packaged or len(names) != len(set(names)):
        raise IncompletePackage(
            f"manifest and zip differ: not packaged {sorted(listed - packaged)}, "
            f"not listed {sorted(packaged - listed)}"
        )
