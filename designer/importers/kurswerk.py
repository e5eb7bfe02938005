"""Import of `design.json` and `.kurswerk` bundles (the interchange format)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import BinaryIO

from designer.core import limits
from designer.core.assets import DirectoryAssets, MissingAsset, bundle_member
from designer.core.snapshot import Asset, DesignSnapshot, FormatError, from_dict, load_json
from designer.importers.base import Imported, ImportRefused
from designer.importers.safezip import DAMAGED, open_checked, read_member


def _member(asset: Asset, names: set[str]) -> str | None:
    """The bundle member holding the asset: `files/<key>/<name>`, or `files/<name>` as
    bundles written before assets were kept apart by key."""
    for name in (bundle_member(asset), f"files/{asset.filename}"):
        if name in names:
            return name
    return None


class ZipAssets:
    """Asset bytes read straight from the bundle's `files/` folder."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def open(self, asset: Asset) -> BinaryIO:
        zf = zipfile.ZipFile(self.path)
        name = _member(asset, set(zf.namelist()))
        if name is None:
            zf.close()
            raise MissingAsset(asset)
        label = f"{self.path.name}: {name}"
        try:
            return _ClosingMember(zf, zf.open(name), label)
        except DAMAGED as exc:
            zf.close()
            raise ImportRefused([f"{label} is damaged ({exc})"]) from None


class _ClosingMember:
    """A zip member stream that closes its archive with it; a damaged member is refused."""

    def __init__(self, zf: zipfile.ZipFile, fh: BinaryIO, label: str):
        self._zf, self._fh, self._label = zf, fh, label

    def read(self, size: int = -1) -> bytes:
        try:
            return self._fh.read(size)
        except DAMAGED as exc:
            raise ImportRefused([f"{self._label} is damaged ({exc})"]) from None

    def close(self) -> None:
        self._fh.close()
        self._zf.close()

    def __enter__(self) -> _ClosingMember:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def read_json_file(path: str | Path) -> Imported:
    """A plain design.json; asset files are looked for in a `files/` folder beside it."""
    path = Path(path)
    if path.stat().st_size > limits.active().design_json_bytes:
        raise ImportRefused([_too_large()])
    snap = _snapshot(path.read_bytes(), path.name)
    files = path.parent / "files"
    missing = [a.filename for a in snap.assets if not (files / a.filename).is_file()]
    if missing:
        raise ImportRefused(
            [
                f"{path.name}: asset file {name} not found in {files} (import the .kurswerk bundle)"
                for name in missing
            ]
        )
    return Imported(snap, DirectoryAssets(files))


def _too_large() -> str:
    return limits.too_long("design_json_mib", limits.active().design_json_bytes // limits.MiB)


def _snapshot(raw: bytes, source: str) -> DesignSnapshot:
    """Read a design.json, refusing one beyond the limits before reading its items."""
    try:
        data = load_json(raw, source)
        problems = limits.document_problems(data)
        if problems:
            raise ImportRefused(problems)
        return from_dict(data, source)
    except FormatError as exc:
        raise ImportRefused(exc.problems) from None


def read_bundle(path: str | Path) -> Imported:
    path = Path(path)
    with open_checked(str(path), path.name) as zf:
        names = set(zf.namelist())
        if "design.json" not in names:
            raise ImportRefused([f"{path.name}: no design.json at the root of the bundle"])
        if zf.getinfo("design.json").file_size > limits.active().design_json_bytes:
            raise ImportRefused([_too_large()])
        raw = read_member(zf, "design.json", limits.active().design_json_bytes)
    snap = _snapshot(raw, f"{path.name}/design.json")
    missing = [a for a in snap.assets if _member(a, names) is None]
    if missing:
        raise ImportRefused([f"{path.name}: {bundle_member(a)} is missing" for a in missing])
    return Imported(snap, ZipAssets(path))
